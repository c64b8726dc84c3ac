// Prices per million tokens and price cuts: claims of the `prices` metrics (lib/extract/data/metrics.json)
// about a model (Claim.subjectModelId, with its vendor) or an organisation. Amounts keep the currency
// they were stated in: nothing is converted.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedQuery } from "@/lib/db/query-cache";
import {
  PRICE_CURRENCIES,
  PRICE_METRICS,
  type PriceCurrency,
  type PriceMetric,
  type PricesFilter,
} from "@/lib/validations/filters";
import {
  claimCoreSelect,
  clampLimit,
  entityRefSelect,
  modelRefSelect,
  readOffsetPage,
  toAsOf,
  toEntityRef,
  toModelRef,
  type Citation,
  type DateAtPrecision,
  type EntityRef,
  type ModelRef,
  type Page,
  type Precision,
} from "./common";
import {
  claimDetailsOf,
  firstSource,
  firstSourceSelect,
  ofVendorOrItsModels,
  periodWhere,
  type ClaimBound,
} from "./market-common";

export interface PricePoint {
  id: number;
  metric: PriceMetric;
  /** per million tokens in `currency`; a percentage for price_cut_percent; 0 means free */
  value: number;
  /** lower case: "cny_per_million_tokens", "usd_per_million_tokens", "percent" */
  unit: string;
  /** the unit's currency; null for a percentage */
  currency: PriceCurrency | null;
  bound: ClaimBound;
  asOf: DateAtPrecision;
  model: ModelRef | null;
  /** the organisation the price is about, when it is not one model's */
  organization: EntityRef | null;
  /** a cut's prices before and after, in `priceUnit`, when the text states them */
  priceBefore: number | null;
  priceAfter: number | null;
  priceUnit: string | null;
  source: Citation | null;
  sourceCount: number;
  /** 0–1: how sure the extraction is (the surest of its reports) */
  confidence: number;
}

/** One line of the price chart: one model's (or organisation's) price of one kind, in one currency. */
export interface PriceSeries {
  /** `${model or organisation slug}|${metric}|${currency}` */
  key: string;
  model: ModelRef | null;
  organization: EntityRef | null;
  metric: Exclude<PriceMetric, "price_cut_percent">;
  currency: PriceCurrency;
  unit: string;
  /** oldest first */
  points: {
    id: number;
    /** "2024", "2024-05" or "2024-05-15" */
    date: string;
    precision: Exclude<Precision, "unknown">;
    value: number;
    bound: ClaimBound;
    source: Citation | null;
  }[];
}

export interface PriceChart {
  series: PriceSeries[];
  /** prices in the filter without a date (not on the chart) */
  undated: number;
}

const priceSelect = {
  ...claimCoreSelect,
  bound: true,
  details: true,
  subjectModel: { select: modelRefSelect },
  subjectOrganization: { select: entityRefSelect },
  sources: firstSourceSelect,
  sourceCount: true,
  confidence: true,
} satisfies Prisma.ClaimSelect;

type PriceRow = Prisma.ClaimGetPayload<{ select: typeof priceSelect }>;

const NOTHING: Prisma.ClaimWhereInput = { id: { in: [] } };
const LEVELS: readonly PriceMetric[] = ["price", "price_input", "price_output"];

/** "CNY_per_million_tokens" and "cny_per_million_tokens" alike: lower case, and the currency apart. */
function normaliseUnit(unit: string): { unit: string; currency: PriceCurrency | null } {
  const lower = unit.toLowerCase();
  const m = /^([a-z]{3})_per_million_tokens$/.exec(lower);
  const currency = m ? (m[1].toUpperCase() as PriceCurrency) : null;
  return { unit: lower, currency: currency && PRICE_CURRENCIES.includes(currency) ? currency : null };
}

function toPricePoint(c: PriceRow): PricePoint {
  const d = claimDetailsOf(c.details);
  return {
    id: c.id,
    metric: c.metric as PriceMetric,
    value: c.value,
    ...normaliseUnit(c.unit),
    bound: c.bound,
    asOf: toAsOf(c),
    model: c.subjectModel ? toModelRef(c.subjectModel) : null,
    organization: c.subjectOrganization ? toEntityRef(c.subjectOrganization) : null,
    priceBefore: d.priceBefore ?? null,
    priceAfter: d.priceAfter ?? null,
    priceUnit: d.priceUnit?.toLowerCase() ?? null,
    source: firstSource(c.sources),
    sourceCount: c.sourceCount,
    confidence: c.confidence,
  };
}

