// Derive again the facts of every stored article whose facts came from another extractor version:
// the article's own fields as stored (title, link, raw body, lists, extra fields) are read again by
// this extractor and stored through the same path as ingestion, so the result is what a fresh
// ingestion of the same files would leave. Each batch is one transaction: a run that is killed
// keeps what it finished, and the next run takes the rest.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { extractArticle } from "@/lib/extract";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { rawArticleSchema, type RawArticle } from "@/lib/validations/article-file";
import { cleanBody } from "./clean";
import { EMPTY_EXTRACTION, fitExtraction } from "./fit";
import { articleSearchTerms, storeArticles, type AnalysedArticle } from "./store";

export interface ReextractSummary {
  /** articles that needed it when the run started */
  stale: number;
  rederived: number;
  /** derived facts dropped because they did not fit the schema */
  dropped: number;
}

export interface ReextractOptions {
  batchSize?: number;
  onBatch?: (done: number, total: number) => void;
  /** stop after this many articles (tests of resuming) */
  limit?: number;
}

const SELECT = {
  id: true, url: true, title: true, rawBody: true, keywords: true, technologies: true, industries: true,
  eventSummary: true, extraFields: true, contentHash: true, sourceFile: true,
} as const;

type Stored = Prisma.ArticleGetPayload<{ select: typeof SELECT }>;

/** The stored article as the parser gave it (the raw body: extraction reads it as ingestion does). */
export function storedToRaw(a: Stored): RawArticle {
  return rawArticleSchema.parse({
    title: a.title,
    url: a.url,
    body: a.rawBody,
    keywords: a.keywords,
    technologies: a.technologies,
    industries: a.industries,
    eventSummary: a.eventSummary,
    extra: (a.extraFields ?? {}) as Record<string, string>,
    fieldLines: {},
  });
}

function analyseStored(a: Stored): { analysed: AnalysedArticle; dropped: number } {
  const article = storedToRaw(a);
  const cleaned = cleanBody(article.body);
  let fitted: ReturnType<typeof fitExtraction>;
  try {
    fitted = fitExtraction(cleaned.body, extractArticle(article, cleaned));
  } catch {
    fitted = { extraction: EMPTY_EXTRACTION, dropped: [{ kind: "extraction", key: "", reason: "extraction failed", sentence: null }] };
  }
  const analysed: AnalysedArticle = {
    sourceFile: a.sourceFile,
    contentHash: a.contentHash,
    extractorVersion: EXTRACTOR_VERSION,
    article,
    cleaned,
    extraction: fitted.extraction,
  };
  analysed.searchTerms = articleSearchTerms(analysed);
  return { analysed, dropped: fitted.dropped.length };
}

export async function reextractArticles(prisma: PrismaClient, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 32);
  const stale = { extractorVersion: { not: EXTRACTOR_VERSION } };
  const total = await prisma.article.count({ where: stale });
  const summary: ReextractSummary = { stale: total, rederived: 0, dropped: 0 };
  let after = 0;
  while (options.limit === undefined || summary.rederived < options.limit) {
    const take = options.limit === undefined ? batchSize : Math.min(batchSize, options.limit - summary.rederived);
    const rows = await prisma.article.findMany({ where: { ...stale, id: { gt: after } }, orderBy: { id: "asc" }, take, select: SELECT });
    if (rows.length === 0) break;
    const analysed = rows.map(analyseStored);
    await storeArticles(prisma, analysed.map((x) => x.analysed));
    summary.rederived += rows.length;
    summary.dropped += analysed.reduce((n, x) => n + x.dropped, 0);
    after = rows[rows.length - 1]!.id;
    options.onBatch?.(summary.rederived, total);
  }
  return summary;
}
