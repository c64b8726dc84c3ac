// Claims: numeric statements (截至2023年7月，我国累计已经发布130个大模型) with bound, unit, the date
// they hold at, scope, subject and the organisation that states them. The words live in
// data/claims.json and data/numerals.json; this file reads numbers, units and prices with them.
import type { ClaimBound, ClaimDetails, DatePoint, ExtractedClaim, ExtractedEvent } from "./types";
import type { ArticleContext } from "./context";
import type { ModelMention } from "./models";
import type { OrgMention } from "./organizations";
import { cnNumber, startsPeriod, UNKNOWN_DATE, type DateHit } from "./dates";
import type { SentenceSpan } from "@/lib/text/body";
import { clauseAround, evidenceOf } from "./text";
import { ORGANIZATIONS } from "./registry";
import PRIORS from "./data/confidence.json";
import {
  bestAlternative,
  dateKey,
  fittedConfidence,
  proposalsByDate,
  withAlternatives,
  withFeatures,
  type Alternative,
  type Features,
} from "./scoring";
import numerals from "./data/numerals.json";
import L from "./data/claims.json";

// ---- vocabulary compiled once ---------------------------------------------------------------------

const DIGITS: Record<string, number> = numerals.digits;
const UNITS: Record<string, number> = numerals.units;
const MULTIPLIERS: Record<string, number> = numerals.multipliers;
const AMBIGUOUS_MULT: Record<string, string> = numerals.ambiguousMultipliers;
const SIZE_SUFFIX: Record<string, number> = numerals.sizeSuffixes;
const BOUND_BEFORE = L.bounds.before as Record<string, ClaimBound | "vague">;
const BOUND_AFTER = L.bounds.after as Record<string, ClaimBound>;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An alternation of words, longest first so that 约有 wins over 约. */
const alt = (words: string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

const NUM =
  "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)";
const PRE = `(${alt(Object.keys(BOUND_BEFORE))})?`;
const POST = `(${alt(Object.keys(BOUND_AFTER))})?`;
const MULT = `(${alt(Object.keys(MULTIPLIERS))})?`;
const DIRECT_UNITS: Record<string, string> = L.directUnits;
const UNIT_WORDS = alt([...Object.keys(DIRECT_UNITS), ...L.classifiers.split("|")]);
const CLASSIFIER = new RegExp(`^(?:${L.classifiers})$`);
const CLAIM_RE = new RegExp(`${PRE}${NUM}${POST}${MULT}${POST}\\s*(${UNIT_WORDS})`, "giu");

/** noun heads looked for after a count: [pattern anchored at the noun, unit, characters it may lie from the number] */
const NOUNS: [RegExp, string, number][] = L.nouns.map(([re, unit, reach]) => [
  new RegExp(`(?:${re as string})`, "g"),
  unit as string,
  reach as number,
]);
const CLASSIFIER_NOUNS: Record<string, [RegExp, string][]> = Object.fromEntries(
  Object.entries(L.classifierNouns).map(([c, list]) => [c, list.map(([re, u]) => [new RegExp(`^(?:${re})`), u])]),
);
const CLASSIFIER_UNITS: Record<string, string> = L.classifierUnits;
const VERBS: [RegExp, string][] = L.verbs.map(([re, v]) => [new RegExp(re), v]);
const FILING_UNITS: Record<string, string> = L.filingUnits;
const UNIT_METRICS: Record<string, string> = L.unitMetrics;
const FILING_METRICS = new Set(L.filingMetrics);
/** services_filed, services_filed_new, organizations_filed_part: the regulator's counts */
const isFiling = (metric: string) => FILING_METRICS.has(metric.replace(/_(?:new|part)$/, ""));
const TOTAL_VERBS = new Set(L.subCounts.verbs);
const NEW_COUNT = new RegExp(L.subCounts.new);
const PART_COUNT = new RegExp(L.subCounts.part);

const NOUN_FIRST_UNIT = L.nounFirst.units as unknown as Record<string, [string, string]>;
const NOUN_FIRST = new RegExp(
  `${L.nounFirst.pattern}${NUM}${POST}${MULT}(?:${L.nounFirst.classifierAfter})?${POST}(?![\\d年月日个款%％倍])`,
  "giu",
);

const PERCENT_METRICS: [RegExp, string][] = L.percentMetrics.map(([re, m]) => [new RegExp(re), m]);
const PRICE_CUT_CONTEXT = new RegExp(L.priceCutContext);

// 406B参数, 128K上下文, 1T: a size with a Latin suffix, not inside a model name (Qwen2.5-72B)
const SIZE_RE = new RegExp(
  `(?<![A-Za-z0-9.\\-_/]|[A-Za-z0-9.]\\s)${NUM}\\s*(${Object.keys(SIZE_SUFFIX).join("|")})(?![A-Za-z0-9])`,
  "giu",
);
const PARAMETER_CUE = new RegExp(L.sizes.parameterCue);
const SIZE_LIST_REST = new RegExp(
  `^(?:\\s*[、,，和及与]\\s*${NUM}\\s*(?:${Object.keys(SIZE_SUFFIX).join("|")}))+`,
  "iu",
);
const LENGTH_CUE = new RegExp(L.sizes.lengthCue, "i");
// 万亿参数, 万卡规模, 兆级: a magnitude word standing for the number
const MAGNITUDE_RE = new RegExp(
  `(?<![\\d零〇一二两三四五六七八九十百千万亿兆.数几上每])(${alt(Object.keys(MULTIPLIERS))})(?:级|量级|规模)?(?:的)?(参数|tokens?|卡)`,
  "giu",
);
const MAGNITUDE_LEVEL_RE = new RegExp(L.magnitudeAfterNoun, "g");
const DURATIONS = L.durations as unknown as Record<string, [number, string]>;
const DURATION_RE = new RegExp(
  `${PRE}(\\d+(?:\\.\\d+)?)${POST}\\s*(${alt(Object.keys(DURATIONS))})(?!${L.durationNotBefore})`,
  "gu",
);
const RATE_RE = new RegExp(
  `${L.rates.perSecondTokens}(?:约)?(\\d+(?:\\.\\d+)?)(?:\\s*(?:至|到|-|~|—)\\s*(\\d+(?:\\.\\d+)?))?\\s*(?:个)?\\s*tokens?`,
  "giu",
);
const AT_MOST = new RegExp(L.rates.atMost);
const FLOPS = L.flops as Record<string, number>;
const FLOPS_RE = new RegExp(`${PRE}${NUM}\\s*(${alt(Object.keys(FLOPS))})(?:\\/秒|每秒)?`, "giu");
const SCORE_RE = new RegExp(L.score, "g");
const SHARES_RE = new RegExp(`${PRE}${NUM}${MULT}股(?!${L.sharesNotBefore})`, "gu");
// 百分之一, 七成, 十分之一, 1/400, 一半
const PER_CENT_RE = /百分之([零〇一二两三四五六七八九十百点\d.]+)/g;
const TENTHS_RE = new RegExp(
  `(?<![\\d零〇一二两三四五六七八九十])([一二两三四五六七八九])成(?!${L.percentWords.tenthsNotBefore})`,
  "g",
);
const FRACTION_RE = /(?<![\d几数])([一二两三四五六七八九十百千]+)分之([一二两三四五六七八九十]+)/g;
const SHARE_OF = new RegExp(L.percentWords.shareOf);
const DIGIT_FRACTION_RE = /(?<=的)(\d+)\/(\d+)(?![\d/])/g;
const HALF_RE = new RegExp(`(?<=${L.percentWords.halfAfter})一半(?!以上)`, "g");

const CURRENCIES = L.currencies as unknown as Record<string, [number, string]>;
const PNUM = "(\\d+(?:,\\d{3})*(?:\\.\\d+)?)";
const CURRENCY = `(${alt(Object.keys(CURRENCIES))})`;
const CURRENCY_UNITS = new Set([...Object.values(CURRENCIES).map(([, unit]) => unit), "twd"]);
const PER_TOKENS: Record<string, number> = L.perTokens;
const PER = `(${alt(Object.keys(PER_TOKENS))})`;
// 0.0008元/千Tokens, 1元/百万tokens, 0.8厘/千tokens
const PRICE_AFTER_RE = new RegExp(
  `${PNUM}\\s*${MULT}\\s*${CURRENCY}\\s*(?:\\/|每)\\s*${PER}?\\s*(?:个)?\\s*tokens?`,
  "giu",
);
// 每百万Tokens输入1元、输出2元 / 每千tokens 0.005元
const PER_FIRST_RE = new RegExp(`每\\s*${PER}\\s*(?:个)?\\s*(输入|输出)?\\s*tokens?`, "giu");
const IN_OUT_RE = new RegExp(
  `(输入|输出|input|output)?(?:${L.priceLead.noun})?(?:${L.priceLead.verb})?\\s*${PNUM}\\s*${CURRENCY}(?![\\/每])`,
  "giu",
);
const BARE_PRICE_RE = new RegExp(`${PNUM}\\s*(元|美元)(?![\\/每钱])`, "gu");
// 缓存命中0.5元 / 输出则为12元 / 未命中时为4元
const LED_PRICE_RE = new RegExp(
  `(${L.inheritedPriceLead})(?:时)?(?:${L.priceLead.noun})?(?:则)?(?:${L.priceTo}|${L.priceLead.verb})?\\s*${PNUM}\\s*(元|美元)(?![\\/每钱])`,
  "giu",
);
const PREFIX_CURRENCY = L.currencyPrefixes as Record<string, string>;
// 10亿美元, 50亿元人民币, 43.48亿港元, 新台币2亿元
const MONEY_RE = new RegExp(
  `(${alt(Object.keys(PREFIX_CURRENCY))})?${PRE}${PNUM}\\s*(多|余)?${MULT}\\s*(美元|元人民币|人民币|元|港元|港币)(?!\\s*(?:\\/|每))${POST}`,
  "gu",
);
const PRICE_FROM = new RegExp(`(?:${L.priceFrom})[^，。；]*$`);
const PRICE_TO_AFTER = new RegExp(`^[^，。；]{0,24}?(?:${L.priceTo})`);
const PRICE_TO_BEFORE = new RegExp(`(?:${L.priceTo})`);
const CACHE_HIT = new RegExp(L.cacheHit);
const MONEY_CONTEXT = Object.entries(L.moneyContext).map(([m, re]) => [m, new RegExp(re)] as const);

const FREE_RE = new RegExp(L.free, "g");
const PRICE_CONTEXT = new RegExp(L.priceContext);
const REPORT = new RegExp(L.report);
const CHINA = new RegExp(L.scopes.China);
const GLOBAL = new RegExp(L.scopes.global);
const SCOPE_WORD = new RegExp(`${L.scopes.China}|${L.scopes.global}`, "g");
const COMPARED_WITH = new RegExp(L.comparedWith);
const VERB_AFTER_COUNT = new RegExp(L.verbAfterCount);
const COMPARISON_DATE = new RegExp(L.comparisonDate);
const COMPARISON_END = new RegExp(L.comparisonEnd);
const NOW_RE = new RegExp(L.now, "g");
const RECENT = new RegExp(L.recent);
const EVENT_NAME_AFTER = new RegExp(L.skip.eventNameAfter);
const ILLUSTRATION = new RegExp(L.skip.illustration);
const POINTS_BACK = new RegExp(L.skip.pointsBack);
const NOT_COUNT_AFTER = new RegExp(L.skip.classifierNotCount);
const MAGNITUDE_RANGE = new RegExp(L.skip.magnitudeRange);
const CLAUSE_BREAK = /[，,；;：:。！？!?]/;
const RESPECTIVE = new RegExp(L.respective.marker, "g");
const SAME_PERIODS = new RegExp(L.respective.samePeriods);
const LIST_JOIN = new RegExp(L.respective.listJoin);
const YEAR_RANGE = new RegExp(L.respective.yearRange);
/** The most years a range (2019年至2024年) may list and still be read as an enumeration of periods. */
const MAX_RANGE_YEARS = 8;

/** Cheap tests of a sentence before a reading's own expressions run on it. */
const HAS = {
  money: /[元厘分]|美元|港|人民币/,
  flops: /次|FLOPS/i,
  size: /\d\s*[KMBT](?![A-Za-z])/i,
  duration: /\d\s*(?:秒|分钟|小时|天)/,
  digit: /[\d零〇一二两三四五六七八九十百千]/,
  magnitude: /[万亿千兆]/,
  percentWord: /百分之|成|分之|一半|\d\/\d/,
};

/** Sentences back that a claim with no date of its own looks for the date it holds at. */
const AS_OF_REACH = 3;

/** How a claim was read (its prior confidence, data/confidence.json). */
type Reading = keyof typeof PRIORS.claimReading;

// ---- numbers ------------------------------------------------------------------------------------

/** 一百三十 -> 130, 两千 -> 2000, 十 -> 10, 一点五 -> 1.5, 3,890 -> 3890; Arabic passes through. */
export function parseNumber(s: string): number | null {
  const plain = s.replace(/,/g, "");
  if (/^\d+(?:\.\d+)?$/.test(plain)) return Number(plain);
  const [whole, frac] = s.split("点");
  if (frac !== undefined) {
    const w = parseNumber(whole);
    if (w === null || ![...frac].every((c) => c in DIGITS)) return null;
    return Number(`${w}.${[...frac].map((c) => DIGITS[c]).join("")}`);
  }
  if (/^[〇零一二两三四五六七八九]+$/.test(s) && s.length > 1) return cnNumber(s);
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGITS) current = DIGITS[ch];
    else if (ch in UNITS) {
      total += (current || 1) * UNITS[ch];
      current = 0;
    } else return null;
  }
  return total + current;
}

