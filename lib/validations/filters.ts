// URL filters for the dashboard pages. Every field falls back to its default on a malformed value
// (`.catch`), so a bad link shows the unfiltered page instead of an error. The JSON API can use
// the strict variants (`...StrictSchema`) to answer 400 with the zod issues instead.
import { z } from "zod";
import { FUNDING_ROUNDS } from "./details";

/** A funding round's name (the details schema's list). */
export { FUNDING_ROUNDS };

export const EVENT_TYPES = [
  "release",
  "open_source",
  "open_public",
  "price_change",
  "filing",
  "announcement",
  "deployment",
  "showcase",
  "funding",
  "listing",
] as const;
export const ENTITY_STATUSES = ["curated", "discovered", "confirmed"] as const;
export const ORG_ROLES = ["vendor", "research", "report_author", "media", "event_host", "investor", "other"] as const;
export const ORG_KINDS = ["company", "lab", "university", "consultancy", "media", "government", "other"] as const;
export const SEARCH_SCOPES = ["all", "models", "vendors", "industries", "articles"] as const;

/** Entity slugs are lowercase ASCII (pinyin for Han names), e.g. "hunyuan", "pangu-3-0". */
const slug = z
  .string()
  .trim()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/);
/** "2023" or "2023-07" */
const period = z
  .string()
  .trim()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/);
/** Opaque pagination cursor handed out by lib/queries (`nextCursor`). */
const cursor = z
  .string()
  .trim()
  .max(80)
  .regex(/^[A-Za-z0-9_.:-]+$/);

const strictShapes = {
  models: {
    vendor: slug.optional(),
    industry: slug.optional(),
    status: z.enum(ENTITY_STATUSES).optional(),
    cursor: cursor.optional(),
  },
  vendors: {
    role: z.enum(ORG_ROLES).optional(),
    kind: z.enum(ORG_KINDS).optional(),
    cursor: cursor.optional(),
  },
  timeline: {
    vendor: slug.optional(),
    industry: slug.optional(),
    model: slug.optional(),
    type: z.enum(EVENT_TYPES).optional(),
    from: period.optional(),
    to: period.optional(),
    cursor: cursor.optional(),
  },
  articles: {
    industry: slug.optional(),
    technology: slug.optional(),
    cursor: cursor.optional(),
  },
  search: {
    q: z.string().trim().max(100).default(""),
    scope: z.enum(SEARCH_SCOPES).default("all"),
  },
  /** paging inside a detail page (its mentions list) */
  detail: {
    mentions: cursor.optional(),
  },
} as const;

/** The claim metrics of the prices view (group `prices` in lib/extract/data/metrics.json). */
export const PRICE_METRICS = ["price", "price_input", "price_output", "price_cut_percent"] as const;
/** Currencies a price per million tokens is stated in (the unit's prefix, upper-cased). */
export const PRICE_CURRENCIES = ["CNY", "USD", "HKD", "EUR"] as const;

/** A claim metric's key, e.g. "services_filed". */
const metricKey = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z0-9_]+$/);
/** A licence as stored (SPDX id or the name as written): "Apache-2.0", "MIT", "Qwen License". */
const licence = z.string().trim().min(1).max(80);

const marketShapes = {
  funding: {
    company: slug.optional(),
    investor: slug.optional(),
    round: z.enum(FUNDING_ROUNDS).optional(),
    from: period.optional(),
    to: period.optional(),
    cursor: cursor.optional(),
  },
  listings: {
    company: slug.optional(),
    from: period.optional(),
    to: period.optional(),
    cursor: cursor.optional(),
  },
  prices: {
    model: slug.optional(),
    vendor: slug.optional(),
    metric: z.enum(PRICE_METRICS).optional(),
    currency: z.enum(PRICE_CURRENCIES).optional(),
    from: period.optional(),
    to: period.optional(),
    cursor: cursor.optional(),
  },
  filings: {
    metric: metricKey.optional(),
    statedBy: slug.optional(),
    from: period.optional(),
    to: period.optional(),
  },
  openSource: {
    vendor: slug.optional(),
    model: slug.optional(),
    licence: licence.optional(),
    from: period.optional(),
    to: period.optional(),
    cursor: cursor.optional(),
  },
} as const;

