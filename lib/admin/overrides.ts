// Editors' corrections: reject, set or confirm any fact, kept as overrides (prisma Override) that
// every later ingestion and re-extraction applies again (lib/ingest/overrides.ts), listed in the
// history, and undone by revoking them.
//
// An override is keyed by the fact as the editor saw it (its stored key). Saving one applies it to
// the stored rows in the same transaction: a confirm (and a model's set, one row) directly; anything
// that removes or re-keys facts by reading the articles that hold the fact again through the store,
// so the rows are exactly what the next ingestion will leave. Undo revokes it and reads those
// articles again, which restores what the extractor read.
import "server-only";
import { HttpError, NotFoundError } from "@/lib/api/errors";
import { getDb, getWriteDb } from "@/lib/db";
import { invalidateQueryCache } from "@/lib/db/query-cache";
import type { Prisma } from "@/lib/generated/prisma/client";
import { claimKey, eventKey, industryLinkKey, mentionKey } from "@/lib/ingest/keys";
import { analyseStored, STORED_ARTICLE_SELECT } from "@/lib/ingest/reextract";
import {
  dropUnreferenced,
  OVERRIDE_LOCK,
  refreshOverrides,
  storeBatch,
  storeTransaction,
  type ReviewedKeys,
  type StoreQuery,
} from "@/lib/ingest/store";
import type { OverrideKind } from "@/lib/validations/overrides";
import type {
  ConfirmRequest,
  OverrideItem,
  OverrideListQuery,
  RejectRequest,
  SetRequest,
  SplitRequest,
} from "./override-schema";

export type { OverrideItem };

type Q = StoreQuery;
type DatePoint = { value: string | null; precision: "day" | "month" | "year" | "unknown" };

/** What an override targets, found in the stored rows. */
interface Resolved {
  kind: OverrideKind;
  key: string;
  articleUrl: string | null;
  /** the articles whose reading holds it */
  articleIds: number[];
  /** its stored values (the fields a set may change, and an entity's status) */
  previous: Record<string, unknown>;
  sentence: string | null;
  /** what a new key is made of (events and claims) */
  keyParts?: Record<string, unknown>;
}

const ids = (rows: Record<string, unknown>[], column = "a") => [...new Set(rows.map((r) => Number(r[column])))];
/** A text column of a raw row (null stays null). */
const text = (v: unknown) => (typeof v === "string" ? v : v === null || v === undefined ? null : JSON.stringify(v));
/** A stored first-of-period date (YYYY-MM-DD) at its precision, as extraction states dates. */
function datePoint(date: unknown, precision: unknown): DatePoint {
  const p = String(precision) as DatePoint["precision"];
  const d = text(date);
  if (!d || p === "unknown") return { value: null, precision: "unknown" };
  return { value: p === "year" ? d.slice(0, 4) : p === "month" ? d.slice(0, 7) : d, precision: p };
}
const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

