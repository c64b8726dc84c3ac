// The review queue: models and organizations found in text (not from the curated registry), to be
// confirmed, renamed, or merged into an existing entity. A merge moves every mention, event,
// claim, industry link (and, for organizations, models and people) to the target, keeps the
// source's names as the target's aliases, and deletes the source, all in one transaction.
import "server-only";
import { HttpError, NotFoundError } from "@/lib/api/errors";
import { getDb, getWriteDb } from "@/lib/db";
import { invalidateQueryCache } from "@/lib/db/query-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimKey, eventKey } from "@/lib/ingest/store";
import { isoAtPrecision } from "@/lib/queries/common";
import { indexTerms, pinyinTerms } from "@/lib/search/terms";
import type { ReviewAction, ReviewKind } from "./review-schema";

export { reviewActionSchema, type ReviewAction } from "./review-schema";

export interface ReviewItem {
  kind: ReviewKind;
  slug: string;
  names: { zh: string; en: string | null };
  aliases: string[];
  status: "discovered" | "confirmed";
  vendor: { slug: string; nameZh: string } | null;
  mentionCount: number;
  /** 0–1 for a model (the scorer's); null for an organisation */
  confidence: number | null;
  eventCount: number;
  claimCount: number;
  /** the first sentence that names it, to judge by */
  example: { articleId: number; articleTitle: string; sentence: string } | null;
}

export interface ReviewQueue {
  models: ReviewItem[];
  organizations: ReviewItem[];
  /** merge targets: every other entity of the kind (bounded), by name */
  targets: { model: { slug: string; nameZh: string }[]; organization: { slug: string; nameZh: string }[] };
}

const QUEUE_SIZE = 200;
const exampleSelect = {
  orderBy: { id: "asc" },
  take: 1,
  select: { sentence: true, article: { select: { id: true, title: true } } },
} as const;

/** Discovered entities first (most mentioned first), then up to QUEUE_SIZE confirmed ones. */
export async function listReviewQueue(opts: { includeConfirmed?: boolean } = {}): Promise<ReviewQueue> {
  const db = await getDb();
  const statuses: ("discovered" | "confirmed")[] = opts.includeConfirmed ? ["discovered", "confirmed"] : ["discovered"];
  const [models, organizations, modelTargets, orgTargets] = await Promise.all([
    db.model.findMany({
      where: { status: { in: statuses } },
      // the least confident first: what most needs an editor's eye
      orderBy: [{ status: "desc" }, { confidence: "asc" }, { mentionCount: "desc" }, { id: "asc" }],
      take: QUEUE_SIZE,
      select: {
        slug: true,
        nameZh: true,
        nameEn: true,
        aliases: true,
        status: true,
        vendor: { select: { slug: true, nameZh: true } },
        mentions: exampleSelect,
        mentionCount: true,
        confidence: true,
        eventCount: true,
        claimCount: true,
      },
    }),
    db.organization.findMany({
      where: { status: { in: statuses } },
      orderBy: [{ status: "desc" }, { mentionCount: "desc" }, { id: "asc" }],
      take: QUEUE_SIZE,
      select: {
        slug: true,
        nameZh: true,
        nameEn: true,
        aliases: true,
        status: true,
        mentions: exampleSelect,
        mentionCount: true,
        eventCount: true,
        claimCount: true,
      },
    }),
    db.model.findMany({ orderBy: { nameZh: "asc" }, take: 1000, select: { slug: true, nameZh: true } }),
    db.organization.findMany({ orderBy: { nameZh: "asc" }, take: 1000, select: { slug: true, nameZh: true } }),
  ]);
  const example = (m: { sentence: string; article: { id: number; title: string } }[]) =>
    m[0] ? { articleId: m[0].article.id, articleTitle: m[0].article.title, sentence: m[0].sentence } : null;
  return {
    models: models.map((m) => ({
      kind: "model",
      slug: m.slug,
      names: { zh: m.nameZh, en: m.nameEn },
      aliases: m.aliases,
      status: m.status as "discovered" | "confirmed",
      vendor: m.vendor,
      mentionCount: m.mentionCount,
      confidence: m.confidence,
      eventCount: m.eventCount,
      claimCount: m.claimCount,
      example: example(m.mentions),
    })),
    organizations: organizations.map((o) => ({
      kind: "organization",
      slug: o.slug,
      names: { zh: o.nameZh, en: o.nameEn },
      aliases: o.aliases,
      status: o.status as "discovered" | "confirmed",
      vendor: null,
      mentionCount: o.mentionCount,
      confidence: null,
      eventCount: o.eventCount,
      claimCount: o.claimCount,
      example: example(o.mentions),
    })),
    targets: { model: modelTargets, organization: orgTargets },
  };
}

