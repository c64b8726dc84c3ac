// GET /api/events – events newest first, filtered by vendor, industry, model, type and period, paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listEvents } from "@/lib/queries/events";
import { eventsQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(eventsQuerySchema, request);
  return publicJson(await listEvents(filters, { limit }));
});