async function resolveTarget(q: Q, t: RejectRequest | ConfirmRequest | SetRequest): Promise<Resolved> {
  switch (t.kind) {
    case "model": {
      const [m] = await q(
        `SELECT m.id, m."nameZh", m."nameEn", m.status::text, v.slug vendor, m.family, m.version,
           (SELECT sentence FROM "Mention" x WHERE x."modelId" = m.id ORDER BY x.id LIMIT 1) sentence
         FROM "Model" m LEFT JOIN "Organization" v ON v.id = m."vendorId" WHERE m.slug = $1 FOR UPDATE OF m`,
        [t.key],
      );
      if (!m) throw new NotFoundError("model");
      return {
        kind: "model",
        key: t.key,
        articleUrl: null,
        articleIds: await entityArticles(q, "model", Number(m.id)),
        previous: {
          nameZh: m.nameZh,
          nameEn: text(m.nameEn),
          status: m.status,
          vendor: text(m.vendor),
          family: text(m.family),
          version: text(m.version),
        },
        sentence: text(m.sentence),
      };
    }
    case "organization": {
      const [o] = await q(
        `SELECT o.id, o."nameZh", o."nameEn", o.status::text,
           (SELECT sentence FROM "Mention" x WHERE x."organizationId" = o.id ORDER BY x.id LIMIT 1) sentence
         FROM "Organization" o WHERE o.slug = $1 FOR UPDATE`,
        [t.key],
      );
      if (!o) throw new NotFoundError("organization");
      return {
        kind: "organization",
        key: t.key,
        articleUrl: null,
        articleIds: await entityArticles(q, "organization", Number(o.id)),
        previous: { nameZh: o.nameZh, nameEn: text(o.nameEn), status: o.status },
        sentence: text(o.sentence),
      };
    }
    case "event": {
      const [e] = await q(
        `SELECT e.id, e.type::text, ${DATE("e.date")} date, e.precision::text, m.slug model, o.slug organization,
           (SELECT quote FROM "EventSource" s WHERE s."eventId" = e.id ORDER BY s."articleId" LIMIT 1) sentence
         FROM "Event" e LEFT JOIN "Model" m ON m.id = e."modelId" LEFT JOIN "Organization" o ON o.id = e."organizationId"
         WHERE e.key = $1 FOR UPDATE OF e`,
        [t.key],
      );
      if (!e) throw new NotFoundError("event");
      const previous = {
        type: e.type,
        model: text(e.model),
        organization: text(e.organization),
        date: datePoint(e.date, e.precision),
      };
      return {
        kind: "event",
        key: t.key,
        articleUrl: null,
        articleIds: ids(await q(`SELECT "articleId" a FROM "EventSource" WHERE "eventId" = $1`, [e.id])),
        previous,
        sentence: text(e.sentence),
        keyParts: previous,
      };
    }
    case "claim": {
      const [c] = await q(
        `SELECT c.id, c.metric, c.value, c.unit, c.bound::text, ${DATE(`c."asOf"`)} "asOf", c."asOfPrecision"::text, c.scope,
           m.slug model, o.slug organization,
           (SELECT quote FROM "ClaimSource" s WHERE s."claimId" = c.id ORDER BY s."articleId" LIMIT 1) sentence
         FROM "Claim" c LEFT JOIN "Model" m ON m.id = c."subjectModelId"
         LEFT JOIN "Organization" o ON o.id = c."subjectOrganizationId" WHERE c.key = $1 FOR UPDATE OF c`,
        [t.key],
      );
      if (!c) throw new NotFoundError("claim");
      const previous = {
        value: Number(c.value),
        unit: c.unit,
        bound: c.bound,
        metric: c.metric,
        asOf: datePoint(c.asOf, c.asOfPrecision),
      };
      return {
        kind: "claim",
        key: t.key,
        articleUrl: null,
        articleIds: ids(await q(`SELECT "articleId" a FROM "ClaimSource" WHERE "claimId" = $1`, [c.id])),
        previous,
        sentence: text(c.sentence),
        keyParts: { ...previous, scope: text(c.scope), model: text(c.model), organization: text(c.organization) },
      };
    }
    case "industry_link": {
      const article = await articleOf(q, t.article);
      const model = t.model ?? null;
      const organization = t.organization ?? null;
      const [l] = await q(
        `SELECT l.quote FROM "IndustryLink" l JOIN "Industry" i ON i.id = l."industryId"
         LEFT JOIN "Model" m ON m.id = l."modelId" LEFT JOIN "Organization" o ON o.id = l."organizationId"
         WHERE l."articleId" = $1 AND i.slug = $2 AND m.slug IS NOT DISTINCT FROM $3::text AND o.slug IS NOT DISTINCT FROM $4::text
         ORDER BY l.id LIMIT 1`,
        [article.id, t.industry, model, organization],
      );
      if (!l) throw new NotFoundError("industry link");
      return {
        kind: "industry_link",
        key: industryLinkKey({ industryKey: t.industry, modelKey: model, organizationKey: organization }),
        articleUrl: article.url,
        articleIds: [article.id],
        previous: { industry: t.industry, model, organization },
        sentence: text(l.quote),
      };
    }
    case "mention": {
      const article = await articleOf(q, t.article);
      const [m] = await q(
        `SELECT x.kind::text, x.text, x.sentence, COALESCE(mo.slug, og.slug, ind.slug, te.slug, pe.slug) entity
         FROM "Mention" x LEFT JOIN "Model" mo ON mo.id = x."modelId" LEFT JOIN "Organization" og ON og.id = x."organizationId"
         LEFT JOIN "Industry" ind ON ind.id = x."industryId" LEFT JOIN "Technology" te ON te.id = x."technologyId"
         LEFT JOIN "Person" pe ON pe.id = x."personId"
         WHERE x."articleId" = $1 AND x.start = $2 AND x."end" = $3 ORDER BY x.id LIMIT 1`,
        [article.id, t.start, t.end],
      );
      if (!m) throw new NotFoundError("mention");
      return {
        kind: "mention",
        key: mentionKey(article.contentHash, t),
        articleUrl: article.url,
        articleIds: [article.id],
        previous: { kind: m.kind, entity: text(m.entity), text: m.text },
        sentence: text(m.sentence),
      };
    }
  }
}

