// Shared DTO shapes and small helpers for the query helpers (server-only).
import "server-only";
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
export function decodeOffset(cursor: string | undefined | null): number {
  const m = /^o(\d{1,7})$/.exec(cursor ?? "");
  return m ? Number(m[1]) : 0;
}

/** Takes `limit + 1` rows' worth of result and returns the page plus the next offset cursor. */
export function offsetPage<T>(rows: T[], offset: number, limit: number): Page<T> {
  return {
    items: rows.slice(0, limit),
    nextCursor: rows.length > limit ? `o${offset + limit}` : null,
  };
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

export function dateAtPrecision(
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

export function toEntityRef(r: {
  slug: string;
  nameZh: string;
  nameEn: string | null;
  status: EntityStatus;
}): EntityRef {
  return { slug: r.slug, names: names(r.nameZh, r.nameEn), status: r.status };
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
