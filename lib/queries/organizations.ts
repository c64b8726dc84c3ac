// Organizations: vendors, labs, report authors... (/vendors and /vendors/[slug]).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrgKindValue, OrgRoleValue, VendorsFilter } from "@/lib/validations/filters";
import {
  citationArticleSelect,
  clampLimit,
  decodeOffset,
  entityRefSelect,
  industryRefSelect,
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

export interface VendorIndustry extends IndustryRef {
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

export function vendorWhere(f: Partial<VendorsFilter>): Prisma.OrganizationWhereInput {
  const where: Prisma.OrganizationWhereInput = {};
  if (f.role) where.roles = { has: f.role };
  if (f.kind) where.kind = f.kind;
  return where;
}

/** Organizations, those with the most models (then mentions) first. */
export async function listVendors(filters: Partial<VendorsFilter>, opts: { limit?: number } = {}): Promise<Page<VendorListItem>> {
  const db = await getDb();
  const limit = clampLimit(opts.limit);
  const offset = decodeOffset(filters.cursor);
  const rows = await db.organization.findMany({
    where: vendorWhere(filters),
    orderBy: [{ models: { _count: "desc" } }, { mentions: { _count: "desc" } }, { id: "asc" }],
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
      _count: { select: { models: true, events: true, mentions: true } },
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
      modelCount: o._count.models,
      eventCount: o._count.events,
      mentionCount: o._count.mentions,
    })),
    offset,
    limit,
  );
}

/** Organizations that make models (own one, or have the vendor role). */
export async function countVendors(): Promise<number> {
  const db = await getDb();
  return db.organization.count({ where: { OR: [{ models: { some: {} } }, { roles: { has: "vendor" } }] } });
}

export async function getVendorBySlug(slug: string): Promise<VendorDetail | null> {
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
      _count: { select: { mentions: true, models: true } },
    },
  });
  if (!o) return null;
  const [events, links, claims] = await Promise.all([
    latestEvents({ vendor: o.slug }, 30),
    db.industryLink.findMany({
      where: { OR: [{ organizationId: o.id }, { model: { vendorId: o.id } }] },
      distinct: ["industryId"],
      orderBy: { id: "asc" },
      take: 30,
      select: {
        quote: true,
        sentenceStart: true,
        sentenceEnd: true,
        industry: { select: industryRefSelect },
        model: { select: entityRefSelect },
        article: { select: citationArticleSelect },
      },
    }),
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
    modelCount: o._count.models,
    events,
    industries: links.map((l) => ({
      ...toIndustryRef(l.industry),
      citation: toCitation(l),
      via: l.model ? toEntityRef(l.model) : null,
    })),
    claims,
    people: o.people,
    mentionCount: o._count.mentions,
  };
}

/** Organizations that own models or have events, for filter menus (bounded, by name). */
export async function vendorOptions(limit = 200): Promise<EntityRef[]> {
  const db = await getDb();
  const rows = await db.organization.findMany({
    where: { OR: [{ models: { some: {} } }, { events: { some: {} } }, { roles: { has: "vendor" } }] },
    orderBy: [{ nameZh: "asc" }],
    take: Math.min(Math.max(1, limit), 500),
    select: entityRefSelect,
  });
  return rows.map(toEntityRef);
}