async function articleOf(q: Q, id: number) {
  const [a] = await q(`SELECT id, url, "contentHash" FROM "Article" WHERE id = $1 FOR UPDATE`, [id]);
  if (!a) throw new NotFoundError("article");
  return { id: Number(a.id), url: String(a.url), contentHash: String(a.contentHash) };
}

/** The articles whose reading names an entity (its mentions, and the facts and links about it). */
async function entityArticles(q: Q, kind: "model" | "organization", id: number): Promise<number[]> {
  const [col, subject] =
    kind === "model" ? [`"modelId"`, `"subjectModelId"`] : [`"organizationId"`, `"subjectOrganizationId"`];
  const statedBy = kind === "organization" ? ` OR c."statedById" = $1` : "";
  return ids(
    await q(
      `SELECT "articleId" a FROM "Mention" WHERE ${col} = $1
       UNION SELECT s."articleId" FROM "EventSource" s JOIN "Event" e ON e.id = s."eventId" WHERE e.${col} = $1
       UNION SELECT s."articleId" FROM "ClaimSource" s JOIN "Claim" c ON c.id = s."claimId" WHERE c.${subject} = $1${statedBy}
       UNION SELECT "articleId" FROM "IndustryLink" WHERE ${col} = $1`,
      [id],
    ),
  );
}

/**
 * Forgets an organization as vendor, employer and author of statements, and returns the articles
 * that read those models, people and claims: read again, they merge these from what remains (a
 * merge only ever adds, so what is to go must be cleared first).
 */
async function releaseOrganization(q: Q, slug: string): Promise<number[]> {
  const [org] = await q(`SELECT id FROM "Organization" WHERE slug = $1`, [slug]);
  if (!org) return [];
  const articles = ids(
    await q(
      `SELECT x."articleId" a FROM "Mention" x JOIN "Model" m ON m.id = x."modelId" WHERE m."vendorId" = $1
       UNION SELECT s."articleId" FROM "EventSource" s JOIN "Event" e ON e.id = s."eventId"
         JOIN "Model" m ON m.id = e."modelId" WHERE m."vendorId" = $1
       UNION SELECT x."articleId" FROM "Quote" x JOIN "Person" p ON p.id = x."personId" WHERE p."organizationId" = $1
       UNION SELECT x."articleId" FROM "Mention" x JOIN "Person" p ON p.id = x."personId" WHERE p."organizationId" = $1`,
      [org.id],
    ),
  );
  await q(
    `WITH m AS (UPDATE "Model" SET "vendorId" = NULL WHERE "vendorId" = $1 RETURNING 1),
          p AS (UPDATE "Person" SET "organizationId" = NULL WHERE "organizationId" = $1 RETURNING 1),
          c AS (UPDATE "Claim" SET "statedById" = NULL WHERE "statedById" = $1 RETURNING 1)
     SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM p) + (SELECT count(*) FROM c) AS n`,
    [org.id],
  );
  return articles;
}

