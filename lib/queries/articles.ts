// Articles: the list, and one article with its body split into sentences and entity highlights.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticlesFilter } from "@/lib/validations/filters";
import {
  claimCoreSelect,
  clampLimit,
  entityRefSelect,
  eventCoreSelect,
  industryRefSelect,
  listByFilters,
  quoteSelect,
  toAsOf,
  toEntityRef,
  toEventDate,
  toIndustryRef,
  type DateAtPrecision,
  type EntityRef,
  type IndustryRef,
  type Names,
  type ListWhere,
} from "./common";
import type { EventTypeValue } from "@/lib/validations/filters";
import { tallyOf } from "./tally";
import { cachedQuery } from "@/lib/db/query-cache";

type EntityKind = "model" | "organization" | "industry" | "technology" | "person";

export interface ArticleListItem {
  id: number;
  title: string;
  url: string;
  excerpt: string;
  keywords: string[];
  industries: IndustryRef[];
  ingestedAt: string;
  mentionCount: number;
  eventCount: number;
}

export interface Span {
  start: number;
  end: number;
}

export interface ArticleMention extends Span {
  kind: EntityKind;
  text: string;
  /** the entity page to link to; null for kinds without a page (technology, person) */
  target: { kind: "model" | "organization" | "industry"; slug: string; names: Names } | null;
}

interface ArticleFact {
  /** where in the body: the sentence this fact was read from */
  sentenceStart: number;
  sentenceEnd: number;
  quote: string;
}

export interface ArticleDetail {
  id: number;
  title: string;
  url: string;
  body: string;
  byline: string | null;
  photoCredits: string[];
  eventSummary: string | null;
  keywords: string[];
  /** as listed in the file, and as matched to the taxonomy */
  technologyLabels: string[];
  industryLabels: string[];
  technologies: IndustryRef[];
  industries: IndustryRef[];
  ingestedAt: string;
  updatedAt: string;
  paragraphs: Span[];
  /** sentence spans covering each paragraph; anchors are `s-<start>` */
  sentences: Span[];
  mentions: ArticleMention[];
  events: (ArticleFact & {
    id: number;
    type: EventTypeValue;
    date: DateAtPrecision;
    model: EntityRef | null;
    organization: EntityRef | null;
  })[];
  claims: (ArticleFact & {
    id: number;
    value: number;
    unit: string;
    metric: string;
    asOf: DateAtPrecision;
    statedBy: EntityRef | null;
  })[];
  industryLinks: (ArticleFact & {
    industry: IndustryRef;
    subject: EntityRef | null;
    subjectKind: "model" | "organization" | null;
  })[];
  quotes: (ArticleFact & { person: { name: string; title: string | null } })[];
}

export function articleWhere(f: Partial<ArticlesFilter>): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (f.industry) and.push({ articleIndustries: { some: { industry: { slug: f.industry } } } });
  if (f.technology) and.push({ articleTechs: { some: { technology: { slug: f.technology } } } });
  return and.length ? { AND: and } : {};
}

const EXCERPT = 140;

/** listArticles for any where clause (the API adds text and vendor conditions). */
export const listArticlesWhere: ListWhere<Prisma.ArticleWhereInput, ArticleListItem> = async (
  where,
  cursor,
  opts = {},
) => {
  const db = await getDb();
  const limit = clampLimit(opts.limit, 20);
  const m = /^a(\d{1,10})$/.exec(cursor ?? "");
  const rows = await db.article.findMany({
    where,
    orderBy: [{ firstIngestedAt: "desc" }, { id: "desc" }],
    ...(m ? { cursor: { id: Number(m[1]) }, skip: 1 } : {}),
    take: limit + 1,
    select: {
      id: true,
      title: true,
      url: true,
      body: true,
      keywords: true,
      firstIngestedAt: true,
      articleIndustries: { take: 6, select: { industry: { select: industryRefSelect } } },
    },
  });
  // Counted for this page's articles only (an article's own mentions and sources are a bounded set).
  const ids = rows.slice(0, limit).map((a) => a.id);
  const [mentions, events] = await Promise.all([
    db.mention.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } }),
    db.eventSource.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } }),
  ]);
  const mentionCount = new Map(mentions.map((g) => [g.articleId, g._count._all]));
  const eventCount = new Map(events.map((g) => [g.articleId, g._count._all]));
  const items = rows.slice(0, limit).map((a) => ({
    id: a.id,
    title: a.title,
    url: a.url,
    excerpt: a.body.length > EXCERPT ? `${a.body.slice(0, EXCERPT).replace(/\n/g, " ")}…` : a.body.replace(/\n/g, " "),
    keywords: a.keywords,
    industries: a.articleIndustries.map((x) => toIndustryRef(x.industry)),
    ingestedAt: a.firstIngestedAt.toISOString(),
    mentionCount: mentionCount.get(a.id) ?? 0,
    eventCount: eventCount.get(a.id) ?? 0,
  }));
  return { items, nextCursor: rows.length > limit ? `a${items[items.length - 1].id}` : null };
};

