// Stores one analysed article, idempotently, in one transaction. Entities, events and claims are
// upserted by natural key (slug, event key, claim key), so the same event reported by two
// articles is one row with two sources. Storing an article again (an edit, a newer extractor)
// compares what it derives with the rows stored for it and writes only the difference, then drops
// the events, claims and discovered entities the removed rows pointed to that no article supports
// any more.
//
// Speed and concurrency: about ten statements per article, each handling all rows of a kind at once;
// on PostgreSQL they go straight through the handle's pg pool (Prisma's per-statement overhead is
// several times the statement's own cost). Shared rows (腾讯, a popular event) are merged by an
// INSERT ... DO NOTHING followed by an UPDATE that only touches rows whose merged value differs, so
// concurrent transactions do not queue on the same hot rows; a deadlock or serialization failure
// is retried.
//
// Editors' corrections (Override) are applied to each article's extraction before it is written
// (lib/ingest/overrides.ts): which ones applied is kept per article (OverrideMatch), an override that
// no article matches any more is flagged stale, and the rows they confirm or set are marked reviewed.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rawTransactionFor } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/migrations";
import type { RawArticle } from "@/lib/validations/article-file";
import type { DatePoint, ExtractionResult } from "@/lib/extract/types";
import { documentTerms, indexTerms, pinyinTerms } from "@/lib/search/terms";
import { claimKey, eventKey } from "./keys";
import { applyOverrides, overrideKeys, type ActiveOverride } from "./overrides";

export type StoreOutcome = "created" | "updated" | "unchanged";

export interface AnalysedArticle {
  sourceFile: string;
  contentHash: string;
  /** the extractor that derived `extraction` (lib/extract/version.ts) */
  extractorVersion: string;
  article: RawArticle;
  cleaned: { body: string; byline: string | null; photoCredits: string[] };
  extraction: ExtractionResult;
  /** the article's search lexemes, when computed ahead (in an analysis worker); else computed here */
  searchTerms?: string[];
}

/** Search lexemes of an article: its own text plus the other-language and pinyin names of what it
 *  mentions, so "hunyuan" or "ERNIE" find the Chinese articles. */
export function articleSearchTerms(input: Pick<AnalysedArticle, "article" | "cleaned" | "extraction">): string[] {
  const { article, cleaned } = input;
  const x = input.extraction;
  const names = [...x.models, ...x.organizations].flatMap((e) => [e.nameEn, ...e.aliases]);
  return documentTerms(
    [article.title, cleaned.body, ...article.keywords, ...names],
    [...x.models.map((m) => m.nameZh), ...x.organizations.map((o) => o.nameZh)],
  );
}

const json = (value: unknown) => JSON.stringify(value);

/** First day of the period a DatePoint names, as YYYY-MM-DD, or null. */
function periodStart(point: DatePoint): string | null {
  if (!point.value || point.precision === "unknown") return null;
  const [y, m = "01", d = "01"] = point.value.split("-");
  return `${y}-${m}-${d}`;
}

/** The statements a transaction needs: `$1`-style parameters, rows back. */
export type StoreQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
type Q = StoreQuery;

const RETRYABLE = /40P01|40001|deadlock detected|could not serialize/;
const MAX_ATTEMPTS = 6;

/** Stores one article; see storeArticles. */
export async function storeArticle(prisma: PrismaClient, input: AnalysedArticle): Promise<StoreOutcome> {
  return (await storeArticles(prisma, [input]))[0];
}

/**
 * Stores a batch of articles in one transaction, one outcome per input (in input order). Each
 * statement handles the rows of the whole batch, so the per-statement and per-commit costs are
 * shared by all of its articles. Links must be distinct, except for byte-identical repeats
 * (reported as unchanged). All or nothing: on an error nothing of the batch is stored.
 */
export async function storeArticles(prisma: PrismaClient, inputs: AnalysedArticle[]): Promise<StoreOutcome[]> {
  if (inputs.length === 0) return [];
  return storeTransaction(prisma, (q) => storeBatch(q, inputs));
}

/**
 * Runs fn in one transaction the way the store runs its batches (straight through the pg pool on
 * PostgreSQL), again from the start after a deadlock or serialization failure: fn must not act
 * outside the database.
 */
export async function storeTransaction<T>(prisma: PrismaClient, fn: (q: StoreQuery) => Promise<T>): Promise<T> {
  const raw = rawTransactionFor(prisma);
  const attempt = (): Promise<T> =>
    raw
      ? raw((sql: SqlRunner) => fn(async (text, params) => (await sql.query(text, params)).rows))
      : prisma.$transaction(
          (tx) => fn((text, params = []) => tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params)),
          { timeout: 300_000, maxWait: 60_000 },
        );
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (i >= MAX_ATTEMPTS || !(RETRYABLE.test(e.code ?? "") || RETRYABLE.test(e.message ?? ""))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * i + Math.random() * 20 * i));
    }
  }
}

/**
 * Saving or undoing an override takes this lock exclusively, every store shared and first: a batch
 * never reads the overrides while an editor's change to them is half done. (The statements answer an
 * int: Prisma cannot read a void column.)
 */
export const OVERRIDE_LOCK = "SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock(7174, 16)) l";
const OVERRIDE_LOCK_SHARED = "SELECT 1 AS locked FROM (SELECT pg_advisory_xact_lock_shared(7174, 16)) l";

/**
 * One batch inside a transaction (storeArticles). `force`: derive the articles again even when their
 * text and extractor are the ones stored (an editor's change to the overrides that apply to them).
 */
