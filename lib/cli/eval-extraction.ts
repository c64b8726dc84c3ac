// Precision and recall of the extraction on the labelled corpus (tests/fixtures/corpus), by split:
// development articles (rules may be changed for them) and held-out ones (never). Held-out last.
// Funding rounds, listings and open-source releases have their own rows (funding and listing events
// are not in `events`), followed by the detail rows scored over the pairs they found (investors,
// valuations, amounts raised, sizes).
// Usage: npx tsx lib/cli/eval-extraction.ts [--verbose] [--json] [--split dev|heldout] [--only name]
import { performance } from "node:perf_hooks";
import { cleanBody } from "@/lib/ingest/clean";
import { extractArticle } from "@/lib/extract";
import { buildContext } from "@/lib/extract/context";
import { loadCorpus, type Split } from "@/lib/corpus/load";
import {
  addTallies,
  emptyTallies,
  METRICS,
  precision,
  recall,
  scoreArticle,
  type Prediction,
} from "@/lib/corpus/score";
import type { RawArticle } from "@/lib/validations/article-file";

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const asJson = args.includes("--json");
const splitArg = args.includes("--split") ? (args[args.indexOf("--split") + 1] as Split) : null;
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;

function predict(article: RawArticle): Prediction {
  const cleaned = cleanBody(article.body);
  const extraction = extractArticle(article, cleaned);
  const ctx = buildContext(article, cleaned);
  const dates = ctx.allDates.map((d) => ({
    text: cleaned.body.slice(d.start, d.end),
    value: d.point.value,
    precision: d.point.precision,
  }));
  return { extraction, dates, documentDate: ctx.documentDate?.point.value ?? null };
}

const started = performance.now();
const corpus = loadCorpus(splitArg ? [splitArg] : ["dev", "heldout"]).filter((a) => !only || a.name.includes(only));
const totals = { dev: emptyTallies(), heldout: emptyTallies() };
const counts = { dev: 0, heldout: 0 };
for (const a of corpus) {
  const score = scoreArticle(a.labels, predict(a.article));
  addTallies(totals[a.split], score.tallies);
  counts[a.split]++;
  if (verbose) {
    for (const m of METRICS) {
      const { missed, spurious } = score.misses[m];
      if (missed.length || spurious.length)
        console.log(`${a.name} ${m}: missed [${missed.join(", ")}] spurious [${spurious.join(", ")}]`);
    }
  }
}
const elapsed = performance.now() - started;

const report = (["dev", "heldout"] as const)
  .filter((s) => counts[s] > 0)
  .map((split) => ({
    split,
    articles: counts[split],
    rows: METRICS.map((m) => ({
      metric: m,
      ...totals[split][m],
      precision: precision(totals[split][m]),
      recall: recall(totals[split][m]),
    })),
  }));
if (asJson) console.log(JSON.stringify(report, null, 2));
else {
  console.log(`labelled corpus: ${corpus.length} articles (${elapsed.toFixed(0)} ms including start-up)`);
  for (const g of report) {
    console.log(`\n${g.split === "dev" ? "development" : "held-out"} (${g.articles} articles)`);
    console.log("| metric | TP | FP | FN | precision | recall |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const r of g.rows)
      console.log(
        `| ${r.metric} | ${r.tp} | ${r.fp} | ${r.fn} | ${(r.precision * 100).toFixed(1)}% | ${(r.recall * 100).toFixed(1)}% |`,
      );
  }
}