/** Articles, most recently ingested first; cursor "a<id>". */
export const listArticles = listByFilters("articles.listArticles", articleWhere, listArticlesWhere);

/** Upper bound on an exact count that has to visit rows (two tags at once); beyond it the page says "10,000+". */
export const ARTICLE_COUNT_CAP = 10_000;

/**
 * Articles matching the filters, from trigger-kept counters: the total, or one tag's articleCount.
 * Only both tags at once needs rows; that count stops at ARTICLE_COUNT_CAP + 1.
 */
export const countArticles = cachedQuery(
  "articles.countArticles",
  async function countArticles(filters: Partial<ArticlesFilter> = {}): Promise<number> {
    const db = await getDb();
    if (!filters.industry && !filters.technology) return tallyOf("articles");
    if (filters.industry && filters.technology) {
      const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (
        SELECT 1 FROM "ArticleIndustry" ai
        JOIN "Industry" i ON i.id = ai."industryId" AND i.slug = ${filters.industry}
        JOIN "ArticleTechnology" at ON at."articleId" = ai."articleId"
        JOIN "Technology" t ON t.id = at."technologyId" AND t.slug = ${filters.technology}
        LIMIT ${ARTICLE_COUNT_CAP + 1}) x`;
      return rows[0]?.n ?? 0;
    }
    const tag = filters.industry
      ? await db.industry.findUnique({ where: { slug: filters.industry }, select: { articleCount: true } })
      : await db.technology.findUnique({ where: { slug: filters.technology! }, select: { articleCount: true } });
    return tag?.articleCount ?? 0;
  },
);

const FACTS_LIMIT = 200;
/** An article's facts of one kind in the order of the body, each with its quote and `select`. */
function inBody<S extends object>(select: S) {
  return { orderBy: { sentenceStart: "asc" }, take: FACTS_LIMIT, select: { ...quoteSelect, ...select } } as const;
}

function toFact(s: ArticleFact): ArticleFact {
  return { quote: s.quote, sentenceStart: s.sentenceStart, sentenceEnd: s.sentenceEnd };
}

export const getArticleById = cachedQuery(
  "articles.getArticleById",
  async function getArticleById(id: number): Promise<ArticleDetail | null> {
    if (!Number.isSafeInteger(id) || id < 1) return null;
    const db = await getDb();
    const a = await db.article.findUnique({
      where: { id },
      select: {
        id: true,
        title: true,
        url: true,
        body: true,
        byline: true,
        photoCredits: true,
        eventSummary: true,
        keywords: true,
        technologies: true,
        industries: true,
        firstIngestedAt: true,
        lastIngestedAt: true,
        articleTechs: { take: 50, select: { technology: { select: industryRefSelect } } },
        articleIndustries: { take: 50, select: { industry: { select: industryRefSelect } } },
        mentions: {
          orderBy: { start: "asc" },
          take: 2000,
          select: {
            kind: true,
            text: true,
            start: true,
            end: true,
            sentenceStart: true,
            sentenceEnd: true,
            model: { select: industryRefSelect },
            organization: { select: industryRefSelect },
            industry: { select: industryRefSelect },
          },
        },
        eventSources: inBody({ event: { select: { ...eventCoreSelect, model: { select: entityRefSelect } } } }),
        claimSources: inBody({ claim: { select: claimCoreSelect } }),
        industryLinks: inBody({
          industry: { select: industryRefSelect },
          model: { select: entityRefSelect },
          organization: { select: entityRefSelect },
        }),
        quotes: {
          orderBy: { sentenceStart: "asc" },
          take: FACTS_LIMIT,
          select: {
            sentence: true,
            sentenceStart: true,
            sentenceEnd: true,
            person: { select: { name: true, title: true } },
          },
        },
      },
    });
    if (!a) return null;

    const known: Span[] = [...a.mentions, ...a.eventSources, ...a.claimSources, ...a.industryLinks, ...a.quotes].map(
      (s) => ({ start: s.sentenceStart, end: s.sentenceEnd }),
    );
    const paragraphs = splitParagraphs(a.body);
    const sentences = splitSentences(a.body, paragraphs, known);

    return {
      id: a.id,
      title: a.title,
      url: a.url,
      body: a.body,
      byline: a.byline,
      photoCredits: a.photoCredits,
      eventSummary: a.eventSummary,
      keywords: a.keywords,
      technologyLabels: a.technologies,
      industryLabels: a.industries,
      technologies: a.articleTechs.map((t) => toIndustryRef(t.technology)),
      industries: a.articleIndustries.map((i) => toIndustryRef(i.industry)),
      ingestedAt: a.firstIngestedAt.toISOString(),
      updatedAt: a.lastIngestedAt.toISOString(),
      paragraphs,
      sentences,
      mentions: a.mentions.map((m) => ({
        kind: m.kind,
        text: m.text,
        start: m.start,
        end: m.end,
        target: m.model
          ? { kind: "model" as const, ...toIndustryRef(m.model) }
          : m.organization
            ? { kind: "organization" as const, ...toIndustryRef(m.organization) }
            : m.industry
              ? { kind: "industry" as const, ...toIndustryRef(m.industry) }
              : null,
      })),
      events: a.eventSources.map((s) => ({
        ...toFact(s),
        id: s.event.id,
        type: s.event.type,
        date: toEventDate(s.event),
        model: s.event.model ? toEntityRef(s.event.model) : null,
        organization: s.event.organization ? toEntityRef(s.event.organization) : null,
      })),
      claims: a.claimSources.map((s) => ({
        ...toFact(s),
        id: s.claim.id,
        value: s.claim.value,
        unit: s.claim.unit,
        metric: s.claim.metric,
        asOf: toAsOf(s.claim),
        statedBy: s.claim.statedBy ? toEntityRef(s.claim.statedBy) : null,
      })),
      industryLinks: a.industryLinks.map((l) => ({
        ...toFact(l),
        industry: toIndustryRef(l.industry),
        subject: l.model ? toEntityRef(l.model) : l.organization ? toEntityRef(l.organization) : null,
        subjectKind: l.model ? ("model" as const) : l.organization ? ("organization" as const) : null,
      })),
      quotes: a.quotes.map((q) => ({
        quote: q.sentence,
        sentenceStart: q.sentenceStart,
        sentenceEnd: q.sentenceEnd,
        person: q.person,
      })),
    };
  },
);

function splitParagraphs(body: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const line of body.split("\n")) {
    if (line.trim()) out.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return out;
}

// The same sentence ends as ingestion's cleaner (lib/ingest/clean.ts), so anchors line up.
const SENTENCE_END = /[。！？!?；;]+[”’」』"）)]*/g;

/**
 * Sentence spans for each paragraph: the spans that stored facts cite take precedence (their
 * offsets are the anchors citations link to); the text between them is split at sentence ends.
 */
function splitSentences(body: string, paragraphs: Span[], known: Span[]): Span[] {
  const cited = [
    ...new Map(
      known.filter((k) => k.end > k.start && k.end <= body.length).map((k) => [`${k.start}:${k.end}`, k]),
    ).values(),
  ].sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Span[] = [];
  let ci = 0;
  for (const p of paragraphs) {
    let pos = p.start;
    const fill = (to: number) => {
      const text = body.slice(pos, to);
      let from = 0;
      SENTENCE_END.lastIndex = 0;
      for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
        const end = m.index + m[0].length;
        pushTrimmed(body, pos + from, pos + end, out);
        from = end;
      }
      pushTrimmed(body, pos + from, to, out);
      pos = to;
    };
    while (ci < cited.length && cited[ci].start < p.end) {
      const c = cited[ci++];
      if (c.start < pos || c.end > p.end) continue; // overlapping or crossing a paragraph: skip
      if (c.start > pos) fill(c.start);
      out.push({ start: c.start, end: c.end });
      pos = c.end;
    }
    if (pos < p.end) fill(p.end);
  }
  return out;
}

function pushTrimmed(body: string, s: number, e: number, out: Span[]) {
  while (s < e && /\s/.test(body[s])) s++;
  while (e > s && /\s/.test(body[e - 1])) e--;
  if (e > s) out.push({ start: s, end: e });
}
