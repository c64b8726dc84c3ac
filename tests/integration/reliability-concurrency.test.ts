import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { writeCorpus } from "../../bench/corpus";
import { contentChecksum } from "../support/db-checksum";
import { runIngestCli, siblingDatabase } from "../support/reliability";

// Two `npm run ingest` of the same folder at the same time, against one PostgreSQL database.
describe.skipIf(!process.env.DATABASE_URL)("two ingestions of the same folder at the same time", () => {
  let dir: string;
  const dbs: Awaited<ReturnType<typeof siblingDatabase>>[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-concurrent-"));
    writeCorpus(dir, 80, { seed: 4242 });
    cpSync(path.join(process.cwd(), "seeds"), path.join(dir, "seeds"), { recursive: true });
  });
  afterAll(async () => {
    for (const db of dbs) await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("leave exactly the database that one ingestion leaves", { timeout: 300_000 }, async () => {
    const [twice, once] = [await siblingDatabase("concurrent_a"), await siblingDatabase("concurrent_b")];
    dbs.push(twice, once);

    const [a, b] = [runIngestCli([dir], { DATABASE_URL: twice.url }), runIngestCli([dir], { DATABASE_URL: twice.url })];
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.code, rb.code], ra.stderr + rb.stderr).toEqual([0, 0]);
    const single = await runIngestCli([dir], { DATABASE_URL: once.url }).done;
    expect(single.code, single.stderr).toBe(0);

    const [h2, h1] = [await openDatabase({ url: twice.url }), await openDatabase({ url: once.url })];
    try {
      const [c2, c1] = [await contentChecksum(h2.sql), await contentChecksum(h1.sql)];
      expect(c2.Article.rows).toBe(81);
      const differing = Object.keys(c1).filter((t) => JSON.stringify(c1[t]) !== JSON.stringify(c2[t]));
      expect(differing).toEqual([]);
      // between them the two runs stored each article once and found it already there once
      const runs = await h2.prisma.ingestRun.findMany();
      expect(runs.reduce((n, r) => n + r.created, 0)).toBe(81);
      expect(runs.reduce((n, r) => n + r.unchanged, 0)).toBe(81);
      expect(runs.every((r) => r.rejected === 0 && r.finishedAt)).toBe(true);
    } finally {
      await h2.close();
      await h1.close();
    }
  });
});
