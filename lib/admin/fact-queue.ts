// The review queue's facts: events, claims, industry links and mentions, the least confident first
// (the ones not yet reviewed before those that are), optionally of one article, a page at a time,
// each with the sentence it was read from and the key an override needs.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { industryLinkKey } from "@/lib/ingest/keys";
import { names, toAsOf, toEventDate, type DateAtPrecision, type Names } from "@/lib/queries/common";

interface Ref {
  slug: string;
  names: Names;
}
type Reviewed = { at: string; by: string | null } | null;
/** The first report: its article and sentence. */
type Source = { articleId: number; articleTitle: string; sentence: string } | null;

export interface EventQueueItem {
  kind: "event";
  id: number;
  key: string;
  type: string;
  date: DateAtPrecision;
  model: Ref | null;
  organization: Ref | null;
  confidence: number;
  reviewed: Reviewed;
  source: Source;
  sourceCount: number;
}

export interface ClaimQueueItem {
  kind: "claim";
  id: number;
  key: string;
  metric: string;
  value: number;
  unit: string;
  bound: "exact" | "lower" | "upper" | "approx";
  asOf: DateAtPrecision;
  scope: string | null;
  subjectModel: Ref | null;
  subjectOrganization: Ref | null;
  statedBy: Ref | null;
  confidence: number;
  reviewed: Reviewed;
  source: Source;
  sourceCount: number;
}

export interface LinkQueueItem {
  kind: "industry_link";
  id: number;
  /** the link's key within its article (industry|model|organization) */
  key: string;
  industry: Ref;
  model: Ref | null;
  organization: Ref | null;
  source: NonNullable<Source>;
}

export interface MentionQueueItem {
  kind: "mention";
  id: number;
  start: number;
  end: number;
  text: string;
  entityKind: string;
  entity: Ref | null;
  /** a model mention's confidence (null for other kinds) */
  confidence: number | null;
  source: NonNullable<Source>;
}

export interface QueuePage<T> {
  items: T[];
  total: number;
}

export interface FactQueueFilter {
  /** only the facts read in this article */
  article?: number;
  offset?: number;
  limit?: number;
}

const refSelect = { slug: true, nameZh: true, nameEn: true } as const;
const toRef = (r: { slug: string; nameZh: string; nameEn: string | null } | null): Ref | null =>
  r ? { slug: r.slug, names: names(r.nameZh, r.nameEn) } : null;
const sourceSelect = {
  orderBy: { articleId: "asc" },
  take: 1,
  select: { quote: true, article: { select: { id: true, title: true } } },
} as const;
const toSource = (s: { quote: string; article: { id: number; title: string } } | undefined): Source =>
  s ? { articleId: s.article.id, articleTitle: s.article.title, sentence: s.quote } : null;
const toReviewed = (at: Date | null, by: string | null): Reviewed => (at ? { at: at.toISOString(), by } : null);
// not yet reviewed first, then the least confident
const queueOrder = [{ reviewedAt: { sort: "asc", nulls: "first" } }, { confidence: "asc" }, { id: "asc" }] as const;
const page = (f: FactQueueFilter) => ({ skip: f.offset ?? 0, take: Math.min(Math.max(f.limit ?? 20, 1), 100) });

export async function listEventQueue(f: FactQueueFilter = {}): Promise<QueuePage<EventQueueItem>> {
  const db = await getDb();
  const where: Prisma.EventWhereInput = f.article ? { sources: { some: { articleId: f.article } } } : {};
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      orderBy: [...queueOrder],
      ...page(f),
      select: {
        id: true,
        key: true,
        type: true,
        date: true,
        precision: true,
        dateInferred: true,
        dateText: true,
        model: { select: refSelect },
        organization: { select: refSelect },
        confidence: true,
        reviewedAt: true,
        reviewedBy: true,
        sources: sourceSelect,
        sourceCount: true,
      },
    }),
    db.event.count({ where }),
  ]);
  return {
    total,
    items: rows.map((e) => ({
      kind: "event",
      id: e.id,
      key: e.key,
      type: e.type,
      date: toEventDate(e),
      model: toRef(e.model),
      organization: toRef(e.organization),
      confidence: e.confidence,
      reviewed: toReviewed(e.reviewedAt, e.reviewedBy),
      source: toSource(e.sources[0]),
      sourceCount: e.sourceCount,
    })),
  };
}

