// Scores an extraction against an article's corpus labels (tests/fixtures/corpus/LABELLING.md).
// Labels name things as a reader does ("GLM-4.5", "智谱"); the extractor names them by slug and
// lists its names and aliases. A predicted model matches a labelled one when one of their names
// agrees after normalisation (width, script, case, spaces and dashes, a trailing 大模型).
// Funding rounds, listings and open-source releases are scored apart from the other events, with
// their details; a few of those details are scored again on their own (investors, valuations,
// amounts raised, sizes) over the items paired by company or model.
import type {
  ExtractedEvent,
  ExtractionResult,
  FundingDetails,
  ListingDetails,
  Money,
  OpenSourceDetails,
} from "@/lib/extract/types";
import { toSimplified } from "@/lib/extract/text";
import type { CorpusLabels } from "@/lib/validations/corpus-labels";

export const METRICS = [
  "models",
  "vendors",
  "events",
  "claims",
  "industries",
  "dates",
  "documentDate",
  "funding",
  "listings",
  "openSource",
  "fundingInvestors",
  "fundingValuation",
  "listingAmount",
  "openSourceSizes",
] as const;
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

/** Company names compared a little more loosely: a trailing 集团/公司/科技 does not make another company. */
const normCompany = (name: string) =>
  normName(name).replace(/(股份有限公司|有限公司|集团|公司|科技)$/u, "") || normName(name);
const companyForms = (names: (string | null | undefined)[]) =>
  new Set(names.filter((n): n is string => !!n).flatMap((n) => [normName(n), normCompany(n)]));

const moneyAgrees = (p: Money | null | undefined, value: number | null | undefined, currency: string | null) =>
  value === null || value === undefined
    ? !p
    : !!p && p.currency === currency && Math.abs(p.value - value) <= 0.01 * value;

const fmtMoney = (value: number | null | undefined, currency: string | null | undefined) =>
  value === null || value === undefined ? "null" : `${Number(value.toPrecision(6))}${currency ?? ""}`;

const dateOf = (e: ExtractedEvent) => (e.date.precision === "unknown" ? null : e.date.value);

/**
 * One-to-one pairing of labels and predictions: first the pairs that agree in full, then (for the
 * detail scores) pairs that share the key (company, model) alone.
 */
function pair<L, P>(labels: L[], preds: P[], same: (l: L, p: P) => boolean, full: (l: L, p: P) => boolean) {
  const byLabel = new Map<number, number>();
  const taken = new Set<number>();
  for (const test of [full, same]) {
    labels.forEach((l, li) => {
      if (byLabel.has(li)) return;
      const pi = preds.findIndex((p, i) => !taken.has(i) && same(l, p) && test(l, p));
      if (pi >= 0) {
        byLabel.set(li, pi);
        taken.add(pi);
      }
    });
  }
  const fullPairs = [...byLabel].filter(([li, pi]) => full(labels[li], preds[pi]));
  return {
    byLabel,
    taken,
    full: new Set(fullPairs.map(([li]) => li)),
    fullPreds: new Set(fullPairs.map(([, pi]) => pi)),
  };
}

const stripDatePrefix = (t: string) => toSimplified(t).replace(/^(截至|截止到|截止|到|至|于|在)/u, "");

/** One-to-one pairing of predicted models with labelled ones, a model whose own name is the label's first. */
function matchModels(labels: CorpusLabels, x: ExtractionResult) {
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
  return { modelOf, labelTaken };
}

const eventKey = (e: ExtractedEvent, name: (key: string | null) => string) =>
  `${e.type}|${name(e.modelKey)}|${e.date.precision === "unknown" ? null : e.date.value}`;
const claimKey = (c: { value: number; unit: string; asOf: { precision: string; value: string | null } }) =>
  `${Number(c.value.toPrecision(10))}|${c.unit}|${c.asOf.precision === "unknown" ? null : c.asOf.value}`;

/**
 * Which of the extraction's events and claims the labels hold, each label matching once, in text
 * order (what the events and claims metrics count): the outcomes their scorers are fitted to.
 */
