// npm run reextract: articles read by an older extractor are derived again, and the database ends
// as a fresh ingestion of the same files leaves it, however many runs (or kills) it takes.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { reextractArticles } from "@/lib/ingest/reextract";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { COUNTER_DRIFT_SQL } from "../support/counter-drift";
import { contentChecksum } from "../support/db-checksum";
import { backends, freshDatabase } from "../support/test-db";

const inputs = [
  path.join(process.cwd(), "seeds"),
  path.join(process.cwd(), "tests", "fixtures", "articles"),
  path.join(process.cwd(), "tests", "fixtures", "corpus", "dev"),
];

/**
 * What an older extractor left, its own version on every article: for every other article fewer
 * facts, facts this one does not derive (a mention of an organisation nothing else names, other
 * sentences, other industry flags) and facts this one derives twice, so the digest of what it
 * derived differs and it is stored again in full; and for all of them other confidences (the rest
 * are rescored in place).
 */
async function ageDatabase(db: DbHandle) {
  const odd = `SELECT id FROM "Article" WHERE id % 2 = 1`;
  await db.sql.exec(
    `DELETE FROM "EventSource" WHERE "articleId" IN (${odd}) AND "eventId" IN (SELECT id FROM "Event" WHERE type <> 'release')`,
  );
  await db.sql.exec(`DELETE FROM "Event" e WHERE NOT EXISTS (SELECT 1 FROM "EventSource" s WHERE s."eventId" = e.id)`);
  await db.sql.exec(
    `INSERT INTO "Organization" (slug, "nameZh", kind, status) VALUES ('older-misread', '旧误读', 'other', 'discovered')`,
  );
  await db.sql.exec(
    `INSERT INTO "Mention" ("articleId", kind, "organizationId", text, start, "end", sentence, "sentenceStart", "sentenceEnd")
     SELECT a.id, 'organization', o.id, '旧误读', 0, 3, '旧误读。', 0, 4 FROM "Article" a, "Organization" o
     WHERE a.id IN (${odd}) AND o.slug = 'older-misread'`,
  );
  await db.sql.exec(
    `INSERT INTO "Mention" ("articleId", kind, "modelId", "organizationId", "industryId", "technologyId", "personId", text, start,
       "end", sentence, "sentenceStart", "sentenceEnd", confidence)
     SELECT "articleId", kind, "modelId", "organizationId", "industryId", "technologyId", "personId", text, start, "end", sentence,
       "sentenceStart", "sentenceEnd", confidence FROM "Mention" WHERE "articleId" IN (${odd}) AND id % 5 = 0`,
  );
  await db.sql.exec(`UPDATE "ClaimSource" SET quote = quote || '旧' WHERE "articleId" IN (${odd}) AND id % 2 = 0`);
  await db.sql.exec(`UPDATE "ArticleIndustry" SET "fromBody" = NOT "fromBody" WHERE "articleId" IN (${odd})`);
  await db.sql.exec(`UPDATE "Article" SET "factsHash" = 'older' WHERE id IN (${odd})`);
  await db.sql.exec(`UPDATE "Claim" SET confidence = 0.01`);
  await db.sql.exec(`UPDATE "ClaimSource" SET confidence = confidence / 2`);
  await db.sql.exec(`UPDATE "EventSource" SET confidence = confidence / 3`);
  await db.sql.exec(`UPDATE "Event" SET confidence = 0.02`);
  await db.sql.exec(`UPDATE "Mention" SET confidence = confidence / 2 WHERE confidence IS NOT NULL`);
  await db.sql.exec(`UPDATE "Model" SET confidence = 0.03 WHERE status = 'discovered'`);
  await db.sql.exec(`UPDATE "Article" SET "extractorVersion" = 'older'`);
}

for (const backend of backends()) {
  describe(`re-extraction (${backend})`, { timeout: 300_000 }, () => {
    let fresh: Awaited<ReturnType<typeof contentChecksum>>;
    let db: DbHandle;
    beforeAll(async () => {
      const files = await listArticleFiles(inputs);
      const clean = await freshDatabase(backend);
      try {
        await ingestFiles(clean.prisma, files);
        fresh = await contentChecksum(clean.sql);
      } finally {
        await clean.close();
      }
      db = await freshDatabase(backend);
      await ingestFiles(db.prisma, files);
      await ageDatabase(db);
    });
    afterAll(() => db?.close());

    it("derives again only the articles an older extractor read, resuming where a run stopped", async () => {
      const before = await contentChecksum(db.sql);
      expect(before).not.toEqual(fresh);
      const stale = await db.prisma.article.count();
      const first = await reextractArticles(db.prisma, { limit: 7, batchSize: 3 });
      expect(first).toMatchObject({ stale, rederived: 7 });
      expect(await db.prisma.article.count({ where: { extractorVersion: EXTRACTOR_VERSION } })).toBe(7);
      const rest = await reextractArticles(db.prisma, { batchSize: 16 });
      expect(rest).toMatchObject({ stale: stale - 7, rederived: stale - 7 });
    });

    it("leaves exactly what a fresh ingestion leaves, counters included, and a second run changes nothing", async () => {
      expect(await contentChecksum(db.sql)).toEqual(fresh);
      expect((await db.sql.query(COUNTER_DRIFT_SQL)).rows).toEqual([]);
      expect(await reextractArticles(db.prisma)).toMatchObject({ stale: 0, rederived: 0 });
      expect(await contentChecksum(db.sql)).toEqual(fresh);
    });

    it("makes a later ingestion of the same files change nothing", async () => {
      const again = await ingestFiles(db.prisma, await listArticleFiles(inputs));
      expect(again.created + again.updated).toBe(0);
      expect(await contentChecksum(db.sql)).toEqual(fresh);
    });
  });
}
