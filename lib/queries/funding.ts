// Funding rounds and listings: events of a company (Event.organizationId) whose details say the
// round, the amounts, the investors or the exchange (lib/extract/types.ts FundingDetails, ListingDetails).
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { cachedQuery } from "@/lib/db/query-cache";
import type { FundingDetails } from "@/lib/extract/types";
import type { FundingFilter, FundingRoundValue, ListingsFilter } from "@/lib/validations/filters";
import {
  clampLimit,
  entityRefSelect,
  eventCoreSelect,
  readOffsetPage,
  toEntityRef,
  toEventDate,
  type Citation,
  type DateAtPrecision,
  type EntityRef,
  type Page,
} from "./common";
import {
  eventDetailsOf,
  firstSource,
  firstSourceSelect,
  periodWhere,
  type Money,
  type MoneyCurrency,
} from "./market-common";

interface InvestorRef {
  /** the organisation's slug as the extraction keyed it; null when it was named but not found as one */
  key: string | null;
  /** as the article names it */
  name: string;
  lead: boolean;
  /** the stored organisation with that slug (null when there is none, e.g. merged away since, or no slug) */
  organization: EntityRef | null;
}

export interface FundingRound {
  id: number;
  date: DateAtPrecision;
  /** the company that raised the round */
  company: EntityRef | null;
  /** "unknown" when the text does not say (or the row predates details) */
  round: FundingRoundValue;
  amount: Money | null;
  valuation: FundingDetails["valuation"];
  investors: InvestorRef[];
  /** the first report: the sentence and its article */
  source: Citation | null;
  sourceCount: number;
  /** 0–1: how sure the extraction is (the surest of its reports) */
  confidence: number;
}

export interface Listing {
  id: number;
  date: DateAtPrecision;
  company: EntityRef | null;
  /** HKEX, SSE-STAR, SSE, SZSE, SZSE-ChiNext, BSE, NASDAQ, NYSE; null when not named */
  exchange: string | null;
  /** raised in the offering */
  amount: Money | null;
  source: Citation | null;
  sourceCount: number;
  confidence: number;
}

/** Amounts raised in one quarter, summed per currency (never converted). */
export interface QuarterAmounts {
  /** "2024-Q1" */
  quarter: string;
  rounds: number;
  /** rounds of the quarter whose amount is not stated */
  undisclosed: number;
  amounts: {
    currency: MoneyCurrency;
    value: number;
    rounds: number;
    /** false when a summed amount is a bound or an approximation (超10亿 counts as 10亿) */
    exact: boolean;
  }[];
}

export interface FundingPerQuarter {
  /** continuous from the first quarter to the last */
  quarters: QuarterAmounts[];
  /** the currencies that occur, most raised first */
  currencies: MoneyCurrency[];
  /** rounds dated only to the year, or not at all (not in `quarters`) */
  yearOnly: number;
  undated: number;
}

/** An organisation's funding: rounds it raised, rounds it invested in, its listings. */
export interface OrganizationFunding {
  raised: FundingRound[];
  invested: FundingRound[];
  listings: Listing[];
}

const NOTHING: Prisma.EventWhereInput = { id: { in: [] } };

const marketEventSelect = {
  ...eventCoreSelect,
  details: true,
  sources: firstSourceSelect,
  sourceCount: true,
  confidence: true,
} satisfies Prisma.EventSelect;

type MarketEventRow = Prisma.EventGetPayload<{ select: typeof marketEventSelect }>;

const newestFirst: Prisma.EventOrderByWithRelationInput[] = [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }];

async function organizationId(slug: string | undefined): Promise<number | null | undefined> {
  if (!slug) return undefined;
  const db = await getDb();
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true } });
  return org ? org.id : null;
}

async function fundingWhere(f: Partial<FundingFilter>): Promise<Prisma.EventWhereInput> {
  const company = await organizationId(f.company);
  if (company === null) return NOTHING;
  const and: Prisma.EventWhereInput[] = [{ type: "funding" }];
  if (company !== undefined) and.push({ organizationId: company });
  // JSONB containment (details->'investors' @> '[{"key": …}]'): the same in PostgreSQL and PGlite
  if (f.investor) and.push({ details: { path: ["investors"], array_contains: [{ key: f.investor }] } });
  if (f.round === "unknown") {
    // the text did not say, or the row predates details
    and.push({ OR: [{ details: { equals: Prisma.AnyNull } }, { details: { path: ["round"], equals: "unknown" } }] });
  } else if (f.round) and.push({ details: { path: ["round"], equals: f.round } });
  const date = periodWhere(f.from, f.to);
  if (date) and.push({ date });
  return { AND: and };
}

