// Events (releases, openings, deployments...) for the timeline, the overview and entity pages.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { periodRange, type EventTypeValue, type TimelineFilter } from "@/lib/validations/filters";
import {
  citationSelect,
  clampLimit,
  eventCoreSelect,
  modelRefSelect,
  reviewedSelect,
  toCitation,
  toEntityRef,
  toEventDate,
  toModelRef,
  toReviewMark,
  type Citation,
  type DateAtPrecision,
  type EntityRef,
  type ModelRef,
  type Page,
  type ReviewMark,
} from "./common";
import { tallyOf } from "./tally";
import { cachedQuery } from "@/lib/db/query-cache";

export interface EventItem extends ReviewMark {
  id: number;
  type: EventTypeValue;
  date: DateAtPrecision;
  model: ModelRef | null;
  organization: EntityRef | null;
  /** the first few reports of this event (see sourceCount for all) */
  sources: Citation[];
  sourceCount: number;
  /** 0–1: how sure the extraction is (the surest of its reports) */
  confidence: number;
}

export interface MonthCount {
  /** "2023-07" */
  month: string;
  count: number;
}

export interface EventsPerMonth {
  months: MonthCount[];
  /** events in the filter whose date is known only to the year, or not at all (not in `months`) */
  yearOnly: number;
  undated: number;
}

const SOURCES_PER_EVENT = 3;

const eventSelect = {
  ...eventCoreSelect,
  model: { select: modelRefSelect },
  sources: {
    select: citationSelect,
    // the (eventId, articleId) unique index gives the first sources without reading the rest
    orderBy: { articleId: "asc" },
    take: SOURCES_PER_EVENT,
  },
  sourceCount: true,
  confidence: true,
  ...reviewedSelect,
} satisfies Prisma.EventSelect;

type EventRow = Prisma.EventGetPayload<{ select: typeof eventSelect }>;

function toEventItem(e: EventRow): EventItem {
  return {
    id: e.id,
    type: e.type,
    date: toEventDate(e),
    model: e.model ? toModelRef(e.model) : null,
    organization: e.organization ? toEntityRef(e.organization) : null,
    sources: e.sources.map(toCitation),
    sourceCount: e.sourceCount,
    confidence: e.confidence,
    ...toReviewMark(e),
  };
}

const NOTHING: Prisma.EventWhereInput = { id: { in: [] } };

/**
 * Prisma filter for the timeline filters (also used by entity pages with one field set). Slugs are
 * resolved to ids first, so the filter is `organizationId = v OR modelId IN (v's models)`, which
 * the (organizationId, date) and (modelId, date) indexes serve, instead of an OR across two joins
 * (a scan of every event). The id lists are bounded by the entities involved (a vendor's models,
 * an industry's models and organizations from the pair tables), not by the articles.
 */
async function eventWhere(f: Partial<TimelineFilter>): Promise<Prisma.EventWhereInput> {
  const db = await getDb();
  const and: Prisma.EventWhereInput[] = [];
  const [vendor, model, industry] = await Promise.all([
    f.vendor
      ? db.organization.findUnique({
          where: { slug: f.vendor },
          select: { id: true, models: { select: { id: true } } },
        })
      : undefined,
    f.model ? db.model.findUnique({ where: { slug: f.model }, select: { id: true } }) : undefined,
    f.industry
      ? db.industry.findUnique({
          where: { slug: f.industry },
          select: { modelPairs: { select: { modelId: true } }, vendorPairs: { select: { organizationId: true } } },
        })
      : undefined,
  ]);
  if (vendor === null || model === null || industry === null) return NOTHING;
  if (vendor) {
    const models = vendor.models.map((m) => m.id);
    and.push(
      models.length
        ? { OR: [{ organizationId: vendor.id }, { modelId: { in: models } }] }
        : { organizationId: vendor.id },
    );
  }
  if (model) and.push({ modelId: model.id });
  if (industry) {
    const models = industry.modelPairs.map((p) => p.modelId);
    const orgs = industry.vendorPairs.map((p) => p.organizationId);
    if (!models.length && !orgs.length) return NOTHING;
    and.push({
      OR: [
        ...(models.length ? [{ modelId: { in: models } }] : []),
        ...(orgs.length ? [{ organizationId: { in: orgs } }] : []),
      ],
    });
  }
  if (f.type) and.push({ type: f.type });
  if (f.from || f.to) and.push({ date: periodRange(f.from, f.to) });
  return and.length ? { AND: and } : {};
}

// Keyset cursors: "k2023-07-01.12" (dated, newest first) then "u12" (undated, by id).
function decodeEventCursor(cursor: string | undefined): { date: Date; id: number } | { undatedAfter: number } | null {
  const k = /^k(\d{4}-\d{2}-\d{2})\.(\d{1,10})$/.exec(cursor ?? "");
  if (k) return { date: new Date(`${k[1]}T00:00:00Z`), id: Number(k[2]) };
  const u = /^u(\d{1,10})$/.exec(cursor ?? "");
  if (u) return { undatedAfter: Number(u[1]) };
  return null;
}

