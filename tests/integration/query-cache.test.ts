// The query helpers' results kept between writes (lib/db/query-cache.ts): every table notifies on
// write, a kept result is served until a write from another connection, and nothing is kept while
// the server cannot listen for those notifications.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import pg from "pg";
import { CHANGE_CHANNEL, queryCacheStatus, stopQueryCache } from "@/lib/db/query-cache";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { countArticles, listArticles } from "@/lib/queries/articles";
import { syntheticArticle } from "../../bench/corpus";
import { siblingDatabase } from "../support/reliability";
import { backends, freshDatabase, primaryBackend, type Backend } from "../support/test-db";
import { releaseDatabase, useDatabase } from "../support/use-db";

const seeds = path.join(process.cwd(), "seeds");
const listening = () => expect.poll(() => queryCacheStatus().listening, { timeout: 10_000 }).toBe(true);

/** A folder holding synthetic article i, to ingest as another writer would. */
function articleDir(dir: string, i: number): string {
  const sub = mkdtempSync(path.join(dir, `${i}-`));
  writeFileSync(path.join(sub, "a.txt"), syntheticArticle(i).text);
  return sub;
}

const titleOf = (i: number) => /^标题: (.+)$/m.exec(syntheticArticle(i).text)![1];

function useCache(setting: "on" | "off") {
  const saved = process.env.MOXING_QUERY_CACHE;
  beforeAll(() => {
    process.env.MOXING_QUERY_CACHE = setting;
  });
  afterAll(async () => {
    await stopQueryCache();
    if (saved === undefined) delete process.env.MOXING_QUERY_CACHE;
    else process.env.MOXING_QUERY_CACHE = saved;
  });
}

/** A fresh database that the query helpers read, with the seed in it, and a scratch folder, for one describe. */
function useSeededDatabase(backend: Backend = primaryBackend): { db: DbHandle; dir: string } {
  const setup = {} as { db: DbHandle; dir: string };
  beforeAll(async () => {
    setup.db = await freshDatabase(backend);
    useDatabase(setup.db);
    await ingestFiles(setup.db.prisma, await listArticleFiles([seeds]));
    setup.dir = mkdtempSync(path.join(os.tmpdir(), "moxing-cache-"));
  });
  afterAll(async () => {
    releaseDatabase();
    await setup.db?.close();
    if (setup.dir) rmSync(setup.dir, { recursive: true, force: true });
  });
  return setup;
}

describe.each(backends())("query results kept between writes on %s", (backend) => {
  useCache("on");
  const setup = useSeededDatabase(backend);

  it("every table has its notify trigger", async () => {
    const { rows } = await setup.db.sql.query<{ table: string; triggers: number }>(`
      SELECT c.relname AS "table", count(t.oid)::int AS triggers
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = c.relname || '_notify'
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
      GROUP BY c.relname`);
    expect(rows.map((r) => r.table)).toEqual(
      expect.arrayContaining(["Article", "Mention", "Event", "Claim", "Tally", "IngestRun"]),
    );
    expect(rows.filter((r) => r.triggers !== 1)).toEqual([]);
  });

  it("serves a kept, frozen result until another writer commits, then reads again", async () => {
    await listArticles({}); // the first call starts listening and is read, not kept
    await listening();
    const first = await listArticles({});
    expect(await listArticles({})).toBe(first);
    expect(first.items).toHaveLength(1);
    expect(Object.isFrozen(first.items[0])).toBe(true);
    expect(() => (first.items as unknown[]).push(null)).toThrow(TypeError);
    expect(await countArticles({})).toBe(1);

    // another writer: a second connection on PostgreSQL (as the CLI is), the same PGlite otherwise
    const generation = queryCacheStatus().generation;
    const other = backend === "postgres" ? await openDatabase({ url: process.env.DATABASE_URL }) : setup.db;
    try {
      await ingestFiles(other.prisma, await listArticleFiles([articleDir(setup.dir, 1)]));
    } finally {
      if (other !== setup.db) await other.close();
    }
    await expect.poll(() => queryCacheStatus().generation).toBeGreaterThan(generation);
    const after = await listArticles({});
    expect(after).not.toBe(first);
    expect(after.items.map((a) => a.title)).toContain(titleOf(1));
    expect(await countArticles({})).toBe(2);
  });

  it("does not notify for a transaction that rolls back", async () => {
    await listening();
    const kept = await countArticles({});
    const generation = queryCacheStatus().generation;
    await setup.db.session(async (sql) => {
      await sql.exec("BEGIN");
      await sql.exec(`UPDATE "Article" SET title = title || ' (edited)'`);
      await sql.exec("ROLLBACK");
    });
    // a committed write after it is the fence: its notification comes after any earlier one
    await setup.db.sql.exec(`INSERT INTO "IngestRun" (source) VALUES ('test')`);
    await expect.poll(() => queryCacheStatus().generation).toBe(generation + 1);
    expect(await countArticles({})).toBe(kept);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("query results when the server cannot listen (PostgreSQL)", () => {
  useCache("on");
  const setup = useSeededDatabase("postgres");

  it("drops everything when its connection is lost, reads the database meanwhile, and keeps again once back", async () => {
    await countArticles({});
    await listening();
    const before = await listArticles({});
    expect(await listArticles({})).toBe(before);

    // the listening session ends (a restart, a failover, an administrator), and a write follows
    // while nobody listens
    const { rows } = await setup.db.sql.query<{ ended: boolean }>(
      `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
       WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
    );
    expect(rows).toEqual([{ ended: true }]);
    await ingestFiles(setup.db.prisma, await listArticleFiles([articleDir(setup.dir, 2)]));
    await expect.poll(() => queryCacheStatus().entries).toBe(0);

    await listening();
    const after = await listArticles({});
    expect(after).not.toBe(before);
    expect(after.items.map((a) => a.title)).toContain(titleOf(2));
    expect(await listArticles({})).toBe(after);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("DATABASE_LISTEN_URL (PostgreSQL)", () => {
  let elsewhere: Awaited<ReturnType<typeof siblingDatabase>>;
  const saved = process.env.DATABASE_LISTEN_URL;
  useCache("on");
  useSeededDatabase("postgres");

  beforeAll(async () => {
    elsewhere = await siblingDatabase("listen");
    process.env.DATABASE_LISTEN_URL = elsewhere.url;
  });
  afterAll(async () => {
    await stopQueryCache();
    if (saved === undefined) delete process.env.DATABASE_LISTEN_URL;
    else process.env.DATABASE_LISTEN_URL = saved;
    await elsewhere?.drop();
  });

  it("is where the server listens for changes", async () => {
    await countArticles({});
    await listening();
    const generation = queryCacheStatus().generation;
    const other = new pg.Client({ connectionString: elsewhere.url });
    await other.connect();
    try {
      await other.query(`NOTIFY ${CHANGE_CHANNEL}`);
    } finally {
      await other.end();
    }
    await expect.poll(() => queryCacheStatus().generation).toBe(generation + 1);
  });
});

describe("query results with MOXING_QUERY_CACHE=off", () => {
  useCache("off");
  useSeededDatabase();
  afterEach(() => expect(queryCacheStatus()).toMatchObject({ enabled: false, listening: false, entries: 0 }));

  it("reads the database on every call", async () => {
    const first = await listArticles({});
    expect(await listArticles({})).not.toBe(first);
    expect(await listArticles({})).toEqual(first);
  });
});
