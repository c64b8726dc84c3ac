// Fits the scorers' weights (lib/extract/weights.json) by logistic regression on the development
// split only (and, for models, the older fixtures, all development data). Three scorers:
// - model: every discovered name candidate, labelled 1 when it is one of the article's labelled models;
// - event: every event the trigger rules propose, labelled 1 when type + model + date is a labelled event;
// - claim: every number read as a claim, labelled 1 when value + unit + as-of is a labelled claim;
// - asOf (a ranker): for every claim whose value + unit is a labelled claim's, each as-of date it
//   could hold at, labelled 1 when it is the label's (the highest scored is the one taken);
// - eventDate (a ranker): for every event whose type + model is a labelled event's, each date it
//   could be at, labelled 1 when it is a label's.
// Each gets the threshold with the best F-beta (precision weighed twice) on the same rows (the model scorer refuses candidates
// below it; events and claims are all kept, their threshold only reported). The held-out split is never read here.
// Usage: npx tsx lib/cli/fit-weights.ts [--dry-run]
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cleanBody } from "@/lib/ingest/clean";
import { buildContext } from "@/lib/extract/context";
import { extractArticle } from "@/lib/extract";
import { modelCandidates } from "@/lib/extract/models";
import { alternativesOf, featuresOf, withRuleFor } from "@/lib/extract/scoring";
import type { DatePoint } from "@/lib/extract/types";
import { loadCorpus } from "@/lib/corpus/load";
import { factOutcomes, normName } from "@/lib/corpus/score";
import { parseArticleFile } from "@/lib/ingest/parse";
import { slugify } from "@/lib/extract/text";

type Row = { x: Record<string, number>; y: number; article: number; group?: number };
type Kind = "model" | "event" | "claim" | "asOf" | "eventDate";
const dryRun = process.argv.includes("--dry-run");
const rows: Record<Kind, Row[]> = { model: [], event: [], claim: [], asOf: [], eventDate: [] };
const sameNumber = (a: number, b: number) => Number(a.toPrecision(10)) === Number(b.toPrecision(10));

let article = 0;
let groups = 0;

/**
 * One group of a ranker's rows: each date `fact` was chosen among, 1 when the labels give it. Only a
 * fact the labels hold, with a labelled date among its alternatives, says which is right.
 */
function rankerRows(kind: "asOf" | "eventDate", fact: object, labelled: ReadonlySet<string | null>) {
  const alternatives = alternativesOf(fact) as { value: { point: DatePoint }; x: Record<string, number> }[];
  const right = (p: DatePoint) => labelled.has(p.precision === "unknown" ? null : p.value);
  if (!labelled.size || !alternatives.some((alt) => right(alt.value.point))) return;
  groups++;
  for (const alt of alternatives)
    rows[kind].push({ x: alt.x, y: right(alt.value.point) ? 1 : 0, article, group: groups });
}
for (const a of loadCorpus(["dev"])) {
  article++;
  const cleaned = cleanBody(a.article.body);
  const ctx = buildContext(a.article, cleaned);
  const names = new Set(a.labels.models.flatMap((m) => [m.name, ...m.aliases]).map(normName));
  for (const c of modelCandidates(ctx))
    rows.model.push({ x: c.features, y: names.has(normName(c.name)) ? 1 : 0, article });
  const extraction = extractArticle(a.article, cleaned);
  const outcomes = factOutcomes(a.labels, extraction);
  // the as-of ranker's rows come from the claims the rule dates: a claim's alternatives include dates
  // read from earlier choices (a model's last date), which would otherwise move with its own weights
  for (const c of withRuleFor("asOf", () => extractArticle(a.article, cleaned)).claims) {
    const asOfs = new Set(
      a.labels.claims.filter((l) => sameNumber(l.value, c.value) && l.unit === c.unit).map((l) => l.asOf),
    );
    rankerRows("asOf", c, asOfs);
  }
  // the event-date ranker's rows come from the events the rule dates (see withRuleFor)
  for (const [e, dates] of factOutcomes(
    a.labels,
    withRuleFor("eventDate", () => extractArticle(a.article, cleaned)),
  ).eventDates)
    rankerRows("eventDate", e, dates);
  for (const [kind, facts] of [
    ["event", outcomes.events],
    ["claim", outcomes.claims],
  ] as const)
    for (const [fact, right] of facts) {
      const x = featuresOf(fact);
      if (x) rows[kind].push({ x, y: right ? 1 : 0, article });
    }
}
// the older fixtures (all development data), labelled by model slug
const labelDir = path.join(process.cwd(), "tests", "fixtures", "labels");
for (const f of readdirSync(labelDir).filter((n) => n.endsWith(".json"))) {
  const labels = JSON.parse(readFileSync(path.join(labelDir, f), "utf8")) as {
    file: string;
    models: { key: string }[];
  };
  const parsed = parseArticleFile(labels.file, readFileSync(path.join(process.cwd(), labels.file)));
  if (!parsed.ok) continue;
  article++;
  const ctx = buildContext(parsed.article, cleanBody(parsed.article.body));
  const keys = new Set(labels.models.map((m) => m.key));
  for (const c of modelCandidates(ctx))
    rows.model.push({ x: c.features, y: keys.has(slugify(c.name)) ? 1 : 0, article });
}

