// GET /api/funding – funding rounds newest first, filtered by company, investor, round and period, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listFundingRounds } from "@/lib/queries/funding";
import { fundingQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(fundingQuerySchema, request);
  return publicJson(await listFundingRounds(filters, { limit }));
});
