// npx tsx bench/reextract.ts <N>: ingests the synthetic corpus of N articles into a fresh PostgreSQL
// database (moxing_bench_reextract_<N>), marks every article as read by an older extractor, and times
// `reextractArticles` over all of them beside the ingestion of the same files: once when only the
// confidences of what it derives again differ from the stored ones, once when every article's facts do
// (the digest differs, the rows are the stored ones), once when a quarter of every article's mentions
// and sources differ. Prints one JSON line; also writes bench/out/reextract-<N>.json.
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { reextractArticles } from "@/lib/ingest/reextract";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { writeCorpus } from "./corpus";
import { recreateDatabase } from "./lib/pg";

const n = Number(process.argv.slice(2).find((a) => a !== "--") ?? 1000);
const corpus = path.join("bench", "out", `corpus-${n}`);
if (!existsSync(corpus) || readdirSync(corpus).filter((f) => f.endsWith(".txt")).length !== n) writeCorpus(corpus, n);
const files = await listArticleFiles([corpus]);

const url = await recreateDatabase(`moxing_bench_reextract_${n}`);
const handle = await openDatabase({ url, poolSize: 4 });
try {
  const t0 = performance.now();
  await ingestFiles(handle.prisma, files, { concurrency: 2 });
  const ingestSeconds = (performance.now() - t0) / 1000;
  // twice: an older extractor whose facts differ from this one's only in their confidences (weights
  // fitted again: the sources' confidences are set in place), then one whose facts all differ (the
  // digest of what it derived no longer matches: every article is stored again in full)
  const timed = async (reset: string) => {
    await handle.sql.exec(reset);
    const t = performance.now();
    const summary = await reextractArticles(handle.prisma, { concurrency: 2 });
    const seconds = (performance.now() - t) / 1000;
    return {
      rederived: summary.rederived,
      seconds: Number(seconds.toFixed(1)),
      perSecond: Math.round(summary.rederived / seconds),
    };
  };
  const rescored = await timed(
    `UPDATE "EventSource" SET confidence = confidence / 2; UPDATE "ClaimSource" SET confidence = confidence / 2;
     UPDATE "Mention" SET confidence = confidence / 2 WHERE confidence IS NOT NULL;
     UPDATE "Article" SET "extractorVersion" = 'older'`,
  );
  const restored = await timed(`UPDATE "Article" SET "extractorVersion" = 'older', "factsHash" = ''`);
  // and one whose facts differ in a quarter of every article's mentions and sources: those rows are
  // written again, and the counters of what they point to move
  const rewritten = await timed(
    `DELETE FROM "Mention" WHERE id % 4 = 0; DELETE FROM "EventSource" WHERE id % 4 = 0; DELETE FROM "ClaimSource" WHERE id % 4 = 0;
     UPDATE "Article" SET "extractorVersion" = 'older', "factsHash" = ''`,
  );
  const result = {
    articles: n,
    ingestSeconds: Number(ingestSeconds.toFixed(1)),
    ingestPerSecond: Math.round(n / ingestSeconds),
    reextractConfidencesChanged: rescored,
    reextractFactsChanged: restored,
    reextractRowsChanged: rewritten,
  };
  console.log(JSON.stringify(result));
  writeFileSync(path.join("bench", "out", `reextract-${n}.json`), JSON.stringify(result, null, 2) + "\n");
} finally {
  await handle.close();
}