/** The articles where active corrections name an entity (a model given it as vendor, an event moved to it). */
async function namedByOverrides(q: Q, kind: "model" | "organization", slug: string): Promise<number[]> {
  const fields = kind === "model" ? ["model", "into"] : ["vendor", "organization", "into"];
  return ids(
    await q(
      `SELECT DISTINCT m."articleId" a FROM "Override" o JOIN "OverrideMatch" m ON m."overrideId" = o.id
       WHERE o."revokedAt" IS NULL AND o.action = 'set' AND (${fields.map((f) => `o."values"->>'${f}' = $1`).join(" OR ")})`,
      [slug],
    ),
  );
}

/** The values of a set that differ from what is stored, and the fact's key after it. */
async function setChanges(
  q: Q,
  t: SetRequest,
  target: Resolved,
): Promise<{ values: Record<string, unknown>; resultKey: string }> {
  const asked: Record<string, unknown> = Object.fromEntries(
    Object.entries(t).filter(([k, v]) => v !== undefined && !["action", "kind", "key", "reason", "back"].includes(k)),
  );
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(asked))
    if (JSON.stringify(v) !== JSON.stringify(target.previous[k] ?? null)) values[k] = v;
  if (Object.keys(values).length === 0) throw new HttpError(409, "nothing to change: the values are the stored ones");

  const exists = async (table: "Model" | "Organization", slug: unknown, what: string) => {
    if (typeof slug !== "string") return;
    const [row] = await q(`SELECT id FROM "${table}" WHERE slug = $1`, [slug]);
    if (!row) throw new HttpError(409, `${what} ${slug} does not exist`);
  };
  if (t.kind === "model") {
    await exists("Organization", values.vendor, "vendor");
    return { values, resultKey: target.key };
  }
  const next = { ...target.keyParts, ...values } as Record<string, unknown>;
  await exists("Model", values.model, "model");
  await exists("Organization", values.organization, "organization");
  const model = (next.model as string | null) ?? null;
  const organization = (next.organization as string | null) ?? null;
  if (t.kind === "event") {
    if (!model && !organization) throw new HttpError(409, "an event needs a model or an organization");
    const date = next.date as DatePoint;
    return {
      values,
      resultKey: eventKey({
        type: next.type as Parameters<typeof eventKey>[0]["type"],
        modelKey: model,
        organizationKey: organization,
        date: { ...date, inferred: false, text: "" },
      }),
    };
  }
  const asOf = next.asOf as DatePoint;
  return {
    values,
    resultKey: claimKey({
      metric: String(next.metric),
      scope: (next.scope as string | null) ?? null,
      subjectModelKey: model,
      subjectOrganizationKey: organization,
      bound: next.bound as Parameters<typeof claimKey>[0]["bound"],
      value: Number(next.value),
      unit: String(next.unit),
      asOf: { ...asOf, inferred: false, text: "" },
    }),
  };
}

/** The rows whose reviewed mark follows from an override on `kind` whose result is `key`. */
function reviewedKeys(kind: OverrideKind, key: string | null): ReviewedKeys {
  const keys: ReviewedKeys = { event: [], claim: [], model: [], organization: [] };
  if (key !== null && (kind === "event" || kind === "claim" || kind === "model" || kind === "organization"))
    keys[kind].push(key);
  return keys;
}