/** Each field keeps its own fallback: one bad value does not reset the others. */
function lenient<S extends z.ZodRawShape>(shape: S) {
  const out: Record<string, z.ZodType> = {};
  for (const [key, schema] of Object.entries(shape)) {
    const s = schema as z.ZodType;
    const fallback = s.safeParse(undefined);
    out[key] = s.catch(fallback.success ? fallback.data : undefined);
  }
  return z.object(out as { [K in keyof S]: z.ZodCatch<S[K]> });
}

export const modelsFilterStrictSchema = z.object(strictShapes.models);
export const vendorsFilterStrictSchema = z.object(strictShapes.vendors);
export const timelineFilterStrictSchema = z.object(strictShapes.timeline);
export const articlesFilterStrictSchema = z.object(strictShapes.articles);

export const modelsFilterSchema = lenient(strictShapes.models);
export const vendorsFilterSchema = lenient(strictShapes.vendors);
export const timelineFilterSchema = lenient(strictShapes.timeline);
export const articlesFilterSchema = lenient(strictShapes.articles);
export const searchParamsSchema = lenient(strictShapes.search);
export const detailParamsSchema = lenient(strictShapes.detail);

export const fundingFilterStrictSchema = z.object(marketShapes.funding);
export const listingsFilterStrictSchema = z.object(marketShapes.listings);
export const pricesFilterStrictSchema = z.object(marketShapes.prices);
export const filingsFilterStrictSchema = z.object(marketShapes.filings);
export const openSourceFilterStrictSchema = z.object(marketShapes.openSource);

export const fundingFilterSchema = lenient(marketShapes.funding);
export const pricesFilterSchema = lenient(marketShapes.prices);
export const filingsFilterSchema = lenient(marketShapes.filings);
export const openSourceFilterSchema = lenient(marketShapes.openSource);

export type FundingFilter = z.infer<typeof fundingFilterStrictSchema>;
export type ListingsFilter = z.infer<typeof listingsFilterStrictSchema>;
export type PricesFilter = z.infer<typeof pricesFilterStrictSchema>;
export type FilingsFilter = z.infer<typeof filingsFilterStrictSchema>;
export type OpenSourceFilter = z.infer<typeof openSourceFilterStrictSchema>;
export type FundingRoundValue = (typeof FUNDING_ROUNDS)[number];
export type PriceMetric = (typeof PRICE_METRICS)[number];
export type PriceCurrency = (typeof PRICE_CURRENCIES)[number];

export type ModelsFilter = z.infer<typeof modelsFilterStrictSchema>;
export type VendorsFilter = z.infer<typeof vendorsFilterStrictSchema>;
export type TimelineFilter = z.infer<typeof timelineFilterStrictSchema>;
export type ArticlesFilter = z.infer<typeof articlesFilterStrictSchema>;
export type EventTypeValue = (typeof EVENT_TYPES)[number];
export type OrgRoleValue = (typeof ORG_ROLES)[number];
export type OrgKindValue = (typeof ORG_KINDS)[number];
export type SearchScope = (typeof SEARCH_SCOPES)[number];

export type RawSearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams -> one string per key (the first of repeated keys; empty means absent). */
function firstValues(raw: RawSearchParams): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) {
    const v = Array.isArray(value) ? value[0] : value;
    out[key] = v === "" ? undefined : v;
  }
  return out;
}

/** Parses page searchParams with one of the lenient schemas above; never throws. */
export function parseFilters<T extends z.ZodType>(schema: T, raw: RawSearchParams): z.infer<T> {
  return schema.parse(firstValues(raw));
}

/** A period filter as a half-open date range: from "2023-07" -> 2023-07-01, to "2023" -> < 2024-01-01. */
export function periodRange(from?: string, to?: string): { gte?: Date; lt?: Date } {
  const start = (p: string) => new Date(`${p.length === 4 ? `${p}-01` : p}-01T00:00:00Z`);
  const endExclusive = (p: string) => {
    const [y, m] = p.split("-").map(Number);
    return m ? new Date(Date.UTC(y, m, 1)) : new Date(Date.UTC(y + 1, 0, 1));
  };
  return { ...(from ? { gte: start(from) } : {}), ...(to ? { lt: endExclusive(to) } : {}) };
}
