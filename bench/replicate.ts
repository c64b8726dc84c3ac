// npx tsx bench/replicate.ts <from N> <times>: makes moxing_bench_<N*times> from moxing_bench_<N> by
// copying every article (times - 1) more times under new links (…#copy-k), with all its mentions,
// sources, links, quotes and tags. Entities, events and claims are shared, as when many outlets
// reprint the same news: event and claim rows stay put, their sources multiply. Secondary indexes
// are dropped for the copy and rebuilt after it (the usual bulk-load practice), the trigger-kept
// counters recomputed, then ANALYZE.
import pg from "pg";
import { ARTICLE_CHILD_TABLES } from "@/lib/db/tables";
import { ADMIN_URL, urlFor } from "./lib/pg";

const [from = 10_000, times = 10] = process.argv
  .slice(2)
  .filter((a) => a !== "--")
  .map(Number);
const source = `moxing_bench_${from}`;
const target = `moxing_bench_${from * times}`;

const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${target}" WITH (FORCE)`);
await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [source]);
await admin.query(`CREATE DATABASE "${target}" TEMPLATE "${source}"`);
await admin.end();

const db = new pg.Client({ connectionString: urlFor(target) });
await db.connect();
const t0 = performance.now();
const step = async (label: string, sql: string) => {
  const s = performance.now();
  const r = await db.query(sql);
  console.log(`${label}: ${((performance.now() - s) / 1000).toFixed(1)} s${r.rowCount ? ` (${r.rowCount} rows)` : ""}`);
};

const CHILD_TABLES: readonly string[] = ARTICLE_CHILD_TABLES;
await db.query(`SET maintenance_work_mem = '512MB'`);
// FK checks are skipped for the copy (it copies rows that already satisfy them)
await db.query(`SET session_replication_role = replica`);
const { rows: indexes } = await db.query<{ indexname: string; indexdef: string }>(
  `SELECT i.indexname, i.indexdef FROM pg_indexes i
   JOIN pg_class c ON c.relname = i.indexname
   JOIN pg_index x ON x.indexrelid = c.oid
   WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisunique AND NOT x.indisprimary`,
  [["Article", ...CHILD_TABLES]],
);
for (const i of indexes) await db.query(`DROP INDEX "${i.indexname}"`);

await step(
  "article map",
  `CREATE TEMP TABLE amap AS
   SELECT a.id AS old, k, nextval('"Article_id_seq"')::int AS new FROM "Article" a, generate_series(1, ${times - 1}) k`,
);
await step(
  "articles",
  `INSERT INTO "Article" (id, url, title, body, "rawBody", keywords, technologies, industries, "eventSummary", "extraFields",
     byline, "photoCredits", "contentHash", "sourceFile", "firstIngestedAt", "lastIngestedAt", "searchTerms")
   SELECT m.new, a.url || '#copy-' || m.k, a.title, a.body, a."rawBody", a.keywords, a.technologies, a.industries,
     a."eventSummary", a."extraFields", a.byline, a."photoCredits", a."contentHash", 'copy-' || m.k || '-' || a."sourceFile",
     a."firstIngestedAt", a."lastIngestedAt", a."searchTerms"
   FROM amap m JOIN "Article" a ON a.id = m.old`,
);
const copy = async (table: string, cols: string[]) => {
  const list = cols.map((c) => `"${c}"`).join(", ");
  await step(
    table,
    `INSERT INTO "${table}" ("articleId", ${list}) SELECT m.new, ${cols.map((c) => `x."${c}"`).join(", ")}
     FROM amap m JOIN "${table}" x ON x."articleId" = m.old`,
  );
};
await copy("Mention", [
  "kind",
  "modelId",
  "organizationId",
  "industryId",
  "technologyId",
  "personId",
  "text",
  "start",
  "end",
  "sentence",
  "sentenceStart",
  "sentenceEnd",
]);
await copy("EventSource", ["eventId", "quote", "sentenceStart", "sentenceEnd"]);
await copy("ClaimSource", ["claimId", "quote", "sentenceStart", "sentenceEnd"]);
await copy("IndustryLink", ["industryId", "modelId", "organizationId", "quote", "sentenceStart", "sentenceEnd"]);
await copy("ArticleIndustry", ["industryId", "fromField", "fromBody"]);
await copy("ArticleTechnology", ["technologyId"]);
await copy("Quote", ["personId", "text", "sentence", "sentenceStart", "sentenceEnd"]);

for (const i of indexes) await step(`index ${i.indexname}`, i.indexdef);
// the counter triggers did not fire for the copy (replica role): recompute every counter once
await db.query(`SET session_replication_role = origin`);
await step("counters", `SELECT moxing_recount()`);
await step("analyze", `ANALYZE`);
const { rows } = await db.query<{ n: number; size: string }>(
  `SELECT count(*)::int n, pg_size_pretty(pg_database_size(current_database())) size FROM "Article"`,
);
console.log(`${target}: ${rows[0].n} articles, ${rows[0].size}, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
await db.end();
