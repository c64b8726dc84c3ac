// GET /api/vendors – organizations (vendors, labs, report authors...), filtered by role and kind, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listVendors } from "@/lib/queries/organizations";
import { vendorsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(vendorsQuerySchema, request);
  return publicJson(await listVendors(filters, { limit }));
});