const multiplier = (m: string | undefined) => (m ? (MULTIPLIERS[m] ?? 1) : 1);
const round = (x: number) => Number(x.toPrecision(12));

function boundOf(pre: string | undefined, post: string | undefined): ClaimBound {
  if (post && BOUND_AFTER[post]) return BOUND_AFTER[post];
  const b = pre ? BOUND_BEFORE[pre] : undefined;
  return b && b !== "vague" ? b : "exact";
}

/** 数十 / 几百 / 上兆: a magnitude, not a number anyone could chart. */
const isVague = (pre: string | undefined, num: string) =>
  pre !== undefined && BOUND_BEFORE[pre] === "vague" && /^[十百千万亿兆]/.test(num);

// ---- readings -----------------------------------------------------------------------------------

/** One number read from a sentence, before it becomes a claim. */
interface Found {
  /** span of the number's phrase in the sentence */
  index: number;
  length: number;
  value: number;
  unit: string;
  metric: string;
  bound: ClaimBound;
  reading: Reading;
  clauseStart?: number;
  /** a price before a change (从5元降到1元): the text does not say since when it held */
  undated?: boolean;
  /** a price that holds from a date (自4月1日起全面免费): a period's start dates it */
  fromStart?: boolean;
  /** the side of a price change the price is on */
  role?: "before" | "after";
  /** a price: what one unit of its currency as written comes to per million tokens */
  scale?: number;
  /** a percentage its clause calls a cut (降幅80%), a price cut when prices are stated around it */
  cut?: boolean;
  details?: ClaimDetails;
  /** 2022年至2024年，营收分别为A、B和C: the period of the list this number stands at in the enumeration */
  respective?: DatePoint;
}

/** Readings of one sentence, with a check that a new one does not overlap one already taken. */
class Readings {
  readonly list: Found[] = [];
  taken(i: number, n: number): boolean {
    return this.list.some((a) => i < a.index + a.length && i + n > a.index);
  }
  add(f: Found): boolean {
    if (this.taken(f.index, f.length)) return false;
    this.list.push(f);
    return true;
  }
}

/** The nearest 输入 / 输出 before a price in its clause says which side of the price it is. */
function priceSide(text: string, at: number): string {
  const before =
    text
      .slice(Math.max(0, at - 20), at)
      .split(/[，。；]/)
      .pop() ?? "";
  const last = [...before.matchAll(/输入|输出|input|output/gi)].pop();
  return !last ? "price" : /输入|input/i.test(last[0]) ? "price_input" : "price_output";
}

/** 从0.02元/千tokens降至0.0005元/千tokens: the first price is the one before the change. */
function priceRole(text: string, at: number, end: number): "before" | "after" | undefined {
  const [cs] = clauseAround(text, at);
  const before = text.slice(cs, at);
  if (PRICE_FROM.test(before) && PRICE_TO_AFTER.test(text.slice(end))) {
    const to = [...before.matchAll(new RegExp(PRICE_TO_BEFORE, "g"))].pop();
    const from = PRICE_FROM.exec(before);
    if (!to || (from && from.index > to.index)) return "before";
  }
  return PRICE_TO_BEFORE.test(before) ? "after" : undefined;
}

function perMillion(num: string, mult: string | undefined, currency: string, per: string | undefined) {
  const [factor, cur] = CURRENCIES[currency];
  const scale = factor * (1e6 / (PER_TOKENS[(per ?? "1").toLowerCase()] ?? 1));
  const value = Number(num.replace(/,/g, "")) * multiplier(mult) * scale;
  return { value: round(value), unit: `${cur}_per_million_tokens`, scale };
}

/**
 * Prices per token (normalised to a currency per million tokens) and amounts of money. `basis` is
 * how many tokens the article's last price was given per (百万, 千); returns this sentence's.
 */
