// GET /api/export/funding.csv – funding rounds as CSV (one row per round, with its first evidence), with the /funding page's filters.
import { csvResponse } from "@/lib/api/csv";
import { fundingCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { fundingExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return csvResponse(
    await fundingCsv(parseQuery(fundingExportQuerySchema, request), baseUrlFor(request)),
    "moxing-funding.csv",
  );
});
