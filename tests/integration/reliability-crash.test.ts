import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { writeCorpus } from "../../bench/corpus";
import { contentChecksum } from "../support/db-checksum";
import { runIngestCli, siblingDatabase } from "../support/reliability";

const FILES = 160;

async function articleCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query(`SELECT count(*)::int n FROM "Article"`)).rows[0].n);
  } finally {
    await c.end();
  }
}

// kill -9 in the middle of a large ingestion, then a rerun.
describe.skipIf(!process.env.DATABASE_URL)("an ingestion killed midway, then run again", () => {
  let dir: string;
  const dbs: Awaited<ReturnType<typeof siblingDatabase>>[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-crash-"));
    writeCorpus(dir, FILES, { seed: 777 });
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leaves exactly the database that one clean ingestion leaves", { timeout: 300_000 }, async () => {
    const [crashed, clean] = [await siblingDatabase("crash_a"), await siblingDatabase("crash_b")];
    dbs.push(crashed, clean);

    const run = runIngestCli([dir], { DATABASE_URL: crashed.url });
    let atKill = 0;
    for (let i = 0; i < 1200 && run.child.exitCode === null; i++) {
      atKill = await articleCount(crashed.url);
      if (atKill >= FILES / 4) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    process.kill(run.child.pid!, "SIGKILL");
    const killed = await run.done;
    expect(killed.signal).toBe("SIGKILL");
    const left = await articleCount(crashed.url);
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThan(FILES);

    const rerun = await runIngestCli([dir], { DATABASE_URL: crashed.url }).done;
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`${FILES - left} new, 0 updated, ${left} unchanged, 0 rejected`));
    const once = await runIngestCli([dir], { DATABASE_URL: clean.url }).done;
    expect(once.code, once.stderr).toBe(0);

    const [hc, h1] = [await openDatabase({ url: crashed.url }), await openDatabase({ url: clean.url })];
    try {
      const [cc, c1] = [await contentChecksum(hc.sql), await contentChecksum(h1.sql)];
      expect(cc.Article.rows).toBe(FILES);
      const differing = Object.keys(c1).filter((t) => JSON.stringify(c1[t]) !== JSON.stringify(cc[t]));
      expect(differing).toEqual([]);
      // the killed run is on record as never finished
      const runs = await hc.prisma.ingestRun.findMany({ orderBy: { id: "asc" } });
      expect(runs.map((r) => r.finishedAt === null)).toEqual([true, false]);
    } finally {
      await hc.close();
      await h1.close();
    }
  });
});
