// Shared DTO shapes and small helpers for the query helpers (server-only).
import "server-only";
import { cachedQuery } from "@/lib/db/query-cache";
import type { Names, Precision } from "@/lib/i18n/format";

export type { Names, Precision };
export type EntityStatus = "curated" | "discovered" | "confirmed";

/** A date at its precision: value is "2023", "2023-07" or "2023-08-31" (null when unknown). */
export interface DateAtPrecision {
  value: string | null;
  precision: Precision;
  /** true when the year (or whole date) was inferred rather than written */
  inferred: boolean;
  /** the phrase it was read from, e.g. "截至2023年7月" */
  text: string | null;
}

export interface EntityRef {
  slug: string;
  names: Names;
  status: EntityStatus;
}

/** The head of an entity's list item and detail. */
export interface Named {
  slug: string;
  names: Names;
  aliases: string[];
}

/** A model with its vendor. */
export interface ModelRef extends EntityRef {
  vendor: EntityRef | null;
}

export interface IndustryRef {
  slug: string;
  names: Names;
}

/** Where a fact was read: the article and the sentence (offsets in Article.body). */
export interface Citation {
  articleId: number;
  articleTitle: string;
  articleUrl: string;
  quote: string;
  sentenceStart: number;
  sentenceEnd: number;
}

/** One page of a list; pass `nextCursor` back as `cursor` for the next page (null: last page). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const DEFAULT_PAGE_SIZE = 24;
const MAX_PAGE_SIZE = 100;

export function clampLimit(limit: number | undefined, fallback = DEFAULT_PAGE_SIZE): number {
  if (!limit || !Number.isFinite(limit)) return fallback;
  return Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(limit)));
}

/** Offset cursors ("o48") for lists sorted by counts, where keyset paging does not fit. */
function decodeOffset(cursor: string | undefined | null): number {
  const m = /^o(\d{1,7})$/.exec(cursor ?? "");
  return m ? Number(m[1]) : 0;
}

/** Takes `limit + 1` rows' worth of result and returns the page plus the next offset cursor. */
function offsetPage<T>(rows: T[], offset: number, limit: number): Page<T> {
  return {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? `o${offset + limit}` : null,
  };
}

/** A list for any where clause, a page at a time from `cursor` (the API adds its own conditions). */
export type ListWhere<W, T> = (where: W, cursor: string | undefined, opts?: { limit?: number }) => Promise<Page<T>>;

/** A page's list by its filters: `listWhere` on `where(filters)`, from the filters' cursor; kept by cachedQuery. */
export function listByFilters<F extends { cursor?: string }, W, T>(
  name: string,
  where: (filters: Partial<F>) => W,
  listWhere: ListWhere<W, T>,
) {
  return cachedQuery(name, async (filters: Partial<F>, opts: { limit?: number } = {}) =>
    listWhere(where(filters), filters.cursor, opts),
  );
}

/** One page at an offset cursor: `read(skip, take)` fetches a row more than the page, to tell whether another follows. */
export async function readOffsetPage<R, T>(
  cursor: string | undefined,
  limit: number,
  read: (skip: number, take: number) => Promise<R[]>,
  toItem: (row: R) => T,
): Promise<Page<T>> {
  const offset = decodeOffset(cursor);
  const rows = await read(offset, limit + 1);
  return offsetPage(rows.map(toItem), offset, limit);
}

export function names(nameZh: string, nameEn: string | null | undefined): Names {
  return { zh: nameZh, en: nameEn ?? null };
}

/** A @db.Date value as ISO at its precision; never invents a day or month. */
export function isoAtPrecision(date: Date | null, precision: Precision): string | null {
  if (!date || precision === "unknown") return null;
  const iso = date.toISOString().slice(0, 10);
  if (precision === "year") return iso.slice(0, 4);
  if (precision === "month") return iso.slice(0, 7);
  return iso;
}

function dateAtPrecision(
  date: Date | null,
  precision: Precision,
  inferred = false,
  text: string | null = null,
): DateAtPrecision {
  return { value: isoAtPrecision(date, precision), precision: date ? precision : "unknown", inferred, text };
}

