// npm run reextract: derive again the facts of every article that an older extractor read
// (Article.extractorVersion differs from lib/extract/version.ts). Idempotent; after a kill, run it
// again and it takes the articles it had not reached.
import { Presets, SingleBar } from "cli-progress";
import { openDatabase } from "../db/client";
import { EXTRACTOR_VERSION } from "../extract/version";
import { reextractArticles } from "../ingest/reextract";

const handle = await openDatabase();
try {
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: "reextract {bar} {value}/{total}", hideCursor: true }, Presets.shades_classic)
    : null;
  let started = false;
  const t0 = performance.now();
  const summary = await reextractArticles(handle.prisma, {
    concurrency: handle.kind === "postgres" ? 2 : 1,
    onBatch: (done, total) => {
      if (bar && !started) {
        bar.start(total, 0);
        started = true;
      }
      bar?.update(done);
    },
  });
  bar?.stop();
  const seconds = (performance.now() - t0) / 1000;
  const rate = summary.rederived
    ? ` in ${seconds.toFixed(1)} s (${(summary.rederived / seconds).toFixed(0)} articles/s)`
    : "";
  console.log(
    summary.stale
      ? `extractor ${EXTRACTOR_VERSION}: ${summary.rederived} of ${summary.stale} articles derived again${rate}${summary.dropped ? `, ${summary.dropped} derived facts dropped` : ""}`
      : `extractor ${EXTRACTOR_VERSION}: every article is current, nothing to do`,
  );
} finally {
  await handle.close();
}