async function listingsWhere(f: Partial<ListingsFilter>): Promise<Prisma.EventWhereInput> {
  const company = await organizationId(f.company);
  if (company === null) return NOTHING;
  const date = periodWhere(f.from, f.to);
  return {
    type: "listing",
    ...(company !== undefined ? { organizationId: company } : {}),
    ...(date ? { date } : {}),
  };
}

/** The stored organisations behind the investors' keys, one read for a whole page. */
async function investorOrganizations(rows: MarketEventRow[]): Promise<Map<string, EntityRef>> {
  const keys = new Set(rows.flatMap((r) => investorKeys(eventDetailsOf(r.details, "funding"))));
  if (!keys.size) return new Map();
  const db = await getDb();
  const orgs = await db.organization.findMany({ where: { slug: { in: [...keys] } }, select: entityRefSelect });
  return new Map(orgs.map((o) => [o.slug, toEntityRef(o)]));
}

function investorKeys(d: FundingDetails | null): string[] {
  return (d?.investors ?? []).flatMap((i) => (i.key ? [i.key] : []));
}

function toFundingRound(r: MarketEventRow, orgs: Map<string, EntityRef>): FundingRound {
  const d = eventDetailsOf(r.details, "funding");
  return {
    id: r.id,
    date: toEventDate(r),
    company: r.organization ? toEntityRef(r.organization) : null,
    round: d?.round ?? "unknown",
    amount: d?.amount ?? null,
    valuation: d?.valuation ?? null,
    investors: (d?.investors ?? []).map((i) => ({
      key: i.key,
      name: i.name,
      lead: i.lead,
      organization: (i.key && orgs.get(i.key)) || null,
    })),
    source: firstSource(r.sources),
    sourceCount: r.sourceCount,
    confidence: r.confidence,
  };
}

function toListing(r: MarketEventRow): Listing {
  const d = eventDetailsOf(r.details, "listing");
  return {
    id: r.id,
    date: toEventDate(r),
    company: r.organization ? toEntityRef(r.organization) : null,
    exchange: d?.exchange ?? null,
    amount: d?.amount ?? null,
    source: firstSource(r.sources),
    sourceCount: r.sourceCount,
    confidence: r.confidence,
  };
}

/** Funding rounds matching the filters, newest first (undated last), `limit` at a time; cursor "o<offset>". */
export const listFundingRounds = cachedQuery(
  "funding.listFundingRounds",
  async function listFundingRounds(
    filters: Partial<FundingFilter> = {},
    opts: { limit?: number } = {},
  ): Promise<Page<FundingRound>> {
    const db = await getDb();
    const where = await fundingWhere(filters);
    const page = await readOffsetPage(
      filters.cursor,
      clampLimit(opts.limit, 50),
      (skip, take) => db.event.findMany({ where, orderBy: newestFirst, skip, take, select: marketEventSelect }),
      (row) => row,
    );
    const orgs = await investorOrganizations(page.items);
    return { items: page.items.map((r) => toFundingRound(r, orgs)), nextCursor: page.nextCursor };
  },
);

/** Funding rounds matching the filters (no cursor needed). */
export const countFundingRounds = cachedQuery(
  "funding.countFundingRounds",
  async function countFundingRounds(filters: Partial<FundingFilter> = {}): Promise<number> {
    const db = await getDb();
    return db.event.count({ where: await fundingWhere(filters) });
  },
);

/** Listings (IPOs) matching the filters, newest first (undated last); cursor "o<offset>". */
export const listListings = cachedQuery(
  "funding.listListings",
  async function listListings(
    filters: Partial<ListingsFilter> = {},
    opts: { limit?: number } = {},
  ): Promise<Page<Listing>> {
    const db = await getDb();
    const where = await listingsWhere(filters);
    return readOffsetPage(
      filters.cursor,
      clampLimit(opts.limit, 50),
      (skip, take) => db.event.findMany({ where, orderBy: newestFirst, skip, take, select: marketEventSelect }),
      toListing,
    );
  },
);

