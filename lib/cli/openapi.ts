// Writes the OpenAPI document (the one /api/openapi.json serves) to a file, for checkers and clients.
//   npx tsx lib/cli/openapi.ts [out.json]      (default: stdout)
// The servers entry is MOXING_PUBLIC_URL when set, else "/" (relative to wherever it is served).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "@/lib/api/openapi";
import { publicBaseUrl } from "@/lib/api/public-url";

const out = process.argv.slice(2).find((a) => a !== "--");
const text = JSON.stringify(openApiDocument(publicBaseUrl() ?? undefined), null, 2) + "\n";
if (out) {
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, text);
} else process.stdout.write(text);