export async function storeBatch(
  q: Q,
  inputs: AnalysedArticle[],
  options: { force?: boolean } = {},
): Promise<StoreOutcome[]> {
  await q(OVERRIDE_LOCK_SHARED);
  // Serialise concurrent ingestions of the same link: check-then-write happens under these locks,
  // taken in one order by every transaction. Every statement below joins this batch's rows to
  // growing tables by key; the planner cannot see how few (a function scan is estimated at 100
  // rows) and may pick hash joins over whole tables, which makes ingestion cost grow with the
  // corpus. Index probes only, in this transaction; plans made for each execution's actual rows
  // (a cached generic plan was seen to take 100x longer). No JIT: a scan left without an index (a
  // small table) is priced at the disabled-plan cost, far above jit_above_cost, and compiling took
  // ~400 ms of a statement that runs in 1 ms.
  const urls = [...new Set(inputs.map((i) => i.article.url))];
  await q(
    `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_hashjoin', 'off', true),
       set_config('enable_mergejoin', 'off', true), set_config('plan_cache_mode', 'force_custom_plan', true),
       set_config('jit', 'off', true),
       (SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT hashtext(u) h FROM unnest($1::text[]) u ORDER BY 1 OFFSET 0) l)::int`,
    [urls],
  );
  const stored = new Map(
    (
      await q(
        `SELECT id, url, "contentHash", "extractorVersion", "factsHash" FROM "Article" WHERE url = ANY($1::text[])`,
        [urls],
      )
    ).map((r) => [
      String(r.url),
      {
        id: Number(r.id),
        hash: String(r.contentHash),
        version: String(r.extractorVersion),
        facts: String(r.factsHash),
      },
    ]),
  );

  const outcomes: StoreOutcome[] = [];
  let updates: { id: number; input: AnalysedArticle }[] = [];
  const creates: AnalysedArticle[] = [];
  const inBatch = new Map<string, string>();
  for (const input of inputs) {
    const { url } = input.article;
    const earlier = inBatch.get(url);
    if (earlier !== undefined) {
      if (earlier !== input.contentHash) throw new Error(`two versions of ${url} in one batch`);
      outcomes.push("unchanged");
      continue;
    }
    inBatch.set(url, input.contentHash);
    const old = stored.get(url);
    // the same text read by the same extractor: nothing to do (a newer extractor derives it again)
    if (old?.hash === input.contentHash && old.version === input.extractorVersion && !options.force)
      outcomes.push("unchanged");
    else if (old) {
      outcomes.push("updated");
      updates.push({ id: old.id, input });
    } else {
      outcomes.push("created");
      creates.push(input);
    }
  }
  if (updates.length === 0 && creates.length === 0) return outcomes;

  // the editors' corrections, applied to what is about to be written (the article rows keep the
  // search lexemes of what the text says)
  let pending = [...updates.map((u) => u.input), ...creates];
  const overrides = await loadOverrides(q, pending);
  const corrected = new Map(
    pending.map((input) => {
      const applied = applyOverrides(input.extraction, overrides, versionOf(input));
      const terms = input.searchTerms ?? articleSearchTerms(input);
      return [input.article.url, { ...applied, terms, digest: factsDigest(input, applied, terms) }] as const;
    }),
  );

  const now = new Date().toISOString(); // UTC, as Prisma writes DateTime
  // The same text, from which this extractor derives the rows stored but for their confidences (most
  // articles when an extractor's weights are fitted again and a few of its rules change): the
  // confidences are set in place and the merged ones computed again, which leaves what the full path
  // below leaves at a fraction of its cost. The digest covers everything else the full path writes.
  if (!options.force) {
    const same = updates.filter((u) => {
      const old = stored.get(u.input.article.url)!;
      return old.hash === u.input.contentHash && old.facts === corrected.get(u.input.article.url)!.digest;
    });
    if (same.length) {
      await rescore(
        q,
        same.map((u) => ({ articleId: u.id, extraction: corrected.get(u.input.article.url)!.extraction })),
      );
      await q(
        `UPDATE "Article" a SET "extractorVersion" = r.v, "lastIngestedAt" = $2::timestamp(3)
         FROM jsonb_to_recordset($1::jsonb) AS r(id int, v text) WHERE a.id = r.id`,
        [json(same.map((u) => ({ id: u.id, v: u.input.extractorVersion }))), now],
      );
      const done = new Set(same);
      updates = updates.filter((u) => !done.has(u));
      pending = [...updates.map((u) => u.input), ...creates];
      if (pending.length === 0) return outcomes;
    }
  }
  if (updates.length) {
    await q(
      `UPDATE "Article" a SET url = r.url, title = r.title, body = ${unlessSame("body", "r.body")},
         "rawBody" = ${unlessSame(`"rawBody"`, `r."rawBody"`)}, keywords = r.keywords,
         technologies = r.technologies, industries = r.industries, "eventSummary" = r."eventSummary",
         "extraFields" = ${unlessSame(`"extraFields"`, `r."extraFields"`)}, byline = r.byline, "photoCredits" = r."photoCredits",
         "contentHash" = r."contentHash", "sourceFile" = r."sourceFile", "extractorVersion" = r."extractorVersion",
         "factsHash" = r."factsHash", "lastIngestedAt" = $2::timestamp(3),
         "searchTerms" = ${unlessSame(`"searchTerms"`, "array_to_tsvector(r.terms)")}
       FROM jsonb_to_recordset($1::jsonb) AS r(${ARTICLE_COLS}) WHERE a.id = r.id`,
      [json(updates.map((u) => articleRecord(u.input, u.id, corrected.get(u.input.article.url)!))), now],
    );
  }
  const ids = new Map(updates.map((u) => [u.input.article.url, u.id]));
  if (creates.length) {
    const rows = await q(
      `INSERT INTO "Article" (url, title, body, "rawBody", keywords, technologies, industries, "eventSummary", "extraFields",
         byline, "photoCredits", "contentHash", "sourceFile", "extractorVersion", "factsHash", "firstIngestedAt", "lastIngestedAt",
         "searchTerms")
       SELECT r.url, r.title, r.body, r."rawBody", r.keywords, r.technologies, r.industries, r."eventSummary", r."extraFields",
         r.byline, r."photoCredits", r."contentHash", r."sourceFile", r."extractorVersion", r."factsHash", $2::timestamp(3),
         $2::timestamp(3),
         array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($1::jsonb) AS r(${ARTICLE_COLS}) ORDER BY r.url
       RETURNING id, url`,
      [json(creates.map((c) => articleRecord(c, null, corrected.get(c.article.url)!))), now],
    );
    for (const r of rows) ids.set(String(r.url), Number(r.id));
  }
  const { keys, touched } = await storeDerived(
    q,
    pending.map((input) => {
      const { extraction, matched } = corrected.get(input.article.url)!;
      return { articleId: ids.get(input.article.url)!, input: { ...input, extraction }, matched };
    }),
    updates.map((u) => u.id),
  );
  if (touched) await collectOrphans(q, touched);
  await refreshOverrides(q, [...new Set([...overrides.map((o) => o.id), ...(touched?.overrides ?? [])])], keys);
  return outcomes;
}

/**
 * A column of the stored article set to `value`, or left as it is when equal: an equal value written
 * again is stored out of line again (the body, the search lexemes: kilobytes each), which made the
 * batch's article UPDATE take 200 ms instead of 25 when only the extractor's version changed.
 */
const unlessSame = (column: string, value: string) =>
  `CASE WHEN a.${column} IS DISTINCT FROM ${value} THEN ${value} ELSE a.${column} END`;

/** An article's version as the overrides keyed within it see it. */
const versionOf = (input: AnalysedArticle) => ({ url: input.article.url, contentHash: input.contentHash });

/**
 * The active overrides that apply to the batch: those keyed by what its extractions hold, then those
 * keyed by what the found ones turn facts into (a re-dated event's key), until nothing new is asked.
 */
async function loadOverrides(q: Q, inputs: AnalysedArticle[]): Promise<ActiveOverride[]> {
  const found = new Map<number, ActiveOverride>();
  const asked = {
    model: new Set<string>(),
    organization: new Set<string>(),
    event: new Set<string>(),
    claim: new Set<string>(),
  };
  for (let round = 0; round < 10; round++) {
    const want = { model: [] as string[], organization: [] as string[], event: [] as string[], claim: [] as string[] };
    for (const input of inputs) {
      const keys = overrideKeys(applyOverrides(input.extraction, [...found.values()], versionOf(input)).extraction);
      for (const kind of ["model", "organization", "event", "claim"] as const)
        for (const k of keys[kind])
          if (!asked[kind].has(k)) {
            asked[kind].add(k);
            want[kind].push(k);
          }
    }
    if (round > 0 && Object.values(want).every((w) => w.length === 0)) break;
    const rows = await q(
      `SELECT id, kind::text, key, "articleUrl", action::text, "values" FROM "Override"
       WHERE "revokedAt" IS NULL AND ((kind = 'model' AND key = ANY($1::text[])) OR (kind = 'organization' AND key = ANY($2::text[]))
         OR (kind = 'event' AND key = ANY($3::text[])) OR (kind = 'claim' AND key = ANY($4::text[]))
         OR (kind = 'industry_link' AND "articleUrl" = ANY($5::text[])) OR (kind = 'mention' AND "articleUrl" = ANY($5::text[])))`,
      [want.model, want.organization, want.event, want.claim, round === 0 ? inputs.map((i) => i.article.url) : []],
    );
    const before = found.size;
    for (const r of rows)
      found.set(Number(r.id), {
        id: Number(r.id),
        kind: r.kind as ActiveOverride["kind"],
        key: String(r.key),
        articleUrl: typeof r.articleUrl === "string" ? r.articleUrl : null,
        action: r.action as ActiveOverride["action"],
        values: r.values,
      });
    if (found.size === before) break;
  }
  return [...found.values()];
}

/** The keys of the rows a batch wrote: their reviewed marks are refreshed from the overrides. */
export interface ReviewedKeys {
  event: string[];
  claim: string[];
  model: string[];
  organization: string[];
}

/**
 * After a batch (or an editor's change): `overrideIds` flagged stale when no article matches them any
 * more, and the rows named by `keys` marked reviewed by the latest active confirm or set whose
 * result they are (a discovered entity so marked is confirmed).
 */
export async function refreshOverrides(q: Q, overrideIds: number[], keys: ReviewedKeys): Promise<void> {
  const latest = (kind: string, key: string) =>
    `LEFT JOIN LATERAL (SELECT o."createdAt" at, o.editor FROM "Override" o
       WHERE o.kind = '${kind}' AND o."resultKey" = ${key} AND o."revokedAt" IS NULL AND o.action <> 'reject'
       ORDER BY o."createdAt" DESC, o.id DESC LIMIT 1) x ON true`;
  const promoted = `CASE WHEN t.status = 'discovered' AND r.at IS NOT NULL THEN 'confirmed'::"EntityStatus" ELSE t.status END`;
  await q(
    `WITH ev AS (
       UPDATE "Event" t SET "reviewedAt" = r.at, "reviewedBy" = r.editor
       FROM (SELECT t.id, x.at, x.editor FROM "Event" t ${latest("event", "t.key")} WHERE t.key = ANY($1::text[])) r
       WHERE t.id = r.id AND (t."reviewedAt", t."reviewedBy") IS DISTINCT FROM (r.at, r.editor) RETURNING 1
     ), cl AS (
       UPDATE "Claim" t SET "reviewedAt" = r.at, "reviewedBy" = r.editor
       FROM (SELECT t.id, x.at, x.editor FROM "Claim" t ${latest("claim", "t.key")} WHERE t.key = ANY($2::text[])) r
       WHERE t.id = r.id AND (t."reviewedAt", t."reviewedBy") IS DISTINCT FROM (r.at, r.editor) RETURNING 1
     ), mo AS (
       UPDATE "Model" t SET "reviewedAt" = r.at, "reviewedBy" = r.editor, status = ${promoted}
       FROM (SELECT t.id, x.at, x.editor FROM "Model" t ${latest("model", "t.slug")} WHERE t.slug = ANY($3::text[])) r
       WHERE t.id = r.id AND (t."reviewedAt", t."reviewedBy", t.status) IS DISTINCT FROM (r.at, r.editor, ${promoted}) RETURNING 1
     ), og AS (
       UPDATE "Organization" t SET status = 'confirmed'
       FROM (SELECT t.id, x.at FROM "Organization" t ${latest("organization", "t.slug")} WHERE t.slug = ANY($4::text[])) r
       WHERE t.id = r.id AND t.status = 'discovered' AND r.at IS NOT NULL RETURNING 1
     ) SELECT (SELECT count(*) FROM ev) + (SELECT count(*) FROM cl) + (SELECT count(*) FROM mo) + (SELECT count(*) FROM og) AS n`,
    [keys.event, keys.claim, keys.model, keys.organization],
  );
  if (overrideIds.length) {
    // one batch at a time per override, and last (nothing is waited for while these are held): its
    // matches are counted after the other batches' commits (NO KEY: a batch adding matches holds KEY SHARE)
    await q(
      `SELECT count(*) FROM (SELECT id FROM "Override" WHERE id = ANY($1::int[]) ORDER BY id FOR NO KEY UPDATE) l`,
      [overrideIds],
    );
    await q(
      `UPDATE "Override" o SET stale = x.stale
       FROM (SELECT o.id, NOT EXISTS (SELECT 1 FROM "OverrideMatch" m WHERE m."overrideId" = o.id) stale
             FROM "Override" o WHERE o.id = ANY($1::int[])) x
       WHERE o.id = x.id AND o.stale IS DISTINCT FROM x.stale`,
      [overrideIds],
    );
  }
}

