// Lint: Next's own rules (core web vitals, hooks, a11y, imports) plus typescript-eslint's
// type-aware rules, the ones that catch what the compiler lets through (a promise nobody awaits,
// an `any` leaking into typed code). Formatting is Prettier's job, so its overlaps are off.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The extraction is pure text analysis: the stages that use it (ingest, store, pages) depend on
    // it, never the reverse. Types two stages share live in lib/text.
    files: ["lib/extract/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/ingest", "@/lib/ingest/*", "../ingest/*"],
              message: "lib/extract must not depend on ingestion",
            },
            {
              group: ["@/lib/db", "@/lib/db/*", "@/lib/queries/*", "@/app/*"],
              message: "lib/extract is pure: no database, no pages",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**"],
    rules: {
      // Tests read JSON bodies (typed `any` by fetch) and assert their shape; the assertion is the check.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // No React in tests: `useDatabase` and its kin are fixtures, not hooks.
      "react-hooks/rules-of-hooks": "off",
    },
  },
  prettier,
  globalIgnores([
    "lib/generated/**",
    ".next/**",
    ".next-*/**",
    "next-env.d.ts",
    "bench/out/**",
    "scratch/**",
    "coverage/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    ".e2e/**",
    ".tmp*/**",
  ]),
]);