// priors (data/weight-priors.json): what a feature is expected to weigh before data; the fit is
// shrunk toward them (an L2 penalty on the distance, its size chosen by 5-fold cross-validation over
// articles), so a feature the rows say little about keeps it
const priorsFile = path.join(process.cwd(), "lib", "extract", "data", "weight-priors.json");
const priors = JSON.parse(readFileSync(priorsFile, "utf8")) as Partial<
  Record<Kind, { bias: number; features: Record<string, number> }>
>;
const confidencePriors = JSON.parse(
  readFileSync(path.join(process.cwd(), "lib", "extract", "data", "confidence.json"), "utf8"),
) as { headlinePrecision: number };
const RATE = 0.5;
const round = (x: number) => Number(x.toFixed(3));
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/**
 * The penalties tried; each scorer takes the one with the lowest log loss on articles left out.
 * The model scorer keeps the penalty it has been fitted with: cross-validation prefers 0.005 there
 * too, by 0.04 of log loss, but that moves the development split's model scores by under a point
 * and leans on repetition and the article's fields, which a short text (a one-line paste) lacks.
 */
const PENALTIES: Record<Kind, number[]> = {
  model: [0.05],
  event: [0.05, 0.02, 0.01, 0.005, 0.002, 0.001],
  claim: [0.05, 0.02, 0.01, 0.005, 0.002, 0.001],
  asOf: [0.02, 0.005, 0.001],
  eventDate: [0.02, 0.005, 0.001],
};
const FOLDS = 5;

/** Batch gradient descent on the mean log loss plus l2 × the squared distance from the priors. */
function train(kind: Kind, data: Row[], l2: number) {
  const features = [...new Set(rows[kind].flatMap((r) => Object.keys(r.x)))].sort();
  const priorOf = features.map((f) => priors[kind]?.features[f] ?? 0);
  // sparse rows as (feature index, value) pairs: a few thousand passes over a few hundred rows
  const sparse = data.map((r) => ({
    idx: Object.keys(r.x).map((f) => features.indexOf(f)),
    val: Object.values(r.x),
    y: r.y,
  }));
  const w = Float64Array.from(priorOf);
  let bias = priors[kind]?.bias ?? 0;
  const z = (idx: number[], val: number[]) => idx.reduce((acc, i, k) => acc + w[i] * val[k], bias);
  const grad = new Float64Array(features.length);
  for (let it = 0; it < 4000; it++) {
    grad.fill(0);
    let gb = 0;
    for (const r of sparse) {
      const e = sigmoid(z(r.idx, r.val)) - r.y;
      gb += e;
      r.idx.forEach((i, k) => (grad[i] += e * r.val[k]));
    }
    bias -= (RATE * gb) / sparse.length;
    for (let i = 0; i < features.length; i++) w[i] -= RATE * (grad[i] / sparse.length + l2 * (w[i] - priorOf[i]));
  }
  const weights = Object.fromEntries(features.map((f, i) => [f, w[i]]));
  const predict = (x: Record<string, number>) =>
    sigmoid(Object.entries(x).reduce((acc, [f, v]) => acc + (weights[f] ?? 0) * v, bias));
  return { features, w: weights, bias: () => bias, predict };
}

/** Mean log loss on each fold's articles of a fit on the other folds' (articles, not rows, are split). */
function heldOutLoss(kind: Kind, l2: number): number {
  let loss = 0;
  for (let k = 0; k < FOLDS; k++) {
    const { predict } = train(
      kind,
      rows[kind].filter((r) => r.article % FOLDS !== k),
      l2,
    );
    for (const r of rows[kind].filter((r) => r.article % FOLDS === k)) {
      const p = Math.min(1 - 1e-6, Math.max(1e-6, predict(r.x)));
      loss -= r.y ? Math.log(p) : Math.log(1 - p);
    }
  }
  return loss / rows[kind].length;
}

