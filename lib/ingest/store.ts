// Stores one analysed article, idempotently, in one transaction. Entities, events and claims are
// upserted by natural key (slug, event key, claim key), so the same event reported by two
// articles is one row with two sources. Re-ingesting an edited article first removes what was
// derived from its previous version, then drops the events, claims and discovered entities it
// touched that no article supports any more.
//
// Speed and concurrency: about ten statements per article, each handling all rows of a kind at once;
// on PostgreSQL they go straight through the handle's pg pool (Prisma's per-statement overhead is
// several times the statement's own cost). Shared rows (腾讯, a popular event) are merged by an
// INSERT ... DO NOTHING followed by an UPDATE that only touches rows whose merged value differs, so
// concurrent transactions do not queue on the same hot rows; a deadlock or serialization failure
// is retried.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { rawTransactionFor } from "@/lib/db/client";
import type { SqlRunner } from "@/lib/db/migrations";
import type { RawArticle } from "@/lib/validations/article-file";
import type { DatePoint, ExtractionResult } from "@/lib/extract/types";
import { indexTerms, pinyinTerms } from "@/lib/search/terms";

export type StoreOutcome = "created" | "updated" | "unchanged";

export interface AnalysedArticle {
  sourceFile: string;
  contentHash: string;
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
  const terms = [
    ...indexTerms(article.title, cleaned.body, ...article.keywords, ...names),
    ...pinyinTerms(...x.models.map((m) => m.nameZh), ...x.organizations.map((o) => o.nameZh)),
  ];
  return [...new Set(terms)];
}

const json = (value: unknown) => JSON.stringify(value);

/** First day of the period a DatePoint names, as YYYY-MM-DD, or null. */
export function periodStart(point: DatePoint): string | null {
  if (!point.value || point.precision === "unknown") return null;
  const [y, m = "01", d = "01"] = point.value.split("-");
  return `${y}-${m}-${d}`;
}

export function eventKey(e: ExtractionResult["events"][number]): string {
  return [e.type, e.modelKey ?? "", e.organizationKey ?? "", e.date.precision === "unknown" ? "" : e.date.value].join("|");
}

export function claimKey(c: ExtractionResult["claims"][number]): string {
  const asOf = c.asOf.precision === "unknown" ? "" : c.asOf.value;
  return [c.metric, c.scope ?? "", c.subjectModelKey ?? "", c.subjectOrganizationKey ?? "", c.bound, c.value, c.unit, asOf].join("|");
}

/** The statements a transaction needs: `$1`-style parameters, rows back. */
type Q = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

const RETRYABLE = /40P01|40001|deadlock detected|could not serialize/;
const MAX_ATTEMPTS = 6;

