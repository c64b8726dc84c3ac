import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb, getWriteDb, openDatabase } from "@/lib/db/client";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { listArticles } from "@/lib/queries/articles";
import { syntheticArticle } from "../../bench/corpus";
import { siblingDatabase } from "../support/reliability";

// DATABASE_READ_URL: the query helpers read from the replica, writers use the primary.
describe.skipIf(!process.env.DATABASE_URL)("a read replica configured with DATABASE_READ_URL", () => {
  const saved = { url: process.env.DATABASE_URL, read: process.env.DATABASE_READ_URL };
  let primary: Awaited<ReturnType<typeof siblingDatabase>>;
  let replica: Awaited<ReturnType<typeof siblingDatabase>>;
  let dir: string;

  beforeAll(async () => {
    [primary, replica] = [await siblingDatabase("primary"), await siblingDatabase("replica")];
    // different content, so that where a read comes from shows: the seed on the primary, a
    // synthetic article on the "replica" (a real replica would lag behind the primary instead)
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-replica-"));
    writeFileSync(path.join(dir, "replica.txt"), syntheticArticle(123).text);
    for (const [url, input] of [
      [primary.url, path.join(process.cwd(), "seeds")],
      [replica.url, dir],
    ] as const) {
      const h = await openDatabase({ url });
      await ingestFiles(h.prisma, await listArticleFiles([input]));
      await h.close();
    }
    await closeDb();
    process.env.DATABASE_URL = primary.url;
    process.env.DATABASE_READ_URL = replica.url;
  });
  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = saved.url;
    if (saved.read === undefined) delete process.env.DATABASE_READ_URL;
    else process.env.DATABASE_READ_URL = saved.read;
    await primary?.drop();
    await replica?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads through the query helpers from the replica", async () => {
    const page = await listArticles({});
    expect(page.items.map((a) => a.title)).toEqual([expect.stringMatching(/^\[合成\]/)]);
  });

  it("writes through getWriteDb to the primary", async () => {
    const write = await getWriteDb();
    expect((await write.article.findMany({ select: { title: true } })).map((a) => a.title)).toEqual([
      "国产大模型密集“上新”迸发新机遇",
    ]);
    expect(await (await getDb()).article.count()).toBe(1);
    expect(write).not.toBe(await getDb());
  });
});
