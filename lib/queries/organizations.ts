// Organizations: vendors, labs, report authors... (/vendors and /vendors/[slug]).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgKindValue, OrgRoleValue, VendorsFilter } from "@/lib/validations/filters";
import {
  clampLimit,
  decodeOffset,
  entityRefSelect,
  names,
  offsetPage,
  toCitation,
  toEntityRef,
  toIndustryRef,
  type Citation,
  type EntityRef,
  type EntityStatus,
  type IndustryRef,
  type Names,
  type Page,
} from "./common";
import { latestEvents, type EventItem } from "./events";
import { listClaims, type ClaimItem } from "./claims";
import { firstIndustryLinks } from "./industry-links";
import { tallyOf } from "./tally";
import { cachedQuery } from "@/lib/db/query-cache";

export interface VendorListItem {
  slug: string;
  names: Names;
  aliases: string[];
  kind: OrgKindValue;
  roles: OrgRoleValue[];
  status: EntityStatus;
  modelCount: number;
  eventCount: number;
  mentionCount: number;
}

interface VendorIndustry extends IndustryRef {
  citation: Citation;
  /** the model the sentence names, when the link came through one of the vendor's models */
  via: EntityRef | null;
}

export interface VendorDetail {
  id: number;
  slug: string;
  names: Names;
  aliases: string[];
  kind: OrgKindValue;
  roles: OrgRoleValue[];
  status: EntityStatus;
  sourceUrl: string | null;
  models: (EntityRef & { version: string | null; family: string | null })[];
  modelCount: number;
  events: EventItem[];
  industries: VendorIndustry[];
  claims: ClaimItem[];
  people: { slug: string; name: string; title: string | null }[];
  mentionCount: number;
}

function vendorWhere(f: Partial<VendorsFilter>): Prisma.OrganizationWhereInput {
  const where: Prisma.OrganizationWhereInput = {};
  if (f.role) where.roles = { has: f.role };
  if (f.kind) where.kind = f.kind;
  return where;
}

/** Organizations, those with the most models (then mentions) first. */
export const listVendors = cachedQuery(
  "organizations.listVendors",
  async function listVendors(
    filters: Partial<VendorsFilter>,
    opts: { limit?: number } = {},
  ): Promise<Page<VendorListItem>> {
    const db = await getDb();
    const limit = clampLimit(opts.limit);
    const offset = decodeOffset(filters.cursor);
    const rows = await db.organization.findMany({
      where: vendorWhere(filters),
      // trigger-kept counters, served by Organization(modelCount DESC, mentionCount DESC, id)
      orderBy: [{ modelCount: "desc" }, { mentionCount: "desc" }, { id: "asc" }],
      skip: offset,
      take: limit + 1,
      select: {
        slug: true,
        nameZh: true,
        nameEn: true,
        aliases: true,
        kind: true,
        roles: true,
        status: true,
        modelCount: true,
        eventCount: true,
        mentionCount: true,
      },
    });
    return offsetPage(
      rows.map((o) => ({
        slug: o.slug,
        names: names(o.nameZh, o.nameEn),
        aliases: o.aliases,
        kind: o.kind,
        roles: o.roles,
        status: o.status,
        modelCount: o.modelCount,
        eventCount: o.eventCount,
        mentionCount: o.mentionCount,
      })),
      offset,
      limit,
    );
  },
);

/** Organizations that make models (own one, or have the vendor role): a trigger-kept total. */
export const countVendors = cachedQuery("organizations.countVendors", async function countVendors(): Promise<number> {
  return tallyOf("vendors");
});

export const getVendorBySlug = cachedQuery(
  "organizations.getVendorBySlug",
  async function getVendorBySlug(slug: string): Promise<VendorDetail | null> {
    const db = await getDb();
    const o = await db.organization.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        nameZh: true,
        nameEn: true,
        aliases: true,
        kind: true,
        roles: true,
        status: true,
        sourceUrl: true,
        models: {
          orderBy: [{ family: "asc" }, { version: "asc" }, { nameZh: "asc" }],
          take: 60,
          select: { ...entityRefSelect, version: true, family: true },
        },
        people: { take: 12, orderBy: { name: "asc" }, select: { slug: true, name: true, title: true } },
        mentionCount: true,
        modelCount: true,
      },
    });
    if (!o) return null;
    const [events, links, claims] = await Promise.all([
      latestEvents({ vendor: o.slug }, 30),
      firstIndustryLinks({ vendorId: o.id }, 30),
      listClaims({ organizationSlug: o.slug }, 10),
    ]);
    return {
      id: o.id,
      slug: o.slug,
      names: names(o.nameZh, o.nameEn),
      aliases: o.aliases,
      kind: o.kind,
      roles: o.roles,
      status: o.status,
      sourceUrl: o.sourceUrl,
      models: o.models.map((m) => ({ ...toEntityRef(m), version: m.version, family: m.family })),
      modelCount: o.modelCount,
      events,
      industries: links.map((l) => ({
        ...toIndustryRef(l.industry),
        citation: toCitation(l),
        via: l.model ? toEntityRef(l.model) : null,
      })),
      claims,
      people: o.people,
      mentionCount: o.mentionCount,
    };
  },
);

/** Organizations that own models or have events, for filter menus (bounded, by name). */
export const vendorOptions = cachedQuery(
  "organizations.vendorOptions",
  async function vendorOptions(limit: number = 200): Promise<EntityRef[]> {
    const db = await getDb();
    const rows = await db.organization.findMany({
      // a scan of organizations (entities, not articles) on their trigger-kept counters
      where: { OR: [{ modelCount: { gt: 0 } }, { eventCount: { gt: 0 } }, { roles: { has: "vendor" } }] },
      orderBy: [{ nameZh: "asc" }],
      take: Math.min(Math.max(1, limit), 500),
      select: entityRefSelect,
    });
    return rows.map(toEntityRef);
  },
);
