// One owner per embedded data directory: other processes reach the database through the owner's
// socket, never by opening the directory themselves (which corrupts it).
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { claimDataDir, readOwner, runDirFor, serveOwnerSocket } from "@/lib/db/embedded-owner";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { writeCorpus } from "../../bench/corpus";
import { contentChecksum } from "../support/db-checksum";
import { runIngestCli } from "../support/reliability";

const FIXTURES = path.join(process.cwd(), "tests", "fixtures", "articles");
const EMBEDDED = { DATABASE_URL: "", DATABASE_READ_URL: "" };

let root: string;
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "moxing-owner-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dirs = 0;
/** A migrated embedded data directory of this test's own. */
function dataDir(): string {
  const dir = path.join(root, `db${++dirs}`, "pglite");
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  return dir;
}

/** What one clean, in-process ingestion of these inputs leaves. */
async function cleanChecksum(inputs: string[]) {
  const handle = await openDatabase({ url: null, dataDir: dataDir() });
  try {
    await ingestFiles(handle.prisma, await listArticleFiles(inputs));
    return await contentChecksum(handle.sql);
  } finally {
    await handle.close();
  }
}

async function checksumOf(dir: string) {
  const handle = await openDatabase({ url: null, dataDir: dir });
  try {
    expect(handle.embedded?.owner).toBe("self");
    return await contentChecksum(handle.sql);
  } finally {
    await handle.close();
  }
}

describe("the lock on an embedded data directory", () => {
  it("is held by the first process; a second claim names the owner", () => {
    const dir = dataDir();
    const first = claimDataDir(dir);
    expect(first.owned).toBe(true);
    const second = claimDataDir(dir);
    expect(second.owned).toBe(false);
    if (!second.owned) expect(second.owner.pid).toBe(process.pid);
    if (first.owned) first.release();
    expect(readOwner(dir)).toBeNull();
  });

  it("left by a process that is gone is cleared, and the directory claimed", async () => {
    const dir = dataDir();
    // a child takes the lock and dies without releasing it
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "-e",
        `import("@/lib/db/embedded-owner").then(m => { m.claimDataDir(${JSON.stringify(dir)}); process.exit(0); })`,
      ],
      {
        cwd: process.cwd(),
        stdio: "ignore",
      },
    );
    await new Promise((r) => child.on("exit", r));
    expect(readOwner(dir)?.pid).toBe(child.pid);
    const claim = claimDataDir(dir);
    expect(claim.owned).toBe(true);
    if (claim.owned) claim.release();
  });
});

describe("the owner's socket", () => {
  let owner: DbHandle;
  let dir: string;
  beforeAll(async () => {
    dir = dataDir();
    owner = await openDatabase({ url: null, dataDir: dir });
  });
  afterAll(() => owner.close());

  it("is published in the lock, and another process's ingestion through it is seen by the owner at once", async () => {
    expect(owner.embedded?.owner).toBe("self");
    expect(readOwner(dir)?.socketDir).toBe(owner.embedded?.socketDir);
    let notified = 0;
    const stop = await owner.listen(
      "moxing_data_changed",
      () => notified++,
      () => {},
    );
    const run = await runIngestCli([FIXTURES], { ...EMBEDDED, MOXING_DATA_DIR: dir }).done;
    await stop();
    expect(run.code, run.stderr).toBe(0);
    const files = (await listArticleFiles([FIXTURES])).length;
    expect(run.stdout).toContain(`${files} new, 0 updated, 0 unchanged, 0 rejected`);
    expect(await owner.prisma.article.count()).toBe(files);
    expect(notified).toBeGreaterThan(0);
  });

  it("keeps a client's open transaction apart from the owner's own queries", async () => {
    const client = new pg.Client({ host: owner.embedded!.socketDir!, user: "postgres", database: "postgres" });
    await client.connect();
    try {
      const before = await owner.prisma.ingestRun.count();
      await client.query("BEGIN");
      await client.query(`INSERT INTO "IngestRun" (source, files) VALUES ('socket-test', 0)`);
      let done = false;
      const counting = owner.prisma.ingestRun.count().then((n) => ((done = true), n));
      await new Promise((r) => setTimeout(r, 300));
      expect(done).toBe(false); // waits for the client's transaction instead of reading inside it
      await client.query("ROLLBACK");
      expect(await counting).toBe(before);
    } finally {
      await client.end();
    }
  });
});

describe("a client idle inside a transaction", () => {
  it("is rolled back and disconnected, and the database is free again", async () => {
    const db = new PGlite(); // in memory: the gate does not care where the data lives
    await db.waitReady;
    const sock = await serveOwnerSocket(db, mkdtempSync(path.join(root, "sock-")), { idleMs: 300 });
    try {
      await db.exec("CREATE TABLE t (x int)");
      const client = new pg.Client({ host: sock.socketDir, user: "postgres", database: "postgres" });
      client.on("error", () => {});
      await client.connect();
      await client.query("BEGIN");
      await client.query("INSERT INTO t VALUES (1)");
      const ended = new Promise<void>((r) => client.on("end", () => r()));
      // the owner's own query waits only until the idle limit, then runs outside the abandoned transaction
      expect((await db.query<{ n: number }>("SELECT count(*)::int n FROM t")).rows[0].n).toBe(0);
      await ended;
    } finally {
      await sock.close(0);
      await db.close();
    }
  });
});

describe("several processes on one embedded data directory", () => {
  const corpus = () => {
    const dir = path.join(root, "corpus");
    if (!existsSync(dir)) writeCorpus(dir, 60, { seed: 4242 });
    return dir;
  };

  it(
    "two ingestion CLIs at once leave exactly the database one clean ingestion leaves",
    { timeout: 300_000 },
    async () => {
      const dir = dataDir();
      const [a, b] = [
        runIngestCli([corpus()], { ...EMBEDDED, MOXING_DATA_DIR: dir }),
        runIngestCli([FIXTURES, corpus()], { ...EMBEDDED, MOXING_DATA_DIR: dir }),
      ];
      const [ra, rb] = [await a.done, await b.done];
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      expect(readOwner(dir)).toBeNull(); // both finished and let go
      expect(await checksumOf(dir)).toEqual(await cleanChecksum([FIXTURES, corpus()]));
    },
  );

  it(
    "an owner killed with SIGKILL midway, then a restart, leaves exactly what one clean ingestion leaves",
    { timeout: 300_000 },
    async () => {
      const dir = dataDir();
      const run = runIngestCli([corpus()], { ...EMBEDDED, MOXING_DATA_DIR: dir });
      let out = "";
      run.child.stdout!.on("data", (d) => (out += d));
      for (let i = 0; i < 2400 && run.child.exitCode === null && (out.match(/^created/gm)?.length ?? 0) < 15; i++) {
        await new Promise((r) => setTimeout(r, 25));
      }
      process.kill(run.child.pid!, "SIGKILL");
      expect((await run.done).signal).toBe("SIGKILL");
      expect(JSON.parse(readFileSync(path.join(runDirFor(dir), "owner.json"), "utf8")).pid).toBe(run.child.pid);

      const rerun = await runIngestCli([corpus()], { ...EMBEDDED, MOXING_DATA_DIR: dir }).done;
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toMatch(/ 0 rejected/);
      expect(await checksumOf(dir)).toEqual(await cleanChecksum([corpus()]));
    },
  );
});