/** Events matching the filters, newest first (undated ones last), `limit` at a time. */
export const listEvents = cachedQuery(
  "events.listEvents",
  async function listEvents(filters: Partial<TimelineFilter>, opts: { limit?: number } = {}): Promise<Page<EventItem>> {
    const db = await getDb();
    const limit = clampLimit(opts.limit, 50);
    const base = await eventWhere(filters);
    const cursor = decodeEventCursor(filters.cursor);
    const items: EventRow[] = [];

    if (!cursor || "date" in cursor) {
      const after: Prisma.EventWhereInput = cursor
        ? { OR: [{ date: { lt: cursor.date } }, { date: cursor.date, id: { lt: cursor.id } }] }
        : { date: { not: null } };
      const dated = await db.event.findMany({
        where: { AND: [base, { date: { not: null } }, after] },
        orderBy: [{ date: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: eventSelect,
      });
      items.push(...dated);
      if (dated.length > limit) {
        const last = dated[limit - 1];
        return {
          items: dated.slice(0, limit).map(toEventItem),
          nextCursor: `k${last.date!.toISOString().slice(0, 10)}.${last.id}`,
        };
      }
    }

    // Undated events (no date, or unknown precision) follow the dated ones.
    const undatedAfter = cursor && "undatedAfter" in cursor ? cursor.undatedAfter : 0;
    const room = limit - items.length;
    const undated = await db.event.findMany({
      where: { AND: [base, { date: null }, { id: { gt: undatedAfter } }] },
      orderBy: { id: "asc" },
      take: room + 1,
      select: eventSelect,
    });
    const page = [...items, ...undated.slice(0, room)];
    const next =
      undated.length > room && room > 0
        ? `u${undated[room - 1].id}`
        : undated.length > 0 && room === 0
          ? `u${undatedAfter}`
          : null;
    return { items: page.map(toEventItem), nextCursor: next };
  },
);

/** The most recent events (overview, entity pages). */
export const latestEvents = cachedQuery(
  "events.latestEvents",
  async function latestEvents(filters: Partial<TimelineFilter> = {}, limit: number = 6): Promise<EventItem[]> {
    const page = await listEvents({ ...filters, cursor: undefined }, { limit });
    return page.items;
  },
);

/** Events matching the filters: bounded by the number of events (shared entities), not of articles. */
export const countEvents = cachedQuery(
  "events.countEvents",
  async function countEvents(filters: Partial<TimelineFilter> = {}): Promise<number> {
    const db = await getDb();
    const where = await eventWhere(filters);
    if (!Object.keys(where).length) return tallyOf("events");
    return db.event.count({ where });
  },
);

/**
 * Events per month (aggregated in the database, at most `maxMonths` most recent months).
 * Only events dated to the month or day are placed in a month; the rest are counted apart.
 * Bounded by the number of events in the filter, not of articles: an event is one row however
 * many articles report it (reprints add EventSource rows, not events).
 */
export const eventsPerMonth = cachedQuery(
  "events.eventsPerMonth",
  async function eventsPerMonth(
    filters: Partial<TimelineFilter> = {},
    maxMonths: number = 120,
  ): Promise<EventsPerMonth> {
    const db = await getDb();
    const where = await eventWhere(filters);
    const [grouped, yearOnly, undated] = await Promise.all([
      db.event.groupBy({
        by: ["date"],
        where: { AND: [where, { precision: { in: ["day", "month"] } }, { date: { not: null } }] },
        _count: { _all: true },
        orderBy: { date: "desc" },
        take: maxMonths * 31,
      }),
      db.event.count({ where: { AND: [where, { precision: "year" }, { date: { not: null } }] } }),
      db.event.count({ where: { AND: [where, { OR: [{ date: null }, { precision: "unknown" }] }] } }),
    ]);
    const byMonth = new Map<string, number>();
    for (const g of grouped) {
      const month = g.date!.toISOString().slice(0, 7);
      byMonth.set(month, (byMonth.get(month) ?? 0) + g._count._all);
    }
    const months = [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(-maxMonths)
      .map(([month, count]) => ({ month, count }));
    return { months: fillMonths(months), yearOnly, undated };
  },
);

/** Adds the empty months between the first and last, so a chart's x axis is continuous. */
function fillMonths(months: MonthCount[]): MonthCount[] {
  if (months.length < 2) return months;
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const out: MonthCount[] = [];
  let [y, m] = months[0].month.split("-").map(Number);
  const last = months[months.length - 1].month;
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ month: key, count: counts.get(key) ?? 0 });
    if (key === last) break;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}