const ARTICLE_COLS = `id int, url text, title text, body text, "rawBody" text, keywords text[], technologies text[], industries text[],
  "eventSummary" text, "extraFields" jsonb, byline text, "photoCredits" text[], "contentHash" text, "sourceFile" text,
  "extractorVersion" text, "factsHash" text, terms text[]`;

function articleRecord(input: AnalysedArticle, id: number | null, derived: { terms: string[]; digest: string }) {
  return {
    ...recordFields(input, derived.terms),
    id,
    extractorVersion: input.extractorVersion,
    factsHash: derived.digest,
  };
}

/** The article row's own fields, but for its id and what describes the extractor rather than the text. */
function recordFields(input: AnalysedArticle, terms: string[]) {
  const { article, cleaned } = input;
  return {
    url: article.url,
    title: article.title,
    body: cleaned.body,
    rawBody: article.body,
    keywords: article.keywords,
    technologies: article.technologies,
    industries: article.industries,
    eventSummary: article.eventSummary,
    extraFields: article.extra,
    byline: cleaned.byline,
    photoCredits: cleaned.photoCredits,
    contentHash: input.contentHash,
    sourceFile: input.sourceFile,
    terms,
  };
}

/**
 * A digest of everything storing an article writes but confidences: its row's fields and the
 * corrected extraction with the overrides it matched. Two reads of an article with the same digest
 * store the same rows, but for the confidences of its facts.
 */
function factsDigest(
  input: AnalysedArticle,
  corrected: { extraction: ExtractionResult; matched: unknown },
  terms: string[],
): string {
  const withoutConfidence = (key: string, value: unknown) => (key === "confidence" ? undefined : value);
  return createHash("sha256")
    .update(JSON.stringify([recordFields(input, terms), corrected.extraction, corrected.matched], withoutConfidence))
    .digest("hex");
}

/**
 * Sets the confidences of articles' own rows (model mentions, event and claim sources) to what their
 * extractions give, then the merged confidences of every event, claim and model they point to, as
 * the full path's orphan collection does.
 */
async function rescore(q: Q, articles: { articleId: number; extraction: ExtractionResult }[]) {
  const surest = <T extends { confidence: number }>(a: number, facts: T[], key: (f: T) => string) => {
    const best = new Map<string, number>();
    for (const f of facts) best.set(key(f), Math.max(best.get(key(f)) ?? 0, f.confidence));
    return [...best].map(([k, c]) => ({ a, k, c }));
  };
  const models = articles.flatMap(({ articleId: a, extraction: x }) =>
    x.models.map((m) => ({ a, k: m.key, c: m.confidence })),
  );
  const events = articles.flatMap(({ articleId: a, extraction: x }) => surest(a, x.events, eventKey));
  const claims = articles.flatMap(({ articleId: a, extraction: x }) => surest(a, x.claims, claimKey));
  await q(
    `WITH me AS (UPDATE "Mention" m SET confidence = r.c
                 FROM jsonb_to_recordset($1::jsonb) AS r(a int, k text, c float8) JOIN "Model" mo ON mo.slug = r.k
                 WHERE m."articleId" = r.a AND m."modelId" = mo.id AND m.kind = 'model' AND m.confidence IS DISTINCT FROM r.c
                 RETURNING 1),
          es AS (UPDATE "EventSource" s SET confidence = r.c
                 FROM jsonb_to_recordset($2::jsonb) AS r(a int, k text, c float8) JOIN "Event" e ON e.key = r.k
                 WHERE s."articleId" = r.a AND s."eventId" = e.id AND s.confidence IS DISTINCT FROM r.c RETURNING 1),
          cs AS (UPDATE "ClaimSource" s SET confidence = r.c
                 FROM jsonb_to_recordset($3::jsonb) AS r(a int, k text, c float8) JOIN "Claim" c ON c.key = r.k
                 WHERE s."articleId" = r.a AND s."claimId" = c.id AND s.confidence IS DISTINCT FROM r.c RETURNING 1)
     SELECT (SELECT count(*) FROM me) + (SELECT count(*) FROM es) + (SELECT count(*) FROM cs) AS n`,
    [json(models), json(events), json(claims)],
  );
  const ids = articles.map((a) => a.articleId);
  const [row] = await q(
    `WITH ev AS (SELECT DISTINCT "eventId" id FROM "EventSource" WHERE "articleId" = ANY($1::int[])),
          cl AS (SELECT DISTINCT "claimId" id FROM "ClaimSource" WHERE "articleId" = ANY($1::int[]))
     SELECT ARRAY(SELECT id FROM ev) events, ARRAY(SELECT id FROM cl) claims,
       ARRAY(SELECT x FROM (SELECT "modelId" x FROM "Mention" WHERE "articleId" = ANY($1::int[])
             UNION SELECT "modelId" FROM "IndustryLink" WHERE "articleId" = ANY($1::int[])
             UNION SELECT "modelId" FROM "Event" WHERE id IN (SELECT id FROM ev)
             UNION SELECT "subjectModelId" FROM "Claim" WHERE id IN (SELECT id FROM cl)) m WHERE x IS NOT NULL) models`,
    [ids],
  );
  const list = (v: unknown) => ((v as (number | string)[] | null) ?? []).map(Number);
  await recomputeConfidences(q, list(row.events), list(row.claims), list(row.models));
}

/** Ids of the rows that removed rows pointed to: the only candidates for orphan collection. */
interface Touched {
  events: number[];
  claims: number[];
  models: number[];
  people: number[];
  organizations: number[];
  industries: number[];
  technologies: number[];
  /** overrides that had matched a previous version */
  overrides: number[];
  /** the events, claims and models of every previous row, kept or removed: their merged confidences are computed again */
  rescored: { events: number[]; claims: number[]; models: number[] };
}

/** The rows an article writes besides its own row, by table, in the shape of the insert's records. */
interface DerivedRows {
  industries: { a: number; i: number; field: boolean; body: boolean }[];
  technologies: { a: number; t: number }[];
  quotes: { a: number; p: number; text: string | null; sentence: string; start: number; end: number }[];
  mentions: {
    c: number | null;
    a: number;
    kind: string;
    m: number | null;
    o: number | null;
    i: number | null;
    t: number | null;
    p: number | null;
    text: string;
    start: number;
    end: number;
    sentence: string;
    sStart: number;
    sEnd: number;
  }[];
  eventSources: { x: number; a: number; quote: string; start: number; end: number; c: number }[];
  claimSources: { x: number; a: number; quote: string; start: number; end: number; c: number }[];
  links: { i: number; m: number | null; o: number | null; a: number; quote: string; start: number; end: number }[];
  matches: { o: number; a: number }[];
}

/**
 * How each table's rows are compared: the fields that make two rows the same (all but the serial id
 * and the confidence, which is set in place), and for a table with a unique key besides the id, the
 * fields of that key (its insert keeps the first row of a key).
 */
const DERIVED_FIELDS: { [T in keyof DerivedRows]: { same: string[]; unique?: string[] } } = {
  industries: { same: ["a", "i", "field", "body"], unique: ["a", "i"] },
  technologies: { same: ["a", "t"], unique: ["a", "t"] },
  quotes: { same: ["a", "p", "text", "sentence", "start", "end"] },
  mentions: {
    same: ["a", "kind", "m", "o", "i", "t", "p", "text", "start", "end", "sentence", "sStart", "sEnd"],
  },
  eventSources: { same: ["x", "a", "quote", "start", "end"], unique: ["x", "a"] },
  claimSources: { same: ["x", "a", "quote", "start", "end"], unique: ["x", "a"] },
  links: { same: ["i", "m", "o", "a", "quote", "start", "end"] },
  matches: { same: ["o", "a"], unique: ["o", "a"] },
};

