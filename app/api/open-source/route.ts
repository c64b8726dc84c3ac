// GET /api/open-source – open-source releases newest first, filtered by vendor, model, licence and period, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listOpenSourceReleases } from "@/lib/queries/open-source";
import { openSourceQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(openSourceQuerySchema, request);
  return publicJson(await listOpenSourceReleases(filters, { limit }));
});