/** Slugs resolved to ids first: a vendor's prices are those about it or about one of its models. */
async function pricesWhere(f: Partial<PricesFilter>): Promise<Prisma.ClaimWhereInput> {
  const db = await getDb();
  const [model, vendor] = await Promise.all([
    f.model ? db.model.findUnique({ where: { slug: f.model }, select: { id: true } }) : undefined,
    f.vendor
      ? db.organization.findUnique({
          where: { slug: f.vendor },
          select: { id: true, models: { select: { id: true } } },
        })
      : undefined,
  ]);
  if (model === null || vendor === null) return NOTHING;
  const and: Prisma.ClaimWhereInput[] = [{ metric: f.metric ? f.metric : { in: [...PRICE_METRICS] } }];
  if (model) and.push({ subjectModelId: model.id });
  if (vendor) and.push(ofVendorOrItsModels(vendor, "subjectOrganizationId", "subjectModelId"));
  if (f.currency) and.push({ unit: { equals: `${f.currency.toLowerCase()}_per_million_tokens`, mode: "insensitive" } });
  const asOf = periodWhere(f.from, f.to);
  if (asOf) and.push({ asOf });
  return { AND: and };
}

/** Prices matching the filters, latest as-of first (undated last), `limit` at a time; cursor "o<offset>". */
export const listPrices = cachedQuery(
  "prices.listPrices",
  async function listPrices(
    filters: Partial<PricesFilter> = {},
    opts: { limit?: number } = {},
  ): Promise<Page<PricePoint>> {
    const db = await getDb();
    const where = await pricesWhere(filters);
    return readOffsetPage(
      filters.cursor,
      clampLimit(opts.limit, 50),
      (skip, take) =>
        db.claim.findMany({
          where,
          orderBy: [{ asOf: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          skip,
          take,
          select: priceSelect,
        }),
      toPricePoint,
    );
  },
);

/**
 * The price lines for a chart (log scale over time): dated prices per million tokens, one series per
 * model (or organisation), kind of price and currency, oldest point first. Cuts in percent are not
 * prices and stay out; so do prices in a unit that names no currency. Bounded by the prices in the
 * filter (one row per claim, however many articles repeat it).
 */
export const priceChart = cachedQuery(
  "prices.priceChart",
  async function priceChart(filters: Partial<PricesFilter> = {}): Promise<PriceChart> {
    if (filters.metric === "price_cut_percent") return { series: [], undated: 0 };
    const db = await getDb();
    const where: Prisma.ClaimWhereInput = { AND: [await pricesWhere(filters), { metric: { in: [...LEVELS] } }] };
    const [rows, undated] = await Promise.all([
      db.claim.findMany({
        where: { AND: [where, { asOf: { not: null } }, { asOfPrecision: { not: "unknown" } }] },
        orderBy: [{ asOf: "asc" }, { id: "asc" }],
        select: priceSelect,
      }),
      db.claim.count({ where: { AND: [where, { OR: [{ asOf: null }, { asOfPrecision: "unknown" }] }] } }),
    ]);
    const series = new Map<string, PriceSeries>();
    for (const row of rows) {
      const p = toPricePoint(row);
      const subject = p.model?.slug ?? p.organization?.slug;
      if (!p.currency || !subject || !p.asOf.value || p.asOf.precision === "unknown") continue;
      const key = `${subject}|${p.metric}|${p.currency}`;
      let s = series.get(key);
      if (!s) {
        s = {
          key,
          model: p.model,
          organization: p.model ? null : p.organization,
          metric: p.metric as PriceSeries["metric"],
          currency: p.currency,
          unit: p.unit,
          points: [],
        };
        series.set(key, s);
      }
      s.points.push({
        id: p.id,
        date: p.asOf.value,
        precision: p.asOf.precision,
        value: p.value,
        bound: p.bound,
        source: p.source,
      });
    }
    return { series: [...series.values()], undated };
  },
);

/** One model's prices and cuts, oldest first (undated last); at most `limit`. Empty for an unknown model. */
export const modelPriceHistory = cachedQuery(
  "prices.modelPriceHistory",
  async function modelPriceHistory(modelSlug: string, limit: number = 200): Promise<PricePoint[]> {
    const db = await getDb();
    const rows = await db.claim.findMany({
      where: await pricesWhere({ model: modelSlug }),
      orderBy: [{ asOf: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      take: Math.max(1, Math.min(500, limit)),
      select: priceSelect,
    });
    return rows.map(toPricePoint);
  },
);

/** The models that have a price, for the filters' select (by Chinese name). */
export const pricedModelOptions = cachedQuery("prices.pricedModelOptions", async function pricedModelOptions(): Promise<
  ModelRef[]
> {
  const db = await getDb();
  const models = await db.model.findMany({
    where: { claims: { some: { metric: { in: [...PRICE_METRICS] } } } },
    orderBy: { nameZh: "asc" },
    take: 500,
    select: modelRefSelect,
  });
  return models.map(toModelRef);
});
