// Claims one page at a time (JSON API, CSV export); listClaims (./claims.ts) serves the pages'
// bounded lists. Same item shape and order: latest as-of date first, undated last.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { citationArticleSelect, clampLimit, dateAtPrecision, decodeOffset, entityRefSelect, offsetPage, toCitation, toEntityRef, type Page } from "./common";
import type { ClaimFilter, ClaimItem } from "./claims";

const claimSelect = {
  id: true,
  metric: true,
  value: true,
  unit: true,
  bound: true,
  asOf: true,
  asOfPrecision: true,
  asOfInferred: true,
  asOfText: true,
  scope: true,
  subjectModel: { select: entityRefSelect },
  subjectOrganization: { select: entityRefSelect },
  statedBy: { select: entityRefSelect },
  sources: {
    select: { quote: true, sentenceStart: true, sentenceEnd: true, article: { select: citationArticleSelect } },
    orderBy: { id: "asc" },
    take: 3,
  },
  _count: { select: { sources: true } },
} satisfies Prisma.ClaimSelect;

function claimWhere(f: ClaimFilter): Prisma.ClaimWhereInput {
  const and: Prisma.ClaimWhereInput[] = [];
  if (f.metric) and.push({ metric: f.metric });
  if (f.modelSlug) and.push({ subjectModel: { slug: f.modelSlug } });
  if (f.organizationSlug) {
    and.push({ OR: [{ subjectOrganization: { slug: f.organizationSlug } }, { statedBy: { slug: f.organizationSlug } }] });
  }
  return and.length ? { AND: and } : {};
}

/** Claims matching the filter, `limit` at a time; cursor "o<offset>". */
export async function listClaimsPage(filter: ClaimFilter & { cursor?: string }, opts: { limit?: number } = {}): Promise<Page<ClaimItem>> {
  const db = await getDb();
  const limit = clampLimit(opts.limit, 50);
  const offset = decodeOffset(filter.cursor);
  const rows = await db.claim.findMany({
    where: claimWhere(filter),
    orderBy: [{ asOf: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    skip: offset,
    take: limit + 1,
    select: claimSelect,
  });
  return offsetPage(
    rows.map((c) => ({
      id: c.id,
      metric: c.metric,
      value: c.value,
      unit: c.unit,
      bound: c.bound,
      asOf: dateAtPrecision(c.asOf, c.asOfPrecision, c.asOfInferred, c.asOfText),
      scope: c.scope,
      subjectModel: c.subjectModel ? toEntityRef(c.subjectModel) : null,
      subjectOrganization: c.subjectOrganization ? toEntityRef(c.subjectOrganization) : null,
      statedBy: c.statedBy ? toEntityRef(c.statedBy) : null,
      sources: c.sources.map(toCitation),
      sourceCount: c._count.sources,
    })),
    offset,
    limit,
  );
}
