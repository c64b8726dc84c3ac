// Organizations: vendors, labs, report authors... (/vendors and /vendors/[slug]).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgKindValue, OrgRoleValue, VendorsFilter } from "@/lib/validations/filters";
import {
  clampLimit,
  entityRefSelect,
  namedSelect,
  readOffsetPage,
  toEntityRef,
  toNamed,
  type EntityRef,
  type EntityStatus,
  type Named,
  type Page,
} from "./common";
import { latestEvents, type EventItem } from "./events";
import { listClaims, type ClaimItem } from "./claims";
import { firstIndustryLinks, toLinkedIndustry, type LinkedIndustry } from "./industry-links";
import { tallyOf } from "./tally";
import { cachedQuery } from "@/lib/db/query-cache";

/** What an organization's list item and detail open with. */
interface VendorHead extends Named {
  kind: OrgKindValue;
  roles: OrgRoleValue[];
  status: EntityStatus;
}

export interface VendorListItem extends VendorHead {
  modelCount: number;
  eventCount: number;
  mentionCount: number;
}

interface VendorIndustry extends LinkedIndustry {
  /** the model the sentence names, when the link came through one of the vendor's models */
  via: EntityRef | null;
}

export interface VendorDetail extends VendorHead {
  id: number;
  sourceUrl: string | null;
  models: (EntityRef & { version: string | null; family: string | null })[];
  modelCount: number;
  events: EventItem[];
  industries: VendorIndustry[];
  claims: ClaimItem[];
  people: { slug: string; name: string; title: string | null }[];
  mentionCount: number;
}

const vendorHeadSelect = { ...namedSelect, kind: true, roles: true, status: true } as const;

function toVendorHead(o: Prisma.OrganizationGetPayload<{ select: typeof vendorHeadSelect }>): VendorHead {
  return { ...toNamed(o), kind: o.kind, roles: o.roles, status: o.status };
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
    return readOffsetPage(
      filters.cursor,
      clampLimit(opts.limit),
      (skip, take) =>
        db.organization.findMany({
          where: vendorWhere(filters),
          // trigger-kept counters, served by Organization(modelCount DESC, mentionCount DESC, id)
          orderBy: [{ modelCount: "desc" }, { mentionCount: "desc" }, { id: "asc" }],
          skip,
          take,
          select: { ...vendorHeadSelect, modelCount: true, eventCount: true, mentionCount: true },
        }),
      (o) => ({
        ...toVendorHead(o),
        modelCount: o.modelCount,
        eventCount: o.eventCount,
        mentionCount: o.mentionCount,
      }),
    );
  },
);

/** Organizations that make models (own one, or have the vendor role): a trigger-kept total. */
export const countVendors = cachedQuery("organizations.countVendors", async function countVendors(): Promise<number> {
  return tallyOf("vendors");
});

// Opens like the other *BySlug details by design: one cached read by slug, null when missing, then its parts.
export const getVendorBySlug = cachedQuery(
  "organizations.getVendorBySlug",
  async function getVendorBySlug(slug: string): Promise<VendorDetail | null> {
    const db = await getDb();
    const o = await db.organization.findUnique({
      where: { slug },
      select: {
        id: true,
        ...vendorHeadSelect,
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
      ...toVendorHead(o),
      sourceUrl: o.sourceUrl,
      models: o.models.map((m) => ({ ...toEntityRef(m), version: m.version, family: m.family })),
      modelCount: o.modelCount,
      events,
      industries: links.map((l) => ({ ...toLinkedIndustry(l), via: l.model ? toEntityRef(l.model) : null })),
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
