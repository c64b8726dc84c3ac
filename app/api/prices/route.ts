// GET /api/prices – prices per million tokens and price cuts, latest first, filtered by model, vendor, metric, currency and period, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listPrices } from "@/lib/queries/prices";
import { pricesQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(pricesQuerySchema, request);
  return publicJson(await listPrices(filters, { limit }));
});
