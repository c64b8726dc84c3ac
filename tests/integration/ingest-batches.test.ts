import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { writeCorpus } from "../../bench/corpus";
import { contentChecksum } from "../support/db-checksum";
import { backends, freshDatabase } from "../support/test-db";

// The ingestion stores articles in batches, one transaction each, merging the batch's records of
// shared rows (the same vendor, event or claim from many articles) statement by statement. Whatever
// the batch size and file order, the database must be the one that storing one article at a time
// leaves, including after edits that re-derive articles and drop orphans.
describe.each(backends())("storing articles in batches (%s)", (backend) => {
  let dir: string;
  let files: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-batches-"));
    writeCorpus(dir, 60, { seed: 977 });
    cpSync(path.join(process.cwd(), "seeds"), path.join(dir, "seeds"), { recursive: true });
    files = await listArticleFiles([dir]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Every fifth synthetic article loses its second line of body text (or gets it back). */
  const originals = new Map<string, string>();
  const edit = (undo: boolean) => {
    for (const name of readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .filter((_, i) => i % 5 === 0)) {
      const file = path.join(dir, name);
      if (undo) {
        writeFileSync(file, originals.get(file)!);
        continue;
      }
      const text = readFileSync(file, "utf8");
      originals.set(file, text);
      writeFileSync(file, text.replace(/^(总结: [^\n]*\n)[^\n]*\n/m, "$1"));
    }
  };

  async function ingestTwice(batchSize: number, order: (fs: string[]) => string[]) {
    const db = await freshDatabase(backend);
    try {
      const first = await ingestFiles(db.prisma, order(files), { batchSize, concurrency: 2 });
      edit(false);
      const second = await ingestFiles(db.prisma, order(files), { batchSize, concurrency: 2 });
      edit(true);
      return { first, second, checksum: await contentChecksum(db.sql) };
    } finally {
      await db.close();
    }
  }

  it("leaves the rows that storing one article at a time leaves", { timeout: 300_000 }, async () => {
    const one = await ingestTwice(1, (fs) => fs);
    const batched = await ingestTwice(16, (fs) => [...fs].reverse());
    expect(one.first).toMatchObject({ created: 61, rejected: 0 });
    expect(one.second).toMatchObject({ updated: 12, unchanged: 49, rejected: 0 });
    expect(batched.first).toMatchObject(one.first);
    expect(batched.second).toMatchObject(one.second);
    const differing = Object.keys(one.checksum).filter(
      (t) => JSON.stringify(one.checksum[t]) !== JSON.stringify(batched.checksum[t]),
    );
    expect(differing).toEqual([]);
    expect(one.checksum.Mention.rows).toBeGreaterThan(1000);
  });
});
