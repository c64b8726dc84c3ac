// GET /api/articles – articles, most recently ingested first, filtered by text, vendor, industry, technology; paged.
import { handler, publicJson, parseQuery } from "@/lib/api/http";
import { listArticlesWithText } from "@/lib/queries/api-articles";
import { articlesQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const { limit, ...filters } = parseQuery(articlesQuerySchema, request);
  return publicJson(await listArticlesWithText(filters, { limit }));
});
