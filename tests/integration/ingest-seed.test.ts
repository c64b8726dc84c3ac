import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { backends, freshDatabase, snapshot } from "../support/test-db";

const seeds = path.join(process.cwd(), "seeds");

describe.each(backends())("ingesting the seed article into %s", (backend) => {
  let db: DbHandle;
  let first: Awaited<ReturnType<typeof ingestFiles>>;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    first = await ingestFiles(db.prisma, await listArticleFiles([seeds]));
  });
  afterAll(() => db?.close());

  it("stores the article with its listed fields", async () => {
    expect(first).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 0 });
    const article = await db.prisma.article.findFirstOrThrow();
    expect(article.title).toBe("国产大模型密集“上新”迸发新机遇");
    expect(article.url).toBe("https://baijiahao.baidu.com/s?id=1776975451894757300&wfr=spider&for=pc");
    expect(article.industries).toEqual(["金融科技", "生物医药", "工业制造"]);
    expect(article.technologies).toContain("注意力机制");
    expect(article.body).not.toContain("举报/反馈");
    expect(article.byline).toContain("陈宇轩");
  });

  it("finds each model with the vendor that makes it", async () => {
    const models = await db.prisma.model.findMany({
      select: { slug: true, nameZh: true, family: true, version: true, vendor: { select: { slug: true } } },
    });
    const vendorOf = (zh: string) => models.find((m) => m.nameZh === zh)?.vendor?.slug;
    expect(vendorOf("混元")).toBe("tencent");
    expect(vendorOf("文心一言")).toBe("baidu");
    expect(vendorOf("盘古大模型3.0")).toBe("huawei");
    expect(vendorOf("讯飞星火")).toBe("iflytek");
    expect(vendorOf("小可")).toBe("cetc");
    expect(vendorOf("鹏城·脑海")).toBe("peng-cheng-lab");
    expect(models.find((m) => m.nameZh === "盘古大模型3.0")).toMatchObject({ family: "pangu", version: "3.0" });
  });

  it("dates events at the precision the text gives", async () => {
    const events = await db.prisma.event.findMany({ include: { model: true, sources: true } });
    const find = (type: string, model: string) => events.find((e) => e.type === type && e.model?.nameZh === model);
    const day = (d: Date | null) => d?.toISOString().slice(0, 10);
    expect(find("open_public", "文心一言")).toMatchObject({ precision: "day" });
    expect(day(find("open_public", "文心一言")!.date)).toBe("2023-08-31");
    expect(find("release", "盘古大模型3.0")).toMatchObject({ precision: "month" });
    expect(day(find("release", "盘古大模型3.0")!.date)).toBe("2023-07-01");
    expect(find("release", "小可")).toMatchObject({ precision: "month" });
    expect(day(find("release", "小可")!.date)).toBe("2023-06-01");
    for (const e of events) expect(e.sources.length).toBe(1);
    expect(find("open_public", "文心一言")!.sources[0].quote).toContain("正式向公众开放服务");
  });

  it("records the count of models in China with who stated it", async () => {
    const claim = await db.prisma.claim.findFirstOrThrow({
      where: { metric: "models_released" },
      include: { statedBy: true, sources: true },
    });
    expect(claim).toMatchObject({ value: 130, unit: "models", scope: "China", asOfPrecision: "month" });
    expect(claim.asOf?.toISOString().slice(0, 7)).toBe("2023-07");
    expect(claim.statedBy?.nameZh).toBe("赛迪顾问");
    expect(claim.sources[0].quote).toContain("截至2023年7月，我国累计已经发布130个大模型");
  });

  it("links the article to its industries", async () => {
    const slugs = (await db.prisma.industry.findMany({ select: { slug: true } })).map((i) => i.slug);
    expect(slugs).toEqual(expect.arrayContaining(["finance", "biomedicine", "manufacturing", "mining"]));
    const pangu = await db.prisma.industryLink.findFirst({
      where: { industry: { slug: "mining" }, model: { family: "pangu" } },
    });
    expect(pangu?.quote).toContain("煤矿");
  });

  it("ties every mention to a sentence at exact offsets in the cleaned body", async () => {
    const article = await db.prisma.article.findFirstOrThrow({ include: { mentions: true } });
    expect(article.mentions.length).toBeGreaterThan(10);
    for (const m of article.mentions) {
      expect(article.body.slice(m.start, m.end)).toBe(m.text);
      expect(article.body.slice(m.sentenceStart, m.sentenceEnd)).toBe(m.sentence);
    }
  });

  it("changes no row when the same files are ingested again", async () => {
    const before = await snapshot(db);
    const again = await ingestFiles(db.prisma, await listArticleFiles([seeds]));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await snapshot(db)).toEqual(before);
  });
});