export async function listClaimQueue(f: FactQueueFilter = {}): Promise<QueuePage<ClaimQueueItem>> {
  const db = await getDb();
  const where: Prisma.ClaimWhereInput = f.article ? { sources: { some: { articleId: f.article } } } : {};
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy: [...queueOrder],
      ...page(f),
      select: {
        id: true,
        key: true,
        metric: true,
        value: true,
        unit: true,
        bound: true,
        asOf: true,
        asOfPrecision: true,
        asOfInferred: true,
        asOfText: true,
        scope: true,
        subjectModel: { select: refSelect },
        subjectOrganization: { select: refSelect },
        statedBy: { select: refSelect },
        confidence: true,
        reviewedAt: true,
        reviewedBy: true,
        sources: sourceSelect,
        sourceCount: true,
      },
    }),
    db.claim.count({ where }),
  ]);
  return {
    total,
    items: rows.map((c) => ({
      kind: "claim",
      id: c.id,
      key: c.key,
      metric: c.metric,
      value: c.value,
      unit: c.unit,
      bound: c.bound,
      asOf: toAsOf(c),
      scope: c.scope,
      subjectModel: toRef(c.subjectModel),
      subjectOrganization: toRef(c.subjectOrganization),
      statedBy: toRef(c.statedBy),
      confidence: c.confidence,
      reviewed: toReviewed(c.reviewedAt, c.reviewedBy),
      source: toSource(c.sources[0]),
      sourceCount: c.sourceCount,
    })),
  };
}

const articleRef = { select: { id: true, title: true } } as const;

export async function listLinkQueue(f: FactQueueFilter = {}): Promise<QueuePage<LinkQueueItem>> {
  const db = await getDb();
  const where: Prisma.IndustryLinkWhereInput = f.article ? { articleId: f.article } : {};
  const [rows, total] = await Promise.all([
    db.industryLink.findMany({
      where,
      orderBy: { id: "asc" },
      ...page(f),
      select: {
        id: true,
        quote: true,
        industry: { select: refSelect },
        model: { select: refSelect },
        organization: { select: refSelect },
        article: articleRef,
      },
    }),
    db.industryLink.count({ where }),
  ]);
  return {
    total,
    items: rows.map((l) => ({
      kind: "industry_link",
      id: l.id,
      key: industryLinkKey({
        industryKey: l.industry.slug,
        modelKey: l.model?.slug ?? null,
        organizationKey: l.organization?.slug ?? null,
      }),
      industry: toRef(l.industry)!,
      model: toRef(l.model),
      organization: toRef(l.organization),
      source: { articleId: l.article.id, articleTitle: l.article.title, sentence: l.quote },
    })),
  };
}

/** Mentions of models and organizations (the least confident model mentions first); every kind in one article. */
export async function listMentionQueue(f: FactQueueFilter = {}): Promise<QueuePage<MentionQueueItem>> {
  const db = await getDb();
  const where: Prisma.MentionWhereInput = f.article
    ? { articleId: f.article }
    : { kind: { in: ["model", "organization"] } };
  const [rows, total] = await Promise.all([
    db.mention.findMany({
      where,
      orderBy: f.article
        ? [{ start: "asc" }, { id: "asc" }]
        : [{ confidence: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      ...page(f),
      select: {
        id: true,
        kind: true,
        start: true,
        end: true,
        text: true,
        sentence: true,
        confidence: true,
        model: { select: refSelect },
        organization: { select: refSelect },
        industry: { select: refSelect },
        technology: { select: refSelect },
        person: { select: { slug: true, name: true } },
        article: articleRef,
      },
    }),
    db.mention.count({ where }),
  ]);
  return {
    total,
    items: rows.map((m) => ({
      kind: "mention",
      id: m.id,
      start: m.start,
      end: m.end,
      text: m.text,
      entityKind: m.kind,
      entity:
        toRef(m.model ?? m.organization ?? m.industry ?? m.technology) ??
        (m.person ? { slug: m.person.slug, names: names(m.person.name, null) } : null),
      confidence: m.confidence,
      source: { articleId: m.article.id, articleTitle: m.article.title, sentence: m.sentence },
    })),
  };
}

/** Articles to filter the queue by, newest first (bounded). */
export async function listQueueArticles(): Promise<{ id: number; title: string }[]> {
  const db = await getDb();
  return db.article.findMany({
    orderBy: [{ firstIngestedAt: "desc" }, { id: "desc" }],
    take: 500,
    select: { id: true, title: true },
  });
}
