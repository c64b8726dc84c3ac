// GET /api/claims – quantitative claims, latest as-of first, filtered by metric, model and vendor, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listClaimsPage } from "@/lib/queries/api-claims";
import { claimsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, model, vendor, ...rest } = parseQuery(claimsQuerySchema, request);
  return publicJson(await listClaimsPage({ ...rest, modelSlug: model, organizationSlug: vendor }, { limit }));
});
