// Models: the /models list and detail, plus the overview's per-vendor counts.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ModelsFilter } from "@/lib/validations/filters";
import {
  clampLimit,
  entityRefSelect,
  industryRefSelect,
  listByFilters,
  namedSelect,
  names,
  reviewedSelect,
  readOffsetPage,
  toEntityRef,
  toIndustryRef,
  toNamed,
  toReviewMark,
  type EntityRef,
  type EntityStatus,
  type IndustryRef,
  type Named,
  type Names,
  type ListWhere,
  type ReviewMark,
} from "./common";
import { latestEvents, type EventItem } from "./events";
import { listClaims, type ClaimItem } from "./claims";
import { firstIndustryLinks, toLinkedIndustry, type LinkedIndustry } from "./industry-links";
import { cachedQuery } from "@/lib/db/query-cache";

export interface ModelListItem extends Named, ReviewMark {
  status: EntityStatus;
  vendor: EntityRef | null;
  family: string | null;
  version: string | null;
  industries: IndustryRef[];
  mentionCount: number;
  eventCount: number;
}

export interface ModelDetail extends ReviewMark {
  id: number;
  slug: string;
  names: Names;
  pinyin: string | null;
  aliases: string[];
  status: EntityStatus;
  vendor: EntityRef | null;
  family: string | null;
  version: string | null;
  sourceUrl: string | null;
  /** other models of the same family (bounded) */
  familyMembers: (EntityRef & { version: string | null })[];
  events: EventItem[];
  industries: LinkedIndustry[];
  claims: ClaimItem[];
  mentionCount: number;
}

export interface VendorModelCount {
  vendor: EntityRef;
  count: number;
}

const INDUSTRIES_PER_MODEL = 6;

export function modelWhere(f: Partial<ModelsFilter>): Prisma.ModelWhereInput {
  const where: Prisma.ModelWhereInput = {};
  if (f.vendor) where.vendor = { slug: f.vendor };
  // through the per-pair link counts: a few rows per model, not one per sentence
  if (f.industry) where.industryPairs = { some: { industry: { slug: f.industry } } };
  if (f.status) where.status = f.status;
  return where;
}

/** listModels for any where clause (the API adds a text condition). */
export const listModelsWhere: ListWhere<Prisma.ModelWhereInput, ModelListItem> = async (where, cursor, opts = {}) => {
  const db = await getDb();
  return readOffsetPage(
    cursor,
    clampLimit(opts.limit),
    (skip, take) =>
      db.model.findMany({
        where,
        // the trigger-kept counter, served by Model(mentionCount DESC, nameZh, id)
        orderBy: [{ mentionCount: "desc" }, { nameZh: "asc" }, { id: "asc" }],
        skip,
        take,
        select: {
          ...namedSelect,
          status: true,
          family: true,
          version: true,
          vendor: { select: entityRefSelect },
          industryPairs: {
            select: { industry: { select: industryRefSelect } },
            orderBy: [{ links: "desc" }, { industryId: "asc" }],
            take: INDUSTRIES_PER_MODEL,
          },
          mentionCount: true,
          eventCount: true,
          ...reviewedSelect,
        },
      }),
    (m) => ({
      ...toNamed(m),
      status: m.status,
      vendor: m.vendor ? toEntityRef(m.vendor) : null,
      family: m.family,
      version: m.version,
      industries: m.industryPairs.map((l) => toIndustryRef(l.industry)),
      mentionCount: m.mentionCount,
      eventCount: m.eventCount,
      ...toReviewMark(m),
    }),
  );
};

/** Models matching the filters, most-mentioned first. */
export const listModels = listByFilters("models.listModels", modelWhere, listModelsWhere);

export const countModels = cachedQuery(
  "models.countModels",
  async function countModels(filters: Partial<ModelsFilter> = {}): Promise<number> {
    const db = await getDb();
    return db.model.count({ where: modelWhere(filters) });
  },
);

