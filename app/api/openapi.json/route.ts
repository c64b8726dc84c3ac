// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas.
import { handler, json } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";
import { baseUrlFor } from "@/lib/api/public-url";

export const GET = handler((request) =>
  json(openApiDocument(baseUrlFor(request)), { headers: { "Cache-Control": "public, max-age=300" } }),
);
