import { cleanBody } from "@/lib/ingest/clean";
import { extractArticle } from "@/lib/extract";
import type { RawArticle } from "@/lib/validations/article-file";

/** A RawArticle around `body`, for extractor tests on plain strings. */
export function articleOf(body: string, fields: Partial<RawArticle> = {}): RawArticle {
  return {
    title: "测试文章",
    url: "https://example.com/a",
    body,
    keywords: [],
    technologies: [],
    industries: [],
    eventSummary: null,
    extra: {},
    fieldLines: {},
    ...fields,
  };
}

export function extractText(body: string, fields: Partial<RawArticle> = {}) {
  const article = articleOf(body, fields);
  const cleaned = cleanBody(article.body);
  return { cleaned, result: extractArticle(article, cleaned) };
}
