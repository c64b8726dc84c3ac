// GET /api/export/claims.csv – claims as CSV (one row per claim, with its first evidence), filtered by metric, model, vendor.
import { csvResponse } from "@/lib/api/csv";
import { claimsCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { claimsExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { model, vendor, ...rest } = parseQuery(claimsExportQuerySchema, request);
  return csvResponse(
    await claimsCsv({ ...rest, modelSlug: model, organizationSlug: vendor }, baseUrlFor(request)),
    "moxing-claims.csv",
  );
});