export const entityRefSelect = { slug: true, nameZh: true, nameEn: true, status: true } as const;
export const industryRefSelect = { slug: true, nameZh: true, nameEn: true } as const;
export const citationArticleSelect = { id: true, title: true, url: true } as const;
/** What toNamed reads: the head of an entity's list item, detail and review row. */
export const namedSelect = { slug: true, nameZh: true, nameEn: true, aliases: true } as const;
/** A model with its vendor, as toModelRef reads it. */
export const modelRefSelect = { ...entityRefSelect, vendor: { select: entityRefSelect } } as const;
/** The sentence a fact was read from (offsets in Article.body). */
export const quoteSelect = { quote: true, sentenceStart: true, sentenceEnd: true } as const;
/** What toCitation reads. */
export const citationSelect = { ...quoteSelect, article: { select: citationArticleSelect } } as const;
/** An event's date, as toEventDate reads it. */
const eventDateSelect = { date: true, precision: true, dateInferred: true, dateText: true } as const;
/** A claim's as-of date, as toAsOf reads it. */
const asOfSelect = { asOf: true, asOfPrecision: true, asOfInferred: true, asOfText: true } as const;
/** What every read of an event takes (a model is read with or without its vendor). */
export const eventCoreSelect = {
  id: true,
  type: true,
  ...eventDateSelect,
  organization: { select: entityRefSelect },
} as const;
/** What every read of a claim takes: the figure, its date and who stated it. */
export const claimCoreSelect = {
  id: true,
  metric: true,
  value: true,
  unit: true,
  ...asOfSelect,
  statedBy: { select: entityRefSelect },
} as const;

/** Whether an editor confirmed or corrected a fact (lib/admin/overrides.ts), as the API says it. */
export interface ReviewMark {
  reviewed: boolean;
  /** the latest confirm or correction, ISO 8601 */
  reviewedAt: string | null;
  /** the editor's name, or "token" for an API client */
  reviewedBy: string | null;
}

/** What toReviewMark reads. */
export const reviewedSelect = { reviewedAt: true, reviewedBy: true } as const;

export function toReviewMark(r: { reviewedAt: Date | null; reviewedBy: string | null }): ReviewMark {
  return { reviewed: r.reviewedAt !== null, reviewedAt: r.reviewedAt?.toISOString() ?? null, reviewedBy: r.reviewedBy };
}

/** Slug, names and aliases: how an entity's list item and detail begin. */
export function toNamed(r: { slug: string; nameZh: string; nameEn: string | null; aliases: string[] }): Named {
  return { slug: r.slug, names: names(r.nameZh, r.nameEn), aliases: r.aliases };
}

export function toEntityRef(r: {
  slug: string;
  nameZh: string;
  nameEn: string | null;
  status: EntityStatus;
}): EntityRef {
  return { slug: r.slug, names: names(r.nameZh, r.nameEn), status: r.status };
}

export function toModelRef(r: {
  slug: string;
  nameZh: string;
  nameEn: string | null;
  status: EntityStatus;
  vendor: { slug: string; nameZh: string; nameEn: string | null; status: EntityStatus } | null;
}): ModelRef {
  return { ...toEntityRef(r), vendor: r.vendor ? toEntityRef(r.vendor) : null };
}

export function toIndustryRef(r: { slug: string; nameZh: string; nameEn: string | null }): IndustryRef {
  return { slug: r.slug, names: names(r.nameZh, r.nameEn) };
}

export function toCitation(s: {
  quote: string;
  sentenceStart: number;
  sentenceEnd: number;
  article: { id: number; title: string; url: string };
}): Citation {
  return {
    articleId: s.article.id,
    articleTitle: s.article.title,
    articleUrl: s.article.url,
    quote: s.quote,
    sentenceStart: s.sentenceStart,
    sentenceEnd: s.sentenceEnd,
  };
}

export function toEventDate(e: {
  date: Date | null;
  precision: Precision;
  dateInferred: boolean;
  dateText: string | null;
}): DateAtPrecision {
  return dateAtPrecision(e.date, e.precision, e.dateInferred, e.dateText);
}

export function toAsOf(c: {
  asOf: Date | null;
  asOfPrecision: Precision;
  asOfInferred: boolean;
  asOfText: string | null;
}): DateAtPrecision {
  return dateAtPrecision(c.asOf, c.asOfPrecision, c.asOfInferred, c.asOfText);
}
