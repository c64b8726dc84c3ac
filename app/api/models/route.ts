// GET /api/models – models, filtered by vendor, industry, status and text (q), paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listModelsWithText } from "@/lib/queries/api-models";
import { modelsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(modelsQuerySchema, request);
  return publicJson(await listModelsWithText(filters, { limit }));
});
