// GET /api/export/events.csv – events as CSV (one row per event, with its first evidence), with the timeline's filters.
import { csvResponse } from "@/lib/api/csv";
import { eventsCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { eventsExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return csvResponse(
    await eventsCsv(parseQuery(eventsExportQuerySchema, request), baseUrlFor(request)),
    "moxing-events.csv",
  );
});
