// Quantitative claims ("截至2023年7月，我国累计已经发布130个大模型") with who stated them and where.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  citationSelect,
  claimCoreSelect,
  clampLimit,
  entityRefSelect,
  reviewedSelect,
  toAsOf,
  toCitation,
  toEntityRef,
  toReviewMark,
  type Citation,
  type DateAtPrecision,
  type EntityRef,
  type ReviewMark,
} from "./common";
import { cachedQuery } from "@/lib/db/query-cache";
import { fittedHeadlineCut } from "@/lib/extract/scoring";
import PRIORS from "@/lib/extract/data/confidence.json";

type ClaimBound = "exact" | "lower" | "upper" | "approx";

export interface ClaimItem extends ReviewMark {
  id: number;
  metric: string;
  value: number;
  unit: string;
  bound: ClaimBound;
  asOf: DateAtPrecision;
  scope: string | null;
  subjectModel: EntityRef | null;
  subjectOrganization: EntityRef | null;
  statedBy: EntityRef | null;
  sources: Citation[];
  sourceCount: number;
  /** 0–1: how sure the extraction is (the surest of its reports) */
  confidence: number;
}

export interface ClaimFilter {
  metric?: string;
  /** only claims at least this sure (the overview's headline) */
  minConfidence?: number;
  /** only claims of this scope ("China", "global") */
  scope?: string;
  modelSlug?: string;
  /** claims about the organization or stated by it */
  organizationSlug?: string;
}

export const claimSelect = {
  ...claimCoreSelect,
  bound: true,
  scope: true,
  subjectModel: { select: entityRefSelect },
  subjectOrganization: { select: entityRefSelect },
  sources: {
    select: citationSelect,
    // the (claimId, articleId) unique index gives the first sources without reading the rest
    orderBy: { articleId: "asc" },
    take: 3,
  },
  sourceCount: true,
  confidence: true,
  ...reviewedSelect,
} satisfies Prisma.ClaimSelect;

export function toClaimItem(c: Prisma.ClaimGetPayload<{ select: typeof claimSelect }>): ClaimItem {
  return {
    id: c.id,
    metric: c.metric,
    value: c.value,
    unit: c.unit,
    bound: c.bound,
    asOf: toAsOf(c),
    scope: c.scope,
    subjectModel: c.subjectModel ? toEntityRef(c.subjectModel) : null,
    subjectOrganization: c.subjectOrganization ? toEntityRef(c.subjectOrganization) : null,
    statedBy: c.statedBy ? toEntityRef(c.statedBy) : null,
    sources: c.sources.map(toCitation),
    sourceCount: c.sourceCount,
    confidence: c.confidence,
    ...toReviewMark(c),
  };
}

/**
 * The least confidence a claim needs to head the overview: the fitted cut (weights.json), else
 * data/confidence.json's, and never one the UI marks uncertain.
 */
export const HEADLINE_CONFIDENCE = Math.max(fittedHeadlineCut() ?? PRIORS.headlineAtLeast, PRIORS.uncertainBelow);

export function claimWhere(f: ClaimFilter): Prisma.ClaimWhereInput {
  const and: Prisma.ClaimWhereInput[] = [];
  if (f.metric) and.push({ metric: f.metric });
  if (f.minConfidence !== undefined) and.push({ confidence: { gte: f.minConfidence } });
  if (f.modelSlug) and.push({ subjectModel: { slug: f.modelSlug } });
  if (f.organizationSlug) {
    and.push({
      OR: [{ subjectOrganization: { slug: f.organizationSlug } }, { statedBy: { slug: f.organizationSlug } }],
    });
  }
  return and.length ? { AND: and } : {};
}

/**
 * Claims, latest as-of date first (undated ones last). Dated and undated are read apart, each in
 * the order of an (x, asOf, id) index, so only the claims shown are read, however many there are.
 */
export const listClaims = cachedQuery(
  "claims.listClaims",
  async function listClaims(filter: ClaimFilter = {}, limit: number = 10): Promise<ClaimItem[]> {
    const db = await getDb();
    const take = clampLimit(limit, 10);
    // a slug as an id: an equality the index can be scanned in order under (a join could not)
    const [model, org] = await Promise.all([
      filter.modelSlug ? db.model.findUnique({ where: { slug: filter.modelSlug }, select: { id: true } }) : undefined,
      filter.organizationSlug
        ? db.organization.findUnique({ where: { slug: filter.organizationSlug }, select: { id: true } })
        : undefined,
    ]);
    if (model === null || org === null) return [];
    const base: Prisma.ClaimWhereInput = {
      ...(filter.metric ? { metric: filter.metric } : {}),
      ...(filter.minConfidence !== undefined ? { confidence: { gte: filter.minConfidence } } : {}),
      ...(filter.scope ? { scope: filter.scope } : {}),
      ...(model ? { subjectModelId: model.id } : {}),
    };
    // an organisation's claims are those about it and those it stated: one ordered read per index,
    // merged here (an OR of the two columns would scan every claim)
    const wheres: Prisma.ClaimWhereInput[] = org
      ? [
          { ...base, subjectOrganizationId: org.id },
          { ...base, statedById: org.id },
        ]
      : [base];
    const read = async (extra: Prisma.ClaimWhereInput, orderBy: Prisma.ClaimOrderByWithRelationInput[], n: number) => {
      const reads = await Promise.all(
        wheres.map((w) => db.claim.findMany({ where: { ...w, ...extra }, orderBy, take: n, select: claimSelect })),
      );
      const rows = [...new Map(reads.flat().map((row) => [row.id, row])).values()]; // a claim it stated about itself comes twice
      return rows.sort((a, b) => (b.asOf?.getTime() ?? 0) - (a.asOf?.getTime() ?? 0) || b.id - a.id).slice(0, n);
    };
    const dated = await read({ asOf: { not: null } }, [{ asOf: "desc" }, { id: "desc" }], take);
    const undated = dated.length < take ? await read({ asOf: null }, [{ id: "desc" }], take - dated.length) : [];
    return [...dated, ...undated].map(toClaimItem);
  },
);

/**
 * The headline count for the overview: the latest confident China-wide "models released" claim,
 * else of any scope, else the latest confident claim counting models. A doubtful reading never
 * heads the page.
 */
export const getHeadlineClaim = cachedQuery(
  "claims.getHeadlineClaim",
  async function getHeadlineClaim(metric: string = "models_released"): Promise<ClaimItem | null> {
    const [china] = await listClaims({ metric, scope: "China", minConfidence: HEADLINE_CONFIDENCE }, 1);
    if (china) return china;
    const [latest] = await listClaims({ metric, minConfidence: HEADLINE_CONFIDENCE }, 1);
    if (latest) return latest;
    const db = await getDb();
    const row = await db.claim.findFirst({
      where: { unit: "models", subjectModelId: null, confidence: { gte: HEADLINE_CONFIDENCE } },
      orderBy: [{ asOf: { sort: "desc", nulls: "last" } }, { value: "desc" }],
      select: claimSelect,
    });
    return row ? toClaimItem(row) : null;
  },
);
