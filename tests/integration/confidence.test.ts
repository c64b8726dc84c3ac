// Confidence reaches the reader: stored with each fact, in the API's DTOs, and a doubtful claim
// never heads the overview.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { ingestBuffers } from "@/lib/ingest/run";
import { getHeadlineClaim, HEADLINE_CONFIDENCE, listClaims } from "@/lib/queries/claims";
import { listEvents } from "@/lib/queries/events";
import { freshDatabase, primaryBackend } from "../support/test-db";
import { releaseDatabase, useDatabase } from "../support/use-db";

const file = (name: string, url: string, body: string, extra = "") => ({
  name,
  bytes: new TextEncoder().encode(`标题: ${name}\n链接: ${url}\n${extra}总结: ${body}\n`),
});

describe(`confidence of stored facts (${primaryBackend})`, () => {
  let db: DbHandle;
  beforeAll(async () => {
    db = await freshDatabase(primaryBackend);
    useDatabase(db);
    await ingestBuffers(db.prisma, [
      // dated in its own sentence: a confident count
      file(
        "a.txt",
        "https://example.com/conf/a",
        "赛迪顾问的报告显示，截至2023年7月31日，我国累计已经发布130个大模型。",
      ),
      // no date anywhere near it: the article's date is borrowed, and the reading is weaker
      file("b.txt", "https://example.com/conf/b", "业内人士称，我国已经发布200多个大模型。", "发布时间: 2024-08-31\n"),
    ]);
  });
  afterAll(async () => {
    releaseDatabase();
    await db?.close();
  });

  it("stores a confidence between 0 and 1 with every event and claim", async () => {
    const claims = await listClaims({ metric: "models_released" }, 10);
    expect(claims.length).toBe(2);
    for (const c of claims) expect(c.confidence > 0 && c.confidence <= 1).toBe(true);
    const borrowed = claims.find((c) => c.value === 200)!;
    const own = claims.find((c) => c.value === 130)!;
    expect(borrowed.confidence).toBeLessThan(own.confidence);
    const { rows } = await db.sql.query<{ bad: number }>(
      `SELECT (SELECT count(*) FROM "Event" WHERE confidence < 0 OR confidence > 1)::int + (SELECT count(*) FROM "Claim" WHERE confidence < 0 OR confidence > 1)::int AS bad`,
    );
    expect(rows[0].bad).toBe(0);
    for (const e of (await listEvents({}, { limit: 50 })).items) expect(e.confidence).toBeGreaterThan(0);
  });

  it("heads the overview with the latest confident claim, never a doubtful later one", async () => {
    const headline = await getHeadlineClaim();
    expect(headline?.value).toBe(130);
    expect(headline!.confidence).toBeGreaterThanOrEqual(HEADLINE_CONFIDENCE);
  });
});
