// GET /api/export/filings.csv – filing counts as CSV (one row per point, with its series' definition and first evidence).
import { csvResponse } from "@/lib/api/csv";
import { filingsCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { filingsExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return csvResponse(
    await filingsCsv(parseQuery(filingsExportQuerySchema, request), baseUrlFor(request)),
    "moxing-filings.csv",
  );
});