// Opens like the other *BySlug details by design: one cached read by slug, null when missing, then its parts.
/** A model with its vendor, family, events, industries and claims; null when the slug is unknown. */
export const getModelBySlug = cachedQuery(
  "models.getModelBySlug",
  async function getModelBySlug(slug: string): Promise<ModelDetail | null> {
    const db = await getDb();
    const m = await db.model.findUnique({
      where: { slug },
      select: {
        id: true,
        ...namedSelect,
        pinyin: true,
        status: true,
        family: true,
        version: true,
        sourceUrl: true,
        vendor: { select: entityRefSelect },
        mentionCount: true,
        ...reviewedSelect,
      },
    });
    if (!m) return null;
    const [familyMembers, events, claims, industryLinks] = await Promise.all([
      m.family
        ? db.model.findMany({
            where: { family: m.family, id: { not: m.id } },
            orderBy: [{ version: "asc" }, { nameZh: "asc" }],
            take: 20,
            select: { ...entityRefSelect, version: true },
          })
        : Promise.resolve([]),
      latestEvents({ model: m.slug }, 30),
      listClaims({ modelSlug: m.slug }, 10),
      firstIndustryLinks({ modelId: m.id }, 30),
    ]);
    return {
      id: m.id,
      slug: m.slug,
      names: names(m.nameZh, m.nameEn),
      pinyin: m.pinyin,
      aliases: m.aliases,
      status: m.status,
      vendor: m.vendor ? toEntityRef(m.vendor) : null,
      family: m.family,
      version: m.version,
      sourceUrl: m.sourceUrl,
      familyMembers: familyMembers.map((f) => ({ ...toEntityRef(f), version: f.version })),
      events,
      industries: industryLinks.map(toLinkedIndustry),
      claims,
      mentionCount: m.mentionCount,
      ...toReviewMark(m),
    };
  },
);

/** Vendors with the most models (overview chart). */
export const modelsPerVendor = cachedQuery(
  "models.modelsPerVendor",
  async function modelsPerVendor(limit: number = 10): Promise<VendorModelCount[]> {
    const db = await getDb();
    const vendors = await db.organization.findMany({
      where: { modelCount: { gt: 0 } },
      orderBy: [{ modelCount: "desc" }, { id: "asc" }],
      take: clampLimit(limit, 10),
      select: { ...entityRefSelect, modelCount: true },
    });
    return vendors.map((v) => ({ vendor: toEntityRef(v), count: v.modelCount }));
  },
);

/** Models for filter menus (bounded, by name). */
export const modelOptions = cachedQuery(
  "models.modelOptions",
  async function modelOptions(limit: number = 300): Promise<EntityRef[]> {
    const db = await getDb();
    const rows = await db.model.findMany({
      orderBy: [{ nameZh: "asc" }],
      take: Math.min(Math.max(1, limit), 500),
      select: entityRefSelect,
    });
    return rows.map(toEntityRef);
  },
);

export interface VendorLandscapeRow {
  vendor: EntityRef;
  modelCount: number;
  /** the vendor's most-mentioned models (at most `modelsPerVendor`) */
  models: (EntityRef & { version: string | null })[];
}

/** Who makes what: the vendors with the most models, each with its most-mentioned models. */
export const vendorLandscape = cachedQuery(
  "models.vendorLandscape",
  async function vendorLandscape(vendors: number = 10, perVendor: number = 6): Promise<VendorLandscapeRow[]> {
    const db = await getDb();
    const top = await modelsPerVendor(vendors);
    if (!top.length) return [];
    const orgs = await db.organization.findMany({
      where: { slug: { in: top.map((t) => t.vendor.slug) } },
      select: {
        slug: true,
        models: {
          orderBy: [{ mentionCount: "desc" }, { nameZh: "asc" }],
          take: Math.min(Math.max(1, perVendor), 20),
          select: { ...entityRefSelect, version: true },
        },
      },
    });
    const bySlug = new Map(orgs.map((o) => [o.slug, o.models]));
    return top.map((t) => ({
      vendor: t.vendor,
      modelCount: t.count,
      models: (bySlug.get(t.vendor.slug) ?? []).map((m) => ({ ...toEntityRef(m), version: m.version })),
    }));
  },
);
