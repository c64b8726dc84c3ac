// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the zod schemas.
import { handler, json } from "@/lib/api/http";
import { openApiDocument } from "@/lib/api/openapi";

export const GET = handler(() => json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } }));
