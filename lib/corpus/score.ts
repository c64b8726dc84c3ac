// Scores an extraction against an article's corpus labels (tests/fixtures/corpus/LABELLING.md).
// Labels name things as a reader does ("GLM-4.5", "智谱"); the extractor names them by slug and
// lists its names and aliases. A predicted model matches a labelled one when one of their names
// agrees after normalisation (width, script, case, spaces and dashes, a trailing 大模型).
import type { ExtractionResult } from "@/lib/extract/types";
import { toSimplified } from "@/lib/extract/text";
import type { CorpusLabels } from "@/lib/validations/corpus-labels";

export const METRICS = ["models", "vendors", "events", "claims", "industries", "dates", "documentDate"] as const;
export type Metric = (typeof METRICS)[number];

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface ArticleScore {
  tallies: Record<Metric, Tally>;
  /** per metric: what was missed and what was spurious, as readable strings */
  misses: Record<Metric, { missed: string[]; spurious: string[] }>;
}

/** A name as compared: NFKC, Simplified, lower case, no spaces, dashes, dots between words or quotes. */
export function normName(name: string): string {
  const s = toSimplified(name.normalize("NFKC")).toLowerCase();
  const bare = s.replace(/[\s\-_·•‧・.'"“”「」『』《》()（）]/g, "");
  return bare.replace(/(大语言模型|大模型|模型)$/u, "") || bare;
}

const forms = (names: (string | null | undefined)[]) => new Set(names.filter((n): n is string => !!n).map(normName));
const meets = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/** The extraction's date phrases with their resolved values (what the `dates` metric reads). */
interface PredictedDate {
  text: string;
  value: string | null;
  precision: string;
}

export interface Prediction {
  extraction: ExtractionResult;
  dates: PredictedDate[];
  documentDate: string | null;
}

const emptyTally = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

/** Multiset comparison of strings: each expected item matches once. */
function compareStrings(predicted: string[], expected: string[]) {
  const pool = new Map<string, number>();
  for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
  const spurious: string[] = [];
  let tp = 0;
  for (const p of predicted) {
    const n = pool.get(p) ?? 0;
    if (n > 0) {
      tp++;
      pool.set(p, n - 1);
    } else spurious.push(p);
  }
  const missed = [...pool].flatMap(([k, n]) => Array<string>(n).fill(k));
  return { tally: { tp, fp: spurious.length, fn: missed.length }, missed, spurious };
}

const stripDatePrefix = (t: string) => toSimplified(t).replace(/^(截至|截止到|截止|到|至|于|在)/u, "");

export function scoreArticle(labels: CorpusLabels, p: Prediction): ArticleScore {
  const x = p.extraction;
  const tallies = Object.fromEntries(METRICS.map((m) => [m, emptyTally()])) as Record<Metric, Tally>;
  const misses = Object.fromEntries(
    METRICS.map((m) => [m, { missed: [] as string[], spurious: [] as string[] }]),
  ) as ArticleScore["misses"];

  // Models: one-to-one, a predicted model whose own name equals the label's name first.
  const labelForms = labels.models.map((m) => forms([m.name, ...m.aliases]));
  const predForms = x.models.map((m) => forms([m.nameZh, m.nameEn, ...m.aliases]));
  const modelOf = new Map<string, number>(); // predicted key -> label index
  const labelTaken = new Set<number>();
  for (const exactFirst of [true, false]) {
    x.models.forEach((m, pi) => {
      if (modelOf.has(m.key)) return;
      const li = labels.models.findIndex((l, i) => {
        if (labelTaken.has(i)) return false;
        return exactFirst ? forms([m.nameZh, m.nameEn]).has(normName(l.name)) : meets(predForms[pi], labelForms[i]);
      });
      if (li >= 0) {
        modelOf.set(m.key, li);
        labelTaken.add(li);
      }
    });
  }
  tallies.models = { tp: modelOf.size, fp: x.models.length - modelOf.size, fn: labels.models.length - modelOf.size };
  misses.models.missed = labels.models.filter((_, i) => !labelTaken.has(i)).map((l) => l.name);
  misses.models.spurious = x.models.filter((m) => !modelOf.has(m.key)).map((m) => `${m.nameZh} (${m.key})`);

  // Vendors: a found model with the labelled maker.
  const orgForms = new Map(x.organizations.map((o) => [o.key, forms([o.nameZh, o.nameEn, ...o.aliases])]));
  for (const [li, l] of labels.models.entries()) {
    if (!l.vendor) continue;
    const m = x.models.find((mm) => modelOf.get(mm.key) === li);
    const got = m?.vendorKey ? (orgForms.get(m.vendorKey) ?? forms([m.vendorKey])) : null;
    if (got && meets(got, forms([l.vendor, ...l.vendorAliases]))) tallies.vendors.tp++;
    else {
      tallies.vendors.fn++;
      misses.vendors.missed.push(
        `${l.name} ← ${l.vendor}${m ? ` (got ${m.vendorKey ?? "none"})` : " (model not found)"}`,
      );
      if (m?.vendorKey) {
        tallies.vendors.fp++;
        misses.vendors.spurious.push(`${l.name} ← ${m.vendorKey}`);
      }
    }
  }
  for (const m of x.models) {
    if (!modelOf.has(m.key) && m.vendorKey) {
      tallies.vendors.fp++;
      misses.vendors.spurious.push(`${m.nameZh} ← ${m.vendorKey} (model not labelled)`);
    }
  }

  // Events: type + model + date at its precision.
  const labelName = (key: string | null) =>
    key !== null && modelOf.has(key) ? labels.models[modelOf.get(key)!].name : `?${key}`;
  const ev = compareStrings(
    x.events
      .filter((e) => e.modelKey !== null)
      .map((e) => `${e.type}|${labelName(e.modelKey)}|${e.date.precision === "unknown" ? null : e.date.value}`),
    labels.events.map((e) => `${e.type}|${e.model}|${e.date}`),
  );
  tallies.events = ev.tally;
  misses.events = { missed: ev.missed, spurious: ev.spurious };

  // Claims: value + unit + as-of.
  const num = (v: number) => String(Number(v.toPrecision(10)));
  const cl = compareStrings(
    x.claims.map((c) => `${num(c.value)}|${c.unit}|${c.asOf.precision === "unknown" ? null : c.asOf.value}`),
    labels.claims.map((c) => `${num(c.value)}|${c.unit}|${c.asOf}`),
  );
  tallies.claims = cl.tally;
  misses.claims = { missed: cl.missed, spurious: cl.spurious };

  const ind = compareStrings([...new Set(x.industries.map((i) => i.key))], [...new Set(labels.industries)]);
  tallies.industries = ind.tally;
  misses.industries = { missed: ind.missed, spurious: ind.spurious };

  // Dates: value and precision equal, and one phrase inside the other (labels sometimes take a
  // word more or less: 今天凌晨 for 今天, 已于5月 for 5月).
  const predictedDates = p.dates
    .filter((d) => d.value !== null)
    .map((d) => ({ ...d, t: stripDatePrefix(d.text), used: false }));
  for (const l of labels.dates) {
    const lt = stripDatePrefix(l.text);
    const hit = predictedDates.find(
      (d) => !d.used && d.value === l.value && d.precision === l.precision && (d.t.includes(lt) || lt.includes(d.t)),
    );
    if (hit) {
      hit.used = true;
      tallies.dates.tp++;
    } else {
      tallies.dates.fn++;
      misses.dates.missed.push(`${l.text}|${l.value}|${l.precision}`);
    }
  }
  for (const d of predictedDates.filter((x) => !x.used)) {
    tallies.dates.fp++;
    misses.dates.spurious.push(`${d.text}|${d.value}|${d.precision}`);
  }

  const doc = compareStrings(p.documentDate ? [p.documentDate] : [], labels.documentDate ? [labels.documentDate] : []);
  tallies.documentDate = doc.tally;
  misses.documentDate = { missed: doc.missed, spurious: doc.spurious };
  return { tallies, misses };
}

export function addTallies(into: Record<Metric, Tally>, from: Record<Metric, Tally>) {
  for (const m of METRICS) {
    into[m].tp += from[m].tp;
    into[m].fp += from[m].fp;
    into[m].fn += from[m].fn;
  }
}

export const emptyTallies = () => Object.fromEntries(METRICS.map((m) => [m, emptyTally()])) as Record<Metric, Tally>;

export const precision = (t: Tally) => (t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1);
export const recall = (t: Tally) => (t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1);
