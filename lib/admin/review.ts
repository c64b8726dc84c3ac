// The review queue: models and organizations found in text (not from the curated registry), to be
// confirmed, renamed, or merged into an existing entity. A merge moves every mention, event,
// claim, industry link (and, for organizations, models and people) to the target, keeps the
// source's names as the target's aliases, and deletes the source, all in one transaction. A rename
// and a merge are kept as overrides too (lib/admin/overrides.ts), so re-ingestion and re-extraction
// read the entity the way the editor left it.
import "server-only";
import { HttpError, NotFoundError } from "@/lib/api/errors";
import { getDb, getWriteDb } from "@/lib/db";
import { invalidateQueryCache } from "@/lib/db/query-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimKey, eventKey } from "@/lib/ingest/keys";
import { OVERRIDE_LOCK, type StoreQuery } from "@/lib/ingest/store";
import { isoAtPrecision, namedSelect, toNamed } from "@/lib/queries/common";
import { indexTerms, pinyinTerms } from "@/lib/search/terms";
import { SESSION_EDITOR } from "./auth";
import { finishIdentityOverride, recordIdentityOverride, saveOverride } from "./overrides";
import type { ReviewAction, ReviewKind } from "./review-schema";

export { reviewActionSchema, type ReviewAction } from "./review-schema";

export interface ReviewItem {
  kind: ReviewKind;
  slug: string;
  names: { zh: string; en: string | null };
  aliases: string[];
  status: "curated" | "discovered" | "confirmed";
  vendor: { slug: string; nameZh: string } | null;
  /** a model's family and version (null for an organisation) */
  family: string | null;
  version: string | null;
  /** a model's latest confirm or set (an override) */
  reviewed: { at: string; by: string | null } | null;
  mentionCount: number;
  /** 0–1 for a model (the scorer's); null for an organisation */
  confidence: number | null;
  eventCount: number;
  claimCount: number;
  /** the first sentence that names it, to judge by */
  example: { articleId: number; articleTitle: string; sentence: string } | null;
  /** a model's first mentions (for a split: which of them name another model); none for an organisation */
  mentions: {
    articleId: number;
    articleTitle: string;
    sentence: string;
    /** offsets in the article's body: of the mention, and of its sentence */
    start: number;
    end: number;
    sentenceStart: number;
    text: string;
  }[];
}

export interface ReviewQueue {
  models: ReviewItem[];
  organizations: ReviewItem[];
  /** merge targets: every other entity of the kind (bounded), by name */
  targets: { model: { slug: string; nameZh: string }[]; organization: { slug: string; nameZh: string }[] };
}

const QUEUE_SIZE = 200;
/** A model's mentions offered for a split. */
const SPLIT_MENTIONS = 30;
const exampleSelect = {
  orderBy: { id: "asc" },
  take: 1,
  select: { sentence: true, article: { select: { id: true, title: true } } },
} as const;

/** What the queue shows of either kind (a model adds its vendor and confidence). */
const queueSelect = {
  ...namedSelect,
  status: true,
  mentions: exampleSelect,
  mentionCount: true,
  eventCount: true,
  claimCount: true,
} as const;

function toReviewItem(
  kind: ReviewKind,
  r:
    | Prisma.ModelGetPayload<{ select: typeof queueSelect }>
    | Prisma.OrganizationGetPayload<{ select: typeof queueSelect }>,
  model: Pick<ReviewItem, "vendor" | "family" | "version" | "reviewed"> | null,
  confidence: number | null,
): ReviewItem {
  const example = r.mentions[0];
  return {
    kind,
    ...toNamed(r),
    status: r.status,
    vendor: model?.vendor ?? null,
    family: model?.family ?? null,
    version: model?.version ?? null,
    reviewed: model?.reviewed ?? null,
    mentionCount: r.mentionCount,
    confidence,
    eventCount: r.eventCount,
    claimCount: r.claimCount,
    example: example
      ? { articleId: example.article.id, articleTitle: example.article.title, sentence: example.sentence }
      : null,
    mentions: [],
  };
}

/**
 * Discovered entities first (most mentioned first), then up to QUEUE_SIZE confirmed ones; of one
 * article, every entity it names (curated ones too: a registry entry can be misread as well).
 */
