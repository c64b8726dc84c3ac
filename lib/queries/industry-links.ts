// "Which sentence first ties X to industry Y", for entity pages, without reading every link:
// the (industry, model) / (industry, organization) pairs come from the trigger-kept pair tables
// (bounded by the number of entities, not of articles), and each pair's first link is one probe
// of IndustryLink(modelId | organizationId, industryId, id).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  citationSelect,
  entityRefSelect,
  industryRefSelect,
  modelRefSelect,
  toCitation,
  toIndustryRef,
  type Citation,
  type IndustryRef,
} from "./common";

export type LinkOwner =
  /** a model's industries, one link each */
  | { modelId: number }
  /** an organization's industries, named with it directly or through one of its models */
  | { vendorId: number }
  /** an industry's models, one link each */
  | { industryModels: number }
  /** an industry's organizations (named with it directly), one link each */
  | { industryOrganizations: number };

// The pairs for each owner, as (key, i, m, o): one link is kept per key.
function pairsSql(owner: LinkOwner): string {
  if ("modelId" in owner)
    return `SELECT "industryId" AS key, "industryId" AS i, "modelId" AS m, NULL::int AS o FROM "IndustryModel" WHERE "modelId" = $1`;
  if ("vendorId" in owner) {
    return `SELECT "industryId" AS key, "industryId" AS i, NULL::int AS m, "organizationId" AS o FROM "IndustryOrganization" WHERE "organizationId" = $1
            UNION ALL
            SELECT p."industryId", p."industryId", p."modelId", NULL FROM "IndustryModel" p JOIN "Model" x ON x.id = p."modelId" WHERE x."vendorId" = $1`;
  }
  if ("industryModels" in owner)
    return `SELECT "modelId" AS key, "industryId" AS i, "modelId" AS m, NULL::int AS o FROM "IndustryModel" WHERE "industryId" = $1`;
  return `SELECT "organizationId" AS key, "industryId" AS i, NULL::int AS m, "organizationId" AS o FROM "IndustryOrganization" WHERE "industryId" = $1`;
}

function ownerId(owner: LinkOwner): number {
  return "modelId" in owner
    ? owner.modelId
    : "vendorId" in owner
      ? owner.vendorId
      : "industryModels" in owner
        ? owner.industryModels
        : owner.industryOrganizations;
}

/** Ids of the first link per key (industry, or entity on an industry page), earliest first. */
async function firstIndustryLinkIds(owner: LinkOwner, limit: number): Promise<number[]> {
  const db = await getDb();
  // pairsSql returns fixed SQL chosen by the owner's kind; the id is a bound parameter
  const rows = await db.$queryRawUnsafe<{ id: number }[]>(
    `SELECT id FROM (
       SELECT DISTINCT ON (key) key, first AS id FROM (
         SELECT p.key, CASE WHEN p.m IS NOT NULL
           THEN (SELECT min(l.id) FROM "IndustryLink" l WHERE l."modelId" = p.m AND l."industryId" = p.i)
           ELSE (SELECT min(l.id) FROM "IndustryLink" l WHERE l."organizationId" = p.o AND l."industryId" = p.i) END AS first
         FROM (${pairsSql(owner)}) p
       ) f WHERE first IS NOT NULL ORDER BY key, first
     ) k ORDER BY id LIMIT $2::int`,
    ownerId(owner),
    Math.max(1, Math.min(200, Math.floor(limit))),
  );
  return rows.map((r) => Number(r.id));
}

const linkSelect = {
  id: true,
  ...citationSelect,
  industry: { select: industryRefSelect },
  model: { select: modelRefSelect },
  organization: { select: entityRefSelect },
} as const;

type IndustryLinkRow = Prisma.IndustryLinkGetPayload<{ select: typeof linkSelect }>;

/** The links firstIndustryLinkIds picks, with their industry, subject and article, in that order. */
export async function firstIndustryLinks(owner: LinkOwner, limit: number): Promise<IndustryLinkRow[]> {
  const ids = await firstIndustryLinkIds(owner, limit);
  if (!ids.length) return [];
  const db = await getDb();
  const rows = await db.industryLink.findMany({ where: { id: { in: ids } }, select: linkSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [r] : [];
  });
}

/** An entity's industry, with the sentence that ties the two. */
export interface LinkedIndustry extends IndustryRef {
  citation: Citation;
}

export function toLinkedIndustry(l: IndustryLinkRow): LinkedIndustry {
  return { ...toIndustryRef(l.industry), citation: toCitation(l) };
}
