import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  // Native / WebAssembly packages the ingestion uses; loaded by Node at runtime, never bundled.
  serverExternalPackages: [
    "@node-rs/jieba",
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "pglite-prisma-adapter",
  ],
  poweredByHeader: false,
  // A separate build directory for a second build on the same checkout (default .next).
  distDir: process.env.MOXING_NEXT_DIST_DIR || ".next",
  // `npm test` type-checks the whole project first (npm run typecheck); MOXING_SKIP_TYPECHECK=1
  // lets a build skip repeating it (e.g. while unrelated files are mid-edit).
  typescript: { ignoreBuildErrors: process.env.MOXING_SKIP_TYPECHECK === "1" },
};

export default withNextIntl(nextConfig);
