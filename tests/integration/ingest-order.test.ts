// Regressions where the stored result depended on which article was stored first.
import { describe, expect, it } from "vitest";
import { ingestBuffers } from "@/lib/ingest/run";
import { freshDatabase, primaryBackend } from "../support/test-db";

const file = (name: string, url: string, body: string) => ({
  name,
  bytes: new TextEncoder().encode(`标题: ${name}\n链接: ${url}\n总结: ${body}\n`),
});

describe(`storing order (${primaryBackend})`, () => {
  it("keeps the same person whichever of two names that share a pinyin slug is stored first", async () => {
    const a = file("a.txt", "https://example.com/order/a", "腾讯云副总裁许丽表示，大模型正在加速落地。");
    const b = file("b.txt", "https://example.com/order/b", "百度副总裁徐立表示，大模型正在加速落地。");
    const people: unknown[] = [];
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const db = await freshDatabase(primaryBackend);
      try {
        for (const f of order) await ingestBuffers(db.prisma, [f]);
        people.push(await db.prisma.person.findMany({ where: { slug: "xuli" }, select: { name: true, title: true } }));
      } finally {
        await db.close();
      }
    }
    expect((people[0] as unknown[]).length).toBe(1);
    expect(people[1]).toEqual(people[0]);
  });
});