/** Reads articles again through the store (the overrides as they are now apply). */
async function rederive(q: Q, articleIds: number[]) {
  const columns = Object.keys(STORED_ARTICLE_SELECT)
    .map((c) => `"${c}"`)
    .join(", ");
  const sorted = [...new Set(articleIds)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i += 32) {
    const rows = await q(`SELECT ${columns} FROM "Article" WHERE id = ANY($1::int[]) ORDER BY url`, [
      sorted.slice(i, i + 32),
    ]);
    const analysed = rows.map((r) => analyseStored(r as unknown as Parameters<typeof analyseStored>[0]).analysed);
    await storeBatch(q, analysed, { force: true });
  }
}

/** One correction as stored (its time: now, unless given). */
async function insertOverride(
  q: Q,
  o: {
    kind: OverrideKind;
    key: string;
    articleUrl: string | null;
    action: "reject" | "set" | "confirm";
    values: Record<string, unknown> | null;
    previous: Record<string, unknown>;
    resultKey: string | null;
    sentence: string | null;
    reason: string | null;
    editor: string;
    createdAt?: string;
  },
): Promise<number> {
  const [row] = await q(
    `INSERT INTO "Override" (kind, key, "articleUrl", action, "values", previous, "resultKey", sentence, reason, editor, "createdAt")
     VALUES ($1::"OverrideKind", $2, $3, $4::"OverrideAction", $5::jsonb, $6::jsonb, $7, $8, $9, $10, $11::timestamp(3))
     RETURNING id`,
    [
      o.kind,
      o.key,
      o.articleUrl,
      o.action,
      o.values && JSON.stringify(o.values),
      JSON.stringify(o.previous),
      o.resultKey,
      o.sentence,
      o.reason,
      o.editor,
      o.createdAt ?? new Date().toISOString(), // UTC, as Prisma writes DateTime
    ],
  );
  return Number(row.id);
}

/** The articles a correction applies in, recorded as its matches. */
async function insertMatches(q: Q, id: number, articleIds: number[]) {
  await q(
    `INSERT INTO "OverrideMatch" ("overrideId", "articleId") SELECT $1, a FROM unnest($2::int[]) a ORDER BY a
     ON CONFLICT DO NOTHING`,
    [id, articleIds],
  );
}

type SaveRequest =
  ({ action: "reject" } & RejectRequest) | ({ action: "confirm" } & ConfirmRequest) | ({ action: "set" } & SetRequest);

/** Saves one correction and applies it to the stored rows, in one transaction. */
export async function saveOverride(request: SaveRequest, editor: string): Promise<OverrideItem> {
  const db = await getWriteDb();
  const id = await storeTransaction(db, async (q) => {
    await q(OVERRIDE_LOCK);
    const target = await resolveTarget(q, request);
    let values: Record<string, unknown> | null = null;
    let resultKey: string | null = request.action === "reject" ? null : target.key;
    if (request.action === "set") ({ values, resultKey } = await setChanges(q, request, target));
    const id = await insertOverride(q, {
      kind: target.kind,
      key: target.key,
      articleUrl: target.articleUrl,
      action: request.action,
      values,
      previous: target.previous,
      resultKey,
      sentence: target.sentence,
      reason: request.reason,
      editor,
    });
    if (request.action === "confirm" || (request.action === "set" && target.kind === "model")) {
      // nothing is removed or re-keyed: the rows are changed in place
      if (request.action === "set") await setModel(q, target.key, values!);
      await insertMatches(q, id, target.articleIds);
    } else {
      const releasing = request.action === "reject" && target.kind === "organization";
      await rederive(q, [...target.articleIds, ...(releasing ? await releaseOrganization(q, target.key) : [])]);
      // a rejected registry entry goes too (ingestion keeps curated rows that nothing names)
      if (request.action === "reject" && (target.kind === "model" || target.kind === "organization"))
        await dropUnreferenced(q, target.kind, target.key);
    }
    await refreshOverrides(q, [id], reviewedKeys(target.kind, resultKey));
    return id;
  }).finally(invalidateQueryCache);
  return (await getOverride(id))!;
}