function readPrices(text: string, r: Readings, prevPrices: Found[], basis: string | null): string | null {
  let own: string | null = null;
  const priced = (
    index: number,
    length: number,
    p: { value: number; unit: string; scale: number },
    metric: string,
    bound: ClaimBound,
  ) => {
    const role = priceRole(text, index, index + length);
    const hit = CACHE_HIT.test(text.slice(index + length, index + length + 8)) && metric === "price_input";
    r.add({
      index,
      length,
      ...p,
      metric: role === "before" ? `${metric}_before` : hit ? "price_input_cache_hit" : metric,
      bound,
      reading: "price",
      undated: role === "before",
      fromStart: true,
      role,
    });
  };
  for (const m of text.matchAll(PRICE_AFTER_RE)) {
    const [whole, num, mult, currency, per] = m;
    own = per ?? "1";
    const low = /低至/.test(text.slice(Math.max(0, m.index - 3), m.index));
    priced(
      m.index,
      whole.length,
      perMillion(num, mult, currency, per),
      priceSide(text, m.index),
      low ? "lower" : "exact",
    );
  }
  // 每百万tokens 0.8元 / 每百万输入tokens在缓存命中时为1元 / 每千tokens定价0.015元: each amount after a
  // "per N tokens" phrase, up to the next such phrase or the end of its clause (a clause that goes on
  // with 输入 / 输出 continues it), priced per that many tokens
  const pers = [...text.matchAll(PER_FIRST_RE)];
  pers.forEach((perFirst, k) => {
    const from = perFirst.index + perFirst[0].length;
    own = perFirst[1];
    let to = pers[k + 1]?.index ?? text.length;
    for (let i = from; i < to; i++) {
      if (!CLAUSE_BREAK.test(text[i])) continue;
      if (text[i] === "，" && /^(?:输入|输出|input|output)/i.test(text.slice(i + 1))) continue;
      to = i;
    }
    for (const m of text.slice(from, to).matchAll(IN_OUT_RE)) {
      const index = from + m.index;
      const [whole, io, num, currency] = m;
      if (r.taken(index, whole.length) || !/^(?:元|厘|分|美元|美分|元人民币|人民币)$/.test(currency)) continue;
      const which = io ?? perFirst[2];
      const metric = which ? (/输入|input/i.test(which) ? "price_input" : "price_output") : priceSide(text, index);
      priced(index, whole.length, perMillion(num, undefined, currency, perFirst[1]), metric, "exact");
    }
  });
  // DeepSeek-R1对应的接口则分别为1元、4元和16元 / 每百万tokens输入0.3美元、输出1.2美元，在国内站分别为2.1元和
  // 8.4元: the prices just given (this sentence's, else the sentence before's), in the same order
  const respective = /分别/.exec(text);
  if (respective) {
    const given = r.list.filter((f) => f.reading === "price" && f.index < respective.index && f.scale !== undefined);
    const earlier = given.length >= 2 ? given : pers.length ? [] : prevPrices;
    const bare = [...text.slice(respective.index).matchAll(BARE_PRICE_RE)]
      .map((m) => ({ m, index: respective.index + m.index }))
      .filter(({ m, index }) => !r.taken(index, m[0].length));
    // (per as many tokens as the prices listed: this sentence's, else the article's last)
    const per = given.length >= 2 ? (own ?? basis) : basis;
    if (earlier.length >= 2 && bare.length === earlier.length)
      bare.forEach(({ m, index }, k) => {
        const p = earlier[k];
        const cur = /美元/.test(m[2]) ? "usd" : "cny";
        if (p.scale === undefined) return;
        if (p.unit.startsWith(cur)) {
          r.add({
            ...p,
            index,
            length: m[0].length,
            value: round(Number(m[1].replace(/,/g, "")) * p.scale),
            details: undefined,
          });
        } else if (per) {
          r.add({ ...p, index, length: m[0].length, ...perMillion(m[1], undefined, m[2], per), details: undefined });
        }
      });
  }
  // 缓存命中0.5元、未命中4元、输出12元 in an article that gave its prices per so many tokens before:
  // an amount led by a price side (输入, 输出, 缓存命中) is priced per as many tokens
  const ledPer = own ?? basis;
  if (ledPer)
    for (const m of text.matchAll(LED_PRICE_RE)) {
      const [whole, side, num, currency] = m;
      const index = m.index + whole.lastIndexOf(num);
      if (r.taken(index, whole.length - (index - m.index))) continue;
      const metric = /输入|input/i.test(side)
        ? "price_input"
        : /输出|output/i.test(side)
          ? "price_output"
          : CACHE_HIT.test(side) && !/未/.test(side)
            ? "price_input_cache_hit"
            : "price_input";
      r.add({
        index,
        length: whole.length - (index - m.index),
        ...perMillion(num, undefined, currency, ledPer),
        metric: priceRole(text, index, m.index + whole.length) === "before" ? `${metric}_before` : metric,
        bound: "exact",
        reading: "price",
        fromStart: true,
      });
    }
  for (const m of text.matchAll(MONEY_RE)) {
    const [whole, prefix, pre, num, post, mult, currency, after] = m;
    if (r.taken(m.index, whole.length) || isVague(pre, num)) continue;
    const [factor, cur0] = CURRENCIES[currency] ?? [1, "cny"];
    const cur = prefix && /元/.test(currency) ? PREFIX_CURRENCY[prefix] : cur0;
    const value = round(Number(num.replace(/,/g, "")) * multiplier(mult) * factor);
    const clause = text.slice(Math.max(0, m.index - 16), m.index);
    const around = clause + text.slice(m.index, m.index + whole.length + 8);
    const metric =
      MONEY_CONTEXT.find(([k, re]) => (k === "funding_amount" ? re.test(around) : re.test(clause)))?.[0] ?? "amount";
    r.add({
      index: m.index,
      length: whole.length,
      value,
      unit: cur,
      metric,
      bound: boundOf(pre, post ?? after),
      reading: "money",
    });
  }
  return own;
}

/** ERNIE Speed和ERNIE Lite全面免费: a price of 0 for each model named before 免费 in its clause. */
function readFree(text: string, sStart: number, models: ModelMention[], priceTalk: boolean): [Found, string][] {
  const out: [Found, string][] = [];
  const done = new Set<string>();
  for (const f of text.matchAll(FREE_RE)) {
    // 全面免费 / 永久免费 are about price wherever they stand; a bare 免费 only in a sentence about prices
    if (!priceTalk && !f[1]) continue;
    const [cs] = clauseAround(text, f.index);
    for (const x of models) {
      const at = x.start - sStart;
      if (at < cs || at >= f.index || done.has(x.key)) continue;
      done.add(x.key);
      out.push([
        {
          index: f.index,
          length: 0,
          value: 0,
          unit: "cny_per_million_tokens",
          metric: "price",
          bound: "exact",
          reading: "price",
          clauseStart: cs,
          fromStart: true,
        },
        x.key,
      ]);
    }
  }
  return out;
}

/** 直降97%, 降幅达97%, 下调80%: a cut in price, else growth, a reduction or a share. */
function percentMetric(text: string, clauseStart: number, end: number, unit: string): string {
  const clause = text.slice(clauseStart, end);
  for (const [re, m] of PERCENT_METRICS) {
    if (!re.test(clause)) continue;
    if (m === "cut") {
      if (unit === "percent" && PRICE_CUT_CONTEXT.test(text)) return "price_cut_percent";
      return "reduction";
    }
    return m;
  }
  return unit === "times" ? "multiple" : "share";
}

const CUT = PERCENT_METRICS.find(([, m]) => m === "cut")![0];
const isCut = (text: string, clauseStart: number, end: number) => CUT.test(text.slice(clauseStart, end));

/** Percentages written in words: 百分之一, 七成, 约占十分之一, 的1/400, 的一半. */
function readPercentWords(text: string, r: Readings) {
  const add = (index: number, length: number, value: number | null) => {
    if (value === null || !Number.isFinite(value)) return;
    const [cs] = clauseAround(text, index);
    const pre = text.slice(Math.max(cs, index - 12), index);
    const post = text.slice(index + length, index + length + 2);
    const bound: ClaimBound =
      /超过|超|逾/.test(pre) || /^以上/.test(post)
        ? "lower"
        : /近|接近|不到|不足/.test(pre)
          ? "upper"
          : /约/.test(pre) || /^(?:左右|上下)/.test(post)
            ? "approx"
            : "exact";
    r.add({
      index,
      length,
      value: round(value),
      unit: "percent",
      metric: percentMetric(text, cs, index + length, "percent"),
      bound,
      reading: "percent",
      clauseStart: cs,
      cut: isCut(text, cs, index + length),
    });
  };
  for (const m of text.matchAll(PER_CENT_RE)) add(m.index, m[0].length, parseNumber(m[1]));
  for (const m of text.matchAll(TENTHS_RE)) add(m.index, m[0].length, DIGITS[m[1]] * 10);
  for (const m of text.matchAll(FRACTION_RE)) {
    // 约占全国备案总量的十分之一: a share of a total
    const [cs] = clauseAround(text, m.index);
    if (!SHARE_OF.test(text.slice(cs, m.index))) continue;
    const d = parseNumber(m[1]);
    const n = parseNumber(m[2]);
    if (d && n !== null && n < d) add(m.index, m[0].length, (n / d) * 100);
  }
  for (const m of text.matchAll(DIGIT_FRACTION_RE)) {
    const n = Number(m[1]);
    const d = Number(m[2]);
    if (d > n && n > 0) add(m.index, m[0].length, (n / d) * 100);
  }
  for (const m of text.matchAll(HALF_RE)) add(m.index, m[0].length, 50);
}

