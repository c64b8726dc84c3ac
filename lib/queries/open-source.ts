// Open-source releases: `open_source` events with the licence and the parameter sizes released
// (lib/extract/types.ts OpenSourceDetails; null on rows stored before details existed).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { cachedQuery } from "@/lib/db/query-cache";
import type { OpenSourceFilter } from "@/lib/validations/filters";
import {
  clampLimit,
  eventCoreSelect,
  modelRefSelect,
  readOffsetPage,
  toEntityRef,
  toEventDate,
  toModelRef,
  type Citation,
  type DateAtPrecision,
  type EntityRef,
  type ModelRef,
  type Page,
} from "./common";
import { eventDetailsOf, firstSource, firstSourceSelect, ofVendorOrItsModels, periodWhere } from "./market-common";

export interface OpenSourceRelease {
  id: number;
  date: DateAtPrecision;
  model: ModelRef | null;
  /** the event's organisation (the releasing vendor when named) */
  organization: EntityRef | null;
  /** SPDX id when it has one (MIT, Apache-2.0), else the licence as written; null when not named */
  licence: string | null;
  /** parameter sizes released, as written ("7B", "72B") */
  sizes: string[];
  source: Citation | null;
  sourceCount: number;
  /** 0–1: how sure the extraction is (the surest of its reports) */
  confidence: number;
}

export interface LicenceCount {
  licence: string;
  releases: number;
}

const NOTHING: Prisma.EventWhereInput = { id: { in: [] } };

const releaseSelect = {
  ...eventCoreSelect,
  model: { select: modelRefSelect },
  details: true,
  sources: firstSourceSelect,
  sourceCount: true,
  confidence: true,
} satisfies Prisma.EventSelect;

type ReleaseRow = Prisma.EventGetPayload<{ select: typeof releaseSelect }>;

function toRelease(r: ReleaseRow): OpenSourceRelease {
  const d = eventDetailsOf(r.details, "open_source");
  return {
    id: r.id,
    date: toEventDate(r),
    model: r.model ? toModelRef(r.model) : null,
    organization: r.organization ? toEntityRef(r.organization) : null,
    licence: d?.licence ?? null,
    sizes: d?.sizes ?? [],
    source: firstSource(r.sources),
    sourceCount: r.sourceCount,
    confidence: r.confidence,
  };
}

/** Slugs resolved to ids first: a vendor's releases are its own and those of its models. */
async function releasesWhere(f: Partial<OpenSourceFilter>): Promise<Prisma.EventWhereInput> {
  const db = await getDb();
  const [vendor, model] = await Promise.all([
    f.vendor
      ? db.organization.findUnique({
          where: { slug: f.vendor },
          select: { id: true, models: { select: { id: true } } },
        })
      : undefined,
    f.model ? db.model.findUnique({ where: { slug: f.model }, select: { id: true } }) : undefined,
  ]);
  if (vendor === null || model === null) return NOTHING;
  const and: Prisma.EventWhereInput[] = [{ type: "open_source" }];
  if (vendor) and.push(ofVendorOrItsModels(vendor, "organizationId", "modelId"));
  if (model) and.push({ modelId: model.id });
  if (f.licence) and.push({ details: { path: ["licence"], equals: f.licence } });
  const date = periodWhere(f.from, f.to);
  if (date) and.push({ date });
  return { AND: and };
}

/** Open-source releases matching the filters, newest first (undated last), `limit` at a time; cursor "o<offset>". */
export const listOpenSourceReleases = cachedQuery(
  "open-source.listOpenSourceReleases",
  async function listOpenSourceReleases(
    filters: Partial<OpenSourceFilter> = {},
    opts: { limit?: number } = {},
  ): Promise<Page<OpenSourceRelease>> {
    const db = await getDb();
    const where = await releasesWhere(filters);
    return readOffsetPage(
      filters.cursor,
      clampLimit(opts.limit, 50),
      (skip, take) =>
        db.event.findMany({
          where,
          orderBy: [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          skip,
          take,
          select: releaseSelect,
        }),
      toRelease,
    );
  },
);

/** The licences named in open-source releases, most used first (the licence filter's options). */
export const openSourceLicences = cachedQuery(
  "open-source.openSourceLicences",
  async function openSourceLicences(): Promise<LicenceCount[]> {
    const db = await getDb();
    // one row per release: bounded by the releases, not the articles
    const rows = await db.event.findMany({ where: { type: "open_source" }, select: { details: true } });
    const counts = new Map<string, number>();
    for (const r of rows) {
      const licence = eventDetailsOf(r.details, "open_source")?.licence;
      if (licence) counts.set(licence, (counts.get(licence) ?? 0) + 1);
    }
    return [...counts.entries()]
      .map(([licence, releases]) => ({ licence, releases }))
      .sort((a, b) => b.releases - a.releases || a.licence.localeCompare(b.licence));
  },
);
