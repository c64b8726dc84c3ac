// GET /api/filings – filing counts as series (one per metric and stating organization, with the metric's definition), paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listFilingSeriesPage } from "@/lib/queries/filings";
import { filingsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(filingsQuerySchema, request);
  return publicJson(await listFilingSeriesPage(filters, { limit }));
});