export function factOutcomes(labels: CorpusLabels, x: ExtractionResult) {
  const { modelOf } = matchModels(labels, x);
  const name = (key: string | null) =>
    key !== null && modelOf.has(key) ? labels.models[modelOf.get(key)!].name : `?${key}`;
  const outcome = <T>(facts: T[], key: (f: T) => string, expected: string[]) => {
    const pool = new Map<string, number>();
    for (const e of expected) pool.set(e, (pool.get(e) ?? 0) + 1);
    return new Map(
      facts.map((f) => {
        const k = key(f);
        const n = pool.get(k) ?? 0;
        if (n > 0) pool.set(k, n - 1);
        return [f, n > 0] as const;
      }),
    );
  };
  const scored = x.events.filter((e) => e.modelKey !== null && e.type !== "funding" && e.type !== "listing");
  return {
    /** per event, the dates the labels give an event of its type and model (empty: the labels hold none) */
    eventDates: new Map(
      scored.map((e) => [
        e,
        new Set(labels.events.filter((l) => l.type === e.type && l.model === name(e.modelKey)).map((l) => l.date)),
      ]),
    ),
    events: outcome(
      scored,
      (e) => eventKey(e, name),
      labels.events.map((e) => `${e.type}|${e.model}|${e.date}`),
    ),
    claims: outcome(
      x.claims,
      claimKey,
      labels.claims.map((c) => `${Number(c.value.toPrecision(10))}|${c.unit}|${c.asOf}`),
    ),
  };
}

export function scoreArticle(labels: CorpusLabels, p: Prediction): ArticleScore {
  const x = p.extraction;
  const tallies = Object.fromEntries(METRICS.map((m) => [m, emptyTally()])) as Record<Metric, Tally>;
  const misses = Object.fromEntries(
    METRICS.map((m) => [m, { missed: [] as string[], spurious: [] as string[] }]),
  ) as ArticleScore["misses"];

  // Models: one-to-one, a predicted model whose own name equals the label's name first.
  const { modelOf, labelTaken } = matchModels(labels, x);
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
      .filter((e) => e.modelKey !== null && e.type !== "funding" && e.type !== "listing")
      .map((e) => eventKey(e, labelName)),
    labels.events.map((e) => `${e.type}|${e.model}|${e.date}`),
  );
  tallies.events = ev.tally;
  misses.events = { missed: ev.missed, spurious: ev.spurious };

  // Claims: value + unit + as-of.
  const num = (v: number) => String(Number(v.toPrecision(10)));
  const cl = compareStrings(
    x.claims.map(claimKey),
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

  scoreDetails(labels, x, modelOf, tallies, misses);

  const doc = compareStrings(p.documentDate ? [p.documentDate] : [], labels.documentDate ? [labels.documentDate] : []);
  tallies.documentDate = doc.tally;
  misses.documentDate = { missed: doc.missed, spurious: doc.spurious };
  return { tallies, misses };
}

