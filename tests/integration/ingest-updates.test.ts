import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { formatRejection, ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { freshDatabase, primaryBackend, snapshot } from "../support/test-db";

const seed = readFileSync(path.join(process.cwd(), "seeds", "000_fd29859c59ce52f4.txt"), "utf8");
const ernieSentence = "8月31日，百度生成式人工智能产品“文心一言”正式向公众开放服务，互联网普通用户可以下载体验。";

/** The seed as another outlet would carry it: another link, another title, same facts. */
const reprint = (text = seed) =>
  text
    .replace(/^链接: .*$/m, "链接: https://news.example.org/ai/reprint-1")
    .replace(/^标题: .*$/m, "标题: 转载：大模型密集上新");

describe(`re-ingesting edited and duplicate articles (${primaryBackend})`, () => {
  let db: DbHandle;
  let dir: string;
  const write = (name: string, content: string | Buffer) => writeFileSync(path.join(dir, name), content);
  const ingest = async () => ingestFiles(db.prisma, await listArticleFiles([dir]));
  const ernieEvent = () =>
    db.prisma.event.findFirst({
      where: { type: "open_public", model: { nameZh: "文心一言" } },
      include: { sources: true },
    });

  beforeEach(async () => {
    db = await freshDatabase(primaryBackend);
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-ingest-"));
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps one event and one claim with two sources when two articles report them", async () => {
    write("a.txt", seed);
    write("b.txt", reprint());
    expect(await ingest()).toMatchObject({ created: 2, rejected: 0 });
    const event = await ernieEvent();
    expect(event?.sources).toHaveLength(2);
    const claim = await db.prisma.claim.findFirst({ where: { metric: "models_released" }, include: { sources: true } });
    expect(claim?.sources).toHaveLength(2);
    expect(await db.prisma.event.count({ where: { type: "open_public" } })).toBe(1);
  });

  it("re-derives an edited article and leaves no stale rows behind", async () => {
    write("a.txt", seed);
    write("b.txt", reprint());
    await ingest();

    write("b.txt", reprint(seed.replace(ernieSentence, "")));
    expect(await ingest()).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await ernieEvent())?.sources).toHaveLength(1);

    write("a.txt", seed.replace(ernieSentence, ""));
    expect(await ingest()).toMatchObject({ updated: 1, unchanged: 1 });
    expect(await ernieEvent()).toBeNull();
    expect(await db.prisma.mention.count({ where: { model: { nameZh: "文心一言" } } })).toBe(0);
    const titles = (await db.prisma.article.findMany({ select: { title: true } })).map((a) => a.title).sort();
    expect(titles).toEqual(["国产大模型密集“上新”迸发新机遇", "转载：大模型密集上新"].sort());
  });

  it("rejects bad files by name and reason, stores the valid ones, and a rerun changes nothing", async () => {
    write("good.txt", seed);
    write("empty.txt", "");
    write("no-link.txt", seed.replace(/^链接: .*\n/m, ""));
    write(
      "latin1.txt",
      Buffer.concat([Buffer.from("标题: x\n链接: https://a.example/x\n总结: "), Buffer.from([0xff, 0xfe, 0x41])]),
    );
    const first = await ingest();
    expect(first).toMatchObject({ created: 1, rejected: 3 });
    const messages = first.rejections.map(formatRejection);
    expect(messages.find((m) => m.includes("empty.txt"))).toBeTruthy();
    expect(messages.find((m) => m.includes("no-link.txt"))).toMatch(/链接/);
    expect(messages.find((m) => m.includes("latin1.txt"))).toMatch(/latin1\.txt:3.*UTF-8/i);

    const before = await snapshot(db);
    const second = await ingest();
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: 3 });
    expect(await snapshot(db)).toEqual(before);
    const runs = await db.prisma.ingestRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.map((r) => [r.created, r.unchanged, r.rejected])).toEqual([
      [1, 0, 3],
      [0, 1, 3],
    ]);
  });
});