/**
 * Keeps a rename or a merge made in review (lib/admin/review.ts changes the rows in place) as an
 * override on the entity, so that every later ingestion and re-extraction reads it the same way: a
 * renamed entity keeps the editor's names, a merged one is read as its target. Call it in the
 * review's transaction before the rows change (it finds the articles that name the entity), then
 * `finishIdentityOverride` after.
 */
export async function recordIdentityOverride(
  q: Q,
  request: { kind: "model" | "organization"; key: string; values: Record<string, unknown>; reason: string | null },
  editor: string,
): Promise<{ id: number; resultKey: string; articleIds: number[] }> {
  await q(OVERRIDE_LOCK);
  const target = await resolveTarget(q, { kind: request.kind, key: request.key, reason: null, back: undefined });
  const resultKey = typeof request.values.into === "string" ? request.values.into : request.key;
  const id = await insertOverride(q, {
    kind: request.kind,
    key: request.key,
    articleUrl: null,
    action: "set",
    values: request.values,
    previous: target.previous,
    resultKey,
    sentence: target.sentence,
    reason: request.reason,
    editor,
  });
  await insertMatches(q, id, target.articleIds);
  return { id, resultKey, articleIds: target.articleIds };
}

/**
 * After the review changed the rows: a merge's articles read again (so the rows are exactly what
 * the next re-extraction leaves: a fact read of both names is one, at the surer confidence), the
 * override's matches counted, the surviving entity marked reviewed.
 */
export async function finishIdentityOverride(
  q: Q,
  kind: "model" | "organization",
  saved: { id: number; resultKey: string; articleIds: number[] },
  merged: boolean,
): Promise<void> {
  if (merged) await rederive(q, saved.articleIds);
  await refreshOverrides(q, [saved.id], reviewedKeys(kind, saved.resultKey));
}

/**
 * Splits a model read under one name for two: each chosen mention (of one version of its article)
 * becomes an override giving it, and the facts read in its sentence, to the other model, which is
 * made from the editor's names when it does not exist. The articles are read again, in one transaction.
 */
export async function splitModel(
  request: SplitRequest,
  editor: string,
): Promise<{ id: number; into: string; overrides: OverrideItem[] }> {
  const db = await getWriteDb();
  const ids = await storeTransaction(db, async (q) => {
    await q(OVERRIDE_LOCK);
    if (request.into === request.key) throw new HttpError(409, "a model cannot be split into itself");
    const [source] = await q(`SELECT id FROM "Model" WHERE slug = $1`, [request.key]);
    if (!source) throw new NotFoundError("model");
    const [existing] = await q(
      `SELECT m."nameZh", m."nameEn", v.slug vendor FROM "Model" m LEFT JOIN "Organization" v ON v.id = m."vendorId"
       WHERE m.slug = $1`,
      [request.into],
    );
    if (!existing && !request.nameZh) throw new HttpError(409, `a new model ${request.into} needs a Chinese name`);
    if (!existing && request.vendor) {
      const [vendor] = await q(`SELECT id FROM "Organization" WHERE slug = $1`, [request.vendor]);
      if (!vendor) throw new HttpError(409, `vendor ${request.vendor} does not exist`);
    }
    // an existing model keeps its own names: they are what an article that does not name it adds
    const values = existing
      ? { model: request.into, nameZh: existing.nameZh, nameEn: text(existing.nameEn), vendor: text(existing.vendor) }
      : { model: request.into, nameZh: request.nameZh, nameEn: request.nameEn, vendor: request.vendor ?? null };
    const now = new Date().toISOString();
    const saved: number[] = [];
    const articles: number[] = [];
    for (const ref of request.mentions) {
      const target = await resolveTarget(q, { kind: "mention", ...ref, reason: "", back: undefined });
      if (target.previous.kind !== "model" || target.previous.entity !== request.key)
        throw new HttpError(409, `the mention at ${ref.article}:${ref.start}-${ref.end} does not name ${request.key}`);
      saved.push(
        await insertOverride(q, {
          kind: "mention",
          key: target.key,
          articleUrl: target.articleUrl,
          action: "set",
          values,
          previous: { ...target.previous, model: request.key },
          resultKey: target.key,
          sentence: target.sentence,
          reason: request.reason,
          editor,
          createdAt: now,
        }),
      );
      articles.push(...target.articleIds);
    }
    await rederive(q, articles);
    await refreshOverrides(q, saved, { event: [], claim: [], model: [request.key, request.into], organization: [] });
    return saved;
  }).finally(invalidateQueryCache);
  const overrides = (await Promise.all(ids.map(getOverride))).filter((o): o is OverrideItem => o !== null);
  return { id: ids[0], into: request.into, overrides };
}