/** The stored derived rows of these articles, in the insert's shapes, each with its row id (`id`). */
async function loadDerived(q: Q, articleIds: number[]): Promise<{ [T in keyof DerivedRows]: Stored<T>[] }> {
  const agg = (fields: string, from: string) =>
    `(SELECT coalesce(json_agg(json_build_object(${fields})), '[]') FROM "${from}" WHERE "articleId" = ANY($1::int[]))::text`;
  const [row] = await q(
    `SELECT ${agg(`'a', "articleId", 'i', "industryId", 'field', "fromField", 'body', "fromBody"`, "ArticleIndustry")} industries,
       ${agg(`'a', "articleId", 't', "technologyId"`, "ArticleTechnology")} technologies,
       ${agg(`'id', id, 'a', "articleId", 'p', "personId", 'text', text, 'sentence', sentence, 'start', "sentenceStart", 'end', "sentenceEnd"`, "Quote")} quotes,
       ${agg(
         `'id', id, 'c', confidence, 'a', "articleId", 'kind', kind, 'm', "modelId", 'o', "organizationId", 'i', "industryId",
          't', "technologyId", 'p', "personId", 'text', text, 'start', start, 'end', "end", 'sentence', sentence,
          'sStart', "sentenceStart", 'sEnd', "sentenceEnd"`,
         "Mention",
       )} mentions,
       ${agg(`'id', id, 'x', "eventId", 'a', "articleId", 'quote', quote, 'start', "sentenceStart", 'end', "sentenceEnd", 'c', confidence`, "EventSource")} "eventSources",
       ${agg(`'id', id, 'x', "claimId", 'a', "articleId", 'quote', quote, 'start', "sentenceStart", 'end', "sentenceEnd", 'c', confidence`, "ClaimSource")} "claimSources",
       ${agg(`'id', id, 'i', "industryId", 'm', "modelId", 'o', "organizationId", 'a', "articleId", 'quote', quote, 'start', "sentenceStart", 'end', "sentenceEnd"`, "IndustryLink")} links,
       ${agg(`'o', "overrideId", 'a', "articleId"`, "OverrideMatch")} matches`,
    [articleIds],
  );
  const parse = <T extends keyof DerivedRows>(table: T) => JSON.parse(String(row[table])) as Stored<T>[];
  return {
    industries: parse("industries"),
    technologies: parse("technologies"),
    quotes: parse("quotes"),
    mentions: parse("mentions"),
    eventSources: parse("eventSources"),
    claimSources: parse("claimSources"),
    links: parse("links"),
    matches: parse("matches"),
  };
}

type Stored<T extends keyof DerivedRows> = DerivedRows[T][number] & { id?: number };

/** What turns the stored rows of a table into the new ones: rows to insert, to remove, and confidences to set. */
function diffRows<T extends keyof DerivedRows>(table: T, before: Stored<T>[], after: DerivedRows[T]) {
  const { same, unique } = DERIVED_FIELDS[table];
  const keyOf = (fields: string[], r: object) =>
    JSON.stringify(fields.map((f) => (r as Record<string, unknown>)[f] ?? null));
  let wanted = after as DerivedRows[T][number][];
  if (unique) {
    // the insert keeps the first row of a key (ON CONFLICT DO NOTHING): only that one is compared
    const seen = new Set<string>();
    wanted = wanted.filter((r) => !seen.has(keyOf(unique, r)) && seen.add(keyOf(unique, r)));
  }
  const stored = new Map<string, Stored<T>[]>();
  for (const r of before) {
    const k = keyOf(same, r);
    const list = stored.get(k);
    if (list) list.push(r);
    else stored.set(k, [r]);
  }
  const insert: DerivedRows[T][number][] = [];
  const rescore: { id: number; c: number | null }[] = [];
  for (const r of wanted) {
    const match = stored.get(keyOf(same, r))?.pop();
    if (!match) insert.push(r);
    else if ("c" in r && (match as { c?: number | null }).c !== r.c) rescore.push({ id: match.id!, c: r.c });
  }
  return { insert, remove: [...stored.values()].flat(), rescore };
}

/**
 * Turns the stored derived rows of the articles being stored again into the new ones: rows that
 * differ are removed (their ids returned for orphan collection), confidences set in place, and the
 * rows to insert returned. Rows that stay the same are neither written nor locked, so their counters'
 * parents (腾讯's mention count) are not locked either, and concurrent batches do not queue on them.
 */
async function replaceDerived(
  q: Q,
  articleIds: number[],
  rows: DerivedRows,
): Promise<{ touched: Touched; insert: DerivedRows }> {
  const before = await loadDerived(q, articleIds);
  const replaced = new Set(articleIds);
  const diff = <T extends keyof DerivedRows>(table: T) => {
    const own = (rows[table] as DerivedRows[T][number][]).filter((r) => replaced.has(r.a));
    const others = (rows[table] as DerivedRows[T][number][]).filter((r) => !replaced.has(r.a));
    const d = diffRows(table, before[table], own as DerivedRows[T]);
    return { ...d, insert: [...others, ...d.insert] as DerivedRows[T] };
  };
  const d = {
    industries: diff("industries"),
    technologies: diff("technologies"),
    quotes: diff("quotes"),
    mentions: diff("mentions"),
    eventSources: diff("eventSources"),
    claimSources: diff("claimSources"),
    links: diff("links"),
    matches: diff("matches"),
  };
  const idsOf = (rs: { id?: number }[]) => rs.map((r) => r.id!);
  // every event and claim a previous row supported: their merged confidences are computed again
  const previousEvents = [...new Set(before.eventSources.map((r) => r.x))];
  const previousClaims = [...new Set(before.claimSources.map((r) => r.x))];
  const [row] = await q(
    `WITH m AS (DELETE FROM "Mention" WHERE id = ANY($1::int[])
                RETURNING "modelId", "organizationId", "industryId", "technologyId", "personId"),
          es AS (DELETE FROM "EventSource" WHERE id = ANY($2::int[]) RETURNING "eventId"),
          cs AS (DELETE FROM "ClaimSource" WHERE id = ANY($3::int[]) RETURNING "claimId"),
          il AS (DELETE FROM "IndustryLink" WHERE id = ANY($4::int[]) RETURNING "industryId", "modelId", "organizationId"),
          ai AS (DELETE FROM "ArticleIndustry" x USING jsonb_to_recordset($5::jsonb) AS r(a int, i int)
                 WHERE x."articleId" = r.a AND x."industryId" = r.i RETURNING x."industryId"),
          at AS (DELETE FROM "ArticleTechnology" x USING jsonb_to_recordset($6::jsonb) AS r(a int, t int)
                 WHERE x."articleId" = r.a AND x."technologyId" = r.t RETURNING x."technologyId"),
          qu AS (DELETE FROM "Quote" WHERE id = ANY($7::int[]) RETURNING "personId"),
          om AS (DELETE FROM "OverrideMatch" x USING jsonb_to_recordset($8::jsonb) AS r(o int, a int)
                 WHERE x."overrideId" = r.o AND x."articleId" = r.a RETURNING x."overrideId"),
          -- (a data-modifying WITH runs to completion whether or not the query reads it)
          mc AS (UPDATE "Mention" x SET confidence = r.c FROM jsonb_to_recordset($9::jsonb) AS r(id int, c float8)
                 WHERE x.id = r.id RETURNING 1),
          esc AS (UPDATE "EventSource" x SET confidence = r.c FROM jsonb_to_recordset($10::jsonb) AS r(id int, c float8)
                  WHERE x.id = r.id RETURNING 1),
          csc AS (UPDATE "ClaimSource" x SET confidence = r.c FROM jsonb_to_recordset($11::jsonb) AS r(id int, c float8)
                  WHERE x.id = r.id RETURNING 1),
          ev AS (SELECT id, "modelId", "organizationId" FROM "Event" WHERE id IN (SELECT "eventId" FROM es)),
          cl AS (SELECT id, "subjectModelId", "subjectOrganizationId", "statedById" FROM "Claim" WHERE id IN (SELECT "claimId" FROM cs)),
          mo AS (SELECT "modelId" id FROM m UNION SELECT "modelId" FROM il UNION SELECT "modelId" FROM ev
                 UNION SELECT "subjectModelId" FROM cl),
          pe AS (SELECT "personId" id FROM m UNION SELECT "personId" FROM qu)
     SELECT
       ARRAY(SELECT id FROM ev) events,
       ARRAY(SELECT id FROM cl) claims,
       ARRAY(SELECT id FROM mo WHERE id IS NOT NULL) models,
       ARRAY(SELECT id FROM pe WHERE id IS NOT NULL) people,
       ARRAY(SELECT x FROM (
         SELECT "organizationId" x FROM m UNION SELECT "organizationId" FROM il UNION SELECT "organizationId" FROM ev
         UNION SELECT "subjectOrganizationId" FROM cl UNION SELECT "statedById" FROM cl
         UNION SELECT "vendorId" FROM "Model" WHERE id IN (SELECT id FROM mo)
         UNION SELECT "organizationId" FROM "Person" WHERE id IN (SELECT id FROM pe)) o WHERE x IS NOT NULL) organizations,
       ARRAY(SELECT x FROM (SELECT "industryId" x FROM m UNION SELECT "industryId" FROM il UNION SELECT "industryId" FROM ai) i
             WHERE x IS NOT NULL) industries,
       ARRAY(SELECT x FROM (SELECT "technologyId" x FROM m UNION SELECT "technologyId" FROM at) t WHERE x IS NOT NULL) technologies,
       ARRAY(SELECT DISTINCT "overrideId" FROM om) overrides,
       ARRAY(SELECT x FROM (SELECT unnest($12::int[]) x UNION SELECT "modelId" FROM "Event" WHERE id = ANY($13::int[])
             UNION SELECT "subjectModelId" FROM "Claim" WHERE id = ANY($14::int[])) r WHERE x IS NOT NULL) "rescoredModels"`,
    [
      idsOf(d.mentions.remove),
      idsOf(d.eventSources.remove),
      idsOf(d.claimSources.remove),
      idsOf(d.links.remove),
      json(d.industries.remove.map(({ a, i }) => ({ a, i }))),
      json(d.technologies.remove.map(({ a, t }) => ({ a, t }))),
      idsOf(d.quotes.remove),
      json(d.matches.remove.map(({ o, a }) => ({ o, a }))),
      json(d.mentions.rescore),
      json(d.eventSources.rescore),
      json(d.claimSources.rescore),
      [...new Set([...before.mentions, ...before.links].map((r) => r.m).filter((m) => m !== null))],
      previousEvents,
      previousClaims,
    ],
  );
  const ids = (v: unknown) => ((v as (number | string)[] | null) ?? []).map(Number);
  return {
    touched: {
      events: ids(row.events),
      claims: ids(row.claims),
      models: ids(row.models),
      people: ids(row.people),
      organizations: ids(row.organizations),
      industries: ids(row.industries),
      technologies: ids(row.technologies),
      overrides: ids(row.overrides),
      rescored: {
        events: previousEvents,
        claims: previousClaims,
        models: ids(row.rescoredModels),
      },
    },
    insert: {
      industries: d.industries.insert,
      technologies: d.technologies.insert,
      quotes: d.quotes.insert,
      mentions: d.mentions.insert,
      eventSources: d.eventSources.insert,
      claimSources: d.claimSources.insert,
      links: d.links.insert,
      matches: d.matches.insert,
    },
  };
}

