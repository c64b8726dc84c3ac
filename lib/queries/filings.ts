// Regulatory filing counts and other running totals (metrics of group `filings` in
// lib/extract/data/metrics.json). A series is one metric as one organisation states it: a count's
// definition belongs to its metric and its author, so a consultancy's 130 models released and the
// regulator's 302 services filed never share a line.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedQuery } from "@/lib/db/query-cache";
import METRICS from "@/lib/extract/data/metrics.json";
import type { FilingsFilter } from "@/lib/validations/filters";
import {
  claimCoreSelect,
  clampLimit,
  readOffsetPage,
  toAsOf,
  toEntityRef,
  type Citation,
  type DateAtPrecision,
  type EntityRef,
  type Page,
} from "./common";
import { firstSource, firstSourceSelect, periodWhere, type ClaimBound } from "./market-common";

/** A text in both languages, both always given (metrics.json). */
interface Bilingual {
  zh: string;
  en: string;
}

export interface FilingMetric {
  key: string;
  label: Bilingual;
  definition: Bilingual;
}

export interface FilingPoint {
  id: number;
  value: number;
  unit: string;
  bound: ClaimBound;
  asOf: DateAtPrecision;
  scope: string | null;
  source: Citation | null;
  sourceCount: number;
  /** 0–1: how sure the extraction is (the surest of its reports) */
  confidence: number;
}

export interface FilingSeries {
  /** `${metric}|${statedBy slug}` ("-" when nobody is named) */
  key: string;
  metric: FilingMetric;
  /** who states the count: its definition is theirs */
  statedBy: EntityRef | null;
  /** the unit of the latest point */
  unit: string;
  /** oldest first, undated last */
  points: FilingPoint[];
}

const METRIC_ENTRIES = Object.entries(METRICS.metrics).filter(([, m]) => m.group === "filings");

/** The filing metrics in metrics.json's order, with their names and definitions. */
const FILING_METRICS: FilingMetric[] = METRIC_ENTRIES.map(([key, m]) => ({
  key,
  label: { zh: m.zh, en: m.en },
  definition: { zh: m.definitionZh, en: m.definitionEn },
}));
const METRIC_BY_KEY = new Map(FILING_METRICS.map((m) => [m.key, m]));

const pointSelect = {
  ...claimCoreSelect,
  bound: true,
  scope: true,
  statedById: true,
  sources: firstSourceSelect,
  sourceCount: true,
  confidence: true,
} satisfies Prisma.ClaimSelect;

type PointRow = Prisma.ClaimGetPayload<{ select: typeof pointSelect }>;

function toPoint(c: PointRow): FilingPoint {
  return {
    id: c.id,
    value: c.value,
    unit: c.unit,
    bound: c.bound,
    asOf: toAsOf(c),
    scope: c.scope,
    source: firstSource(c.sources),
    sourceCount: c.sourceCount,
    confidence: c.confidence,
  };
}

async function filingsWhere(f: Partial<FilingsFilter>): Promise<Prisma.ClaimWhereInput | null> {
  if (f.metric && !METRIC_BY_KEY.has(f.metric)) return null;
  const db = await getDb();
  const statedBy = f.statedBy
    ? await db.organization.findUnique({ where: { slug: f.statedBy }, select: { id: true } })
    : undefined;
  if (statedBy === null) return null;
  const asOf = periodWhere(f.from, f.to);
  return {
    metric: f.metric ?? { in: FILING_METRICS.map((m) => m.key) },
    ...(statedBy ? { statedById: statedBy.id } : {}),
    ...(asOf ? { asOf } : {}),
  };
}

/**
 * Every filing series matching the filters, in metrics.json's order of metrics, then by who states
 * them (by Chinese name, the unnamed last). Bounded by the claims of the filing metrics: one row per
 * count, however many articles repeat it.
 */
export const listFilingSeries = cachedQuery(
  "filings.listFilingSeries",
  async function listFilingSeries(filters: Partial<FilingsFilter> = {}): Promise<FilingSeries[]> {
    const where = await filingsWhere(filters);
    if (!where) return [];
    const db = await getDb();
    const rows = await db.claim.findMany({
      where,
      orderBy: [{ asOf: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      select: pointSelect,
    });
    const series = new Map<string, FilingSeries>();
    for (const row of rows) {
      const key = `${row.metric}|${row.statedBy?.slug ?? "-"}`;
      let s = series.get(key);
      if (!s) {
        s = {
          key,
          metric: METRIC_BY_KEY.get(row.metric)!,
          statedBy: row.statedBy ? toEntityRef(row.statedBy) : null,
          unit: row.unit,
          points: [],
        };
        series.set(key, s);
      }
      s.points.push(toPoint(row));
      if (row.asOf) s.unit = row.unit;
    }
    const order = new Map(FILING_METRICS.map((m, i) => [m.key, i]));
    return [...series.values()].sort(
      (a, b) =>
        order.get(a.metric.key)! - order.get(b.metric.key)! ||
        Number(!a.statedBy) - Number(!b.statedBy) ||
        (a.statedBy?.names.zh ?? "").localeCompare(b.statedBy?.names.zh ?? "", "zh") ||
        a.key.localeCompare(b.key),
    );
  },
);

/** The series of listFilingSeries, `limit` at a time (the JSON API); cursor "o<offset>". */
export const listFilingSeriesPage = cachedQuery(
  "filings.listFilingSeriesPage",
  async function listFilingSeriesPage(
    filters: Partial<FilingsFilter> & { cursor?: string },
    opts: { limit?: number } = {},
  ): Promise<Page<FilingSeries>> {
    const { cursor, ...rest } = filters;
    const all = await listFilingSeries(rest);
    return readOffsetPage(
      cursor,
      clampLimit(opts.limit, 50),
      (skip, take) => Promise.resolve(all.slice(skip, skip + take)),
      (s) => s,
    );
  },
);

/** The filing metrics (with definitions) and the organisations that state them, for the filters. */
export const filingOptions = cachedQuery("filings.filingOptions", async function filingOptions(): Promise<{
  metrics: FilingMetric[];
  statedBy: EntityRef[];
}> {
  const db = await getDb();
  const orgs = await db.organization.findMany({
    where: { claimsStated: { some: { metric: { in: FILING_METRICS.map((m) => m.key) } } } },
    orderBy: { nameZh: "asc" },
    select: { slug: true, nameZh: true, nameEn: true, status: true },
  });
  return { metrics: FILING_METRICS, statedBy: orgs.map(toEntityRef) };
});