function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Every quarter from the first to the last, so a chart's x axis is continuous. */
function quarterRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, q] = [Number(first.slice(0, 4)), Number(first.slice(6))];
  for (let guard = 0; guard < 400; guard++) {
    const key = `${y}-Q${q}`;
    out.push(key);
    if (key === last) break;
    q += 1;
    if (q > 4) [y, q] = [y + 1, 1];
  }
  return out;
}

/**
 * Amounts raised per quarter and currency (for a chart), with the filters of the list. Only rounds
 * dated to the month or day fall in a quarter; the rest are counted apart. Reads one row per round
 * (bounded by the rounds, not by the articles that report them).
 */
export const fundingPerQuarter = cachedQuery(
  "funding.fundingPerQuarter",
  async function fundingPerQuarter(filters: Partial<FundingFilter> = {}): Promise<FundingPerQuarter> {
    const db = await getDb();
    const rows = await db.event.findMany({
      where: await fundingWhere(filters),
      select: { date: true, precision: true, details: true },
    });
    const byQuarter = new Map<string, QuarterAmounts>();
    const totals = new Map<MoneyCurrency, number>();
    let yearOnly = 0;
    let undated = 0;
    for (const r of rows) {
      if (!r.date || r.precision === "unknown") {
        undated++;
        continue;
      }
      if (r.precision === "year") {
        yearOnly++;
        continue;
      }
      const quarter = quarterOf(r.date);
      const q = byQuarter.get(quarter) ?? { quarter, rounds: 0, undisclosed: 0, amounts: [] };
      byQuarter.set(quarter, q);
      q.rounds++;
      const amount = eventDetailsOf(r.details, "funding")?.amount;
      if (!amount) {
        q.undisclosed++;
        continue;
      }
      let sum = q.amounts.find((a) => a.currency === amount.currency);
      if (!sum) q.amounts.push((sum = { currency: amount.currency, value: 0, rounds: 0, exact: true }));
      sum.value += amount.value;
      sum.rounds++;
      sum.exact &&= amount.bound === "exact";
      totals.set(amount.currency, (totals.get(amount.currency) ?? 0) + amount.value);
    }
    const keys = [...byQuarter.keys()].sort();
    const quarters = keys.length
      ? quarterRange(keys[0], keys[keys.length - 1]).map(
          (quarter) => byQuarter.get(quarter) ?? { quarter, rounds: 0, undisclosed: 0, amounts: [] },
        )
      : [];
    for (const q of quarters) q.amounts.sort((a, b) => a.currency.localeCompare(b.currency));
    const currencies = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    return { quarters, currencies, yearOnly, undated };
  },
);

/** One organisation's rounds as the company and as an investor, and its listings (newest first, at most `limit` each). */
export const organizationFunding = cachedQuery(
  "funding.organizationFunding",
  async function organizationFunding(slug: string, limit: number = 50): Promise<OrganizationFunding> {
    const [raised, invested, listings] = await Promise.all([
      listFundingRounds({ company: slug }, { limit }),
      listFundingRounds({ investor: slug }, { limit }),
      listListings({ company: slug }, { limit }),
    ]);
    return { raised: raised.items, invested: invested.items, listings: listings.items };
  },
);

/** The companies that raised rounds and the organisations that invested, for the filters' selects (by Chinese name). */
export const fundingOptions = cachedQuery("funding.fundingOptions", async function fundingOptions(): Promise<{
  companies: EntityRef[];
  investors: EntityRef[];
}> {
  const db = await getDb();
  // one row per round: bounded by the rounds, not the articles
  const rows = await db.event.findMany({
    where: { type: "funding" },
    select: { organizationId: true, details: true },
  });
  const companyIds = [...new Set(rows.flatMap((r) => (r.organizationId ? [r.organizationId] : [])))];
  const investors = new Set(rows.flatMap((r) => investorKeys(eventDetailsOf(r.details, "funding"))));
  const [companies, investorOrgs] = await Promise.all([
    db.organization.findMany({
      where: { id: { in: companyIds } },
      orderBy: { nameZh: "asc" },
      select: entityRefSelect,
    }),
    db.organization.findMany({
      where: { slug: { in: [...investors] } },
      orderBy: { nameZh: "asc" },
      select: entityRefSelect,
    }),
  ]);
  return { companies: companies.map(toEntityRef), investors: investorOrgs.map(toEntityRef) };
});
