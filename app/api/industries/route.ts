// GET /api/industries – industries with how many models, vendors and articles touch them, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listIndustries } from "@/lib/queries/industries";
import { industriesQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return publicJson(await listIndustries(parseQuery(industriesQuerySchema, request)));
});
