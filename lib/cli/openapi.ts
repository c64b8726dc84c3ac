// Writes the OpenAPI document (the one /api/openapi.json serves) to a file, for checkers and clients.
//   npx tsx lib/cli/openapi.ts [out.json]      (default: stdout)
// The servers entry is MOXING_PUBLIC_URL when set, else "/" (relative to wherever it is served).
import { writeFileSync } from "node:fs";
import { openApiDocument } from "@/lib/api/openapi";
import { publicBaseUrl } from "@/lib/api/public-url";

const out = process.argv.slice(2).find((a) => a !== "--");
const text = JSON.stringify(openApiDocument(publicBaseUrl() ?? undefined), null, 2) + "\n";
if (out) writeFileSync(out, text);
else process.stdout.write(text);
