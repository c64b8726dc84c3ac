// GET /api/export/open-source.csv – open-source releases as CSV (one row per release, with its first evidence).
import { csvResponse } from "@/lib/api/csv";
import { openSourceCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { openSourceExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return csvResponse(
    await openSourceCsv(parseQuery(openSourceExportQuerySchema, request), baseUrlFor(request)),
    "moxing-open-source.csv",
  );
});
