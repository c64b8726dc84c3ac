// Derive again the facts of every stored article whose facts came from another extractor version:
// the article's own fields as stored (title, link, raw body, lists, extra fields) are read again by
// this extractor and stored through the same path as ingestion, so the result is what a fresh
// ingestion of the same files would leave. Each batch is one transaction: a run that is killed
// keeps what it finished, and the next run takes the rest.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { rawArticleSchema, type RawArticle } from "@/lib/validations/article-file";
import { cleanBody } from "./clean";
import { deriveFacts } from "./run";
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
  /** batches stored at the same time (2 on PostgreSQL; the embedded database takes one at a time) */
  concurrency?: number;
}

/** The stored fields an article is read again from. */
export const STORED_ARTICLE_SELECT = {
  id: true,
  url: true,
  title: true,
  rawBody: true,
  keywords: true,
  technologies: true,
  industries: true,
  eventSummary: true,
  extraFields: true,
  contentHash: true,
  sourceFile: true,
} as const;

type Stored = Prisma.ArticleGetPayload<{ select: typeof STORED_ARTICLE_SELECT }>;

/** The stored article as the parser gave it (the raw body: extraction reads it as ingestion does). */
function storedToRaw(a: Stored): RawArticle {
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

/** A stored article read again by this extractor, ready for storeArticles (as ingestion reads its file). */
export function analyseStored(a: Stored): { analysed: AnalysedArticle; dropped: number } {
  const article = storedToRaw(a);
  const cleaned = cleanBody(article.body);
  const fitted = deriveFacts(article, cleaned);
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

export async function reextractArticles(
  prisma: PrismaClient,
  options: ReextractOptions = {},
): Promise<ReextractSummary> {
  const batchSize = Math.max(1, options.batchSize ?? 32);
  const stale = { extractorVersion: { not: EXTRACTOR_VERSION } };
  // the ids once (small), then the rows batch by batch: never the whole corpus in memory
  const all = (await prisma.article.findMany({ where: stale, orderBy: { id: "asc" }, select: { id: true } })).map(
    (r) => r.id,
  );
  const ids = options.limit === undefined ? all : all.slice(0, options.limit);
  const summary: ReextractSummary = { stale: all.length, rederived: 0, dropped: 0 };
  const batches: number[][] = [];
  for (let i = 0; i < ids.length; i += batchSize) batches.push(ids.slice(i, i + batchSize));
  // two batches in flight: one is analysed (CPU) while the other is stored (I/O)
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const rows = await prisma.article.findMany({
        where: { id: { in: batch }, ...stale },
        orderBy: { id: "asc" },
        select: STORED_ARTICLE_SELECT,
      });
      const analysed = rows.map(analyseStored);
      if (analysed.length)
        await storeArticles(
          prisma,
          analysed.map((x) => x.analysed),
        );
      summary.rederived += rows.length;
      summary.dropped += analysed.reduce((n, x) => n + x.dropped, 0);
      options.onBatch?.(summary.rederived, all.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, batches.length)) }, worker));
  return summary;
}
