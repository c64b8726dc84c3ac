// The trigger-kept counters (mentionCount, sourceCount, the industry pair tables, the overview's
// Tally...) equal a COUNT over their base tables after every kind of write: ingestion, an edited
// article re-ingested, an admin merge of a model and of an organization, FK cascades, TRUNCATE.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { applyReviewAction } from "@/lib/admin/review";
import { getOverviewCounts } from "@/lib/queries/overview";
import { backends, freshDatabase } from "../support/test-db";
import { releaseDatabase, useDatabase } from "../support/use-db";
import { COUNTER_DRIFT_SQL, COUNTER_TOTALS_SQL } from "../support/counter-drift";
import { eventWithSource, placeholderClaim } from "../support/facts";

const seeds = path.join(process.cwd(), "seeds");
const fixtures = path.join(process.cwd(), "tests", "fixtures", "articles");
const seed = readFileSync(path.join(seeds, "000_fd29859c59ce52f4.txt"), "utf8");
const ernieSentence = "8月31日，百度生成式人工智能产品“文心一言”正式向公众开放服务，互联网普通用户可以下载体验。";

describe.each(backends())("counters kept by triggers on %s", (backend) => {
  let db: DbHandle;
  let dir: string;

  const drift = async () => (await db.sql.query(COUNTER_DRIFT_SQL)).rows;
  const totals = async () => (await db.sql.query<Record<string, number>>(COUNTER_TOTALS_SQL)).rows[0];
  const ingest = async (...paths: string[]) => ingestFiles(db.prisma, await listArticleFiles(paths));

  beforeAll(async () => {
    db = await freshDatabase(backend);
    useDatabase(db);
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-counters-"));
  });
  afterAll(async () => {
    releaseDatabase();
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("match the base tables after ingesting the seed and the fixtures", async () => {
    expect(await ingest(seeds, fixtures)).toMatchObject({ rejected: 0 });
    expect(await drift()).toEqual([]);
    const t = await totals();
    expect(t.mentions).toBeGreaterThan(50);
    expect(t.eventSources).toBeGreaterThan(5);
    expect(t.industryLinks).toBeGreaterThan(0);
    expect(t.vendors).toBeGreaterThan(5);
    const counts = await getOverviewCounts();
    expect(counts).toEqual({
      models: await db.prisma.model.count(),
      vendors: await db.prisma.organization.count({
        where: { OR: [{ models: { some: {} } }, { roles: { has: "vendor" } }] },
      }),
      articles: await db.prisma.article.count(),
      events: await db.prisma.event.count(),
    });
  });

  it("match after a reprint, an edited article re-ingested, and an unchanged re-run", async () => {
    writeFileSync(path.join(dir, "a.txt"), seed.replace(/^链接: .*$/m, "链接: https://news.example.org/reprint-c"));
    expect(await ingest(dir)).toMatchObject({ created: 1 });
    expect(await drift()).toEqual([]);

    // The edit drops the sentence behind an event: its source goes, and the count with it.
    writeFileSync(
      path.join(dir, "a.txt"),
      seed.replace(/^链接: .*$/m, "链接: https://news.example.org/reprint-c").replace(ernieSentence, ""),
    );
    expect(await ingest(dir)).toMatchObject({ updated: 1 });
    expect(await drift()).toEqual([]);

    const before = await totals();
    expect(await ingest(seeds, fixtures, dir)).toMatchObject({ created: 0, updated: 0 });
    expect(await totals()).toEqual(before);
    expect(await drift()).toEqual([]);
  });

  it("match after merging a model and an organization in the review queue", async () => {
    const article = await db.prisma.article.findFirstOrThrow({ orderBy: { id: "asc" } });
    const industry = await db.prisma.industry.findFirstOrThrow({ orderBy: { id: "asc" } });
    const target = await db.prisma.organization.findFirstOrThrow({
      where: { modelCount: { gt: 0 } },
      orderBy: { id: "asc" },
    });
    const targetModel = await db.prisma.model.findFirstOrThrow({
      where: { vendorId: target.id },
      orderBy: { id: "asc" },
    });
    const org = await db.prisma.organization.create({
      data: { slug: "counter-dup-org", nameZh: "重复公司", status: "discovered", roles: ["vendor"] },
    });
    const model = await db.prisma.model.create({
      data: { slug: "counter-dup-model", nameZh: "重复模型", vendorId: org.id, status: "discovered" },
    });
    const sentence = { sentence: "x", sentenceStart: 0, sentenceEnd: 1 };
    await db.prisma.mention.createMany({
      data: [
        {
          articleId: article.id,
          kind: "organization",
          organizationId: org.id,
          text: "重复公司",
          start: 0,
          end: 4,
          ...sentence,
        },
        { articleId: article.id, kind: "model", modelId: model.id, text: "重复模型", start: 5, end: 9, ...sentence },
      ],
    });
    await db.prisma.industryLink.createMany({
      data: [
        {
          industryId: industry.id,
          modelId: model.id,
          articleId: article.id,
          quote: "x",
          sentenceStart: 0,
          sentenceEnd: 1,
        },
        {
          industryId: industry.id,
          organizationId: org.id,
          articleId: article.id,
          quote: "x",
          sentenceStart: 0,
          sentenceEnd: 1,
        },
      ],
    });
    await eventWithSource(
      db.prisma,
      {
        key: "release|counter-dup-model||2024-06",
        type: "release",
        precision: "month",
        date: new Date("2024-06-01"),
        modelId: model.id,
        organizationId: org.id,
      },
      { articleId: article.id, quote: "x" },
    );
    await placeholderClaim(db.prisma, {
      key: "counter-dup-claim",
      subjectModelId: model.id,
      subjectOrganizationId: org.id,
    });
    expect(await drift()).toEqual([]);

    await applyReviewAction({ action: "merge", kind: "model", slug: model.slug, into: targetModel.slug });
    expect(await drift()).toEqual([]);
    await applyReviewAction({ action: "merge", kind: "organization", slug: org.slug, into: target.slug });
    expect(await drift()).toEqual([]);
    expect(await db.prisma.organization.findUnique({ where: { slug: org.slug } })).toBeNull();
  });

  it("match after deleting an article (FK cascades) and after TRUNCATE", async () => {
    const article = await db.prisma.article.findFirstOrThrow({
      where: { mentions: { some: {} }, eventSources: { some: {} } },
    });
    await db.prisma.article.delete({ where: { id: article.id } });
    expect(await drift()).toEqual([]);
    await db.sql.exec(`TRUNCATE "Mention", "EventSource"`);
    expect(await drift()).toEqual([]);
    expect((await totals()).mentions ?? 0).toBe(0);
  });
});