/** 参数规模达到660B, 激活参数分别为47B和3B, 支持128K上下文, 1T参数 */
function readSizes(text: string, r: Readings) {
  for (const m of text.matchAll(SIZE_RE)) {
    const [whole, num, suffix] = m;
    const v = parseNumber(num);
    if (v === null) continue;
    const value = round(v * SIZE_SUFFIX[suffix.toUpperCase()]);
    const [cs, ce] = clauseAround(text, m.index);
    const before = text.slice(cs, m.index);
    const after = text.slice(m.index + whole.length, Math.min(ce, m.index + whole.length + 8));
    // 参数从1.5B到70B不等: the span of a family's sizes, not one model's
    if (/从[^，。；]*$/.test(before) && /^\s*(?:覆盖|扩展|延伸)?(?:到|至)/.test(after)) continue;
    if (/(?:到|至)$/.test(before) && /从/.test(before)) continue;
    // (6B、13B、70B三种参数规模: what follows a list of sizes is what follows each)
    const rest = text
      .slice(m.index + whole.length, ce)
      .replace(SIZE_LIST_REST, "")
      .replace(/^\s*(?:等|共)?(?:[一二两三四五六七八九十\d]+(?:种|个|款))?(?:不同)?/, "");
    const isParams = /^\s*(?:的)?(?:总|激活)?参数/.test(rest) || (PARAMETER_CUE.test(before) && /参数/.test(before));
    const isLength = /^\s*(?:的)?(?:超?长)?(?:上下文|内容|tokens?|token)/i.test(after) || LENGTH_CUE.test(before);
    if (/^[BT]$/i.test(suffix) && isParams) {
      const metric = /激活/.test(before.slice(-12)) ? "active_parameters" : "parameters";
      r.add({
        index: m.index,
        length: whole.length,
        value,
        unit: "parameters",
        metric,
        bound: "exact",
        reading: "classifier",
        clauseStart: cs,
      });
    } else if (/^[KM]$/i.test(suffix) && isLength && !isParams) {
      const metric = /输出|生成/.test(before + after) ? "max_output_length" : "context_length";
      r.add({
        index: m.index,
        length: whole.length,
        value,
        unit: "tokens",
        metric,
        bound: "exact",
        reading: "classifier",
        clauseStart: cs,
      });
    }
  }
}

/** 万亿参数, 万卡规模, 参数规模达兆级: the magnitude word is the number. */
function readMagnitudes(text: string, r: Readings, traditional: boolean) {
  for (const m of text.matchAll(MAGNITUDE_RE)) {
    const [whole, mag, noun] = m;
    // 千亿和万亿级参数的大模型: a range of scales, not a size
    if (MAGNITUDE_RANGE.test(text.slice(Math.max(0, m.index - 5), m.index))) continue;
    const unit = /卡/.test(noun) ? "gpus" : /参数/.test(noun) ? "parameters" : "tokens";
    const value = MULTIPLIERS[mag];
    if (unit === "gpus" && value < 1e3) continue;
    r.add({
      index: m.index,
      length: whole.length,
      value,
      unit,
      metric: unit === "gpus" ? "gpus_count" : unit === "parameters" ? "parameters" : "tokens_count",
      bound: "exact",
      reading: "noun_after",
      details: ambiguity(mag, traditional),
    });
  }
}

/** 参数规模达兆级: a size given as its order of magnitude */
function readMagnitudeLevels(text: string, r: Readings, traditional: boolean) {
  for (const m of text.matchAll(MAGNITUDE_LEVEL_RE)) {
    const at = m.index + m[0].lastIndexOf(m[1]);
    r.add({
      index: at,
      length: m[0].length - (at - m.index),
      value: MULTIPLIERS[m[1]],
      unit: "parameters",
      metric: "parameters",
      bound: "exact",
      reading: "noun_after",
      details: ambiguity(m[1], traditional),
    });
  }
}

const ambiguity = (mult: string | undefined, traditional: boolean): ClaimDetails | undefined =>
  mult && AMBIGUOUS_MULT[mult] && !traditional ? { ambiguous: AMBIGUOUS_MULT[mult] } : undefined;

/** 16秒, 最长可达2分钟 (120 seconds), 24小时, 10天内 */
function readDurations(text: string, r: Readings) {
  for (const m of text.matchAll(DURATION_RE)) {
    const [whole, pre, num, post, unitWord] = m;
    if (/[\d.:：\-]/.test(text[m.index - 1] ?? "") || isVague(pre, num)) continue;
    const [factor, unit] = DURATIONS[unitWord];
    const [cs] = clauseAround(text, m.index);
    r.add({
      index: m.index,
      length: whole.length,
      value: round(Number(num) * factor),
      unit,
      metric: "duration",
      bound: boundOf(pre, post),
      reading: "classifier",
      clauseStart: cs,
    });
  }
}

/** 每秒100 tokens, 每秒60至80个tokens */
function readRates(text: string, r: Readings) {
  for (const m of text.matchAll(RATE_RE)) {
    const [whole, lo, hi] = m;
    const at = m.index + whole.indexOf(lo);
    const most = AT_MOST.test(text.slice(Math.max(0, m.index - 4), m.index));
    r.add({
      index: at,
      length: lo.length,
      value: Number(lo),
      unit: "tokens_per_second",
      metric: "output_speed",
      bound: hi ? "lower" : most ? "upper" : "exact",
      reading: "classifier",
    });
    if (hi) {
      const hiAt = m.index + whole.lastIndexOf(hi);
      r.add({
        index: hiAt,
        length: hi.length,
        value: Number(hi),
        unit: "tokens_per_second",
        metric: "output_speed",
        bound: "upper",
        reading: "classifier",
      });
    }
  }
}

/** 在AIME25测评中取得81.5分: a benchmark score */
function readScores(text: string, r: Readings) {
  for (const m of text.matchAll(SCORE_RE)) {
    const num = m[1] ?? m[2];
    const at = m.index + m[0].indexOf(num);
    r.add({
      index: at,
      length: m[0].length - (at - m.index),
      value: Number(num),
      unit: "points",
      metric: "score",
      bound: "exact",
      reading: "classifier",
    });
  }
}

/** 82亿亿次/秒, 17EFLOPS */
function readFlops(text: string, r: Readings) {
  for (const m of text.matchAll(FLOPS_RE)) {
    const [whole, pre, num, word] = m;
    const v = parseNumber(num);
    if (v === null || isVague(pre, num)) continue;
    const scale = FLOPS[word] ?? FLOPS[word.toUpperCase()];
    if (!/FLOPS/i.test(word) && !/秒/.test(whole)) continue;
    r.add({
      index: m.index,
      length: whole.length,
      value: round(v * scale),
      unit: "flops",
      metric: "compute_capacity",
      bound: boundOf(pre, undefined),
      reading: "classifier",
    });
  }
}

/** 全球发售1839.6万股H股, 15亿股B类股份 */
function readShares(text: string, r: Readings) {
  for (const m of text.matchAll(SHARES_RE)) {
    const [whole, pre, num, mult] = m;
    if (text[m.index - 1] === "每" || isVague(pre, num) || /^[零〇一二两三四五六七八九十百千]+$/.test(num)) continue;
    const v = parseNumber(num);
    if (v === null) continue;
    r.add({
      index: m.index,
      length: whole.length,
      value: round(v * multiplier(mult)),
      unit: "shares",
      metric: "shares",
      bound: boundOf(pre, undefined),
      reading: "classifier",
    });
  }
}