/** Drops the touched rows that no article supports any more after an edit removed their last source. */
async function collectOrphans(q: Q, t: Touched) {
  await q(
    `DELETE FROM "Event" e WHERE e.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "EventSource" s WHERE s."eventId" = e.id)`,
    [t.events],
  );
  await q(
    `DELETE FROM "Claim" c WHERE c.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c.id)`,
    [t.claims],
  );
  // what an edited article no longer says no longer raises a fact's confidence: the surest remaining report
  await recomputeConfidences(q, t.rescored.events, t.rescored.claims, t.rescored.models);
  // curated entities stay even when no article names them any more; discovered ones go with their last mention
  const discovered = "o.status = 'discovered'";
  await q(orphanDelete("Model", MODEL_REFS, discovered), [t.models]);
  await q(
    orphanDelete("Person", [
      ["Quote", "personId"],
      ["Mention", "personId"],
    ]),
    [t.people],
  );
  await q(orphanDelete("Organization", ORGANIZATION_REFS, discovered), [t.organizations]);
  await q(
    orphanDelete("Industry", [
      ["ArticleIndustry", "industryId"],
      ["IndustryLink", "industryId"],
      ["Mention", "industryId"],
    ]),
    [t.industries],
  );
  await q(
    orphanDelete("Technology", [
      ["ArticleTechnology", "technologyId"],
      ["Mention", "technologyId"],
    ]),
    [t.technologies],
  );
}

/** Each event's, claim's and model's confidence: the surest of the reports that remain. */
async function recomputeConfidences(q: Q, events: number[], claims: number[], models: number[]) {
  await q(
    `WITH e AS (UPDATE "Event" e SET confidence = x.c FROM (SELECT "eventId" id, max(confidence) c FROM "EventSource"
                 WHERE "eventId" = ANY($1::int[]) GROUP BY 1) x WHERE e.id = x.id AND e.confidence IS DISTINCT FROM x.c RETURNING 1),
          c AS (UPDATE "Claim" c SET confidence = x.c FROM (SELECT "claimId" id, max(confidence) c FROM "ClaimSource"
                 WHERE "claimId" = ANY($2::int[]) GROUP BY 1) x WHERE c.id = x.id AND c.confidence IS DISTINCT FROM x.c RETURNING 1),
          m AS (UPDATE "Model" m SET confidence = x.c FROM (SELECT "modelId" id, max(confidence) c FROM "Mention"
                 WHERE "modelId" = ANY($3::int[]) AND confidence IS NOT NULL GROUP BY 1) x
                 WHERE m.id = x.id AND m.confidence IS DISTINCT FROM x.c RETURNING 1)
     SELECT (SELECT count(*) FROM e) + (SELECT count(*) FROM c) + (SELECT count(*) FROM m) AS n`,
    [events, claims, models],
  );
}

/** What refers to a model or an organization: while one does, it is not an orphan. */
const MODEL_REFS: [string, string][] = [
  ["Mention", "modelId"],
  ["Event", "modelId"],
  ["Claim", "subjectModelId"],
];
const ORGANIZATION_REFS: [string, string][] = [
  ["Mention", "organizationId"],
  ["Model", "vendorId"],
  ["Event", "organizationId"],
  ["Claim", "statedById"],
  ["Claim", "subjectOrganizationId"],
  ["Person", "organizationId"],
];

/** Deletes a model or organization, curated or not, once nothing refers to it (an editor rejected it). */
export async function dropUnreferenced(q: Q, kind: "model" | "organization", slug: string): Promise<void> {
  const [table, refs] = kind === "model" ? ["Model", MODEL_REFS] : ["Organization", ORGANIZATION_REFS];
  await q(orphanDelete(table, refs), [(await q(`SELECT id FROM "${table}" WHERE slug = $1`, [slug])).map((r) => r.id)]);
}

/** DELETE of the rows of `table` with an id in $1 that no row of `refs` (table, column) points to. */
function orphanDelete(table: string, refs: [string, string][], condition?: string): string {
  const unreferenced = refs.map(([r, c]) => `NOT EXISTS (SELECT 1 FROM "${r}" x WHERE x."${c}" = o.id)`);
  return `DELETE FROM "${table}" o WHERE o.id = ANY($1::int[]) AND ${[condition, ...unreferenced].filter(Boolean).join(" AND ")}`;
}