export interface ReviewResult {
  action: ReviewAction["action"];
  kind: ReviewKind;
  slug: string;
  /** the surviving entity (the target of a merge) */
  into: string;
  moved?: { mentions: number; events: number; claims: number; industryLinks: number; models: number; people: number };
}

/**
 * Applies one review decision. Curated entities cannot be renamed or merged away. This process's kept
 * query results are dropped when it ends, so the page the editor is sent back to shows the change.
 */
export async function applyReviewAction(action: ReviewAction): Promise<ReviewResult> {
  const db = await getWriteDb();
  return db
    .$transaction(
      async (tx): Promise<ReviewResult> => {
        const source = await findEntity(tx, action.kind, action.slug);
        if (!source) throw new NotFoundError(action.kind);
        if (action.action === "confirm") {
          if (source.status === "discovered") await updateEntity(tx, action.kind, source.id, { status: "confirmed" });
          return { action: "confirm", kind: action.kind, slug: action.slug, into: action.slug };
        }
        if (source.status === "curated")
          throw new HttpError(
            409,
            `${action.slug} is curated (from the registry): it cannot be ${action.action}d here`,
          );
        if (action.action === "rename") {
          await rename(tx, action.kind, source, action.nameZh, action.nameEn);
          return { action: "rename", kind: action.kind, slug: action.slug, into: action.slug };
        }
        if (action.into === action.slug) throw new HttpError(409, "cannot merge an entity into itself");
        const target = await findEntity(tx, action.kind, action.into);
        if (!target) throw new HttpError(409, `merge target ${action.into} does not exist`);
        const moved =
          action.kind === "model" ? await mergeModel(tx, source, target) : await mergeOrganization(tx, source, target);
        return { action: "merge", kind: action.kind, slug: action.slug, into: action.into, moved };
      },
      { timeout: 60_000, maxWait: 30_000 },
    )
    .finally(invalidateQueryCache);
}

type Tx = Prisma.TransactionClient;
interface Entity {
  id: number;
  slug: string;
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  status: "curated" | "discovered" | "confirmed";
}

const entitySelect = { id: true, slug: true, nameZh: true, nameEn: true, aliases: true, status: true } as const;

async function findEntity(tx: Tx, kind: ReviewKind, slug: string): Promise<Entity | null> {
  // Lock the row: two editors merging the same entity must not interleave.
  const table = kind === "model" ? "Model" : "Organization";
  await tx.$queryRawUnsafe(`SELECT id FROM "${table}" WHERE slug = $1 FOR UPDATE`, slug);
  return kind === "model"
    ? tx.model.findUnique({ where: { slug }, select: entitySelect })
    : tx.organization.findUnique({ where: { slug }, select: entitySelect });
}

async function updateEntity(
  tx: Tx,
  kind: ReviewKind,
  id: number,
  data: { status?: "confirmed"; nameZh?: string; nameEn?: string | null; aliases?: string[] },
) {
  if (kind === "model") await tx.model.update({ where: { id }, data });
  else await tx.organization.update({ where: { id }, data });
}

/** Adds lexemes for new names so /search and `q` find the entity by them. */
async function addSearchTerms(tx: Tx, kind: ReviewKind, id: number, names: (string | null)[]) {
  const terms = [...indexTerms(...names), ...pinyinTerms(...names)];
  if (!terms.length) return;
  if (kind === "model") {
    await tx.$executeRaw`UPDATE "Model" SET "searchTerms" = coalesce("searchTerms", ''::tsvector) || array_to_tsvector(${terms}::text[]) WHERE id = ${id}`;
  } else {
    await tx.$executeRaw`UPDATE "Organization" SET "searchTerms" = coalesce("searchTerms", ''::tsvector) || array_to_tsvector(${terms}::text[]) WHERE id = ${id}`;
  }
}