/** 用户规模已达4500万, 开发者有5.4万人, 总参数量为2360亿 */
function readNounFirst(text: string, r: Readings, traditional: boolean) {
  for (const m of text.matchAll(NOUN_FIRST)) {
    const [whole, head, num, post1, mult, post2] = m;
    const numAt = head.length + whole.slice(head.length).search(/[\d零〇一二两三四五六七八九十百千]/);
    const key = Object.keys(NOUN_FIRST_UNIT).find((k) => k.toLowerCase() === head.toLowerCase());
    if (!key) continue;
    let value = parseNumber(num);
    if (value === null || (!mult && !/\d/.test(num) && num.length === 1)) continue;
    value *= multiplier(mult);
    const [unit, counted] = NOUN_FIRST_UNIT[key];
    const [cs] = clauseAround(text, m.index);
    // 已发布的大模型数量达到1509个: the verb of the clause says what was counted
    const verb =
      unit === "models" && counted === "models_count"
        ? VERBS.find(([re]) => re.test(text.slice(cs, m.index)))
        : undefined;
    const metric = verb ? `models_${verb[1]}` : counted;
    if (unit === "parameters" && value < 1e6) continue;
    const pre = /突破|超过|超|逾/.test(whole)
      ? "超过"
      : /约/.test(whole)
        ? "约"
        : /近|接近/.test(whole)
          ? "近"
          : undefined;
    r.add({
      index: m.index + numAt,
      length: whole.length - numAt,
      value: round(value),
      unit,
      metric,
      bound: boundOf(pre, post1 ?? post2),
      reading: "noun_first",
      clauseStart: cs,
      details: ambiguity(mult, traditional),
    });
  }
}

/** The unit of the noun heading the words after a count: the nearest noun, or the last of nouns written together. */
function nounAfter(after: string): string | null {
  let best: { at: number; end: number; unit: string } | null = null;
  const hits: { at: number; end: number; unit: string }[] = [];
  for (const [re, unit, reach] of NOUNS) {
    re.lastIndex = 0;
    const m = re.exec(after);
    if (m && m.index <= reach && !/[，。；、]/.test(after.slice(0, m.index)))
      hits.push({ at: m.index, end: m.index + m[0].length, unit });
  }
  for (const h of hits) if (!best || h.at < best.at || (h.at === best.at && h.end > best.end)) best = h;
  if (!best) return null;
  // 应用场景, 行业大模型: the last noun of a compound is its head
  for (let grew = true; grew;) {
    grew = false;
    for (const h of hits)
      if (h.at === best.end) {
        best = h;
        grew = true;
      }
  }
  return best.unit;
}

/** The last count noun written before a number in its clause (我国累计发布的大模型已达130个 -> models). */
function nounBefore(before: string): string | null {
  let best: { end: number; unit: string } | null = null;
  for (const [re, unit] of NOUNS) {
    re.lastIndex = 0;
    for (const m of before.matchAll(re))
      if (!best || m.index + m[0].length > best.end) best = { end: m.index + m[0].length, unit };
  }
  return best?.unit ?? null;
}

/** What a count counted: its unit and what happened to it (filed, released), for counts that refer back to it. */
interface Counted {
  unit: string;
  verb: string | undefined;
}

/** Counts with a classifier or a unit word: 130个大模型, 50多个应用, 302款生成式人工智能服务, 97%. */
function readCounts(text: string, r: Readings, traditional: boolean, lastUnit: Map<string, Counted>) {
  // 12项测试集中有8项超过: a classifier used again in its sentence counts the same things
  const sentenceUnit = new Map<string, Counted>();
  CLAIM_RE.lastIndex = 0;
  for (let m = CLAIM_RE.exec(text); m; m = CLAIM_RE.exec(text)) {
    const [whole, pre, num, post1, mult, post2, unitWord0] = m;
    const unitWord = unitWord0.toLowerCase();
    const numAt = m.index + (pre?.length ?? 0);
    if (r.taken(numAt, whole.length - (pre?.length ?? 0))) continue;
    const idx = m.index;
    // not a date, year, ordinal or version: 2023年, 第3个, 3.0版本; not per (每百万tokens)
    const prevCh = text[numAt - 1] ?? "";
    if (/[第\d.A-Za-z\-每]/.test(prevCh)) continue;
    if (isVague(pre, num)) continue;
    if (!/\d/.test(num) && num.length === 1 && !mult && !pre && !/[个款家项种名位]/.test(unitWord)) continue;
    if (/^[一]$/.test(num) && !mult) continue; // 一个/一款: an article, not a count
    if (/^[两二]$/.test(num) && !mult) continue; // 两款模型: a pair named in the text, not a count to chart
    if (/^[〇零一二两三四五六七八九]{2,}$/.test(num)) continue; // 两三个 (a few), 唯一一款 (the only one)
    if (POINTS_BACK.test(text.slice(Math.max(0, numAt - 3), numAt))) continue; // 这10款模型 points back
    const end = idx + whole.length;
    if (EVENT_NAME_AFTER.test(text.slice(end))) continue; // 1024开发者节 names an event
    let value = parseNumber(num);
    if (value === null) continue;
    value *= multiplier(mult);
    if (unitWord === "万字") value *= 1e4;
    const [cs, ce] = clauseAround(text, idx);
    const after = text.slice(end, Math.min(ce, end + 14));
    const classifier = CLASSIFIER.test(unitWord);
    if (classifier && NOT_COUNT_AFTER.test(after)) continue;
    let unit: string | null = DIRECT_UNITS[unitWord] ?? null;
    if (unitWord === "token" || unitWord === "tokens") unit = "tokens";
    if (!unit) {
      unit = CLASSIFIER_NOUNS[unitWord]?.find(([re]) => re.test(after))?.[1] ?? nounAfter(after);
    }
    const clause = text.slice(cs, ce);
    const verb = VERBS.find(([re]) => re.test(clause))?.[1];
    // what an earlier count with the same classifier counted, when this one takes its noun from it
    let inherited: Counted | undefined;
    if (!unit && classifier && (/^(?:[，。；、）)]|在|$)/.test(after) || VERB_AFTER_COUNT.test(after))) {
      // 已达130个。 / 其中美国114个 / 2024年共有105款在地方网信办完成登记: the noun was written before
      unit =
        (verb && FILING_UNITS[verb] && /款/.test(unitWord) ? FILING_UNITS[verb] : null) ??
        nounBefore(text.slice(cs, idx)) ??
        (inherited = sentenceUnit.get(unitWord) ?? lastUnit.get(unitWord))?.unit ??
        CLASSIFIER_UNITS[unitWord] ??
        (verb && FILING_UNITS[verb] ? FILING_UNITS[verb] : null);
    }
    if (!unit && classifier)
      unit = (inherited = sentenceUnit.get(unitWord))?.unit ?? CLASSIFIER_UNITS[unitWord] ?? null;
    if (!unit) continue;
    if (unit === "parameters" && (!/参数/.test(whole + after) || value < 1e6)) continue;
    const did = verb ?? (inherited?.unit === unit ? inherited.verb : undefined);
    if (classifier) {
      lastUnit.set(unitWord, { unit, verb: did });
      sentenceUnit.set(unitWord, { unit, verb: did });
    }
    // 其中2024年新增238款 / 其中北京5家: what was added, or a part of the total just given
    const sub =
      did && TOTAL_VERBS.has(did) ? (NEW_COUNT.test(clause) ? "_new" : PART_COUNT.test(clause) ? "_part" : "") : "";
    let metric: string;
    if (unit === "characters")
      metric = /上下文|输入|处理|长文本|窗口/.test(clause) ? "context_length" : "characters_count";
    else if (unit === "parameters") metric = /激活/.test(whole) ? "active_parameters" : "parameters";
    else if (unit === "percent" || unit === "percentage_points" || unit === "times")
      metric = percentMetric(text, cs, end, unit);
    else metric = UNIT_METRICS[unit] ?? `${unit}_${did ?? "count"}${sub}`;
    const reading: Reading =
      unit === "percent" || unit === "percentage_points"
        ? "percent"
        : classifier || /参数|tokens?|字/i.test(unitWord)
          ? "classifier"
          : "noun_after";
    r.add({
      index: numAt,
      length: end - numAt,
      value: round(value),
      unit,
      metric,
      bound: boundOf(pre, post1 ?? post2),
      reading,
      clauseStart: cs,
      details: ambiguity(mult, traditional),
      cut: unit === "percent" && isCut(text, cs, end),
    });
  }
}

/** A Traditional-Chinese article (TW/HK outlets): enough of its characters change in Simplified. */
function isTraditionalText(body: string, simple: string): boolean {
  let changed = 0;
  let han = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (body[i] !== simple[i]) changed++;
  }
  return han > 0 && changed / han > 0.03;
}

// ---- the article --------------------------------------------------------------------------------

