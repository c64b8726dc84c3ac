// Properties of the whole pipeline, parse -> clean -> extract -> store, over generated batches of
// hostile article files (fast-check), on each backend. A failure prints its seed; FC_SEED=<seed>
// replays it. `npm run bench -- properties` runs many more cases.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { MAX_CLAIM_VALUE } from "@/lib/extract/claims";
import { ingestBuffers } from "@/lib/ingest/run";
import { parseArticleFile } from "@/lib/ingest/parse";
import { articleBatch, propertyOptions, type GeneratedFile } from "../support/article-arbitraries";
import { contentChecksum } from "../support/db-checksum";
import { siblingDatabase } from "../support/reliability";
import { backends, emptyDatabase, freshDatabase, type Backend } from "../support/test-db";

const ingest = (db: DbHandle, files: GeneratedFile[]) =>
  ingestBuffers(
    db.prisma,
    files.map((f) => ({ name: f.name, bytes: f.bytes })),
  );

/** Rows that must never exist, by kind: an invalid date, a non-finite or out-of-range number, a span that misses its text. */
const IMPOSSIBLE: Record<string, string> = {
  claimValue: `SELECT count(*) FROM "Claim" WHERE value = 'NaN' OR value IN ('Infinity', '-Infinity') OR abs(value) > ${MAX_CLAIM_VALUE}`,
  eventDate: `SELECT count(*) FROM "Event" WHERE date < '1900-01-01' OR date > '2100-12-31'`,
  claimAsOf: `SELECT count(*) FROM "Claim" WHERE "asOf" < '1900-01-01' OR "asOf" > '2100-12-31'`,
};

/** Stored spans whose offsets (UTF-16, as the app slices) do not point at their text, by kind. */
const SPANS: Record<string, string> = {
  mention: `SELECT a.body, m.start, m."end", m.text FROM "Mention" m JOIN "Article" a ON a.id = m."articleId"`,
  mentionSentence: `SELECT a.body, m."sentenceStart" start, m."sentenceEnd" "end", m.sentence text FROM "Mention" m JOIN "Article" a ON a.id = m."articleId"`,
  eventQuote: `SELECT a.body, s."sentenceStart" start, s."sentenceEnd" "end", s.quote text FROM "EventSource" s JOIN "Article" a ON a.id = s."articleId"`,
  claimQuote: `SELECT a.body, s."sentenceStart" start, s."sentenceEnd" "end", s.quote text FROM "ClaimSource" s JOIN "Article" a ON a.id = s."articleId"`,
};

async function impossibleRows(db: DbHandle): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [k, q] of Object.entries(IMPOSSIBLE))
    out[k] = Number((await db.sql.query<{ count: string }>(q)).rows[0].count);
  for (const [k, q] of Object.entries(SPANS)) {
    const { rows } = await db.sql.query<{ body: string; start: number; end: number; text: string }>(q);
    out[k] = rows.filter((r) => r.body.slice(r.start, r.end) !== r.text).length;
  }
  return out;
}
const NONE = Object.fromEntries([...Object.keys(IMPOSSIBLE), ...Object.keys(SPANS)].map((k) => [k, 0]));

for (const backend of backends()) {
  describe(`the pipeline on generated batches (${backend})`, { timeout: 600_000 }, () => {
    // two databases per case: one batch in two orders (on PostgreSQL a second database beside the first)
    let other: Awaited<ReturnType<typeof siblingDatabase>> | null = null;
    beforeAll(async () => {
      if (backend === "postgres") other = await siblingDatabase("properties_b");
    });
    afterAll(() => other?.drop());
    const pair = async (b: Backend): Promise<[DbHandle, DbHandle]> => {
      if (b !== "postgres") return [await freshDatabase(b), await freshDatabase(b)];
      const second = await openDatabase({ url: other!.url });
      await emptyDatabase(second);
      return [await freshDatabase(b), second];
    };

    it("stores every valid file, rejects every invalid one by name, keeps only storable facts; a rerun changes nothing; any order leaves the same tables", async () => {
      const runs = backend === "postgres" ? 8 : 4;
      await fc.assert(
        fc.asyncProperty(articleBatch(6), fc.func(fc.integer()), async (files, key) => {
          const valid = files
            .filter((f) => parseArticleFile(f.name, f.bytes).ok)
            .map((f) => f.name)
            .sort();
          const shuffled = [...files].sort((a, b) => key(a.name) - key(b.name) || a.name.localeCompare(b.name));
          const [a, b] = await pair(backend);
          try {
            const first = await ingest(a, files);
            expect(first.rejections.map((r) => r.file).sort()).toEqual(
              files
                .map((f) => f.name)
                .filter((n) => !valid.includes(n))
                .sort(),
            );
            expect(first.created).toBe(valid.length);
            const stored = (await a.prisma.article.findMany({ select: { sourceFile: true } }))
              .map((x) => x.sourceFile)
              .sort();
            expect(stored).toEqual(valid);
            expect(await impossibleRows(a)).toEqual(NONE);

            const once = await contentChecksum(a.sql);
            const again = await ingest(a, files);
            expect(again.created + again.updated).toBe(0);
            expect(await contentChecksum(a.sql)).toEqual(once);

            await ingest(b, shuffled);
            expect(await contentChecksum(b.sql)).toEqual(once);
          } finally {
            await a.close();
            await b.close();
          }
        }),
        propertyOptions(runs),
      );
    });
  });
}