function mergedAliases(target: Entity, extra: (string | null)[]): string[] {
  const own = new Set([target.nameZh, target.nameEn].filter(Boolean));
  return [...new Set([...target.aliases, ...extra].filter((a): a is string => !!a && !own.has(a)))].sort();
}

async function rename(tx: Tx, kind: ReviewKind, e: Entity, nameZh: string, nameEn: string | null) {
  const next = { ...e, nameZh, nameEn };
  await updateEntity(tx, kind, e.id, {
    nameZh,
    nameEn,
    status: "confirmed",
    aliases: mergedAliases(next, [...e.aliases, e.nameZh, e.nameEn]),
  });
  await addSearchTerms(tx, kind, e.id, [nameZh, nameEn]);
}

async function mergeModel(tx: Tx, source: Entity, target: Entity) {
  const mentions = await tx.mention.updateMany({ where: { modelId: source.id }, data: { modelId: target.id } });
  const industryLinks = await tx.industryLink.updateMany({
    where: { modelId: source.id },
    data: { modelId: target.id },
  });
  const events = await moveEvents(tx, { modelId: source.id }, { modelId: target.id });
  const claims = await moveClaims(tx, { subjectModelId: source.id }, { subjectModelId: target.id });
  await tx.model.update({
    where: { id: target.id },
    data: { aliases: mergedAliases(target, [source.nameZh, source.nameEn, ...source.aliases]) },
  });
  await tx.$executeRaw`UPDATE "Model" t SET "searchTerms" = coalesce(t."searchTerms", ''::tsvector) || coalesce(s."searchTerms", ''::tsvector)
    FROM "Model" s WHERE t.id = ${target.id} AND s.id = ${source.id}`;
  await tx.model.delete({ where: { id: source.id } });
  return { mentions: mentions.count, events, claims, industryLinks: industryLinks.count, models: 0, people: 0 };
}

async function mergeOrganization(tx: Tx, source: Entity, target: Entity) {
  const mentions = await tx.mention.updateMany({
    where: { organizationId: source.id },
    data: { organizationId: target.id },
  });
  const industryLinks = await tx.industryLink.updateMany({
    where: { organizationId: source.id },
    data: { organizationId: target.id },
  });
  const models = await tx.model.updateMany({ where: { vendorId: source.id }, data: { vendorId: target.id } });
  const people = await tx.person.updateMany({
    where: { organizationId: source.id },
    data: { organizationId: target.id },
  });
  const events = await moveEvents(tx, { organizationId: source.id }, { organizationId: target.id });
  const claims = await moveClaims(tx, { subjectOrganizationId: source.id }, { subjectOrganizationId: target.id });
  await tx.claim.updateMany({ where: { statedById: source.id }, data: { statedById: target.id } });
  const roles = await tx.organization.findMany({
    where: { id: { in: [source.id, target.id] } },
    select: { roles: true },
  });
  await tx.organization.update({
    where: { id: target.id },
    data: {
      aliases: mergedAliases(target, [source.nameZh, source.nameEn, ...source.aliases]),
      roles: [...new Set(roles.flatMap((r) => r.roles))].sort(),
    },
  });
  await tx.$executeRaw`UPDATE "Organization" t SET "searchTerms" = coalesce(t."searchTerms", ''::tsvector) || coalesce(s."searchTerms", ''::tsvector)
    FROM "Organization" s WHERE t.id = ${target.id} AND s.id = ${source.id}`;
  await tx.organization.delete({ where: { id: source.id } });
  return {
    mentions: mentions.count,
    events,
    claims,
    industryLinks: industryLinks.count,
    models: models.count,
    people: people.count,
  };
}

/**
 * Re-points events to the target and re-keys them the way ingestion keys them (lib/ingest/store.ts),
 * so a later article reporting the same event lands on the same row. When the target already
 * has that event, the reports (sources) move onto it and the duplicate goes.
 */
