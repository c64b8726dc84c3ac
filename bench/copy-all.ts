// npx tsx bench/copy-all.ts [N]: the floor of storing everything the ingestion stores. Every row that
// `bench/ingest.ts N` left in moxing_bench_<N> (articles with their search vectors, entities, events,
// claims, mentions, sources, links, quotes, tags) is copied with COPY, table by table in foreign-key
// order, into a fresh migrated database, twice:
//   - "schema": as the ingestion writes, with every index, foreign key and trigger (counters, notify);
//   - "indexes": with triggers off (session_replication_role = replica: no foreign-key checks, no
//     counters), so only the heap and the indexes are written.
// No extraction, no merging, no statements per batch: what is left is what PostgreSQL must do to hold
// these rows in this schema. The rows are exported to files first (not timed), then each table is loaded
// with one COPY FROM STDIN on one connection. Writes bench/out/copy-all-<N>.json. Needs psql on PATH.
import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { copyFrom, dropDatabase, recreateDatabase, urlFor } from "./lib/pg";

const n = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10000);
const source = urlFor(`moxing_bench_${n}`);

// Kept by triggers from the rows below (migration *_counters): filled by the copy itself, not copied.
const DERIVED = new Set(["Tally", "IndustryModel", "IndustryOrganization"]);
const SKIPPED = new Set(["_prisma_migrations", "IngestRun", ...DERIVED]);

/** The tables to copy, parents before children, each with its stored (non-generated) columns. */
async function plan(url: string): Promise<{ table: string; columns: string[] }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)
    ).rows
      .map((r) => r.t)
      .filter((t) => !SKIPPED.has(t));
    const edges = (
      await c.query<{ child: string; parent: string }>(
        `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint WHERE contype = 'f'`,
      )
    ).rows.map((e) => ({ child: e.child.replace(/"/g, ""), parent: e.parent.replace(/"/g, "") }));
    const ordered: string[] = [];
    const visit = (t: string, seen: Set<string>) => {
      if (ordered.includes(t) || seen.has(t)) return;
      seen.add(t);
      for (const e of edges) if (e.child === t && e.parent !== t && tables.includes(e.parent)) visit(e.parent, seen);
      ordered.push(t);
    };
    for (const t of [...tables].sort()) visit(t, new Set());
    const out = [];
    for (const table of ordered) {
      const { rows } = await c.query<{ c: string }>(
        `SELECT column_name AS c FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
        [table],
      );
      out.push({ table, columns: rows.map((r) => r.c) });
    }
    return out;
  } finally {
    await c.end();
  }
}

/** The table's rows in COPY text format, in a file (not timed: reading the source is not the floor's work). */
function exportTable(table: string, columns: string[], file: string): Promise<void> {
  const cols = columns.map((c) => `"${c}"`).join(", ");
  return new Promise((resolve, reject) => {
    const out = spawn("psql", [source, "-qXc", `\\copy (SELECT ${cols} FROM "${table}" ORDER BY 1) TO '${file}'`], {
      stdio: "inherit",
    });
    out.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`export of ${table} exited ${code}`))));
  });
}

function* fileChunks(file: string, size = 1 << 20) {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(size);
    for (let read; (read = readSync(fd, buffer, 0, size, null)) > 0;) yield Buffer.from(buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
}

const tables = await plan(source);
const counts = new pg.Client({ connectionString: source });
await counts.connect();
const rows: Record<string, number> = {};
for (const { table } of tables)
  rows[table] = Number((await counts.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`)).rows[0].n);
await counts.end();

const dir = mkdtempSync(path.join(os.tmpdir(), "moxing-copyall-"));
for (const { table, columns } of tables) await exportTable(table, columns, path.join(dir, `${table}.copy`));

const runs: Record<string, unknown> = {};
for (const variant of ["schema", "indexes"] as const) {
  const name = `moxing_bench_${n}_copyall`;
  const target = await recreateDatabase(name);
  await (await openDatabase({ url: target })).close();
  const client = new pg.Client({
    connectionString: target,
    ...(variant === "indexes" ? { options: "-c session_replication_role=replica" } : {}),
  });
  await client.connect();
  const perTable: Record<string, number> = {};
  let total = 0;
  for (const { table, columns } of tables) {
    const started = performance.now();
    // one COPY per table, in its own transaction (autocommit), as a bulk load would
    await copyFrom(
      client,
      `COPY "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) FROM STDIN`,
      fileChunks(path.join(dir, `${table}.copy`)),
    );
    const s = (performance.now() - started) / 1000;
    perTable[table] = +s.toFixed(2);
    total += s;
  }
  await client.end();
  runs[variant] = { seconds: +total.toFixed(1), articlesPerSecond: Math.round(rows.Article / total), perTable };
  console.log(
    JSON.stringify({ variant, seconds: +total.toFixed(1), articlesPerSecond: Math.round(rows.Article / total) }),
  );
  await dropDatabase(name);
}

rmSync(dir, { recursive: true, force: true });
const result = {
  n,
  date: new Date().toISOString(),
  cores: os.availableParallelism(),
  loadAverage: os.loadavg().map((l) => +l.toFixed(1)),
  rows,
  runs,
};
writeFileSync(path.join("bench", "out", `copy-all-${n}.json`), JSON.stringify(result, null, 2));
console.log(
  JSON.stringify({
    n,
    rows: Object.values(rows).reduce((a, b) => a + b, 0),
    runs: Object.fromEntries(
      Object.entries(runs).map(([k, v]) => [k, (v as { articlesPerSecond: number }).articlesPerSecond]),
    ),
  }),
);