/** A model's set, on its row (the same values every article's reading now carries). */
async function setModel(q: Q, slug: string, values: Record<string, unknown>) {
  const sets: string[] = [];
  const params: unknown[] = [slug];
  const param = (v: unknown) => `$${params.push(v)}`;
  if ("vendor" in values)
    sets.push(`"vendorId" = (SELECT id FROM "Organization" WHERE slug = ${param(values.vendor)}::text)`);
  if ("family" in values) sets.push(`family = ${param(values.family)}::text`);
  if ("version" in values) sets.push(`version = ${param(values.version)}::text`);
  if (sets.length) await q(`UPDATE "Model" SET ${sets.join(", ")} WHERE slug = $1`, params);
}

/** Revokes an override and restores what the extractor read where it applied. */
export async function undoOverride(id: number, editor: string): Promise<OverrideItem> {
  const db = await getWriteDb();
  await storeTransaction(db, async (q) => {
    await q(OVERRIDE_LOCK);
    const [o] = await q(
      `SELECT kind::text, key, action::text, "values", previous, "resultKey", "revokedAt" FROM "Override" WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!o) throw new NotFoundError("override");
    if (o.revokedAt) throw new HttpError(409, "this change was already undone");
    const kind = o.kind as OverrideKind;
    const key = String(o.key);
    await q(`UPDATE "Override" SET "revokedAt" = $2::timestamp(3), "revokedBy" = $3 WHERE id = $1`, [
      id,
      new Date().toISOString(),
      editor,
    ]);
    let articles = ids(await q(`DELETE FROM "OverrideMatch" WHERE "overrideId" = $1 RETURNING "articleId" a`, [id]));
    if (o.action !== "confirm") {
      const values = (o.values ?? {}) as Record<string, unknown>;
      if ((kind === "model" || kind === "organization") && o.action === "set" && "nameZh" in values && !values.into) {
        // a rename: the names read before it, on the row, and merged again from every reading
        const previous = (o.previous ?? {}) as { nameZh?: string; nameEn?: string | null };
        if (previous.nameZh)
          await q(
            `UPDATE "${kind === "model" ? "Model" : "Organization"}" SET "nameZh" = $2, "nameEn" = $3 WHERE slug = $1`,
            [key, previous.nameZh, previous.nameEn ?? null],
          );
        const [e] = await q(`SELECT id FROM "${kind === "model" ? "Model" : "Organization"}" WHERE slug = $1`, [key]);
        if (e) articles = [...new Set([...articles, ...(await entityArticles(q, kind, Number(e.id)))])];
      }
      if (kind === "model" && o.action === "set") {
        // the fields it set are merged again from every reading of the model, as if never set
        const fields = Object.keys(o.values ?? {});
        const cleared = { ...Object.fromEntries(fields.map((f) => [f, null])) };
        await setModel(q, key, cleared);
        const [m] = await q(`SELECT id FROM "Model" WHERE slug = $1`, [key]);
        if (m) articles = [...new Set([...articles, ...(await entityArticles(q, "model", Number(m.id)))])];
      }
      // a rejected entity may be named again where other corrections name it
      if (o.action === "reject" && (kind === "model" || kind === "organization"))
        articles = [...new Set([...articles, ...(await namedByOverrides(q, kind, key))])];
      await rederive(q, articles);
    }
    await refreshOverrides(q, [], reviewedKeys(kind, text(o.resultKey)));
    const previous = (o.previous ?? {}) as { status?: string };
    if ((kind === "model" || kind === "organization") && o.action !== "reject" && previous.status === "discovered") {
      // confirmed by this override alone: discovered again
      await q(
        `UPDATE "${kind === "model" ? "Model" : "Organization"}" t SET status = 'discovered'
         WHERE t.slug = $1 AND t.status = 'confirmed' AND NOT EXISTS (
           SELECT 1 FROM "Override" o WHERE o.kind = $2::"OverrideKind" AND o."resultKey" = t.slug
             AND o."revokedAt" IS NULL AND o.action <> 'reject')`,
        [key, kind],
      );
    }
  }).finally(invalidateQueryCache);
  return (await getOverride(id))!;
}

const overrideSelect = {
  id: true,
  kind: true,
  key: true,
  articleUrl: true,
  action: true,
  values: true,
  previous: true,
  resultKey: true,
  sentence: true,
  reason: true,
  editor: true,
  createdAt: true,
  revokedAt: true,
  revokedBy: true,
  stale: true,
  _count: { select: { matches: true } },
} satisfies Prisma.OverrideSelect;

function toOverrideItem(
  o: Prisma.OverrideGetPayload<{ select: typeof overrideSelect }>,
  articleIds: Map<string, number>,
): OverrideItem {
  return {
    id: o.id,
    kind: o.kind,
    key: o.key,
    article: o.articleUrl ? { url: o.articleUrl, id: articleIds.get(o.articleUrl) ?? null } : null,
    action: o.action,
    values: (o.values as Record<string, unknown> | null) ?? null,
    previous: (o.previous as Record<string, unknown> | null) ?? null,
    resultKey: o.resultKey,
    sentence: o.sentence,
    reason: o.reason,
    editor: o.editor,
    createdAt: o.createdAt.toISOString(),
    revokedAt: o.revokedAt?.toISOString() ?? null,
    revokedBy: o.revokedBy,
    stale: o.stale,
    matches: o._count.matches,
  };
}

async function withArticleIds(rows: Prisma.OverrideGetPayload<{ select: typeof overrideSelect }>[]) {
  const urls = [...new Set(rows.flatMap((r) => (r.articleUrl ? [r.articleUrl] : [])))];
  const db = await getDb();
  const articles = urls.length
    ? await db.article.findMany({ where: { url: { in: urls } }, select: { id: true, url: true } })
    : [];
  const byUrl = new Map(articles.map((a) => [a.url, a.id]));
  return rows.map((r) => toOverrideItem(r, byUrl));
}

async function getOverride(id: number): Promise<OverrideItem | null> {
  const db = await getWriteDb();
  const row = await db.override.findUnique({ where: { id }, select: overrideSelect });
  return row ? (await withArticleIds([row]))[0] : null;
}

/** The history: every change, newest first, a page at a time. */
export async function listOverrides(
  query: OverrideListQuery,
): Promise<{ items: OverrideItem[]; nextCursor: string | null }> {
  const db = await getDb();
  const limit = query.limit ?? 50;
  const state: Prisma.OverrideWhereInput =
    query.state === "active"
      ? { revokedAt: null, stale: false }
      : query.state === "stale"
        ? { revokedAt: null, stale: true }
        : query.state === "revoked"
          ? { revokedAt: { not: null } }
          : {};
  const rows = await db.override.findMany({
    where: {
      ...state,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.cursor ? { id: { lt: Number(query.cursor) } } : {}),
    },
    orderBy: { id: "desc" },
    take: limit + 1,
    select: overrideSelect,
  });
  const items = await withArticleIds(rows.slice(0, limit));
  return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
}

/** How many active overrides no article matches any more (the history's first notice). */
export async function countStaleOverrides(): Promise<number> {
  const db = await getDb();
  return db.override.count({ where: { revokedAt: null, stale: true } });
}
