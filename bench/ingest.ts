// npx tsx bench/ingest.ts <N> [--concurrency C]: ingests the synthetic corpus of N articles into a
// fresh PostgreSQL database (moxing_bench_<N>) and loads the same article rows with COPY into
// another (moxing_bench_<N>_floor). Prints one JSON line; also writes bench/out/ingest-<N>.json.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { analyseFile, ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { writeCorpus } from "./corpus";
import { mb, sampleRss, vmHwmBytes } from "./lib/memory";
import { copyFrom, copyValue, recreateDatabase } from "./lib/pg";

const args = process.argv.slice(2).filter((a) => a !== "--");
const opt = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const concurrency = opt("--concurrency", 2);
const workers = opt("--workers", Math.max(1, os.availableParallelism() - 1));
const n = Number(args[0] ?? 1000);
const keep = process.env.BENCH_KEEP === "1";

const corpus = path.join("bench", "out", `corpus-${n}`);
if (!existsSync(corpus) || readdirSync(corpus).filter((f) => f.endsWith(".txt")).length !== n) writeCorpus(corpus, n);
const files = await listArticleFiles([corpus]);

// 1. The ingestion, as `npm run ingest` runs it (batches of 32, two in flight on PostgreSQL).
const dbName = `moxing_bench_${n}`;
const url = await recreateDatabase(dbName);
const handle = await openDatabase({ url, poolSize: Math.max(concurrency + 1, 4) });
const rss = sampleRss(50);
const cpu0 = process.cpuUsage();
const started = performance.now();
// With --expose-gc (bench/run.ts passes it): heap and RSS after a full GC at every tenth of the run,
// the memory that is really held (RSS alone also counts garbage V8 has not collected yet).
const gc = (globalThis as { gc?: () => void }).gc;
const afterGc: { files: number; heapMb: number; rssMb: number }[] = [];
let done = 0;
const summary = await ingestFiles(handle.prisma, files, {
  concurrency,
  workers,
  source: "bench",
  onFile: () => {
    if (gc && ++done % Math.ceil(n / 10) === 0) {
      gc();
      afterGc.push({ files: done, heapMb: mb(process.memoryUsage().heapUsed), rssMb: mb(process.memoryUsage.rss()) });
    }
  },
});
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const peak = rss.stop().peak;
const hwm = vmHwmBytes();
// CPU the database server spent: the pool's backends (alive until close), from /proc.
const pgCpuSeconds = await backendCpuSeconds(handle.sql, dbName);
const counts = (
  await handle.sql.query<{ t: string; n: string }>(
    `SELECT 'articles' t, count(*)::text n FROM "Article" UNION ALL SELECT 'models', count(*)::text FROM "Model"
     UNION ALL SELECT 'organizations', count(*)::text FROM "Organization" UNION ALL SELECT 'events', count(*)::text FROM "Event"
     UNION ALL SELECT 'claims', count(*)::text FROM "Claim" UNION ALL SELECT 'mentions', count(*)::text FROM "Mention"
     UNION ALL SELECT 'people', count(*)::text FROM "Person"`,
  )
).rows.reduce<Record<string, number>>((o, r) => ({ ...o, [r.t]: Number(r.n) }), {});
await handle.close();

// 2. Extraction's share: the same read -> parse -> clean -> extract, alone, on this one thread.
const analysed = [];
const t0 = performance.now();
for (const f of files) {
  const a = analyseFile(f, readFileSync(f));
  if (a.ok) analysed.push(a.analysed);
}
const analyseSeconds = (performance.now() - t0) / 1000;

// 3. The floor: the same Article rows (as stored: cleaned body, raw body, lists, hash...) loaded
//    with one COPY FROM STDIN into a fresh migrated database; no extraction, no derived rows.
const floorName = `moxing_bench_${n}_floor`;
const floorUrl = await recreateDatabase(floorName);
await (await openDatabase({ url: floorUrl })).close();
const cols = [
  "url",
  "title",
  "body",
  "rawBody",
  "keywords",
  "technologies",
  "industries",
  "eventSummary",
  "extraFields",
  "byline",
  "photoCredits",
  "contentHash",
  "sourceFile",
];
const lines = analysed.map(
  (a) =>
    [
      a.article.url,
      a.article.title,
      a.cleaned.body,
      a.article.body,
      a.article.keywords,
      a.article.technologies,
      a.article.industries,
      a.article.eventSummary,
      a.article.extra,
      a.cleaned.byline,
      a.cleaned.photoCredits,
      a.contentHash,
      a.sourceFile,
    ]
      .map(copyValue)
      .join("\t") + "\n",
);
const client = new pg.Client({ connectionString: floorUrl });
await client.connect();
const f0 = performance.now();
const copied = await copyFrom(
  client,
  `COPY "Article" (${cols.map((c) => `"${c}"`).join(", ")}) FROM STDIN`,
  batches(lines, 256),
);
const floorSeconds = (performance.now() - f0) / 1000;
await client.end();

async function backendCpuSeconds(sql: { query: <T>(q: string, p?: unknown[]) => Promise<{ rows: T[] }> }, db: string) {
  const { rows } = await sql.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [db]);
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14, 15 of stat)
    } catch {
      // not on this machine (remote server) or gone
    }
  }
  return ticks / 100;
}

function* batches(xs: string[], size: number) {
  for (let i = 0; i < xs.length; i += size) yield xs.slice(i, i + size).join("");
}

const result = {
  n,
  concurrency,
  workers,
  loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
  created: summary.created,
  rejected: summary.rejected,
  seconds: +seconds.toFixed(2),
  articlesPerSecond: Math.round(summary.created / seconds),
  peakRssMb: mb(peak),
  afterGc,
  vmHwmMb: hwm === null ? null : mb(hwm),
  nodeCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2),
  pgCpuSeconds: +pgCpuSeconds.toFixed(2),
  cpuMsPerArticle: +((((cpu.user + cpu.system) / 1e6 + pgCpuSeconds) * 1000) / summary.created).toFixed(2),
  // what the CPU cost allows when the machine's cores are ours alone (the run shares them)
  cpuBoundArticlesPerSecond: Math.round(
    summary.created / (((cpu.user + cpu.system) / 1e6 + pgCpuSeconds) / os.availableParallelism()),
  ),
  analyseSeconds: +analyseSeconds.toFixed(2),
  extractionShare: +(analyseSeconds / seconds).toFixed(2),
  floor: { rows: copied, seconds: +floorSeconds.toFixed(3), articlesPerSecond: Math.round(copied / floorSeconds) },
  ratioToFloor: +(seconds / floorSeconds).toFixed(1),
  counts,
};
writeFileSync(path.join("bench", "out", `ingest-${n}.json`), JSON.stringify(result, null, 2));
console.log(JSON.stringify(result));
if (!keep) {
  const { dropDatabase } = await import("./lib/pg");
  await dropDatabase(floorName);
}