async function moveEvents(
  tx: Tx,
  where: { modelId: number } | { organizationId: number },
  data: { modelId: number } | { organizationId: number },
): Promise<number> {
  const events = await tx.event.findMany({
    where,
    select: {
      id: true,
      type: true,
      date: true,
      precision: true,
      dateInferred: true,
      modelId: true,
      organizationId: true,
    },
  });
  for (const e of events) {
    const next = { modelId: e.modelId, organizationId: e.organizationId, ...data };
    const [model, org] = await Promise.all([
      next.modelId ? tx.model.findUnique({ where: { id: next.modelId }, select: { slug: true } }) : null,
      next.organizationId
        ? tx.organization.findUnique({ where: { id: next.organizationId }, select: { slug: true } })
        : null,
    ]);
    const key = eventKey({
      type: e.type,
      modelKey: model?.slug ?? null,
      organizationKey: org?.slug ?? null,
      date: { value: isoAtPrecision(e.date, e.precision), precision: e.precision, inferred: e.dateInferred, text: "" },
    });
    const twin = await tx.event.findUnique({ where: { key }, select: { id: true, dateInferred: true } });
    if (twin && twin.id !== e.id) {
      await tx.$executeRaw`UPDATE "EventSource" SET "eventId" = ${twin.id}
        WHERE "eventId" = ${e.id} AND "articleId" NOT IN (SELECT "articleId" FROM "EventSource" WHERE "eventId" = ${twin.id})`;
      await tx.event.update({ where: { id: twin.id }, data: { dateInferred: twin.dateInferred && e.dateInferred } });
      await tx.event.delete({ where: { id: e.id } });
    } else {
      await tx.event.update({ where: { id: e.id }, data: { ...data, key } });
    }
  }
  return events.length;
}

/** As moveEvents, for claims about the merged entity. */
async function moveClaims(
  tx: Tx,
  where: { subjectModelId: number } | { subjectOrganizationId: number },
  data: { subjectModelId: number } | { subjectOrganizationId: number },
): Promise<number> {
  const claims = await tx.claim.findMany({
    where,
    select: {
      id: true,
      metric: true,
      value: true,
      unit: true,
      bound: true,
      asOf: true,
      asOfPrecision: true,
      scope: true,
      subjectModelId: true,
      subjectOrganizationId: true,
      statedById: true,
    },
  });
  for (const c of claims) {
    const next = { subjectModelId: c.subjectModelId, subjectOrganizationId: c.subjectOrganizationId, ...data };
    const [model, org] = await Promise.all([
      next.subjectModelId ? tx.model.findUnique({ where: { id: next.subjectModelId }, select: { slug: true } }) : null,
      next.subjectOrganizationId
        ? tx.organization.findUnique({ where: { id: next.subjectOrganizationId }, select: { slug: true } })
        : null,
    ]);
    const key = claimKey({
      metric: c.metric,
      value: c.value,
      unit: c.unit,
      bound: c.bound,
      asOf: { value: isoAtPrecision(c.asOf, c.asOfPrecision), precision: c.asOfPrecision, inferred: false, text: "" },
      scope: c.scope,
      subjectModelKey: model?.slug ?? null,
      subjectOrganizationKey: org?.slug ?? null,
    });
    const twin = await tx.claim.findUnique({ where: { key }, select: { id: true, statedById: true } });
    if (twin && twin.id !== c.id) {
      await tx.$executeRaw`UPDATE "ClaimSource" SET "claimId" = ${twin.id}
        WHERE "claimId" = ${c.id} AND "articleId" NOT IN (SELECT "articleId" FROM "ClaimSource" WHERE "claimId" = ${twin.id})`;
      if (!twin.statedById && c.statedById)
        await tx.claim.update({ where: { id: twin.id }, data: { statedById: c.statedById } });
      await tx.claim.delete({ where: { id: c.id } });
    } else {
      await tx.claim.update({ where: { id: c.id }, data: { ...data, key } });
    }
  }
  return claims.length;
}
