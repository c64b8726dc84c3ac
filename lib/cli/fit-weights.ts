// Fits the model scorer's weights (lib/extract/weights.json) by logistic regression on the
// development split only (and the older fixtures, all development data): every discovered
// candidate of every development article, labelled 1 when its name is one of the article's labelled
// models. The held-out split is never read here.
// Usage: npx tsx lib/cli/fit-weights.ts [--dry-run]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cleanBody } from "@/lib/ingest/clean";
import { buildContext } from "@/lib/extract/context";
import { modelCandidates } from "@/lib/extract/models";
import { loadCorpus } from "@/lib/corpus/load";
import { normName } from "@/lib/corpus/score";
import { parseArticleFile } from "@/lib/ingest/parse";
import { slugify } from "@/lib/extract/text";

const dryRun = process.argv.includes("--dry-run");
const rows: { x: Record<string, number>; y: number; name: string }[] = [];
for (const a of loadCorpus(["dev"])) {
  const ctx = buildContext(a.article, cleanBody(a.article.body));
  const names = new Set(a.labels.models.flatMap((m) => [m.name, ...m.aliases]).map(normName));
  for (const c of modelCandidates(ctx))
    rows.push({ x: c.features, y: names.has(normName(c.name)) ? 1 : 0, name: `${a.name}: ${c.name}` });
}
// the older fixtures (all development data), labelled by slug
const labelDir = path.join(process.cwd(), "tests", "fixtures", "labels");
for (const f of readdirSync(labelDir).filter((n) => n.endsWith(".json"))) {
  const labels = JSON.parse(readFileSync(path.join(labelDir, f), "utf8")) as {
    file: string;
    heldOut?: boolean;
    models: { key: string }[];
  };
  const parsed = parseArticleFile(labels.file, readFileSync(path.join(process.cwd(), labels.file)));
  if (!parsed.ok) continue;
  const ctx = buildContext(parsed.article, cleanBody(parsed.article.body));
  const keys = new Set(labels.models.map((m) => m.key));
  for (const c of modelCandidates(ctx))
    rows.push({ x: c.features, y: keys.has(slugify(c.name)) ? 1 : 0, name: `${f}: ${c.name}` });
}
const features = [...new Set(rows.flatMap((r) => Object.keys(r.x)))].sort();

// batch gradient descent on the mean log loss, with an L2 penalty on the distance from the priors
// (data/weight-priors.json): a few hundred candidates say little about a rare feature
const priors = (
  JSON.parse(readFileSync(path.join(process.cwd(), "lib", "extract", "data", "weight-priors.json"), "utf8")) as {
    model: { bias: number; features: Record<string, number> };
  }
).model;
const prior = (f: string) => priors.features[f] ?? 0;
const w: Record<string, number> = Object.fromEntries(features.map((f) => [f, prior(f)]));
let bias = priors.bias;
const L2 = 0.05;
const RATE = 0.5;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const predict = (x: Record<string, number>) => sigmoid(bias + features.reduce((z, f) => z + w[f] * (x[f] ?? 0), 0));
for (let it = 0; it < 4000; it++) {
  const grad: Record<string, number> = Object.fromEntries(features.map((f) => [f, 0]));
  let gb = 0;
  for (const r of rows) {
    const e = predict(r.x) - r.y;
    gb += e;
    for (const f of features) grad[f] += e * (r.x[f] ?? 0);
  }
  bias -= (RATE * gb) / rows.length;
  for (const f of features) w[f] -= RATE * (grad[f] / rows.length + L2 * (w[f] - prior(f)));
}

// the threshold with the best F1 on the same candidates (ties: the higher, for precision)
let best = { threshold: 0.5, f1: -1, precision: 0, recall: 0 };
for (let t = 0.2; t <= 0.9001; t += 0.05) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const r of rows) {
    const yes = predict(r.x) >= t;
    if (yes && r.y) tp++;
    else if (yes) fp++;
    else if (r.y) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  if (f1 >= best.f1) best = { threshold: Number(t.toFixed(2)), f1, precision, recall };
}

const round = (x: number) => Number(x.toFixed(3));
const out = {
  _comment: "Written by lib/cli/fit-weights.ts (logistic regression on the development split). Do not edit by hand.",
  model: {
    bias: round(bias),
    threshold: best.threshold,
    features: Object.fromEntries(features.map((f) => [f, round(w[f])])),
  },
};
console.log(`${rows.length} candidates (${rows.filter((r) => r.y).length} labelled models) from the development split`);
console.log(
  `threshold ${best.threshold}: precision ${(best.precision * 100).toFixed(1)}%, recall ${(best.recall * 100).toFixed(1)}% on these candidates`,
);
for (const f of features) console.log(`  ${f.padEnd(16)} ${round(w[f])}`);
console.log(`  ${"(bias)".padEnd(16)} ${round(bias)}`);
if (!dryRun) {
  const file = path.join(process.cwd(), "lib", "extract", "weights.json");
  const previous = readFileSync(file, "utf8");
  const next = JSON.stringify(out, null, 2) + "\n";
  writeFileSync(file, next);
  console.log(previous === next ? "weights.json unchanged" : "wrote lib/extract/weights.json");
}