export async function listReviewQueue(
  opts: { includeConfirmed?: boolean; article?: number } = {},
): Promise<ReviewQueue> {
  const db = await getDb();
  const statuses: ("curated" | "discovered" | "confirmed")[] = opts.article
    ? ["discovered", "confirmed", "curated"]
    : opts.includeConfirmed
      ? ["discovered", "confirmed"]
      : ["discovered"];
  const inArticle = opts.article ? { mentions: { some: { articleId: opts.article } } } : {};
  const targetArgs = { orderBy: { nameZh: "asc" }, take: 1000, select: { slug: true, nameZh: true } } as const;
  const [models, organizations, modelTargets, orgTargets] = await Promise.all([
    db.model.findMany({
      where: { status: { in: statuses }, ...inArticle },
      // the least confident first: what most needs an editor's eye
      orderBy: [{ status: "desc" }, { confidence: "asc" }, { mentionCount: "desc" }, { id: "asc" }],
      take: QUEUE_SIZE,
      select: {
        ...queueSelect,
        mentions: {
          ...exampleSelect,
          take: SPLIT_MENTIONS,
          select: { ...exampleSelect.select, start: true, end: true, text: true, sentenceStart: true },
        },
        vendor: { select: { slug: true, nameZh: true } },
        family: true,
        version: true,
        confidence: true,
        reviewedAt: true,
        reviewedBy: true,
      },
    }),
    db.organization.findMany({
      where: { status: { in: statuses }, ...inArticle },
      orderBy: [{ status: "desc" }, { mentionCount: "desc" }, { id: "asc" }],
      take: QUEUE_SIZE,
      select: queueSelect,
    }),
    db.model.findMany(targetArgs),
    db.organization.findMany(targetArgs),
  ]);
  return {
    models: models.map((m) => ({
      ...toReviewItem(
        "model",
        m,
        {
          vendor: m.vendor,
          family: m.family,
          version: m.version,
          reviewed: m.reviewedAt ? { at: m.reviewedAt.toISOString(), by: m.reviewedBy } : null,
        },
        m.confidence,
      ),
      mentions: m.mentions.map((x) => ({
        articleId: x.article.id,
        articleTitle: x.article.title,
        sentence: x.sentence,
        start: x.start,
        end: x.end,
        sentenceStart: x.sentenceStart,
        text: x.text,
      })),
    })),
    organizations: organizations.map((o) => toReviewItem("organization", o, null, null)),
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
 * Applies one review decision. A confirm is kept as an override (it survives re-ingestion and is in
 * the history). Curated entities cannot be renamed or merged away. This process's kept query results
 * are dropped when it ends, so the page the editor is sent back to shows the change.
 */
export async function applyReviewAction(action: ReviewAction, editor = SESSION_EDITOR): Promise<ReviewResult> {
  if (action.action === "confirm") {
    const target = { kind: action.kind, key: action.slug, reason: null, back: undefined };
    await saveOverride({ action: "confirm", ...target }, editor);
    return { action: "confirm", kind: action.kind, slug: action.slug, into: action.slug };
  }
  const db = await getWriteDb();
  return db
    .$transaction(
      async (tx): Promise<ReviewResult> => {
        const q: StoreQuery = (text, params = []) => tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
        // the corrections' lock first, as ingestion takes it (before any row)
        await q(OVERRIDE_LOCK);
        const source = await findEntity(tx, action.kind, action.slug);
        if (!source) throw new NotFoundError(action.kind);
        if (source.status === "curated")
          throw new HttpError(
            409,
            `${action.slug} is curated (from the registry): it cannot be ${action.action}d here`,
          );
        const keep = (values: Record<string, unknown>) =>
          recordIdentityOverride(q, { kind: action.kind, key: action.slug, values, reason: null }, editor);
        if (action.action === "rename") {
          const saved = await keep({ nameZh: action.nameZh, nameEn: action.nameEn });
          await rename(tx, action.kind, source, action.nameZh, action.nameEn);
          await finishIdentityOverride(q, action.kind, saved, false);
          return { action: "rename", kind: action.kind, slug: action.slug, into: action.slug };
        }
        if (action.into === action.slug) throw new HttpError(409, "cannot merge an entity into itself");
        const target = await findEntity(tx, action.kind, action.into);
        if (!target) throw new HttpError(409, `merge target ${action.into} does not exist`);
        const saved = await keep(await mergeValues(tx, action.kind, target));
        const moved = await merge(tx, action.kind, source, target);
        await finishIdentityOverride(q, action.kind, saved, true);
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

const entitySelect = { id: true, ...namedSelect, status: true } as const;

type EntityUpdate = { status?: "confirmed"; nameZh?: string; nameEn?: string | null; aliases?: string[] };

/** The calls the review makes on either kind's table (tx.model and tx.organization both fit). */
interface EntityTable {
  findUnique(args: { where: { slug: string }; select: typeof entitySelect }): Promise<Entity | null>;
  update(args: { where: { id: number }; data: EntityUpdate }): Promise<unknown>;
  delete(args: { where: { id: number } }): Promise<unknown>;
}

/** Per kind: its table, and how a mention, industry link, event or claim names it. */
const KINDS = {
  model: {
    table: "Model",
    rows: (tx: Tx): EntityTable => tx.model,
    subject: (id: number) => ({ modelId: id }),
    claimSubject: (id: number) => ({ subjectModelId: id }),
  },
  organization: {
    table: "Organization",
    rows: (tx: Tx): EntityTable => tx.organization,
    subject: (id: number) => ({ organizationId: id }),
    claimSubject: (id: number) => ({ subjectOrganizationId: id }),
  },
} as const;

async function findEntity(tx: Tx, kind: ReviewKind, slug: string): Promise<Entity | null> {
  // Lock the row: two editors merging the same entity must not interleave.
  await tx.$queryRawUnsafe(`SELECT id FROM "${KINDS[kind].table}" WHERE slug = $1 FOR UPDATE`, slug);
  return KINDS[kind].rows(tx).findUnique({ where: { slug }, select: entitySelect });
}

async function updateEntity(tx: Tx, kind: ReviewKind, id: number, data: EntityUpdate) {
  await KINDS[kind].rows(tx).update({ where: { id }, data });
}

/** Adds lexemes for new names so /search and `q` find the entity by them. */
async function addSearchTerms(tx: Tx, kind: ReviewKind, id: number, names: (string | null)[]) {
  const terms = [...indexTerms(...names), ...pinyinTerms(...names)];
  if (!terms.length) return;
  // the table name comes from KINDS, never from input
  await tx.$executeRawUnsafe(
    `UPDATE "${KINDS[kind].table}" SET "searchTerms" = coalesce("searchTerms", ''::tsvector) || array_to_tsvector($1::text[]) WHERE id = $2`,
    terms,
    id,
  );
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

/**
 * What a merge's override carries: the target, and what the target is when the merge is made (its
 * names, and a model's vendor, family and version), so that an article that names only the source
 * adds nothing else to it.
 */
async function mergeValues(tx: Tx, kind: ReviewKind, target: Entity): Promise<Record<string, unknown>> {
  const names = { into: target.slug, nameZh: target.nameZh, nameEn: target.nameEn };
  if (kind === "organization") return names;
  const m = await tx.model.findUniqueOrThrow({
    where: { id: target.id },
    select: { family: true, version: true, vendor: { select: { slug: true } } },
  });
  return { ...names, vendor: m.vendor?.slug ?? null, family: m.family, version: m.version };
}

/** Moves everything that names the source to the target, then deletes the source. */
async function merge(
  tx: Tx,
  kind: ReviewKind,
  source: Entity,
  target: Entity,
): Promise<NonNullable<ReviewResult["moved"]>> {
  const { table, subject, claimSubject } = KINDS[kind];
  const [from, to] = [subject(source.id), subject(target.id)];
  const mentions = await tx.mention.updateMany({ where: from, data: to });
  const industryLinks = await tx.industryLink.updateMany({ where: from, data: to });
  const owned = kind === "organization" ? await moveOwned(tx, source.id, target.id) : { models: 0, people: 0 };
  const events = await moveEvents(tx, from, to);
  const claims = await moveClaims(tx, claimSubject(source.id), claimSubject(target.id));
  if (kind === "organization") await mergeStatements(tx, source.id, target.id);
  await updateEntity(tx, kind, target.id, {
    aliases: mergedAliases(target, [source.nameZh, source.nameEn, ...source.aliases]),
  });
  // the table name comes from KINDS, never from input
  await tx.$executeRawUnsafe(
    `UPDATE "${table}" t SET "searchTerms" = coalesce(t."searchTerms", ''::tsvector) || coalesce(s."searchTerms", ''::tsvector)
    FROM "${table}" s WHERE t.id = $1 AND s.id = $2`,
    target.id,
    source.id,
  );
  await KINDS[kind].rows(tx).delete({ where: { id: source.id } });
  return { mentions: mentions.count, events, claims, industryLinks: industryLinks.count, ...owned };
}

/** An organization's models and people go to the target organization. */
async function moveOwned(tx: Tx, sourceId: number, targetId: number) {
  const models = await tx.model.updateMany({ where: { vendorId: sourceId }, data: { vendorId: targetId } });
  const people = await tx.person.updateMany({
    where: { organizationId: sourceId },
    data: { organizationId: targetId },
  });
  return { models: models.count, people: people.count };
}

/** The claims an organization stated, and its roles, go to the target organization. */
async function mergeStatements(tx: Tx, sourceId: number, targetId: number) {
  await tx.claim.updateMany({ where: { statedById: sourceId }, data: { statedById: targetId } });
  const roles = await tx.organization.findMany({
    where: { id: { in: [sourceId, targetId] } },
    select: { roles: true },
  });
  await tx.organization.update({
    where: { id: targetId },
    data: { roles: [...new Set(roles.flatMap((r) => r.roles))].sort() },
  });
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
    const slugs = await subjectSlugs(tx, next.modelId, next.organizationId);
    const key = eventKey({
      type: e.type,
      modelKey: slugs.model,
      organizationKey: slugs.organization,
      date: { value: isoAtPrecision(e.date, e.precision), precision: e.precision, inferred: e.dateInferred, text: "" },
    });
    const twin = await tx.event.findUnique({ where: { key }, select: { id: true, dateInferred: true } });
    if (twin && twin.id !== e.id) {
      await moveSources(tx, "event", e.id, twin.id);
      await tx.event.update({ where: { id: twin.id }, data: { dateInferred: twin.dateInferred && e.dateInferred } });
      await tx.event.delete({ where: { id: e.id } });
    } else {
      await tx.event.update({ where: { id: e.id }, data: { ...data, key } });
    }
  }
  return events.length;
}

// Step for step as moveEvents by design: each follows its own ingestion key (claimKey, eventKey) and twin rule.
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
    const slugs = await subjectSlugs(tx, next.subjectModelId, next.subjectOrganizationId);
    const key = claimKey({
      metric: c.metric,
      value: c.value,
      unit: c.unit,
      bound: c.bound,
      asOf: { value: isoAtPrecision(c.asOf, c.asOfPrecision), precision: c.asOfPrecision, inferred: false, text: "" },
      scope: c.scope,
      subjectModelKey: slugs.model,
      subjectOrganizationKey: slugs.organization,
    });
    const twin = await tx.claim.findUnique({ where: { key }, select: { id: true, statedById: true } });
    if (twin && twin.id !== c.id) {
      await moveSources(tx, "claim", c.id, twin.id);
      if (!twin.statedById && c.statedById)
        await tx.claim.update({ where: { id: twin.id }, data: { statedById: c.statedById } });
      await tx.claim.delete({ where: { id: c.id } });
    } else {
      await tx.claim.update({ where: { id: c.id }, data: { ...data, key } });
    }
  }
  return claims.length;
}

/** The slugs ingestion keys an event or claim by: its model's and its organization's. */
async function subjectSlugs(tx: Tx, modelId: number | null, organizationId: number | null) {
  const [model, org] = await Promise.all([
    modelId ? tx.model.findUnique({ where: { id: modelId }, select: { slug: true } }) : null,
    organizationId ? tx.organization.findUnique({ where: { id: organizationId }, select: { slug: true } }) : null,
  ]);
  return { model: model?.slug ?? null, organization: org?.slug ?? null };
}

/** Moves a duplicate event's or claim's reports onto its twin, but for the articles the twin already has. */
async function moveSources(tx: Tx, fact: "event" | "claim", fromId: number, toId: number) {
  const [table, column] = fact === "event" ? ["EventSource", "eventId"] : ["ClaimSource", "claimId"];
  // fixed names chosen by `fact`; the ids are bound parameters
  await tx.$executeRawUnsafe(
    `UPDATE "${table}" SET "${column}" = $1
      WHERE "${column}" = $2 AND "articleId" NOT IN (SELECT "articleId" FROM "${table}" WHERE "${column}" = $1)`,
    toId,
    fromId,
  );
}