/** Rows by key, first occurrence kept, sorted by key (a fixed lock order across transactions). */
function byKey<T>(rows: T[], key: (r: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const r of rows) if (!seen.has(key(r))) seen.set(key(r), r);
  return [...seen.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

// Record shapes of the jsonb parameters.
const ORG_COLS = `key text, "nameZh" text, "nameEn" text, aliases text[], kind text, roles text[], status text, "sourceUrl" text, terms text[]`;
const MODEL_COLS = `key text, "nameZh" text, "nameEn" text, pinyin text, aliases text[], "vendorKey" text, family text, version text,
  status text, "sourceUrl" text, confidence float8, terms text[]`;
const INDUSTRY_COLS = `key text, "nameZh" text, "nameEn" text, aliases text[], terms text[]`;
const TECH_COLS = `key text, "nameZh" text, "nameEn" text, aliases text[]`;
const PERSON_COLS = `key text, name text, title text, "organizationKey" text`;
const EVENT_COLS = `key text, type text, date date, precision text, inferred boolean, "dateText" text, "modelKey" text, "orgKey" text,
  confidence float8, details jsonb`;
const CLAIM_COLS = `key text, metric text, value float8, unit text, bound text, "asOf" date, precision text, inferred boolean,
  "asOfText" text, scope text, "modelKey" text, "orgKey" text, "statedBy" text, confidence float8, details jsonb`;

// a fact reported by several articles is as sure as its surest report
const CONFIDENCE_MERGE: [string, string] = [`confidence`, `GREATEST(o.confidence, r.confidence)`];
// The merged value of each shared column: registry facts win over discovered ones; aliases, roles and
// search terms accumulate across articles. `o` is the stored row, `r` this article's record.
// Every rule is order-independent (a union, an AND, or the least of the candidates), so the result
// does not depend on which article was stored first: two ingestions running at once, or one with
// several connections, leave the same rows as a single sequential one.
const curatedFirst = (col: string, cast = "") =>
  `CASE WHEN r.status = 'curated' THEN r.${col}${cast} WHEN o.status = 'curated' THEN o.${col} ELSE LEAST(o.${col}, r.${col}${cast}) END`;
/** Of the stored organisation and this article's one, the one with the smaller slug (ids depend on order). */
const leastOrg = (stored: string, key: string) =>
  `(SELECT x.id FROM "Organization" x WHERE x.id = ${stored} OR x.slug = ${key} ORDER BY x.slug LIMIT 1)`;
const ORG_MERGE: [string, string][] = [
  [`"nameZh"`, curatedFirst(`"nameZh"`)],
  [`"nameEn"`, curatedFirst(`"nameEn"`)],
  [`aliases`, `ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || r.aliases) a ORDER BY a)`],
  [
    `kind`,
    `CASE WHEN r.status = 'curated' THEN r.kind::"OrgKind" WHEN o.status = 'curated' THEN o.kind
          WHEN o.kind = 'other' THEN r.kind::"OrgKind" WHEN r.kind = 'other' THEN o.kind ELSE LEAST(o.kind, r.kind::"OrgKind") END`,
  ],
  [`roles`, `ARRAY(SELECT DISTINCT x FROM unnest(o.roles || r.roles::"OrgRole"[]) x ORDER BY x)`],
  [`status`, `CASE WHEN r.status = 'curated' THEN 'curated'::"EntityStatus" ELSE o.status END`],
  [`"sourceUrl"`, curatedFirst(`"sourceUrl"`)],
  [`"searchTerms"`, `COALESCE(o."searchTerms", ''::tsvector) || array_to_tsvector(r.terms)`],
];
const MODEL_VENDOR = `(SELECT v.id FROM "Organization" v WHERE v.slug = r."vendorKey")`;
const MODEL_MERGE: [string, string][] = [
  [`"nameZh"`, curatedFirst(`"nameZh"`)],
  [`"nameEn"`, curatedFirst(`"nameEn"`)],
  [`pinyin`, curatedFirst(`pinyin`)],
  [`aliases`, `ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || r.aliases) a ORDER BY a)`],
  [
    `"vendorId"`,
    `CASE WHEN r.status = 'curated' THEN ${MODEL_VENDOR} WHEN o.status = 'curated' THEN o."vendorId"
          ELSE ${leastOrg(`o."vendorId"`, `r."vendorKey"`)} END`,
  ],
  [`family`, curatedFirst(`family`)],
  [`version`, curatedFirst(`version`)],
  [`status`, `CASE WHEN r.status = 'curated' THEN 'curated'::"EntityStatus" ELSE o.status END`],
  CONFIDENCE_MERGE,
  [`"sourceUrl"`, curatedFirst(`"sourceUrl"`)],
  [`"searchTerms"`, `COALESCE(o."searchTerms", ''::tsvector) || array_to_tsvector(r.terms)`],
];
const INDUSTRY_MERGE: [string, string][] = [
  [`aliases`, `ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || r.aliases) a ORDER BY a)`],
  [`"searchTerms"`, `COALESCE(o."searchTerms", ''::tsvector) || array_to_tsvector(r.terms)`],
];
const TECH_MERGE: [string, string][] = [
  [`aliases`, `ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || r.aliases) a ORDER BY a)`],
];
const PERSON_MERGE: [string, string][] = [
  // two names can share a pinyin slug (许丽, 徐立): which one is kept must not depend on which article
  // was stored first
  [`name`, `LEAST(o.name, r.name)`],
  [`title`, `LEAST(o.title, r.title)`],
  [`"organizationId"`, leastOrg(`o."organizationId"`, `r."organizationKey"`)],
];
/**
 * Details of two reports merged key by key, order-independently: a value beats JSON null, a longer
 * list beats a shorter one (one report names the investors, another the amount), else the least.
 */
const DETAILS_MERGE: [string, string] = [
  `details`,
  `CASE WHEN o.details IS NULL OR r.details IS NULL THEN COALESCE(o.details, r.details)
        ELSE (SELECT jsonb_object_agg(k, v) FROM (SELECT k, (array_agg(v ORDER BY v = 'null'::jsonb,
                CASE WHEN jsonb_typeof(v) = 'array' THEN -jsonb_array_length(v) ELSE 0 END, v))[1] v
              FROM (SELECT * FROM jsonb_each(o.details) UNION ALL SELECT * FROM jsonb_each(r.details)) x(k, v)
              GROUP BY k) y) END`,
];
// an explicit date from any source beats an inferred one
const EVENT_MERGE: [string, string][] = [
  CONFIDENCE_MERGE,
  DETAILS_MERGE,
  [`"dateInferred"`, `o."dateInferred" AND r.inferred`],
  [`"dateText"`, `LEAST(o."dateText", r."dateText")`],
];
const CLAIM_MERGE: [string, string][] = [
  CONFIDENCE_MERGE,
  DETAILS_MERGE,
  [`"asOfInferred"`, `o."asOfInferred" AND r.inferred`],
  [`"asOfText"`, `LEAST(o."asOfText", r."asOfText")`],
  [`"statedById"`, leastOrg(`o."statedById"`, `r."statedBy"`)],
];

/** UPDATE of the stored rows whose merged value differs (the others are neither written nor locked). */
function mergeSql(table: string, match: string, param: string, cols: string, merge: [string, string][]) {
  return `UPDATE "${table}" o SET ${merge.map(([c, e]) => `${c} = ${e}`).join(", ")}
    FROM jsonb_to_recordset(${param}::jsonb) AS r(${cols})
    WHERE ${match}
      AND (${merge.map(([c]) => `o.${c}`).join(", ")}) IS DISTINCT FROM (${merge.map(([, e]) => e).join(", ")})`;
}

/**
 * Distinct records per key, arranged in rounds: round 0 holds one record of every key, round i the
 * i-th distinct variant of the keys that have more. A merge UPDATE may meet each stored row only
 * once per statement, so each round is merged by its own statement; most keys (a registry entity
 * named in fifty articles) have one variant, so a batch needs one round or a few.
 */
export function variantRounds<T>(rows: T[], key: (r: T) => string): T[][] {
  const byKey = new Map<string, Map<string, T>>();
  for (const r of rows) {
    const k = key(r);
    let variants = byKey.get(k);
    if (!variants) byKey.set(k, (variants = new Map<string, T>()));
    variants.set(JSON.stringify(r), r);
  }
  const rounds: [string, T][][] = [];
  for (const [k, variants] of byKey) {
    const sorted = [...variants].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    sorted.forEach(([, r], i) => (rounds[i] ??= []).push([k, r]));
  }
  // key order: every transaction inserts and locks shared rows in the same order
  return rounds.map((round) => round.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r));
}

/** The record's row is not stored yet, as this statement sees the table. */
const notStored = (table: string, key: string) => `NOT EXISTS (SELECT 1 FROM "${table}" x WHERE x.${key} = r.key)`;

/** Ids by natural key of the stored rows of one kind. */
type IdMap = Map<string, number>;

/** Writes the batch's derived rows; returns the keys of the events, claims and entities written. */
async function storeDerived(
  q: Q,
  batch: { articleId: number; input: AnalysedArticle; matched: number[] }[],
  replaced: number[],
): Promise<{ keys: ReviewedKeys; touched: Touched | null }> {
  const articles = batch.map(({ articleId, input }) => {
    const x = input.extraction;
    return {
      articleId,
      x,
      events: x.events.map((e) => ({ ...eventRecord(e), evidence: e.evidence })),
      claims: x.claims.map((c) => ({ ...claimRecord(c), evidence: c.evidence })),
    };
  });
  // Per article, the first record of a key counts (as the extractor lists them); across articles
  // every distinct record is merged.
  const roundsOf = <T extends { key: string }, R extends { key: string }>(
    pick: (a: (typeof articles)[number]) => T[],
    shape: (r: T) => R,
  ) =>
    variantRounds(
      articles.flatMap((a) => byKey(pick(a), (r) => r.key).map(shape)),
      (r) => r.key,
    );
  // search lexemes of a shared row, once per distinct record
  const withTerms = <R>(rounds: R[][], terms: (r: R) => string[]) =>
    rounds.map((round) => round.map((r) => ({ ...r, terms: terms(r) })));
  const status = (e: { curated: boolean }) => (e.curated ? "curated" : "discovered");

  // The columns of each kind by name (alike by design: organisations and models share a few names, no type)
  const orgs = withTerms(
    roundsOf(
      (a) => a.x.organizations,
      (o) => ({
        key: o.key,
        nameZh: o.nameZh,
        nameEn: o.nameEn,
        aliases: o.aliases,
        kind: o.kind,
        roles: o.roles,
        status: status(o),
        sourceUrl: o.sourceUrl,
      }),
    ),
    (o) => [...indexTerms(o.nameZh, o.nameEn, ...o.aliases), ...pinyinTerms(o.nameZh, ...o.aliases)],
  );
  const models = withTerms(
    roundsOf(
      (a) => a.x.models,
      (m) => ({
        key: m.key,
        nameZh: m.nameZh,
        nameEn: m.nameEn,
        pinyin: m.pinyin,
        aliases: m.aliases,
        vendorKey: m.vendorKey,
        family: m.family,
        version: m.version,
        status: status(m),
        sourceUrl: m.sourceUrl,
        confidence: m.confidence,
      }),
    ),
    (m) => [...indexTerms(m.nameZh, m.nameEn, m.pinyin, ...m.aliases), ...pinyinTerms(m.nameZh, ...m.aliases)],
  );
  const industries = withTerms(
    roundsOf(
      (a) => a.x.industries,
      (i) => ({ key: i.key, nameZh: i.nameZh, nameEn: i.nameEn, aliases: i.aliases }),
    ),
    (i) => [...indexTerms(i.nameZh, i.nameEn, ...i.aliases), ...pinyinTerms(i.nameZh)],
  );
  const technologies = roundsOf(
    (a) => a.x.technologies,
    (t) => ({ key: t.key, nameZh: t.nameZh, nameEn: t.nameEn, aliases: t.aliases }),
  );
  const people = roundsOf(
    (a) => a.x.people,
    (p) => ({ key: p.key, name: p.name, title: p.title, organizationKey: p.organizationKey }),
  );
  const events = roundsOf(
    (a) => a.events,
    ({ evidence: _, ...e }) => e,
  );
  const claims = roundsOf(
    (a) => a.claims,
    ({ evidence: _, ...c }) => c,
  );
  const round = <T>(rounds: T[][], i: number) => json(rounds[i] ?? []);

  // 1. New entities without references (in key order), then the ones that reference organisations.
  //    DO NOTHING on a stored row: it is neither rewritten nor locked; step 3 merges it if needed.
  //    Rows this statement sees stored are left out first: the conflict check of ON CONFLICT waits
  //    for any transaction that updated the row (another batch's merge or counter) to end.
  await q(
    `WITH o AS (
       INSERT INTO "Organization" (slug, "nameZh", "nameEn", aliases, kind, roles, status, "sourceUrl", "searchTerms")
       SELECT r.key, r."nameZh", r."nameEn", r.aliases, r.kind::"OrgKind", r.roles::"OrgRole"[], r.status::"EntityStatus",
              r."sourceUrl", array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($1::jsonb) AS r(${ORG_COLS}) WHERE ${notStored("Organization", "slug")} ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ), i AS (
       INSERT INTO "Industry" (slug, "nameZh", "nameEn", aliases, "searchTerms")
       SELECT r.key, r."nameZh", r."nameEn", r.aliases, array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($2::jsonb) AS r(${INDUSTRY_COLS}) WHERE ${notStored("Industry", "slug")} ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ), t AS (
       INSERT INTO "Technology" (slug, "nameZh", "nameEn", aliases)
       SELECT r.key, r."nameZh", r."nameEn", r.aliases
       FROM jsonb_to_recordset($3::jsonb) AS r(${TECH_COLS}) WHERE ${notStored("Technology", "slug")} ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ) SELECT (SELECT count(*) FROM o) + (SELECT count(*) FROM i) + (SELECT count(*) FROM t) AS n`,
    [round(orgs, 0), round(industries, 0), round(technologies, 0)],
  );
  await q(
    `WITH m AS (
       INSERT INTO "Model" (slug, "nameZh", "nameEn", pinyin, aliases, "vendorId", family, version, status, "sourceUrl", confidence, "searchTerms")
       SELECT r.key, r."nameZh", r."nameEn", r.pinyin, r.aliases, ${MODEL_VENDOR},
              r.family, r.version, r.status::"EntityStatus", r."sourceUrl", r.confidence, array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($1::jsonb) AS r(${MODEL_COLS}) WHERE ${notStored("Model", "slug")} ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ), p AS (
       INSERT INTO "Person" (slug, name, title, "organizationId")
       SELECT r.key, r.name, r.title, (SELECT o.id FROM "Organization" o WHERE o.slug = r."organizationKey")
       FROM jsonb_to_recordset($2::jsonb) AS r(${PERSON_COLS}) WHERE ${notStored("Person", "slug")} ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ) SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM p) AS n`,
    [round(models, 0), round(people, 0)],
  );
  // 2. Events and claims, one row per natural key.
  await q(
    `WITH e AS (
       INSERT INTO "Event" (key, type, date, precision, "dateInferred", "dateText", "modelId", "organizationId", confidence, details)
       SELECT r.key, r.type::"EventType", r.date, r.precision::"DatePrecision", r.inferred, r."dateText",
         (SELECT id FROM "Model" WHERE slug = r."modelKey"), (SELECT id FROM "Organization" WHERE slug = r."orgKey"), r.confidence,
         r.details
       FROM jsonb_to_recordset($1::jsonb) AS r(${EVENT_COLS}) WHERE ${notStored("Event", "key")} ORDER BY r.key
       ON CONFLICT (key) DO NOTHING RETURNING 1
     ), c AS (
       INSERT INTO "Claim" (key, metric, value, unit, bound, "asOf", "asOfPrecision", "asOfInferred", "asOfText",
                            scope, "subjectModelId", "subjectOrganizationId", "statedById", confidence, details)
       SELECT r.key, r.metric, r.value, r.unit, r.bound::"ClaimBound", r."asOf", r.precision::"DatePrecision", r.inferred,
         r."asOfText", r.scope, (SELECT id FROM "Model" WHERE slug = r."modelKey"),
         (SELECT id FROM "Organization" WHERE slug = r."orgKey"), (SELECT id FROM "Organization" WHERE slug = r."statedBy"), r.confidence,
         r.details
       FROM jsonb_to_recordset($2::jsonb) AS r(${CLAIM_COLS}) WHERE ${notStored("Claim", "key")} ORDER BY r.key
       ON CONFLICT (key) DO NOTHING RETURNING 1
     ) SELECT (SELECT count(*) FROM e) + (SELECT count(*) FROM c) AS n`,
    [round(events, 0), round(claims, 0)],
  );
  // 3. Merge into rows that were already stored (a later statement: it sees rows other
  //    transactions committed meanwhile). Rows whose merged value is unchanged are skipped.
  const rounds = Math.max(
    orgs.length,
    industries.length,
    technologies.length,
    models.length,
    people.length,
    events.length,
    claims.length,
  );
  for (let i = 0; i < rounds; i++) {
    await q(
      `WITH o AS (${mergeSql("Organization", "o.slug = r.key", "$1", ORG_COLS, ORG_MERGE)} RETURNING 1),
            i AS (${mergeSql("Industry", "o.slug = r.key", "$2", INDUSTRY_COLS, INDUSTRY_MERGE)} RETURNING 1),
            t AS (${mergeSql("Technology", "o.slug = r.key", "$3", TECH_COLS, TECH_MERGE)} RETURNING 1)
       SELECT (SELECT count(*) FROM o) + (SELECT count(*) FROM i) + (SELECT count(*) FROM t) AS n`,
      [round(orgs, i), round(industries, i), round(technologies, i)],
    );
  }
  // Models and people read organisation ids, events and claims read model ids: statements after the
  // organisation merges (one statement's CTEs share a snapshot).
  for (let i = 0; i < rounds; i++) {
    await q(
      `WITH m AS (${mergeSql("Model", "o.slug = r.key", "$1", MODEL_COLS, MODEL_MERGE)} RETURNING 1),
            p AS (${mergeSql("Person", "o.slug = r.key", "$2", PERSON_COLS, PERSON_MERGE)} RETURNING 1),
            e AS (${mergeSql("Event", "o.key = r.key", "$3", EVENT_COLS, EVENT_MERGE)} RETURNING 1),
            c AS (${mergeSql("Claim", "o.key = r.key", "$4", CLAIM_COLS, CLAIM_MERGE)} RETURNING 1)
       SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM p) + (SELECT count(*) FROM e) + (SELECT count(*) FROM c) AS n`,
      [round(models, i), round(people, i), round(events, i), round(claims, i)],
    );
  }

  // 4. The articles' own rows (mentions, sources, links, quotes, industry and technology tags),
  //    with the ids of what they point to resolved once for the whole batch.
  const keys = (rounds: { key: string }[][]) => (rounds[0] ?? []).map((r) => r.key);
  const idRows = await q(
    `SELECT 'model' kind, slug key, id FROM "Model" WHERE slug = ANY($1::text[])
     UNION ALL SELECT 'organization', slug, id FROM "Organization" WHERE slug = ANY($2::text[])
     UNION ALL SELECT 'industry', slug, id FROM "Industry" WHERE slug = ANY($3::text[])
     UNION ALL SELECT 'technology', slug, id FROM "Technology" WHERE slug = ANY($4::text[])
     UNION ALL SELECT 'person', slug, id FROM "Person" WHERE slug = ANY($5::text[])
     UNION ALL SELECT 'event', key, id FROM "Event" WHERE key = ANY($6::text[])
     UNION ALL SELECT 'claim', key, id FROM "Claim" WHERE key = ANY($7::text[])`,
    [keys(models), keys(orgs), keys(industries), keys(technologies), keys(people), keys(events), keys(claims)],
  );
  const ids: Record<string, IdMap> = {};
  for (const r of idRows) (ids[String(r.kind)] ??= new Map()).set(String(r.key), Number(r.id));
  const id = (kind: string, key: string | null | undefined) => (key == null ? null : (ids[kind]?.get(key) ?? null));

  const built: DerivedRows = {
    industries: [],
    technologies: [],
    quotes: [],
    mentions: [],
    eventSources: [],
    claimSources: [],
    links: [],
    matches: batch.flatMap(({ articleId, matched }) => matched.map((o) => ({ o, a: articleId }))),
  };
  for (const { articleId: a, x, events: articleEvents, claims: articleClaims } of articles) {
    for (const i of x.industries) {
      const industry = id("industry", i.key);
      if (industry !== null)
        built.industries.push({
          a,
          i: industry,
          field: i.from === "field" || i.from === "both",
          body: i.from === "body" || i.from === "both",
        });
    }
    for (const t of x.technologies) {
      const technology = id("technology", t.key);
      if (technology !== null) built.technologies.push({ a, t: technology });
    }
    for (const p of x.people) {
      const person = id("person", p.key);
      if (person !== null)
        built.quotes.push({
          a,
          p: person,
          text: p.quote,
          sentence: p.evidence.sentence,
          start: p.evidence.start,
          end: p.evidence.end,
        });
    }
    const modelConfidence = new Map(x.models.map((m) => [m.key, m.confidence]));
    for (const m of x.mentions) {
      const target = id(m.kind, m.key);
      built.mentions.push({
        c: m.kind === "model" ? (modelConfidence.get(m.key) ?? null) : null,
        a,
        kind: m.kind,
        m: m.kind === "model" ? target : null,
        o: m.kind === "organization" ? target : null,
        i: m.kind === "industry" ? target : null,
        t: m.kind === "technology" ? target : null,
        p: m.kind === "person" ? target : null,
        text: m.text,
        start: m.start,
        end: m.end,
        sentence: m.evidence.sentence,
        sStart: m.evidence.start,
        sEnd: m.evidence.end,
      });
    }
    // one source row per event or claim and article: its earliest sentence
    for (const [kind, list, out] of [
      ["event", articleEvents, built.eventSources],
      ["claim", articleClaims, built.claimSources],
    ] as const) {
      const first = new Map<number, (typeof list)[number]>();
      const surest = new Map<number, number>();
      for (const r of list) {
        const target = id(kind, r.key);
        if (target === null) continue;
        const seen = first.get(target);
        if (!seen || r.evidence.start < seen.evidence.start) first.set(target, r);
        surest.set(target, Math.max(surest.get(target) ?? 0, r.confidence));
      }
      for (const [target, r] of [...first].sort(([x], [y]) => x - y)) {
        out.push({
          x: target,
          a,
          quote: r.evidence.sentence,
          start: r.evidence.start,
          end: r.evidence.end,
          c: surest.get(target)!,
        });
      }
    }
    for (const l of x.industryLinks) {
      const industry = id("industry", l.industryKey);
      if (industry === null) continue;
      built.links.push({
        i: industry,
        m: id("model", l.modelKey),
        o: id("organization", l.organizationKey),
        a,
        quote: l.evidence.sentence,
        start: l.evidence.start,
        end: l.evidence.end,
      });
    }
  }
  // an article stored again: only what differs from its stored rows is written
  const replacing = replaced.length ? await replaceDerived(q, replaced, built) : null;
  const rows = replacing?.insert ?? built;
  await q(
    `WITH ai AS (
       INSERT INTO "ArticleIndustry" ("articleId", "industryId", "fromField", "fromBody")
       SELECT r.a, r.i, r.field, r.body FROM jsonb_to_recordset($1::jsonb) AS r(a int, i int, field boolean, body boolean)
       ON CONFLICT DO NOTHING RETURNING 1
     ), at AS (
       INSERT INTO "ArticleTechnology" ("articleId", "technologyId")
       SELECT r.a, r.t FROM jsonb_to_recordset($2::jsonb) AS r(a int, t int)
       ON CONFLICT DO NOTHING RETURNING 1
     ), qu AS (
       INSERT INTO "Quote" ("personId", "articleId", text, sentence, "sentenceStart", "sentenceEnd")
       SELECT r.p, r.a, r.text, r.sentence, r.start, r."end"
       FROM jsonb_to_recordset($3::jsonb) AS r(a int, p int, text text, sentence text, start int, "end" int) RETURNING 1
     ), me AS (
       INSERT INTO "Mention" ("articleId", kind, "modelId", "organizationId", "industryId", "technologyId", "personId",
                              text, start, "end", sentence, "sentenceStart", "sentenceEnd", confidence)
       SELECT r.a, r.kind::"EntityKind", r.m, r.o, r.i, r.t, r.p, r.text, r.start, r."end", r.sentence, r."sStart", r."sEnd", r.c
       FROM jsonb_to_recordset($4::jsonb) AS r(a int, kind text, m int, o int, i int, t int, p int, text text, start int,
            "end" int, sentence text, "sStart" int, "sEnd" int, c float8) RETURNING 1
     ), es AS (
       INSERT INTO "EventSource" ("eventId", "articleId", quote, "sentenceStart", "sentenceEnd", confidence)
       SELECT r.x, r.a, r.quote, r.start, r."end", r.c FROM jsonb_to_recordset($5::jsonb) AS r(x int, a int, quote text, start int, "end" int, c float8)
       ON CONFLICT DO NOTHING RETURNING 1
     ), cs AS (
       INSERT INTO "ClaimSource" ("claimId", "articleId", quote, "sentenceStart", "sentenceEnd", confidence)
       SELECT r.x, r.a, r.quote, r.start, r."end", r.c FROM jsonb_to_recordset($6::jsonb) AS r(x int, a int, quote text, start int, "end" int, c float8)
       ON CONFLICT DO NOTHING RETURNING 1
     ), il AS (
       INSERT INTO "IndustryLink" ("industryId", "modelId", "organizationId", "articleId", quote, "sentenceStart", "sentenceEnd")
       SELECT r.i, r.m, r.o, r.a, r.quote, r.start, r."end"
       FROM jsonb_to_recordset($7::jsonb) AS r(i int, m int, o int, a int, quote text, start int, "end" int) RETURNING 1
     ), om AS (
       INSERT INTO "OverrideMatch" ("overrideId", "articleId")
       SELECT r.o, r.a FROM jsonb_to_recordset($8::jsonb) AS r(o int, a int) ORDER BY 1, 2 ON CONFLICT DO NOTHING RETURNING 1
     )
     SELECT (SELECT count(*) FROM ai) + (SELECT count(*) FROM at) + (SELECT count(*) FROM qu) + (SELECT count(*) FROM me)
          + (SELECT count(*) FROM es) + (SELECT count(*) FROM cs) + (SELECT count(*) FROM il) + (SELECT count(*) FROM om) AS n`,
    [
      json(rows.industries),
      json(rows.technologies),
      json(rows.quotes),
      json(rows.mentions),
      json(rows.eventSources),
      json(rows.claimSources),
      json(rows.links),
      json(rows.matches),
    ],
  );
  return {
    keys: { event: keys(events), claim: keys(claims), model: keys(models), organization: keys(orgs) },
    touched: replacing?.touched ?? null,
  };
}

function eventRecord(e: ExtractionResult["events"][number]) {
  return {
    key: eventKey(e),
    type: e.type,
    date: periodStart(e.date),
    precision: e.date.precision,
    inferred: e.date.inferred,
    dateText: e.date.text,
    modelKey: e.modelKey,
    orgKey: e.organizationKey,
    confidence: e.confidence,
    details: e.details ?? null,
  };
}

function claimRecord(c: ExtractionResult["claims"][number]) {
  return {
    key: claimKey(c),
    metric: c.metric,
    value: c.value,
    unit: c.unit,
    bound: c.bound,
    asOf: periodStart(c.asOf),
    precision: c.asOf.precision,
    inferred: c.asOf.inferred,
    asOfText: c.asOf.text,
    scope: c.scope,
    modelKey: c.subjectModelKey,
    orgKey: c.subjectOrganizationKey,
    statedBy: c.statedByKey,
    confidence: c.confidence,
    details: c.details ?? null,
  };
}
