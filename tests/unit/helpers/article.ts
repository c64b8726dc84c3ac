import { cleanBody } from "@/lib/ingest/clean";
import { extractArticle } from "@/lib/extract";
import type { RawArticle } from "@/lib/validations/article-file";

/** A RawArticle around `body`, for extractor tests on plain strings. */
function articleOf(body: string, fields: Partial<RawArticle> = {}): RawArticle {
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

/**
 * The extraction of `body`. Extractor tests read what the rules propose (`keepRefused`): a one-line
 * body lacks what the scorer weighs (a document date, a second sentence), and whether it keeps a
 * fact is tested on its own.
 */
export function extractText(body: string, fields: Partial<RawArticle> = {}, { scored = false } = {}) {
  const article = articleOf(body, fields);
  const cleaned = cleanBody(article.body);
  return { cleaned, result: extractArticle(article, cleaned, { keepRefused: !scored }) };
}
