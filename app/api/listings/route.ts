// GET /api/listings – listings (IPOs) newest first, filtered by company and period, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listListings } from "@/lib/queries/funding";
import { listingsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(listingsQuerySchema, request);
  return publicJson(await listListings(filters, { limit }));
});