export function extractClaims(
  ctx: ArticleContext,
  modelMentions: ModelMention[],
  orgMentions: OrgMention[],
  events: readonly ExtractedEvent[] = [],
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  const { sentences, body } = ctx;
  const traditional = isTraditionalText(body, ctx.simple);
  // per sentence: its readings (prices are looked up from the sentences around a price cut)
  const found: Found[][] = [];
  const freeOf: [Found, string][][] = [];
  const lastUnit = new Map<string, Counted>();
  let basis: string | null = null;
  let mi = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si];
    const text = ctx.simple.slice(s.start, s.end);
    const inSentence: ModelMention[] = [];
    while (mi < modelMentions.length && modelMentions[mi].start < s.start) mi++;
    for (let k = mi; k < modelMentions.length && modelMentions[k].start < s.end; k++) inSentence.push(modelMentions[k]);
    if (si > 0 && body.slice(sentences[si - 1].end, s.start).includes("\n")) lastUnit.clear();
    const r = new Readings();
    const prevText = si > 0 ? ctx.simple.slice(sentences[si - 1].start, sentences[si - 1].end) : "";
    freeOf[si] = /免费/.test(text)
      ? readFree(text, s.start, inSentence, PRICE_CONTEXT.test(text) || PRICE_CONTEXT.test(prevText))
      : [];
    if (/[\d零〇一二两三四五六七八九十百千万亿兆半成]/.test(text)) {
      const prevPrices = (found[si - 1] ?? []).filter(
        (f) => f.reading === "price" && f.unit.endsWith("_per_million_tokens"),
      );
      // each reading runs only where its key words occur: most sentences have none of them
      if (HAS.money.test(text)) basis = readPrices(text, r, prevPrices, basis) ?? basis;
      if (HAS.flops.test(text)) readFlops(text, r);
      if (text.includes("分")) readScores(text, r);
      if (text.includes("每秒")) readRates(text, r);
      if (HAS.size.test(text)) readSizes(text, r);
      if (text.includes("股")) readShares(text, r);
      if (HAS.duration.test(text)) readDurations(text, r);
      if (HAS.digit.test(text)) readNounFirst(text, r, traditional);
      if (HAS.magnitude.test(text)) {
        readMagnitudes(text, r, traditional);
        readMagnitudeLevels(text, r, traditional);
      }
      if (HAS.percentWord.test(text)) readPercentWords(text, r);
      readCounts(text, r, traditional, lastUnit);
    }
    // 1元钱可以买到125万tokens: what an amount buys illustrates a price, it states nothing new
    found[si] = r.list.filter((f) => {
      const [cs, ce] = clauseAround(text, f.index);
      return !ILLUSTRATION.test(text.slice(cs, ce)) || f.unit.endsWith("_per_million_tokens");
    });
  }
  attachPriceChanges(found);

  let lastModelKey: string | null = null;
  const modelDates = new Map<string, DatePoint>();
  // the events with a date, once: what a claim's as-of date may be read from
  const dated = events.filter((e) => e.date.value);
  mi = 0;
  let lastPeriods: DatePoint[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const s0 = sentences[si];
    const s = { ...s0, text: ctx.simple.slice(s0.start, s0.end) };
    if (si > 0 && body.slice(sentences[si - 1].end, s.start).includes("\n")) lastPeriods = [];
    lastPeriods = assignRespective(s, ctx.datesIn(si), found[si], lastPeriods);
    const prevModel = lastModelKey;
    const inSentence: ModelMention[] = [];
    while (mi < modelMentions.length && modelMentions[mi].start < s.start) mi++;
    for (let k = mi; k < modelMentions.length && modelMentions[k].start < s.end; k++) inSentence.push(modelMentions[k]);
    if (si > 0 && body.slice(sentences[si - 1].end, s.start).includes("\n")) lastModelKey = null;
    if (inSentence.length) lastModelKey = inSentence[inSentence.length - 1].key;
    const list = found[si];
    const free = freeOf[si];
    if (list.length || free.length) {
      const shared = sentenceClaims(ctx, si, s, inSentence, orgMentions, prevModel, modelDates, modelMentions, dated);
      for (const f of list) claims.push(makeClaim(shared, f));
      for (const [f, key] of free) claims.push({ ...makeClaim(shared, f), subjectModelKey: key });
    }
    // the date the text last gave for each model it names, for its later undated claims
    if (inSentence.length) {
      const ds = ctx.datesIn(si).filter((d) => d.point.value && !startsPeriod(s.text, d, s.start));
      for (const x of inSentence) {
        const d = ds.filter((h) => h.start <= x.start).pop() ?? ds[0];
        if (d) modelDates.set(x.key, d.point);
      }
    }
  }
  // a number no count, amount or size in the news reaches is a misreading (999999999999999999999个);
  // a fact restated later in the article (ERNIE Speed全面免费 … 即日起免费开放) is one claim
  const seen = new Set<string>();
  return claims.filter((c) => {
    const id = `${c.metric}|${c.value}|${c.unit}|${c.asOf.value}|${c.subjectModelKey}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return Number.isFinite(c.value) && Math.abs(c.value) <= MAX_CLAIM_VALUE;
  });
}

/**
 * 2021年、2022年及2023年，营收分别为A、B和C（同期亏损分别为D、E和F）: the n-th number of an
 * enumeration after 分别 holds at the n-th period listed before it, when the counts agree. The periods
 * are a list of dates joined by 、/和/及, or a range of years (2022年至2024年); a sentence that says 同期
 * and lists none takes those of the sentence before. Returns the periods a following 同期 refers to.
 */
function assignRespective(
  s: { text: string; start: number },
  dates: DateHit[],
  list: Found[],
  previous: DatePoint[],
): DatePoint[] {
  const markers = [...s.text.matchAll(RESPECTIVE)].map((m) => m.index);
  const own = periodsOf(s, dates, markers[0] ?? s.text.length);
  if (!markers.length) return own.length ? own : previous;
  const periods = own.length ? own : SAME_PERIODS.test(s.text.slice(0, markers[0])) ? previous : [];
  if (periods.length < 2) return own.length ? own : previous;
  const sorted = [...list].sort((a, b) => a.index - b.index);
  markers.forEach((at, k) => {
    const until = markers[k + 1] ?? s.text.length;
    const first = sorted.findIndex((f) => f.index > at && f.index < until);
    if (first < 0) return;
    const run = [sorted[first]];
    for (let j = first + 1; j < sorted.length; j++) {
      const last = run[run.length - 1];
      if (!LIST_JOIN.test(s.text.slice(last.index + last.length, sorted[j].index))) break;
      run.push(sorted[j]);
    }
    if (run.length === periods.length) run.forEach((f, n) => (f.respective = periods[n]));
  });
  return periods;
}

/** The periods a sentence lists before `limit`: a range of years, else the longest run of joined dates. */
function periodsOf(s: { text: string; start: number }, dates: DateHit[], limit: number): DatePoint[] {
  const range = YEAR_RANGE.exec(s.text.slice(0, limit));
  if (range) {
    const [from, to] = [+range[1], +range[2]];
    if (to > from && to - from < MAX_RANGE_YEARS)
      return Array.from({ length: to - from + 1 }, (_, n) => ({
        value: String(from + n),
        precision: "year" as const,
        inferred: false,
        text: range[0],
      }));
  }
  const before = dates.filter((d) => d.point.value && d.end - s.start <= limit);
  let best: DateHit[] = [];
  let run: DateHit[] = [];
  for (const d of before) {
    const last = run[run.length - 1];
    run = last && LIST_JOIN.test(s.text.slice(last.end - s.start, d.start - s.start)) ? [...run, d] : [d];
    if (run.length > best.length) best = run;
  }
  return best.length >= 2 ? best.map((d) => d.point) : [];
}

/**
 * A percentage cut (直降97%) gets the prices before and after it, when its sentence or the one next
 * to it states them (从0.02元/千tokens降至0.0005元/千tokens).
 */
function attachPriceChanges(found: Found[][]) {
  const pairIn = (list: Found[] | undefined) => {
    if (!list) return null;
    const before = list.find((f) => f.role === "before");
    if (!before) return null;
    const after = list.find((f) => f.role === "after" && f.index > before.index && f.unit === before.unit);
    return after ? { before, after } : null;
  };
  found.forEach((list, si) => {
    for (const f of list) {
      if (!f.cut) continue;
      const pair = pairIn(list) ?? pairIn(found[si - 1]) ?? pairIn(found[si + 1]);
      if (!pair) continue;
      // 降幅达80% after 从每百万tokens 5元降到1元: a price cut even where its own sentence names no price
      f.metric = "price_cut_percent";
      f.details = {
        ...f.details,
        priceBefore: pair.before.value,
        priceAfter: pair.after.value,
        priceUnit: pair.before.unit,
      };
    }
  });
}

/** Larger than any count, amount, size or computing power in real news (an exaflop machine is 10^18 a second). */
export const MAX_CLAIM_VALUE = 1e20;

/** Everything about a claim that depends only on its sentence. */
interface SentenceClaims {
  /** the sentence as written (the evidence) */
  sentence: SentenceSpan;
  /** its Simplified text and offsets */
  s: { text: string; start: number; end: number };
  /** the sentence's dates with a value; `start` marks a period's start (自…起), `end` its end (持续到…) */
  dates: { hit: DateHit; start: boolean; end: boolean; now: boolean }[];
  /** the date of the sentences before, else the article's */
  fallback: { point: DatePoint; source: keyof typeof PRIORS.claimAsOf };
  modelDates: ReadonlyMap<string, DatePoint>;
  /** the models named in the sentence the fallback date comes from */
  prevModels: ReadonlySet<string>;
  scope: string | null;
  statedBy: string | null;
  /** a report is cited in the sentence or just before it */
  reportCited: boolean;
  /** the regulator named in the sentence or just before it */
  regulator: string | null;
  /** the model and organisation mentions inside the sentence, in their arrays' order */
  models: ModelMention[];
  orgs: OrgMention[];
  /** the subject when the sentence names no model before the number */
  fallbackModel: string | null;
  /** the dated events read in the sentence (a number stated with a launch holds at the launch's date) */
  events: readonly ExtractedEvent[];
  /** the last date of the nearest dated sentence before, in reach across headings (what events take) */
  earlier: DatePoint | null;
  /** every dated event of the article, in text order */
  allEvents: readonly ExtractedEvent[];
  /** the article's own date */
  document: DatePoint | null;
  /** the day of the happening the article reports, when it names one (context.occasion) */
  occasion: DatePoint | null;
}

/** 持续到2月8日的优惠期: the end of a period, not the date a number holds at. */
const endsPeriod = (text: string, hit: DateHit, offset: number) =>
  /(?:到|至)$/.test(text.slice(Math.max(0, hit.start - offset - 3), hit.start - offset)) &&
  !/^(?:截至|截止)/.test(hit.point.text);

/** The organisation that registers generative AI services (data/organizations.json). */
const REGULATOR = "cac";

function sentenceClaims(
  ctx: ArticleContext,
  si: number,
  s: { text: string; start: number; end: number },
  models: ModelMention[],
  orgMentions: OrgMention[],
  prevModel: string | null,
  modelDates: ReadonlyMap<string, DatePoint>,
  allModels: ModelMention[],
  allEvents: readonly ExtractedEvent[],
): SentenceClaims {
  const { sentences, body } = ctx;
  // 该模型… refers back to the model of the sentence before
  const fallbackModel =
    /^(?:该|此|这一|这款|新)?(?:模型|大模型)/.test(s.text.replace(/^[^，]{0,12}，/, "")) ||
    /该模型|这一模型|新模型/.test(s.text)
      ? prevModel
      : null;
  // 目前 / 此前 / 近日 have no value: they date nothing
  const dates = ctx
    .datesIn(si)
    .filter((d) => d.point.value)
    // 与今年1月初公布的数据相比: the date a number is compared with
    .filter((hit) => {
      const at = hit.start - s.start;
      return !(
        COMPARISON_DATE.test(s.text.slice(clauseAround(s.text, at)[0], at)) &&
        COMPARISON_END.test(s.text.slice(hit.end - s.start))
      );
    })
    .map((hit) => ({
      hit: periodEnd(s.text, hit, s.start),
      start: startsPeriod(s.text, hit, s.start) && !/^截至|^截止/.test(hit.point.text),
      end: endsPeriod(s.text, hit, s.start),
      now: false,
    }));
  // 目前 / 截至目前 / 迄今: the time of writing, the article's own date
  const doc = ctx.documentDate?.point;
  if (doc?.value)
    for (const m of s.text.matchAll(NOW_RE)) {
      const start = s.start + m.index;
      if (dates.some((d) => d.hit.start <= start && d.hit.end > start)) continue;
      dates.push({
        hit: { point: { ...doc, inferred: true, text: m[0] }, start, end: start + m[0].length },
        start: false,
        end: false,
        now: true,
      });
    }
  dates.sort((a, b) => a.hit.start - b.hit.start);
  // else the last date stated before it in the paragraph, up to three sentences back (not a period's
  // start), else the article's own date: a number stated in the present holds at the time of writing
  let prev: DateHit | null = null;
  let prevSentence = -1;
  for (let k = si - 1; k >= 0 && si - k <= AS_OF_REACH; k--) {
    if (body.slice(sentences[k].end, sentences[k + 1].start).includes("\n")) break;
    const kt = ctx.simple.slice(sentences[k].start, sentences[k].end);
    const ds = ctx
      .datesIn(k)
      .filter(
        (d) => d.point.value && !startsPeriod(kt, d, sentences[k].start) && !endsPeriod(kt, d, sentences[k].start),
      );
    if (ds.length) {
      prev = ds[ds.length - 1];
      prevSentence = k;
      break;
    }
  }
  // the models the dated sentence before is about: another model's date does not date this one's numbers
  const prevModels = new Set(
    prevSentence < 0
      ? []
      : allModels
          .filter((x) => x.start >= sentences[prevSentence].start && x.start < sentences[prevSentence].end)
          .map((x) => x.key),
  );
  const fallback: SentenceClaims["fallback"] = prev
    ? { point: { ...prev.point, inferred: true }, source: "previous" }
    : doc?.value
      ? { point: { ...doc, inferred: true, text: "" }, source: "document" }
      : { point: UNKNOWN_DATE, source: "none" };
  const scope = CHINA.test(s.text) ? "China" : GLOBAL.test(s.text) ? "global" : null;
  // the report the claims come from: this sentence or up to 3 before it in the same paragraph
  let statedBy: string | null = null;
  let reportCited = false;
  let regulator: string | null = null;
  for (let k = si; k >= Math.max(0, si - 3); k--) {
    const ks = sentences[k];
    if (k < si && body.slice(ks.end, s.start).includes("\n")) break;
    const kText = ctx.simple.slice(ks.start, ks.end);
    if (!regulator && orgMentions.some((o) => o.key === REGULATOR && o.start >= ks.start && o.start < ks.end))
      regulator = REGULATOR;
    const r = REPORT.exec(kText);
    if (!r || statedBy) continue;
    reportCited = true;
    const cite = ks.start + r.index;
    const author = orgMentions.filter((o) => o.start >= ks.start && o.end <= cite).pop();
    if (author && ORGANIZATIONS.get(author.key)?.kind !== "media") statedBy = author.key;
  }
  const orgs = orgMentions.filter((x) => x.start >= s.start && x.start < s.end);
  return {
    sentence: sentences[si],
    s,
    dates,
    fallback,
    modelDates,
    prevModels,
    scope,
    statedBy,
    reportCited,
    regulator,
    models,
    orgs,
    fallbackModel,
    events: allEvents.filter((e) => e.evidence.start === s.start),
    allEvents,
    document: doc?.value ? { ...doc, inferred: true } : null,
    occasion: ctx.occasion,
    earlier:
      ctx
        .earlierDates(si)
        .filter((d) => d.point.value)
        .pop()?.point ?? null,
  };
}

// 2025年前九个月 / 2025年首三季 / 2024年第三季度 / 2025年Q3: a period that ends at a month's end
const PERIOD_END = new RegExp(`^(?:${L.periodEnds.months})`);
const QUARTER_END = new RegExp(`^(?:${L.periodEnds.quarters})`);

/**
 * A number for a period that ends at a month's end holds at that month (2025年前九个月 → 2025-09),
 * as one stated 截至9月底 does; a year, its half or the whole of it stay the year.
 */
function periodEnd(text: string, hit: DateHit, offset: number): DateHit {
  const v = hit.point.value;
  if (hit.point.precision !== "year" || !v) return hit;
  // (2024年第三季度 is one phrase; 2025年 + 前九个月 two)
  const inside = hit.point.text.replace(/^[^年]*年/, "");
  const period = PERIOD_END.exec(inside + text.slice(hit.end - offset));
  const quarter = period ? null : QUARTER_END.exec(inside + text.slice(hit.end - offset));
  const month = period ? cnNumber(period[1]) : quarter ? (cnNumber(quarter[1] ?? quarter[2]) ?? 0) * 3 : null;
  if (!month || month < 1 || month > 12) return hit;
  const phrase = hit.point.text + (period ?? quarter)![0].slice(inside.length);
  return {
    ...hit,
    point: { ...hit.point, value: `${v}-${String(month).padStart(2, "0")}`, precision: "month", text: phrase },
  };
}

/** What kind of quantity a unit measures, as the claim scorer sees it. */
function unitClass(unit: string): string {
  if (unit.includes("_per_")) return "price";
  if (CURRENCY_UNITS.has(unit)) return "money";
  if (["parameters", "tokens", "characters"].includes(unit)) return unit === "parameters" ? "parameters" : "tokens";
  if (["percent", "percentage_points", "times"].includes(unit)) return "ratio";
  if (["seconds", "minutes", "days", "hours"].includes(unit)) return "duration";
  return "count";
}

function makeClaim(shared: SentenceClaims, f: Found): ExtractedClaim {
  const { s } = shared;
  const absIdx = s.start + f.index;
  const clauseStart = f.clauseStart ?? 0;
  // subject: the model (else org) named in the same clause, else nearest before the number
  // (the number lies inside the sentence, so the sentence's own mentions are all candidates)
  // (比X1便宜一半: X1 is what it is compared with, not its subject)
  const candidates = shared.models.filter(
    (x) => x.start < absIdx && !COMPARED_WITH.test(s.text.slice(Math.max(0, x.start - s.start - 4), x.start - s.start)),
  );
  const subjModel = candidates.filter((x) => x.start >= s.start + clauseStart).pop() ?? candidates.pop();
  const subjOrg = shared.orgs.filter((x) => x.start < absIdx).pop();
  const subjectModelKey = subjModel?.key ?? shared.fallbackModel;
  // scope: the nearest scope word before the number in its clause (我国…1509个，在全球…3755个中),
  // else the sentence's
  const clause =
    s.text
      .slice(0, f.index)
      .split(/[，；。]/)
      .pop() ?? "";
  const near = [...clause.matchAll(SCOPE_WORD)].pop();
  const scope = near ? (GLOBAL.test(near[0]) ? "global" : "China") : shared.scope;
  // as of: the sentence's date nearest before the number (其中2024年新增238款), else one after it in its
  // clause; a period's start only dates a price that holds from it
  const usable = shared.dates.filter((d) => !d.end && (!d.start || f.fromStart));
  const [, ce] = clauseAround(s.text, f.index);
  // (7月30日…介绍，截至目前，已有490余款: 目前 is the time of the dated occasion)
  const own =
    usable.filter((d) => d.hit.start < absIdx && !d.now).pop() ??
    usable.filter((d) => d.hit.start < absIdx).pop() ??
    usable.find((d) => d.hit.start > absIdx && d.hit.start < s.start + ce);
  let ruled: DatePoint;
  let ruledSource: keyof typeof PRIORS.claimAsOf;
  if (f.undated) [ruled, ruledSource] = [UNKNOWN_DATE, "none"];
  else if (f.respective) [ruled, ruledSource] = [f.respective, "own"];
  else if (own) [ruled, ruledSource] = [own.hit.point, "own"];
  else if (
    subjectModelKey &&
    shared.modelDates.has(subjectModelKey) &&
    (shared.fallback.source !== "previous" || (shared.prevModels.size > 0 && !shared.prevModels.has(subjectModelKey)))
  )
    // a model's undated number holds at the date the text last gave for that model
    [ruled, ruledSource] = [{ ...shared.modelDates.get(subjectModelKey)!, inferred: true }, "previous"];
  else [ruled, ruledSource] = [shared.fallback.point, shared.fallback.source];
  // the rule above is one voice: the dates the other readings propose are ranked with it
  const alternatives = f.undated
    ? []
    : asOfAlternatives(shared, f, absIdx, ce, usable, subjectModelKey, { point: ruled, source: ruledSource });
  const chosen = bestAlternative("asOf", alternatives);
  const asOf = chosen?.point ?? ruled;
  const source = chosen?.source ?? ruledSource;
  // a filing count is the regulator's unless a report is cited for it
  const statedBy =
    shared.statedBy ?? (isFiling(f.metric) && !shared.reportCited ? (shared.regulator ?? REGULATOR) : null);
  const features: Features = {
    [`reading_${f.reading}`]: 1,
    [`as_of_${source}`]: 1,
    [`as_of_${asOf.precision}`]: 1,
    [`bound_${f.bound}`]: 1,
    [`unit_${unitClass(f.unit)}`]: 1,
    subject_model: subjectModelKey ? 1 : 0,
    subject_org: subjOrg ? 1 : 0,
    stated_by: statedBy ? 1 : 0,
    metric_named: f.metric in UNIT_METRICS || !f.metric.startsWith(`${f.unit}_`) ? 1 : 0,
  };
  const prior = Math.round(PRIORS.claimReading[f.reading] * PRIORS.claimAsOf[source] * 1000) / 1000;
  const claim: ExtractedClaim = {
    metric: f.metric,
    value: f.value,
    unit: f.unit,
    bound: f.bound,
    asOf,
    scope: isFiling(f.metric) && !scope ? "China" : scope,
    subjectModelKey,
    subjectOrganizationKey: subjOrg?.key ?? null,
    statedByKey: statedBy,
    evidence: evidenceOf(shared.sentence),
    confidence: fittedConfidence("claim", features) ?? prior,
    ...(f.details ? { details: f.details } : {}),
  };
  return withAlternatives(withFeatures(claim, features), alternatives);
}

/** Where an as-of date can be read from, and what the claim scorer is told of it. */
const AS_OF_SOURCE = {
  own_before: "own",
  own_now: "own",
  own_after: "own",
  event: "previous",
  model_event: "previous",
  model_launch: "previous",
  model_last: "previous",
  previous: "previous",
  earlier: "previous",
  document: "document",
  document_month: "document",
  occasion: "document",
  none: "none",
} satisfies Record<string, keyof typeof PRIORS.claimAsOf>;
type AsOfReading = keyof typeof AS_OF_SOURCE;
/** Events that put a model on the market: what its specifications and prices are first stated for. */
const LAUNCHES = new Set(["release", "open_source", "open_public"]);

/**
 * The as-of dates a claim could hold at, one per distinct date, each described by the readings that
 * propose it (its sentence's date before or after the number, the date of a launch told in the
 * sentence, its model's last date, the sentence before's, the article's, none), its precision, the
 * kind of number, and whether the hand-written rule chose it.
 */
function asOfAlternatives(
  shared: SentenceClaims,
  f: Found,
  absIdx: number,
  clauseEnd: number,
  usable: SentenceClaims["dates"],
  subjectModelKey: string | null,
  ruled: { point: DatePoint; source: keyof typeof PRIORS.claimAsOf },
): Alternative<{ point: DatePoint; source: keyof typeof PRIORS.claimAsOf }>[] {
  const { s } = shared;
  const proposals: [AsOfReading, DatePoint | null | undefined][] = [
    ["own_before", f.respective ?? usable.filter((d) => d.hit.start < absIdx && !d.now).pop()?.hit.point],
    ["own_now", usable.filter((d) => d.hit.start < absIdx && d.now).pop()?.hit.point],
    ["own_after", usable.find((d) => d.hit.start > absIdx && d.hit.start < s.start + clauseEnd)?.hit.point],
    ["event", (shared.events.find((e) => e.modelKey && e.modelKey === subjectModelKey) ?? shared.events[0])?.date],
    [
      "model_event",
      subjectModelKey
        ? shared.allEvents.filter((e) => e.modelKey === subjectModelKey && e.evidence.start <= s.start).pop()?.date
        : null,
    ],
    [
      "model_launch",
      subjectModelKey
        ? shared.allEvents.find((e) => e.modelKey === subjectModelKey && LAUNCHES.has(e.type))?.date
        : null,
    ],
    ["model_last", subjectModelKey ? shared.modelDates.get(subjectModelKey) : null],
    ["previous", shared.fallback.source === "previous" ? shared.fallback.point : null],
    ["earlier", shared.earlier],
    ["document", shared.fallback.source === "document" ? shared.fallback.point : null],
    // 昨日举行发布会…目前已有70多个部门: a number of the news holds at the day the news happened
    ["occasion", shared.occasion],
    // 近日完成融资: news of recent days, dated by the labels (and the reader) to the month
    [
      "document_month",
      shared.document?.precision === "day"
        ? { ...shared.document, value: shared.document.value!.slice(0, 7), precision: "month" }
        : null,
    ],
    ["none", UNKNOWN_DATE],
  ];
  const unit = unitClass(f.unit);
  const recent = RECENT.test(s.text);
  const byDate = proposalsByDate(proposals);
  const ruledKey = dateKey(ruled.point);
  return [...byDate.entries()].map(([key, { point, readings }]) => {
    const x: Features = { [`precision_${point.precision}`]: 1, [`${unit}_precision_${point.precision}`]: 1 };
    for (const r of readings) {
      x[`from_${r}`] = 1;
      x[`${unit}_from_${r}`] = 1;
    }
    if (key === ruledKey) x.rule = 1;
    if (f.bound !== "exact") x[`bound_${f.bound}_precision_${point.precision}`] = 1;
    if (recent) x[`recent_precision_${point.precision}`] = 1;
    const source = key === ruledKey ? ruled.source : AS_OF_SOURCE[readings[0]];
    // a date of the claim's own sentence is as stated; any other is the claim's by inference
    const inferred = readings[0].startsWith("own_") ? point.inferred : true;
    return { value: { point: key === ruledKey ? ruled.point : { ...point, inferred }, source }, x };
  });
}
