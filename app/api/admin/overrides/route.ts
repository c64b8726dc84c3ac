// GET /api/admin/overrides – the history of editors' corrections, newest first (filters: kind, state).
import { requireAdmin } from "@/lib/admin/guard";
import { listOverrides } from "@/lib/admin/overrides";
import { overrideListQuerySchema } from "@/lib/admin/override-schema";
import { handler, json, parseQuery } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  requireAdmin(request);
  return json(await listOverrides(parseQuery(overrideListQuerySchema, request)));
});