/**
 * How much more the threshold weighs precision than recall (F-beta with beta = 1 / PRECISION_WEIGHT):
 * the targets ask more of a model name's precision (95 %) than of its recall (90 %), and a name kept
 * wrongly shows on every page as a model.
 */
const PRECISION_WEIGHT = 2;

/** The penalty chosen by cross-validation, a fit on every row, and the threshold with the best F-beta (ties: the higher). */
function fit(kind: Kind) {
  const data = rows[kind];
  const losses = PENALTIES[kind].map((l2) => ({ l2, loss: heldOutLoss(kind, l2) }));
  const { l2 } = losses.reduce((a, b) => (b.loss < a.loss ? b : a));
  const { features, w, bias, predict } = train(kind, data, l2);
  const b2 = 1 / PRECISION_WEIGHT ** 2;
  let best = { threshold: 0.5, fBeta: -1, precision: 0, recall: 0 };
  for (let k = 1; k <= 18; k++) {
    const t = k / 20;
    let [tp, fp, fn] = [0, 0, 0];
    for (const r of data) {
      const yes = predict(r.x) >= t;
      if (yes && r.y) tp++;
      else if (yes) fp++;
      else if (r.y) fn++;
    }
    const precision = tp / Math.max(1, tp + fp);
    const recall = tp / Math.max(1, tp + fn);
    const fBeta = ((1 + b2) * precision * recall) / Math.max(1e-9, b2 * precision + recall);
    if (fBeta >= best.fBeta - 1e-9) best = { threshold: t, fBeta, precision, recall };
  }
  console.log(`\n${kind}: ${data.length} rows (${data.filter((r) => r.y).length} right) from the development split`);
  console.log(
    `log loss on left-out articles: ${losses.map((x) => `${x.l2} → ${x.loss.toFixed(4)}`).join(", ")}; penalty ${l2}`,
  );
  console.log(
    `threshold ${best.threshold}: precision ${(best.precision * 100).toFixed(1)}%, recall ${(best.recall * 100).toFixed(1)}% on these rows`,
  );
  for (const f of features) console.log(`  ${f.padEnd(22)} ${round(w[f])}`);
  console.log(`  ${"(bias)".padEnd(22)} ${round(bias())}`);
  // the claims' headline cut: the lowest at which the development claims rated at or above it are
  // right as often as the overview's headline must be (data/confidence.json headlinePrecision)
  let headline: number | undefined;
  if (kind === "claim") {
    for (let k = 18; k >= 1; k--) {
      const kept = data.filter((r) => predict(r.x) >= k / 20);
      if (kept.length && kept.filter((r) => r.y).length / kept.length >= confidencePriors.headlinePrecision)
        headline = k / 20;
      else break;
    }
    console.log(
      `headline cut ${headline} (claims at or above it right ≥ ${confidencePriors.headlinePrecision * 100}%)`,
    );
  }
  return {
    bias: round(bias()),
    penalty: l2,
    threshold: best.threshold,
    ...(headline === undefined ? {} : { headline }),
    features: Object.fromEntries(features.map((f) => [f, round(w[f])])),
  };
}

/**
 * A ranker (the as-of date): a conditional logit, the softmax over each claim's alternatives fitted
 * to put the labelled one first (log loss of the right alternatives' share), with the same penalty
 * toward the priors chosen by cross-validation over articles. There is no bias: it cancels out.
 */
