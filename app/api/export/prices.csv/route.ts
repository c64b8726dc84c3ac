// GET /api/export/prices.csv – prices and price cuts as CSV (one row per price, with its first evidence), with the /prices page's filters.
import { csvResponse } from "@/lib/api/csv";
import { pricesCsv } from "@/lib/api/exports";
import { handler, parseQuery } from "@/lib/api/http";
import { baseUrlFor } from "@/lib/api/public-url";
import { pricesExportQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  return csvResponse(
    await pricesCsv(parseQuery(pricesExportQuerySchema, request), baseUrlFor(request)),
    "moxing-prices.csv",
  );
});