/** The funding, listings and openSource metrics and their detail scores. */
function scoreDetails(
  labels: CorpusLabels,
  x: ExtractionResult,
  modelOf: Map<string, number>,
  tallies: Record<Metric, Tally>,
  misses: ArticleScore["misses"],
) {
  // A company is known by the names the extraction gives its organisation, and by the names the
  // labels give the same maker of a model (智谱 / 智谱AI / Zhipu).
  const orgs = new Map(x.organizations.map((o) => [o.key, o]));
  const makerNames = labels.models.map((m) => companyForms([m.vendor, ...m.vendorAliases]));
  const labelCompany = (name: string) => {
    const f = companyForms([name]);
    for (const g of makerNames) if (meets(f, g)) for (const n of g) f.add(n);
    return f;
  };
  const predCompany = (key: string | null, name?: string) => {
    const o = key ? orgs.get(key) : undefined;
    return companyForms([name, key, o?.nameZh, o?.nameEn, ...(o?.aliases ?? [])]);
  };
  const orgName = (key: string | null) => (key ? (orgs.get(key)?.nameZh ?? key) : "?");
  const tally = (m: Metric, tp: number, fp: number, fn: number) => {
    tallies[m].tp += tp;
    tallies[m].fp += fp;
    tallies[m].fn += fn;
  };

  // Funding: company + round + amount + date.
  const fund = x.events.filter((e) => e.type === "funding");
  const fd = (e: ExtractedEvent): FundingDetails | null => (e.details?.kind === "funding" ? e.details : null);
  const fl = labels.funding.map((l) => ({ l, company: labelCompany(l.company) }));
  const fp = fund.map((e) => ({ e, d: fd(e), company: predCompany(e.organizationKey) }));
  const fundingPairs = pair(
    fl,
    fp,
    (l, p) => meets(l.company, p.company),
    (l, p) =>
      (p.d?.round ?? "unknown") === l.l.round &&
      moneyAgrees(p.d?.amount, l.l.amount, l.l.currency) &&
      dateOf(p.e) === l.l.date,
  );
  const showFunding = (e: ExtractedEvent) => {
    const d = fd(e);
    return `${orgName(e.organizationKey)}|${d?.round ?? "?"}|${fmtMoney(d?.amount?.value, d?.amount?.currency)}|${dateOf(e)}`;
  };
  tally("funding", fundingPairs.full.size, fund.length - fundingPairs.full.size, fl.length - fundingPairs.full.size);
  misses.funding.missed = fl
    .map(({ l }, li) => ({ l, li }))
    .filter(({ li }) => !fundingPairs.full.has(li))
    .map(({ l, li }) => {
      const pi = fundingPairs.byLabel.get(li);
      return `${l.company}|${l.round}|${fmtMoney(l.amount, l.currency)}|${l.date}${pi === undefined ? "" : ` (got ${showFunding(fund[pi])})`}`;
    });
  misses.funding.spurious = fund.filter((_, i) => !fundingPairs.fullPreds.has(i)).map(showFunding);

  // Investors and valuations over the rounds paired by company.
  const investorNames = (d: FundingDetails | null) =>
    (d?.investors ?? []).map((inv) => ({ name: inv.name, forms: predCompany(inv.key, inv.name) }));
  fl.forEach(({ l }, li) => {
    const pi = fundingPairs.byLabel.get(li);
    const d = pi === undefined ? null : fp[pi].d;
    const got = investorNames(d);
    const used = new Set<number>();
    for (const inv of l.investors) {
      const f = labelCompany(inv);
      const gi = got.findIndex((g, i) => !used.has(i) && meets(g.forms, f));
      if (gi >= 0) {
        used.add(gi);
        tally("fundingInvestors", 1, 0, 0);
      } else {
        tally("fundingInvestors", 0, 0, 1);
        misses.fundingInvestors.missed.push(`${l.company} ← ${inv}`);
      }
    }
    got.forEach((g, i) => {
      if (used.has(i)) return;
      tally("fundingInvestors", 0, 1, 0);
      misses.fundingInvestors.spurious.push(`${l.company} ← ${g.name}`);
    });
    const v = d?.valuation ?? null;
    const lv = l.valuation ?? null;
    const ok =
      moneyAgrees(v, lv, l.currency ?? v?.currency ?? null) && (lv === null || v?.basis === (l.valuationType ?? null));
    if (lv !== null && ok) tally("fundingValuation", 1, 0, 0);
    if (!ok) {
      if (lv !== null) {
        tally("fundingValuation", 0, 0, 1);
        misses.fundingValuation.missed.push(`${l.company}|${fmtMoney(lv, l.currency)}|${l.valuationType ?? null}`);
      }
      if (v) {
        tally("fundingValuation", 0, 1, 0);
        misses.fundingValuation.spurious.push(`${l.company}|${fmtMoney(v.value, v.currency)}|${v.basis}`);
      }
    }
  });
  fp.forEach((p, pi) => {
    if (fundingPairs.taken.has(pi)) return;
    for (const g of investorNames(p.d)) {
      tally("fundingInvestors", 0, 1, 0);
      misses.fundingInvestors.spurious.push(`${orgName(p.e.organizationKey)} ← ${g.name} (round not labelled)`);
    }
    if (p.d?.valuation) {
      tally("fundingValuation", 0, 1, 0);
      misses.fundingValuation.spurious.push(
        `${orgName(p.e.organizationKey)}|${fmtMoney(p.d.valuation.value, p.d.valuation.currency)}`,
      );
    }
  });

  // Listings: company + exchange + date; the amount raised on its own.
  const list = x.events.filter((e) => e.type === "listing");
  const ld = (e: ExtractedEvent): ListingDetails | null => (e.details?.kind === "listing" ? e.details : null);
  const ll = labels.listings.map((l) => ({ l, company: labelCompany(l.company) }));
  const lp = list.map((e) => ({ e, d: ld(e), company: predCompany(e.organizationKey) }));
  const listingPairs = pair(
    ll,
    lp,
    (l, p) => meets(l.company, p.company),
    (l, p) => (p.d?.exchange ?? null) === l.l.exchange && dateOf(p.e) === l.l.date,
  );
  const showListing = (e: ExtractedEvent) => `${orgName(e.organizationKey)}|${ld(e)?.exchange ?? null}|${dateOf(e)}`;
  tally("listings", listingPairs.full.size, list.length - listingPairs.full.size, ll.length - listingPairs.full.size);
  misses.listings.missed = ll
    .map(({ l }, li) => ({ l, li }))
    .filter(({ li }) => !listingPairs.full.has(li))
    .map(({ l, li }) => {
      const pi = listingPairs.byLabel.get(li);
      return `${l.company}|${l.exchange}|${l.date}${pi === undefined ? "" : ` (got ${showListing(list[pi])})`}`;
    });
  misses.listings.spurious = list.filter((_, i) => !listingPairs.fullPreds.has(i)).map(showListing);
  ll.forEach(({ l }, li) => {
    const pi = listingPairs.byLabel.get(li);
    const a = pi === undefined ? null : (lp[pi].d?.amount ?? null);
    if (moneyAgrees(a, l.amount, l.currency)) {
      if (l.amount !== null) tally("listingAmount", 1, 0, 0);
      return;
    }
    if (l.amount !== null) {
      tally("listingAmount", 0, 0, 1);
      misses.listingAmount.missed.push(`${l.company}|${fmtMoney(l.amount, l.currency)}`);
    }
    if (a) {
      tally("listingAmount", 0, 1, 0);
      misses.listingAmount.spurious.push(`${l.company}|${fmtMoney(a.value, a.currency)}`);
    }
  });
  lp.forEach((p, pi) => {
    if (listingPairs.taken.has(pi) || !p.d?.amount) return;
    tally("listingAmount", 0, 1, 0);
    misses.listingAmount.spurious.push(
      `${orgName(p.e.organizationKey)}|${fmtMoney(p.d.amount.value, p.d.amount.currency)} (not labelled)`,
    );
  });

  // Open-source releases: model + licence + date; the sizes on their own.
  const os = x.events.filter((e) => e.type === "open_source" && e.modelKey !== null);
  const od = (e: ExtractedEvent): OpenSourceDetails | null => (e.details?.kind === "open_source" ? e.details : null);
  const modelName = (key: string | null) =>
    key !== null && modelOf.has(key) ? labels.models[modelOf.get(key)!].name : `?${key}`;
  const licenceOf = (l: string | null | undefined) => (l ? normName(l) : null);
  const osPairs = pair(
    labels.openSource,
    os,
    (l, e) => modelName(e.modelKey) === l.model,
    (l, e) => licenceOf(od(e)?.licence) === licenceOf(l.licence) && dateOf(e) === l.date,
  );
  const showOs = (e: ExtractedEvent) => `${modelName(e.modelKey)}|${od(e)?.licence ?? null}|${dateOf(e)}`;
  tally("openSource", osPairs.full.size, os.length - osPairs.full.size, labels.openSource.length - osPairs.full.size);
  misses.openSource.missed = labels.openSource
    .map((l, li) => ({ l, li }))
    .filter(({ li }) => !osPairs.full.has(li))
    .map(({ l, li }) => {
      const pi = osPairs.byLabel.get(li);
      return `${l.model}|${l.licence}|${l.date}${pi === undefined ? "" : ` (got ${showOs(os[pi])})`}`;
    });
  misses.openSource.spurious = os.filter((_, i) => !osPairs.fullPreds.has(i)).map(showOs);
  const sizeKey = (s: string) => s.normalize("NFKC").toUpperCase().replace(/\s/g, "");
  labels.openSource.forEach((l, li) => {
    const pi = osPairs.byLabel.get(li);
    const got = (pi === undefined ? [] : (od(os[pi])?.sizes ?? [])).map(sizeKey);
    const r = compareStrings(got, l.sizes.map(sizeKey));
    tally("openSourceSizes", r.tally.tp, r.tally.fp, r.tally.fn);
    misses.openSourceSizes.missed.push(...r.missed.map((z) => `${l.model} ${z}`));
    misses.openSourceSizes.spurious.push(...r.spurious.map((z) => `${l.model} ${z}`));
  });
  os.forEach((e, pi) => {
    if (osPairs.taken.has(pi)) return;
    for (const z of od(e)?.sizes ?? []) {
      tally("openSourceSizes", 0, 1, 0);
      misses.openSourceSizes.spurious.push(`${modelName(e.modelKey)} ${z} (release not labelled)`);
    }
  });
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