function trainRanker(kind: Kind, data: Row[], l2: number) {
  const features = [...new Set(rows[kind].flatMap((r) => Object.keys(r.x)))].sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const priorOf = features.map((f) => priors[kind]?.features[f] ?? 0);
  const byGroup = new Map<number, { idx: number[]; val: number[]; y: number }[]>();
  for (const r of data) {
    const g = byGroup.get(r.group!) ?? [];
    g.push({ idx: Object.keys(r.x).map((f) => index.get(f)!), val: Object.values(r.x), y: r.y });
    byGroup.set(r.group!, g);
  }
  const w = Float64Array.from(priorOf);
  const grad = new Float64Array(features.length);
  const score = (a: { idx: number[]; val: number[] }) => a.idx.reduce((z, i, k) => z + w[i] * a.val[k], 0);
  for (let it = 0; it < 3000; it++) {
    grad.fill(0);
    for (const alts of byGroup.values()) {
      const z = alts.map(score);
      const top = Math.max(...z);
      const e = z.map((v) => Math.exp(v - top));
      const sum = e.reduce((a, b) => a + b, 0);
      const right = e.reduce((a, v, i) => a + (alts[i].y ? v : 0), 0);
      alts.forEach((a, i) => {
        const g = e[i] / sum - (a.y ? e[i] / right : 0);
        a.idx.forEach((f, k) => (grad[f] += g * a.val[k]));
      });
    }
    for (let i = 0; i < features.length; i++) w[i] -= RATE * (grad[i] / byGroup.size + l2 * (w[i] - priorOf[i]));
  }
  const weights = Object.fromEntries(features.map((f, i) => [f, w[i]]));
  /** the share the fit gives the right alternatives of a group */
  const rightShare = (alts: Row[]) => {
    const z = alts.map((a) => Object.entries(a.x).reduce((acc, [f, v]) => acc + (weights[f] ?? 0) * v, 0));
    const top = Math.max(...z);
    const e = z.map((v) => Math.exp(v - top));
    return e.reduce((a, v, i) => a + (alts[i].y ? v : 0), 0) / e.reduce((a, b) => a + b, 0);
  };
  return { features, w: weights, rightShare };
}

const groupsOf = (data: Row[]) => {
  const m = new Map<number, Row[]>();
  for (const r of data) m.set(r.group!, [...(m.get(r.group!) ?? []), r]);
  return [...m.values()];
};

function fitRanker(kind: Kind) {
  const data = rows[kind];
  const losses = PENALTIES[kind].map((l2) => {
    let loss = 0;
    for (let k = 0; k < FOLDS; k++) {
      const { rightShare } = trainRanker(
        kind,
        data.filter((r) => r.article % FOLDS !== k),
        l2,
      );
      for (const g of groupsOf(data.filter((r) => r.article % FOLDS === k)))
        loss -= Math.log(Math.max(1e-6, rightShare(g)));
    }
    return { l2, loss: loss / groupsOf(data).length };
  });
  const { l2 } = losses.reduce((a, b) => (b.loss < a.loss ? b : a));
  const { features, w } = trainRanker(kind, data, l2);
  const all = groupsOf(data);
  const score = (r: Row) => Object.entries(r.x).reduce((z, [f, v]) => z + (w[f] ?? 0) * v, 0);
  const top = all.filter((g) => g.reduce((x, y) => (score(y) > score(x) ? y : x)).y === 1).length;
  console.log(`\n${kind}: ${all.length} choices (${data.length} alternatives) from the development split`);
  console.log(
    `log loss on left-out articles: ${losses.map((x) => `${x.l2} → ${x.loss.toFixed(4)}`).join(", ")}; penalty ${l2}`,
  );
  console.log(
    `the right alternative ranked first in ${top} of ${all.length} (${((top / all.length) * 100).toFixed(1)}%)`,
  );
  for (const f of features) console.log(`  ${f.padEnd(22)} ${round(w[f])}`);
  return { bias: 0, penalty: l2, threshold: 0, features: Object.fromEntries(features.map((f) => [f, round(w[f])])) };
}

const out = {
  _comment: "Written by lib/cli/fit-weights.ts (logistic regression on the development split). Do not edit by hand.",
  model: fit("model"),
  event: fit("event"),
  claim: fit("claim"),
  asOf: fitRanker("asOf"),
  eventDate: fitRanker("eventDate"),
};
if (!dryRun) {
  const file = path.join(process.cwd(), "lib", "extract", "weights.json");
  const previous = readFileSync(file, "utf8");
  const next = JSON.stringify(out, null, 2) + "\n";
  writeFileSync(file, next);
  console.log(previous === next ? "weights.json unchanged" : "wrote lib/extract/weights.json");
  // events and claims were read with the model weights weights.json held when this run started
  const before = JSON.parse(previous) as { model?: unknown; asOf?: unknown; eventDate?: unknown };
  if (
    JSON.stringify(before.model) !== JSON.stringify(out.model) ||
    JSON.stringify(before.asOf) !== JSON.stringify(out.asOf) ||
    JSON.stringify(before.eventDate) !== JSON.stringify(out.eventDate)
  )
    console.log(
      "the model, as-of or event-date weights changed: run again, to fit events and claims over what the extractor now reads",
    );
}
