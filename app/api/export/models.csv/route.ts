// GET /api/export/models.csv – the models list as CSV, with the /models page's filters.
import { csvResponse } from "@/lib/api/csv";
import { modelsCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { modelsExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return csvResponse(
    await modelsCsv(parseQuery(modelsExportQuerySchema, request), baseUrlFor(request)),
    "moxing-models.csv",
  );
});