export async function storeArticle(prisma: PrismaClient, input: AnalysedArticle): Promise<StoreOutcome> {
  const raw = rawTransactionFor(prisma);
  const attempt = (): Promise<StoreOutcome> =>
    raw
      ? raw((sql: SqlRunner) => storeIn(async (text, params) => (await sql.query(text, params)).rows, input))
      : prisma.$transaction(
          (tx) => storeIn((text, params = []) => tx.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params), input),
          { timeout: 60_000, maxWait: 60_000 },
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

async function storeIn(q: Q, input: AnalysedArticle): Promise<StoreOutcome> {
  // Serialise concurrent ingestions of the same link: check-then-write happens under this lock.
  // Every statement below joins a few dozen rows of this article to growing tables by key; the
  // planner cannot see how few (a function scan is estimated at 100 rows) and picks hash joins over
  // whole tables, which makes ingestion cost grow with the corpus. Index probes only, in this transaction.
  // Plans are made for each execution's actual rows (a cached generic plan was seen to take 100x longer).
  await q(
    `SELECT pg_advisory_xact_lock(hashtext($1))::text, set_config('enable_seqscan', 'off', true),
       set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
       set_config('plan_cache_mode', 'force_custom_plan', true)`,
    [input.article.url],
  );
  const [existing] = await q(`SELECT id, "contentHash" FROM "Article" WHERE url = $1`, [input.article.url]);
  if (existing?.contentHash === input.contentHash) return "unchanged";

  let touched: Touched | null = null;
  let articleId: number;
  const a = articleValues(input);
  if (existing) {
    articleId = Number(existing.id);
    touched = await removeDerived(q, articleId);
    await q(
      `UPDATE "Article" SET url = $2, title = $3, body = $4, "rawBody" = $5, keywords = $6::text[], technologies = $7::text[],
         industries = $8::text[], "eventSummary" = $9, "extraFields" = $10::jsonb, byline = $11, "photoCredits" = $12::text[],
         "contentHash" = $13, "sourceFile" = $14, "lastIngestedAt" = $15::timestamp(3),
         "searchTerms" = array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text($16::jsonb)))
       WHERE id = $1::int`,
      [articleId, ...a],
    );
  } else {
    const [row] = await q(
      `INSERT INTO "Article" (url, title, body, "rawBody", keywords, technologies, industries, "eventSummary", "extraFields",
         byline, "photoCredits", "contentHash", "sourceFile", "firstIngestedAt", "lastIngestedAt", "searchTerms")
       VALUES ($1, $2, $3, $4, $5::text[], $6::text[], $7::text[], $8, $9::jsonb, $10, $11::text[], $12, $13, $14::timestamp(3),
         $14::timestamp(3), array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text($15::jsonb))))
       RETURNING id`,
      a,
    );
    articleId = Number(row!.id);
  }
  await storeDerived(q, articleId, input);
  if (touched) await collectOrphans(q, touched);
  return existing ? "updated" : "created";
}

function articleValues(input: AnalysedArticle): unknown[] {
  const { article, cleaned } = input;
  return [
    article.url,
    article.title,
    cleaned.body,
    article.body,
    article.keywords,
    article.technologies,
    article.industries,
    article.eventSummary,
    json(article.extra),
    cleaned.byline,
    cleaned.photoCredits,
    input.contentHash,
    input.sourceFile,
    new Date().toISOString(), // UTC, as Prisma writes DateTime
    json(input.searchTerms ?? articleSearchTerms(input)), // JSON: far cheaper to send than a text[] literal
  ];
}

/** Ids of the rows an article's previous version supported: the only candidates for orphan collection. */
interface Touched {
  events: number[];
  claims: number[];
  models: number[];
  people: number[];
  organizations: number[];
  industries: number[];
  technologies: number[];
}

/** Removes what was derived from an article's previous version; returns what it touched. */
async function removeDerived(q: Q, articleId: number): Promise<Touched> {
  const [row] = await q(
    `WITH m AS (DELETE FROM "Mention" WHERE "articleId" = $1::int
                RETURNING "modelId", "organizationId", "industryId", "technologyId", "personId"),
          es AS (DELETE FROM "EventSource" WHERE "articleId" = $1 RETURNING "eventId"),
          cs AS (DELETE FROM "ClaimSource" WHERE "articleId" = $1 RETURNING "claimId"),
          il AS (DELETE FROM "IndustryLink" WHERE "articleId" = $1 RETURNING "industryId", "modelId", "organizationId"),
          ai AS (DELETE FROM "ArticleIndustry" WHERE "articleId" = $1 RETURNING "industryId"),
          at AS (DELETE FROM "ArticleTechnology" WHERE "articleId" = $1 RETURNING "technologyId"),
          qu AS (DELETE FROM "Quote" WHERE "articleId" = $1 RETURNING "personId"),
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
       ARRAY(SELECT x FROM (SELECT "technologyId" x FROM m UNION SELECT "technologyId" FROM at) t WHERE x IS NOT NULL) technologies`,
    [articleId],
  );
  const ids = (v: unknown) => ((v as (number | string)[] | null) ?? []).map(Number);
  return {
    events: ids(row!.events),
    claims: ids(row!.claims),
    models: ids(row!.models),
    people: ids(row!.people),
    organizations: ids(row!.organizations),
    industries: ids(row!.industries),
    technologies: ids(row!.technologies),
  };
}

/** Drops the touched rows that no article supports any more after an edit removed their last source. */
async function collectOrphans(q: Q, t: Touched) {
  await q(`DELETE FROM "Event" e WHERE e.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "EventSource" s WHERE s."eventId" = e.id)`, [t.events]);
  await q(`DELETE FROM "Claim" c WHERE c.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c.id)`, [t.claims]);
  await q(
    `DELETE FROM "Model" m WHERE m.id = ANY($1::int[]) AND m.status = 'discovered'
       AND NOT EXISTS (SELECT 1 FROM "Mention" x WHERE x."modelId" = m.id)
       AND NOT EXISTS (SELECT 1 FROM "Event" x WHERE x."modelId" = m.id)
       AND NOT EXISTS (SELECT 1 FROM "Claim" x WHERE x."subjectModelId" = m.id)`,
    [t.models],
  );
  await q(
    `DELETE FROM "Person" p WHERE p.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "Quote" q WHERE q."personId" = p.id)
       AND NOT EXISTS (SELECT 1 FROM "Mention" x WHERE x."personId" = p.id)`,
    [t.people],
  );
  await q(
    `DELETE FROM "Organization" o WHERE o.id = ANY($1::int[]) AND o.status = 'discovered'
       AND NOT EXISTS (SELECT 1 FROM "Mention" x WHERE x."organizationId" = o.id)
       AND NOT EXISTS (SELECT 1 FROM "Model" x WHERE x."vendorId" = o.id)
       AND NOT EXISTS (SELECT 1 FROM "Event" x WHERE x."organizationId" = o.id)
       AND NOT EXISTS (SELECT 1 FROM "Claim" x WHERE x."statedById" = o.id OR x."subjectOrganizationId" = o.id)
       AND NOT EXISTS (SELECT 1 FROM "Person" x WHERE x."organizationId" = o.id)`,
    [t.organizations],
  );
  await q(
    `DELETE FROM "Industry" i WHERE i.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "ArticleIndustry" a WHERE a."industryId" = i.id)
       AND NOT EXISTS (SELECT 1 FROM "IndustryLink" a WHERE a."industryId" = i.id)
       AND NOT EXISTS (SELECT 1 FROM "Mention" a WHERE a."industryId" = i.id)`,
    [t.industries],
  );
  await q(
    `DELETE FROM "Technology" t WHERE t.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM "ArticleTechnology" a WHERE a."technologyId" = t.id)
       AND NOT EXISTS (SELECT 1 FROM "Mention" a WHERE a."technologyId" = t.id)`,
    [t.technologies],
  );
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
  status text, "sourceUrl" text, terms text[]`;
const INDUSTRY_COLS = `key text, "nameZh" text, "nameEn" text, aliases text[], terms text[]`;
const TECH_COLS = `key text, "nameZh" text, "nameEn" text, aliases text[]`;
const PERSON_COLS = `key text, name text, title text, "organizationKey" text`;
const EVENT_COLS = `key text, type text, date date, precision text, inferred boolean, "dateText" text, "modelKey" text, "orgKey" text,
  quote text, start int, "end" int`;
const CLAIM_COLS = `key text, metric text, value float8, unit text, bound text, "asOf" date, precision text, inferred boolean,
  "asOfText" text, scope text, "modelKey" text, "orgKey" text, "statedBy" text, quote text, start int, "end" int`;

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
  [`"sourceUrl"`, curatedFirst(`"sourceUrl"`)],
  [`"searchTerms"`, `COALESCE(o."searchTerms", ''::tsvector) || array_to_tsvector(r.terms)`],
];
const INDUSTRY_MERGE: [string, string][] = [
  [`aliases`, `ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || r.aliases) a ORDER BY a)`],
  [`"searchTerms"`, `COALESCE(o."searchTerms", ''::tsvector) || array_to_tsvector(r.terms)`],
];
const TECH_MERGE: [string, string][] = [[`aliases`, `ARRAY(SELECT DISTINCT a FROM unnest(o.aliases || r.aliases) a ORDER BY a)`]];
const PERSON_MERGE: [string, string][] = [
  [`title`, `LEAST(o.title, r.title)`],
  [`"organizationId"`, leastOrg(`o."organizationId"`, `r."organizationKey"`)],
];
// an explicit date from any source beats an inferred one
const EVENT_MERGE: [string, string][] = [
  [`"dateInferred"`, `o."dateInferred" AND r.inferred`],
  [`"dateText"`, `LEAST(o."dateText", r."dateText")`],
];
const CLAIM_MERGE: [string, string][] = [
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

async function storeDerived(q: Q, articleId: number, input: AnalysedArticle) {
  const x = input.extraction;
  const orgs = byKey(x.organizations, (o) => o.key).map((o) => ({
    ...o,
    status: o.curated ? "curated" : "discovered",
    terms: [...indexTerms(o.nameZh, o.nameEn, ...o.aliases), ...pinyinTerms(o.nameZh, ...o.aliases)],
  }));
  const models = byKey(x.models, (m) => m.key).map((m) => ({
    ...m,
    status: m.curated ? "curated" : "discovered",
    terms: [...indexTerms(m.nameZh, m.nameEn, m.pinyin, ...m.aliases), ...pinyinTerms(m.nameZh, ...m.aliases)],
  }));
  const industries = byKey(x.industries, (i) => i.key).map((i) => ({
    ...i,
    terms: [...indexTerms(i.nameZh, i.nameEn, ...i.aliases), ...pinyinTerms(i.nameZh)],
  }));
  const technologies = byKey(x.technologies, (t) => t.key);
  const people = byKey(x.people, (p) => p.key);
  const events = x.events.map((e) => ({
    key: eventKey(e),
    type: e.type,
    date: periodStart(e.date),
    precision: e.date.precision,
    inferred: e.date.inferred,
    dateText: e.date.text,
    modelKey: e.modelKey,
    orgKey: e.organizationKey,
    quote: e.evidence.sentence,
    start: e.evidence.start,
    end: e.evidence.end,
  }));
  const claims = x.claims.map((c) => ({
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
    quote: c.evidence.sentence,
    start: c.evidence.start,
    end: c.evidence.end,
  }));
  const uniqueEvents = byKey(events, (e) => e.key);
  const uniqueClaims = byKey(claims, (c) => c.key);
  const params = {
    orgs: json(orgs),
    models: json(models),
    industries: json(industries),
    technologies: json(technologies),
    people: json(people),
    events: json(uniqueEvents),
    claims: json(uniqueClaims),
  };

  // 1. New entities without references (in key order), then the ones that reference organisations.
  //    DO NOTHING on a stored row: it is neither rewritten nor locked; step 3 merges it if needed.
  await q(
    `WITH o AS (
       INSERT INTO "Organization" (slug, "nameZh", "nameEn", aliases, kind, roles, status, "sourceUrl", "searchTerms")
       SELECT r.key, r."nameZh", r."nameEn", r.aliases, r.kind::"OrgKind", r.roles::"OrgRole"[], r.status::"EntityStatus",
              r."sourceUrl", array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($1::jsonb) AS r(${ORG_COLS}) ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ), i AS (
       INSERT INTO "Industry" (slug, "nameZh", "nameEn", aliases, "searchTerms")
       SELECT r.key, r."nameZh", r."nameEn", r.aliases, array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($2::jsonb) AS r(${INDUSTRY_COLS}) ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ), t AS (
       INSERT INTO "Technology" (slug, "nameZh", "nameEn", aliases)
       SELECT r.key, r."nameZh", r."nameEn", r.aliases
       FROM jsonb_to_recordset($3::jsonb) AS r(${TECH_COLS}) ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ) SELECT (SELECT count(*) FROM o) + (SELECT count(*) FROM i) + (SELECT count(*) FROM t) AS n`,
    [params.orgs, params.industries, params.technologies],
  );
  await q(
    `WITH m AS (
       INSERT INTO "Model" (slug, "nameZh", "nameEn", pinyin, aliases, "vendorId", family, version, status, "sourceUrl", "searchTerms")
       SELECT r.key, r."nameZh", r."nameEn", r.pinyin, r.aliases, ${MODEL_VENDOR},
              r.family, r.version, r.status::"EntityStatus", r."sourceUrl", array_to_tsvector(r.terms)
       FROM jsonb_to_recordset($1::jsonb) AS r(${MODEL_COLS}) ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ), p AS (
       INSERT INTO "Person" (slug, name, title, "organizationId")
       SELECT r.key, r.name, r.title, (SELECT o.id FROM "Organization" o WHERE o.slug = r."organizationKey")
       FROM jsonb_to_recordset($2::jsonb) AS r(${PERSON_COLS}) ORDER BY r.key
       ON CONFLICT (slug) DO NOTHING RETURNING 1
     ) SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM p) AS n`,
    [params.models, params.people],
  );
  // 2. Events and claims, one row per natural key.
  await q(
    `WITH e AS (
       INSERT INTO "Event" (key, type, date, precision, "dateInferred", "dateText", "modelId", "organizationId")
       SELECT r.key, r.type::"EventType", r.date, r.precision::"DatePrecision", r.inferred, r."dateText",
         (SELECT id FROM "Model" WHERE slug = r."modelKey"), (SELECT id FROM "Organization" WHERE slug = r."orgKey")
       FROM jsonb_to_recordset($1::jsonb) AS r(${EVENT_COLS}) ORDER BY r.key
       ON CONFLICT (key) DO NOTHING RETURNING 1
     ), c AS (
       INSERT INTO "Claim" (key, metric, value, unit, bound, "asOf", "asOfPrecision", "asOfInferred", "asOfText",
                            scope, "subjectModelId", "subjectOrganizationId", "statedById")
       SELECT r.key, r.metric, r.value, r.unit, r.bound::"ClaimBound", r."asOf", r.precision::"DatePrecision", r.inferred,
         r."asOfText", r.scope, (SELECT id FROM "Model" WHERE slug = r."modelKey"),
         (SELECT id FROM "Organization" WHERE slug = r."orgKey"), (SELECT id FROM "Organization" WHERE slug = r."statedBy")
       FROM jsonb_to_recordset($2::jsonb) AS r(${CLAIM_COLS}) ORDER BY r.key
       ON CONFLICT (key) DO NOTHING RETURNING 1
     ) SELECT (SELECT count(*) FROM e) + (SELECT count(*) FROM c) AS n`,
    [params.events, params.claims],
  );
  // 3. Merge into rows that were already stored (a later statement: it sees rows other
  //    transactions committed meanwhile). Rows whose merged value is unchanged are skipped.
  await q(
    `WITH o AS (${mergeSql("Organization", "o.slug = r.key", "$1", ORG_COLS, ORG_MERGE)} RETURNING 1),
          i AS (${mergeSql("Industry", "o.slug = r.key", "$2", INDUSTRY_COLS, INDUSTRY_MERGE)} RETURNING 1),
          t AS (${mergeSql("Technology", "o.slug = r.key", "$3", TECH_COLS, TECH_MERGE)} RETURNING 1)
     SELECT (SELECT count(*) FROM o) + (SELECT count(*) FROM i) + (SELECT count(*) FROM t) AS n`,
    [params.orgs, params.industries, params.technologies],
  );
  // Models and people read organisation ids, events and claims read model ids: a statement after the
  // organisation merge (one statement's CTEs share a snapshot).
  await q(
    `WITH m AS (${mergeSql("Model", "o.slug = r.key", "$1", MODEL_COLS, MODEL_MERGE)} RETURNING 1),
          p AS (${mergeSql("Person", "o.slug = r.key", "$2", PERSON_COLS, PERSON_MERGE)} RETURNING 1),
          e AS (${mergeSql("Event", "o.key = r.key", "$3", EVENT_COLS, EVENT_MERGE)} RETURNING 1),
          c AS (${mergeSql("Claim", "o.key = r.key", "$4", CLAIM_COLS, CLAIM_MERGE)} RETURNING 1)
     SELECT (SELECT count(*) FROM m) + (SELECT count(*) FROM p) + (SELECT count(*) FROM e) + (SELECT count(*) FROM c) AS n`,
    [params.models, params.people, params.events, params.claims],
  );

  // 4. This article's own rows: mentions, sources, links, quotes, industry and technology tags.
  const mentions = x.mentions.map((m) => ({
    kind: m.kind,
    key: m.key,
    text: m.text,
    start: m.start,
    end: m.end,
    sentence: m.evidence.sentence,
    sStart: m.evidence.start,
    sEnd: m.evidence.end,
  }));
  const quotes = x.people.map((p) => ({
    key: p.key,
    text: p.quote,
    sentence: p.evidence.sentence,
    start: p.evidence.start,
    end: p.evidence.end,
  }));
  const links = x.industryLinks.map((l) => ({
    industry: l.industryKey,
    model: l.modelKey,
    org: l.organizationKey,
    quote: l.evidence.sentence,
    start: l.evidence.start,
    end: l.evidence.end,
  }));
  await q(
    `WITH ai AS (
       INSERT INTO "ArticleIndustry" ("articleId", "industryId", "fromField", "fromBody")
       SELECT $1::int, i.id, r."from" IN ('field', 'both'), r."from" IN ('body', 'both')
       FROM jsonb_to_recordset($2::jsonb) AS r(key text, "from" text)
       JOIN "Industry" i ON i.slug = r.key
       ON CONFLICT DO NOTHING RETURNING 1
     ), at AS (
       INSERT INTO "ArticleTechnology" ("articleId", "technologyId")
       SELECT $1::int, t.id FROM jsonb_to_recordset($3::jsonb) AS r(key text)
       JOIN "Technology" t ON t.slug = r.key
       ON CONFLICT DO NOTHING RETURNING 1
     ), qu AS (
       INSERT INTO "Quote" ("personId", "articleId", text, sentence, "sentenceStart", "sentenceEnd")
       SELECT p.id, $1::int, r.text, r.sentence, r.start, r."end"
       FROM jsonb_to_recordset($4::jsonb) AS r(key text, text text, sentence text, start int, "end" int)
       JOIN "Person" p ON p.slug = r.key RETURNING 1
     ), me AS (
       INSERT INTO "Mention" ("articleId", kind, "modelId", "organizationId", "industryId", "technologyId", "personId",
                              text, start, "end", sentence, "sentenceStart", "sentenceEnd")
       SELECT $1::int, r.kind::"EntityKind",
         CASE WHEN r.kind = 'model' THEN (SELECT id FROM "Model" WHERE slug = r.key) END,
         CASE WHEN r.kind = 'organization' THEN (SELECT id FROM "Organization" WHERE slug = r.key) END,
         CASE WHEN r.kind = 'industry' THEN (SELECT id FROM "Industry" WHERE slug = r.key) END,
         CASE WHEN r.kind = 'technology' THEN (SELECT id FROM "Technology" WHERE slug = r.key) END,
         CASE WHEN r.kind = 'person' THEN (SELECT id FROM "Person" WHERE slug = r.key) END,
         r.text, r.start, r."end", r.sentence, r."sStart", r."sEnd"
       FROM jsonb_to_recordset($5::jsonb) AS r(kind text, key text, text text, start int, "end" int,
            sentence text, "sStart" int, "sEnd" int) RETURNING 1
     ), es AS (
       INSERT INTO "EventSource" ("eventId", "articleId", quote, "sentenceStart", "sentenceEnd")
       SELECT DISTINCT ON (e.id) e.id, $1::int, r.quote, r.start, r."end"
       FROM jsonb_to_recordset($6::jsonb) AS r(${EVENT_COLS}) JOIN "Event" e ON e.key = r.key
       ORDER BY e.id, r.start
       ON CONFLICT DO NOTHING RETURNING 1
     ), cs AS (
       INSERT INTO "ClaimSource" ("claimId", "articleId", quote, "sentenceStart", "sentenceEnd")
       SELECT DISTINCT ON (c.id) c.id, $1::int, r.quote, r.start, r."end"
       FROM jsonb_to_recordset($7::jsonb) AS r(${CLAIM_COLS}) JOIN "Claim" c ON c.key = r.key
       ORDER BY c.id, r.start
       ON CONFLICT DO NOTHING RETURNING 1
     ), il AS (
       INSERT INTO "IndustryLink" ("industryId", "modelId", "organizationId", "articleId", quote, "sentenceStart", "sentenceEnd")
       SELECT i.id, (SELECT id FROM "Model" WHERE slug = r.model), (SELECT id FROM "Organization" WHERE slug = r.org),
              $1::int, r.quote, r.start, r."end"
       FROM jsonb_to_recordset($8::jsonb) AS r(industry text, model text, org text, quote text, start int, "end" int)
       JOIN "Industry" i ON i.slug = r.industry RETURNING 1
     )
     SELECT (SELECT count(*) FROM ai) + (SELECT count(*) FROM at) + (SELECT count(*) FROM qu) + (SELECT count(*) FROM me)
          + (SELECT count(*) FROM es) + (SELECT count(*) FROM cs) + (SELECT count(*) FROM il) AS n`,
    [articleId, json(x.industries), json(x.technologies), json(quotes), json(mentions), json(events), json(claims), json(links)],
  );
}
