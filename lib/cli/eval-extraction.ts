// Precision/recall of the extractors on the labelled fixtures (tests/fixtures/labels/*.json).
// Usage: npx tsx lib/cli/eval-extraction.ts [--verbose] [--json]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArticleFile } from "@/lib/ingest/parse";
import { cleanBody } from "@/lib/ingest/clean";
import { extractArticle } from "@/lib/extract";
import { buildContext } from "@/lib/extract/context";
import { findDates } from "@/lib/extract/dates";

interface Labels {
  file: string;
  /** written and labelled before the extractors were run on it (not used while developing) */
  heldOut?: boolean;
  models: { key: string; vendor: string | null }[];
  events: { type: string; model: string; date: string | null }[];
  claims: { value: number; unit: string; bound?: string }[];
  industries: string[];
  dates: { text: string; value: string; precision: string }[];
}

type Extractor = "models" | "vendors" | "events" | "claims" | "industries" | "dates";
const EXTRACTORS: Extractor[] = ["models", "vendors", "events", "claims", "industries", "dates"];

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

/** Multiset comparison: each expected item can be matched once. */
function compare(predicted: string[], expected: string[]): Tally & { missed: string[]; spurious: string[] } {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  let tp = 0;
  const spurious: string[] = [];
  for (const p of predicted) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(p, n - 1);
    } else spurious.push(p);
  }
  const missed = [...pool].flatMap(([k, n]) => Array(n).fill(k) as string[]);
  return { tp, fp: spurious.length, fn: missed.length, missed, spurious };
}

const root = process.cwd();
const labelDir = path.join(root, "tests", "fixtures", "labels");
const verbose = process.argv.includes("--verbose");
const asJson = process.argv.includes("--json");
const emptyTotals = () => Object.fromEntries(EXTRACTORS.map((e) => [e, { tp: 0, fp: 0, fn: 0 }])) as Record<Extractor, Tally>;
const totals = { all: emptyTotals(), development: emptyTotals(), heldOut: emptyTotals() };
const counts = { all: 0, development: 0, heldOut: 0 };

const started = performance.now();
let articles = 0;
for (const name of readdirSync(labelDir).filter((f) => f.endsWith(".json")).sort()) {
  const labels = JSON.parse(readFileSync(path.join(labelDir, name), "utf8")) as Labels;
  const parsed = parseArticleFile(labels.file, readFileSync(path.join(root, labels.file)));
  if (!parsed.ok) {
    console.error(`cannot parse ${labels.file}: ${parsed.error.message}`);
    process.exitCode = 1;
    continue;
  }
  articles++;
  const group = labels.heldOut ? "heldOut" : "development";
  counts.all++;
  counts[group]++;
  const cleaned = cleanBody(parsed.article.body);
  const result = extractArticle(parsed.article, cleaned);
  const ctx = buildContext(parsed.article, cleaned);
  const predicted: Record<Extractor, string[]> = {
    models: result.models.map((m) => m.key),
    vendors: result.models.map((m) => `${m.key}|${m.vendorKey}`),
    events: result.events.map((e) => `${e.type}|${e.modelKey}|${e.date.value}`),
    claims: result.claims.map((c) => `${c.value}|${c.unit}`),
    industries: result.industries.map((i) => i.key),
    // per sentence, as the extractors read them
    dates: ctx.sentences
      .flatMap((s) => findDates(ctx.simple.slice(s.start, s.end), ctx.years, s.start))
      .filter((d) => d.point.value !== null)
      .map((d) => `${d.point.text}|${d.point.value}|${d.point.precision}`),
  };
  const expected: Record<Extractor, string[]> = {
    models: labels.models.map((m) => m.key),
    vendors: labels.models.map((m) => `${m.key}|${m.vendor}`),
    events: labels.events.map((e) => `${e.type}|${e.model}|${e.date}`),
    claims: labels.claims.map((c) => `${c.value}|${c.unit}`),
    industries: labels.industries,
    dates: labels.dates.map((d) => `${d.text}|${d.value}|${d.precision}`),
  };
  for (const e of EXTRACTORS) {
    const r = compare(predicted[e], expected[e]);
    for (const t of [totals.all, totals[group]]) {
      t[e].tp += r.tp;
      t[e].fp += r.fp;
      t[e].fn += r.fn;
    }
    if (verbose && (r.missed.length || r.spurious.length)) {
      console.log(`${name} ${e}: missed [${r.missed.join(", ")}] spurious [${r.spurious.join(", ")}]`);
    }
  }
}
const elapsed = performance.now() - started;

function rowsOf(t: Record<Extractor, Tally>) {
  return EXTRACTORS.map((e) => {
    const { tp, fp, fn } = t[e];
    const precision = tp + fp ? tp / (tp + fp) : 1;
    const recall = tp + fn ? tp / (tp + fn) : 1;
    return { extractor: e, tp, fp, fn, precision, recall };
  });
}
const report = (["all", "development", "heldOut"] as const).map((g) => ({ group: g, articles: counts[g], rows: rowsOf(totals[g]) }));
if (asJson) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`labelled articles: ${articles} (${elapsed.toFixed(0)} ms including start-up)`);
  for (const g of report) {
    console.log(`\n${g.group} (${g.articles} articles)`);
    console.log("| extractor | TP | FP | FN | precision | recall |");
    console.log("|---|---:|---:|---:|---:|---:|");
    for (const r of g.rows) {
      console.log(`| ${r.extractor} | ${r.tp} | ${r.fp} | ${r.fn} | ${(r.precision * 100).toFixed(1)}% | ${(r.recall * 100).toFixed(1)}% |`);
    }
  }
}
