// Claims: numeric statements (截至2023年7月，我国累计已经发布130个大模型) with bound, unit, the date
// they hold at, scope, subject and the organisation whose report states them.
import type { ClaimBound, ExtractedClaim } from "./types";
import type { ArticleContext } from "./context";
import type { ModelMention } from "./models";
import type { OrgMention } from "./organizations";
import { cnNumber, startsPeriod, UNKNOWN_DATE } from "./dates";
import type { SentenceSpan } from "@/lib/text/body";
import { clauseAround, evidenceOf } from "./text";
import { ORGANIZATIONS } from "./registry";
import PRIORS from "./data/confidence.json";
import numerals from "./data/numerals.json";

const DIGITS: Record<string, number> = numerals.digits;
const UNITS: Record<string, number> = numerals.units;

const NUM = "(\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零〇一二三四五六七八九]+)?)";
const PRE = "(超过|超|逾|约|大约|近|将近|接近|至少|不少于|不低于|不到|不足|少于|高达|多达|达到|达|突破|上百|数)?";
const MULT = "(万亿|千亿|百亿|亿|千万|百万|万|千)?";
const APPROX_AFTER = "(多|余|左右|上下|以上|以下)?";
const UNIT =
  "(个|款|家|项|种|名|位|所|座|台|块|张|条|次|倍|%|％|个百分点|万字|字|tokens?|Token|(?:总|激活)?参数|行业|场景|用户|开发者|企业)";
const CLAIM_RE = new RegExp(`${PRE}${NUM}${APPROX_AFTER}${MULT}${APPROX_AFTER}${UNIT}`, "gu");

/** noun heads -> unit names, checked on the words right after the number */
const NOUNS: [RegExp, string][] = [
  [/^[^，。；]{0,6}?(?:大模型|模型|大语言模型)/, "models"],
  [/^[^，。；]{0,8}?应用/, "apps"],
  [/^[^，。；]{0,6}?(?:矿井|矿山|煤矿)/, "mines"],
  [/^[^，。；]{0,8}?(?:用户|使用者)/, "users"],
  [/^[^，。；]{0,8}?开发者/, "developers"],
  [/^[^，。；]{0,8}?(?:企业|公司|客户|机构)/, "organizations"],
  [/^[^，。；]{0,6}?(?:行业|领域)/, "industries"],
  [/^[^，。；]{0,6}?场景/, "scenarios"],
  [/^[^，。；]{0,6}?(?:参数|参数量)/, "parameters"],
  [/^[^，。；]{0,6}?(?:插件|智能体|应用程序)/, "apps"],
  [/^[^，。；]{0,6}?(?:城市)/, "cities"],
  [/^[^，。；]{0,4}?(?:GPU|gpu|显卡|芯片|加速卡)/, "gpus"],
  [/^[^，。；]{0,6}?(?:国家|地区)/, "countries"],
  [/^[^，。；]{0,6}?(?:次|调用)/, "calls"],
];

// noun first, number after: 用户规模已达4500万 / 下载量超过1000万次 / 开发者数量已超过35万
const NOUN_FIRST = new RegExp(
  `(用户|开发者|企业客户|客户|下载量|下载|调用量|日活|月活|总参数|激活参数|参数量|参数|大模型数量|模型数量|大模型总数)(?:规模|数量|数|总数)?(?:为|约为|达)?(?:累计)?(?:已经?|已)?(?:突破|超过|超|逾|达到|达|约|近|将近|接近)?${NUM}${APPROX_AFTER}${MULT}(?:次|人|名|家|个)?${APPROX_AFTER}(?![\\d年月日个款%％倍])`,
  "gu",
);
const NOUN_FIRST_UNIT: Record<string, [string, string]> = {
  用户: ["users", "users_count"],
  开发者: ["developers", "developers_count"],
  企业客户: ["organizations", "organizations_count"],
  客户: ["organizations", "organizations_count"],
  下载量: ["downloads", "downloads_count"],
  下载: ["downloads", "downloads_count"],
  调用量: ["calls", "calls_count"],
  日活: ["users", "daily_active_users"],
  总参数: ["parameters", "parameters"],
  大模型数量: ["models", "models_count"],
  模型数量: ["models", "models_count"],
  大模型总数: ["models", "models_count"],
  激活参数: ["parameters", "active_parameters"],
  参数量: ["parameters", "parameters"],
  参数: ["parameters", "parameters"],
  月活: ["users", "monthly_active_users"],
};

const VERB_METRIC: [RegExp, string][] = [
  [/发布|推出|上线|问世|备案|通过/, "released"],
  [/处理/, "processed"],
  [/调用|使用/, "using"],
  [/支持|服务|接入|赋能|覆盖/, "supported"],
  [/应用|部署|落地/, "deployed"],
  [/注册|使用|用户数|累计用户|日活|月活/, "active"],
];

function multiplier(m: string | undefined): number {
  switch (m) {
    case "万亿":
      return 1e12;
    case "千亿":
      return 1e11;
    case "百亿":
      return 1e10;
    case "亿":
      return 1e8;
    case "千万":
      return 1e7;
    case "百万":
      return 1e6;
    case "万":
      return 1e4;
    case "千":
      return 1e3;
    default:
      return 1;
  }
}

/** 一百三十 -> 130, 两千 -> 2000, 十 -> 10; Arabic passes through. */
export function parseNumber(s: string): number | null {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
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

function boundOf(pre: string | undefined, post: string | undefined): ClaimBound {
  if (post === "多" || post === "余" || post === "以上") return "lower";
  if (post === "左右" || post === "上下") return "approx";
  if (post === "以下") return "upper";
  switch (pre) {
    case "超过":
    case "超":
    case "逾":
    case "至少":
    case "不少于":
    case "不低于":
    case "突破":
    case "上百":
      return "lower";
    case "近":
    case "将近":
    case "接近":
    case "不到":
    case "不足":
    case "少于":
      return "upper";
    case "约":
    case "大约":
    case "数":
      return "approx";
    default:
      return "exact";
  }
}

const PNUM = "(\\d+(?:,\\d{3})*(?:\\.\\d+)?)";
const CURRENCY = "(元人民币|人民币|元|厘|分|美元|美分|港元|港币|欧元)";
const PER = "(百万|千|万|1000|100万|1M|1K|M|K)";
// 0.0008元/千Tokens, 1元/百万tokens, 0.8厘/千tokens
const PRICE_AFTER_RE = new RegExp(
  `${PNUM}\\s*${MULT}\\s*${CURRENCY}\\s*(?:\\/|每)\\s*${PER}?\\s*(?:个)?\\s*tokens?`,
  "giu",
);
// 每百万Tokens输入1元、输出2元 / 每千tokens 0.005元
const PER_FIRST_RE = new RegExp(`每\\s*${PER}\\s*(?:个)?\\s*(输入|输出)?\\s*tokens?`, "giu");
const IN_OUT_RE = new RegExp(
  `(输入|输出|input|output)?(?:价格|费用)?(?:为|仅为?|只需|低至|降至|是)?\\s*${PNUM}\\s*${CURRENCY}(?![\\/每])`,
  "giu",
);
// 10亿美元, 50亿元人民币, 43.48亿港元, 59.9元
const MONEY_RE = new RegExp(
  `${PRE}${PNUM}\\s*(多|余)?${MULT}\\s*(美元|元人民币|人民币|元|港元|港币)(?!\\s*(?:\\/|每))`,
  "gu",
);

const CURRENCY_FACTOR: Record<string, [number, "cny" | "usd" | "hkd" | "eur"]> = {
  元人民币: [1, "cny"],
  人民币: [1, "cny"],
  元: [1, "cny"],
  厘: [0.001, "cny"],
  分: [0.01, "cny"],
  美元: [1, "usd"],
  美分: [0.01, "usd"],
  港元: [1, "hkd"],
  港币: [1, "hkd"],
  欧元: [1, "eur"],
};
const PER_TOKENS: Record<string, number> = {
  百万: 1e6,
  千: 1e3,
  万: 1e4,
  "1000": 1e3,
  "100万": 1e6,
  "1m": 1e6,
  "1k": 1e3,
  m: 1e6,
  k: 1e3,
};

interface Amount {
  index: number;
  length: number;
  value: number;
  unit: string;
  metric: string;
  bound: ClaimBound;
}

const round = (x: number) => Number(x.toPrecision(12));

/** Prices per token (normalised to a currency per million tokens) and amounts of money in a sentence. */
function pricesAndAmounts(text: string): Amount[] {
  const out: Amount[] = [];
  const taken = (i: number, n: number) => out.some((a) => i < a.index + a.length && i + n > a.index);
  // the nearest 输入 / 输出 before the amount in its clause says which side of the price it is
  const side = (at: number) => {
    const before =
      text
        .slice(Math.max(0, at - 20), at)
        .split(/[，。；]/)
        .pop() ?? "";
    const last = [...before.matchAll(/输入|输出|input|output/gi)].pop();
    return !last ? "price" : /输入|input/i.test(last[0]) ? "price_input" : "price_output";
  };
  const perMillion = (num: string, mult: string | undefined, currency: string, per: string | undefined) => {
    const [factor, cur] = CURRENCY_FACTOR[currency];
    const value =
      Number(num.replace(/,/g, "")) * multiplier(mult) * factor * (1e6 / (PER_TOKENS[(per ?? "1").toLowerCase()] ?? 1));
    return { value: round(value), unit: `${cur}_per_million_tokens` };
  };
  for (const m of text.matchAll(PRICE_AFTER_RE)) {
    const [whole, num, mult, currency, per] = m;
    out.push({
      index: m.index,
      length: whole.length,
      ...perMillion(num, mult, currency, per),
      metric: side(m.index),
      bound: /低至/.test(text.slice(Math.max(0, m.index - 3), m.index)) ? "lower" : "exact",
    });
  }
  // 每百万tokens 0.8元 / 每百万输入tokens在缓存命中时为1元 / 每千tokens定价0.015元: each amount after a
  // "per N tokens" phrase, up to the next such phrase, priced per that many tokens
  const pers = [...text.matchAll(PER_FIRST_RE)];
  pers.forEach((perFirst, k) => {
    const from = perFirst.index + perFirst[0].length;
    const to = pers[k + 1]?.index ?? text.length;
    for (const m of text.slice(from, to).matchAll(IN_OUT_RE)) {
      const index = from + m.index;
      const [whole, io, num, currency] = m;
      if (taken(index, whole.length) || !/^(?:元|厘|分|美元|美分|元人民币|人民币)$/.test(currency)) continue;
      const p = perMillion(num, undefined, currency, perFirst[1]);
      const which = io ?? perFirst[2];
      out.push({
        index,
        length: whole.length,
        ...p,
        metric: which ? (/输入|input/i.test(which) ? "price_input" : "price_output") : side(index),
        bound: "exact",
      });
    }
  });
  for (const m of text.matchAll(MONEY_RE)) {
    const [whole, pre, num, post, mult, currency] = m;
    if (taken(m.index, whole.length)) continue;
    const [factor, cur] = CURRENCY_FACTOR[currency];
    const value = round(Number(num.replace(/,/g, "")) * multiplier(mult) * factor);
    const clause = text.slice(Math.max(0, m.index - 16), m.index);
    const metric = /估值/.test(clause)
      ? "valuation"
      : /融资|募资|募集|投资|领投|跟投/.test(clause + text.slice(m.index, m.index + whole.length + 8))
        ? "funding_amount"
        : /营收|收入/.test(clause)
          ? "revenue"
          : /亏损/.test(clause)
            ? "loss"
            : "amount";
    out.push({ index: m.index, length: whole.length, value, unit: cur, metric, bound: boundOf(pre, post) });
  }
  return out;
}

const SCOPE_WORD = /我国|国内|全国|中国|国产|全球|世界|海外|国外/g;
const GLOBAL = /全球|世界|海外|国外/;

const FREE_RE = /(?:全面|永久|限时|完全|均|均可|全部)?免费(?:开放|使用|调用|提供|商用)?/g;
const PRICE_CONTEXT = /价格|定价|降价|调价|[Tt]okens?|API|接口|调用|价格战|收费|计费/;

/** Sentences back that a claim with no date of its own looks for the date it holds at. */
const AS_OF_REACH = 3;

/** How a claim was read (its prior confidence, data/confidence.json). */
type Reading = keyof typeof PRIORS.claimReading;

const REPORT = /报告|白皮书|数据显示|统计|调查|研究显示|测算|榜单/;

export function extractClaims(
  ctx: ArticleContext,
  modelMentions: ModelMention[],
  orgMentions: OrgMention[],
): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  const { sentences, body } = ctx;
  let lastModelKey: string | null = null;
  for (let si = 0; si < sentences.length; si++) {
    const s0 = sentences[si];
    const s = { ...s0, text: ctx.simple.slice(s0.start, s0.end) };
    const prevModel = lastModelKey;
    const inSentence = modelMentions.filter((x) => x.start >= s.start && x.start < s.end);
    if (si > 0 && body.slice(sentences[si - 1].end, s.start).includes("\n")) lastModelKey = null;
    if (inSentence.length) lastModelKey = inSentence[inSentence.length - 1].key;
    if (!/[\d零〇一二两三四五六七八九十百千]/.test(s.text)) continue;
    // what the sentence's claims share (date, scope, report, mentions), worked out at its first claim
    let shared: SentenceClaims | null = null;
    const claim = (...args: ClaimArgs) =>
      makeClaim((shared ??= sentenceClaims(ctx, si, s, inSentence, orgMentions, prevModel)), ...args);
    const seen = new Set<number>();
    for (const p of pricesAndAmounts(s.text)) {
      for (let k = p.index; k < p.index + p.length; k++) seen.add(k);
      claims.push(
        claim(
          s.start + p.index,
          p.metric,
          p.value,
          p.unit,
          p.bound,
          p.unit.endsWith("_per_million_tokens") ? "price" : "money",
        ),
      );
    }
    // ERNIE Speed和ERNIE Lite全面免费: a price of 0 for each model of the clause, in a sentence about prices
    for (const f of s.text.matchAll(FREE_RE)) {
      if (
        !PRICE_CONTEXT.test(s.text) &&
        !PRICE_CONTEXT.test(ctx.simple.slice(sentences[si - 1]?.start ?? s.start, s.start))
      )
        continue;
      const [cs] = clauseAround(s.text, f.index);
      const freed = inSentence.filter((x) => x.start - s.start >= cs && x.start - s.start < f.index);
      for (const x of new Map(freed.map((y) => [y.key, y])).values())
        claims.push(claim(x.end, "price", 0, "cny_per_million_tokens", "exact", "price", cs));
    }
    NOUN_FIRST.lastIndex = 0;
    for (let m = NOUN_FIRST.exec(s.text); m; m = NOUN_FIRST.exec(s.text)) {
      if (seen.has(m.index)) continue;
      const [whole, noun, num, post1, mult, post2] = m;
      let value = parseNumber(num);
      if (value === null) continue;
      value *= multiplier(mult);
      const [unit, counted] = NOUN_FIRST_UNIT[noun];
      // 已发布的大模型数量达到1509个: the verb of the clause says what was counted
      const verb =
        unit === "models"
          ? VERB_METRIC.find(([re]) => re.test(s.text.slice(clauseAround(s.text, m.index)[0], m.index)))
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
      const absIdx = s.start + m.index;
      for (let k = m.index; k < m.index + whole.length; k++) seen.add(k);
      claims.push(claim(absIdx, metric, value, unit, boundOf(pre, post1 ?? post2), "noun_first"));
    }
    CLAIM_RE.lastIndex = 0;
    for (let m = CLAIM_RE.exec(s.text); m; m = CLAIM_RE.exec(s.text)) {
      if (seen.has(m.index + (m[1]?.length ?? 0))) continue;
      const [whole, pre, num, post1, mult, post2, unitWord] = m;
      const idx = m.index;
      // not a date, year, ordinal or version: 2023年, 第3个, 3.0版本
      const prevCh = s.text[idx - 1] ?? "";
      if (/[第\d.A-Za-z]/.test(prevCh)) continue;
      if (!/\d/.test(num) && num.length === 1 && !mult && !pre && !/[个款家项种名位]/.test(unitWord)) continue;
      if (/^[一]$/.test(num) && !mult) continue; // 一个/一款: an article, not a count
      let value = parseNumber(num);
      if (value === null) continue;
      value *= multiplier(mult);
      if (/万字$/.test(unitWord)) value *= 1e4;
      const after = s.text.slice(idx + whole.length, idx + whole.length + 12);
      let unit: string;
      if (unitWord === "%" || unitWord === "％") unit = "percent";
      else if (unitWord === "个百分点") unit = "percentage_points";
      else if (unitWord === "倍") unit = "times";
      else if (/字$/.test(unitWord)) unit = "characters";
      else if (/tokens?/i.test(unitWord)) unit = "tokens";
      else if (/参数$/.test(unitWord)) unit = "parameters";
      else if (unitWord === "用户") unit = "users";
      else if (unitWord === "开发者") unit = "developers";
      else if (unitWord === "企业") unit = "organizations";
      else if (unitWord === "行业") unit = "industries";
      else if (unitWord === "场景") unit = "scenarios";
      else {
        // the noun closest to the number wins (近10个矿井实现规模化应用 -> mines, not apps)
        let bestLen = Infinity;
        let found: string | null = null;
        for (const [re, u] of NOUNS) {
          const nm = re.exec(after);
          if (nm && nm[0].length < bestLen) {
            bestLen = nm[0].length;
            found = u;
          }
        }
        if (!found) continue;
        unit = found;
      }
      if (unit === "parameters" && (!/参数/.test(whole + after) || value < 1e6)) continue;
      const [cs] = clauseAround(s.text, idx);
      const clause = s.text.slice(cs, idx + whole.length + after.length);
      const verb = VERB_METRIC.find(([re]) => re.test(clause));
      let metric: string;
      if (unit === "characters") metric = "context_length";
      else if (unit === "parameters") metric = "parameters";
      else if (unit === "percent" || unit === "percentage_points" || unit === "times") {
        metric = /增长|增速|提升|提高|增加/.test(clause)
          ? "growth"
          : /便宜|降低|下降|减少|降价/.test(clause)
            ? "reduction"
            : unit === "times"
              ? "multiple"
              : "share";
      } else metric = `${unit}_${verb ? verb[1] : "count"}`;
      const reading: Reading =
        unit === "percent" || unit === "percentage_points"
          ? "percent"
          : /[个款家项种名位]|参数|tokens?|字/i.test(unitWord)
            ? "classifier"
            : "noun_after";
      claims.push(claim(s.start + idx, metric, value, unit, boundOf(pre, post1 ?? post2), reading, cs));
    }
  }
  // a number no count, amount or size in the news reaches is a misreading (999999999999999999999个)
  return claims.filter((c) => Number.isFinite(c.value) && Math.abs(c.value) <= MAX_CLAIM_VALUE);
}

/** Larger than any count, amount or parameter size in real news (10^15), and exact as a double. */
export const MAX_CLAIM_VALUE = 1e15;

/** Everything about a claim that depends only on its sentence. */
interface SentenceClaims {
  /** the sentence as written (the evidence) */
  sentence: SentenceSpan;
  /** its Simplified text and offsets */
  s: { text: string; start: number; end: number };
  asOf: ExtractedClaim["asOf"];
  /** where asOf came from: the sentence itself, the one before it, the article's date */
  asOfSource: keyof typeof PRIORS.claimAsOf;
  scope: string | null;
  statedBy: string | null;
  /** the model and organisation mentions inside the sentence, in their arrays' order */
  models: ModelMention[];
  orgs: OrgMention[];
  /** the subject when the sentence names no model before the number */
  fallbackModel: string | null;
}

function sentenceClaims(
  ctx: ArticleContext,
  si: number,
  s: { text: string; start: number; end: number },
  models: ModelMention[],
  orgMentions: OrgMention[],
  prevModel: string | null,
): SentenceClaims {
  const { sentences, body } = ctx;
  // 该模型… refers back to the model of the sentence before
  const fallbackModel =
    /^(?:该|此|这一|这款|新)?(?:模型|大模型)/.test(s.text.replace(/^[^，]{0,12}，/, "")) ||
    /该模型|这一模型|新模型/.test(s.text)
      ? prevModel
      : null;
  // 自8月31日…以来 / 从…起 mark a start, not the date the number holds at
  const dates = ctx.datesIn(si).filter((d) => !startsPeriod(s.text, d, s.start) || /^截至|^截止/.test(d.point.text));
  // else the sentence before it in the paragraph, else the article's own date: a number stated in
  // the present holds at the time of writing
  // the last date stated before it in the paragraph, up to three sentences back (not a period's start)
  let prev: ReturnType<typeof ctx.datesIn> = [];
  for (let k = si - 1; k >= 0 && si - k <= AS_OF_REACH; k--) {
    if (body.slice(sentences[k].end, sentences[k + 1].start).includes("\n")) break;
    const kt = ctx.simple.slice(sentences[k].start, sentences[k].end);
    const ds = ctx.datesIn(k).filter((d) => d.point.value && !startsPeriod(kt, d, sentences[k].start));
    if (ds.length) {
      prev = ds;
      break;
    }
  }
  const doc = ctx.documentDate?.point;
  const asOf = dates.length
    ? dates[dates.length - 1].point
    : prev.length
      ? { ...prev[prev.length - 1].point, inferred: true }
      : doc?.value
        ? { ...doc, inferred: true, text: "" }
        : UNKNOWN_DATE;
  const asOfSource: keyof typeof PRIORS.claimAsOf = dates.length
    ? "own"
    : prev.length
      ? "previous"
      : doc?.value
        ? "document"
        : "none";
  const scope = /我国|国内|全国|中国|国产/.test(s.text) ? "China" : /全球|世界/.test(s.text) ? "global" : null;
  // the report the claims come from: this sentence or up to 3 before it in the same paragraph
  let statedBy: string | null = null;
  for (let k = si; k >= Math.max(0, si - 3); k--) {
    const ks = sentences[k];
    if (k < si && body.slice(ks.end, s.start).includes("\n")) break;
    const r = REPORT.exec(ctx.simple.slice(ks.start, ks.end));
    if (!r) continue;
    const cite = ks.start + r.index;
    const author = orgMentions.filter((o) => o.start >= ks.start && o.end <= cite).pop();
    if (author && ORGANIZATIONS.get(author.key)?.kind !== "media") {
      statedBy = author.key;
      break;
    }
  }
  const orgs = orgMentions.filter((x) => x.start >= s.start && x.start < s.end);
  return { sentence: sentences[si], s, asOf, asOfSource, scope, statedBy, models, orgs, fallbackModel };
}

/** What one claim of a sentence is: where its number stands, what it measures, and how it was read. */
type ClaimArgs = [
  absIdx: number,
  metric: string,
  value: number,
  unit: string,
  bound: ClaimBound,
  reading: Reading,
  clauseStart?: number,
];

function makeClaim(
  shared: SentenceClaims,
  ...[absIdx, metric, value, unit, bound, reading, clauseStart = 0]: ClaimArgs
): ExtractedClaim {
  const { s } = shared;
  // subject: the model (else org) named in the same clause, else nearest before the number
  // (the number lies inside the sentence, so the sentence's own mentions are all candidates)
  const subjModel =
    shared.models.filter((x) => x.start >= s.start + clauseStart && x.start < absIdx).pop() ??
    shared.models.filter((x) => x.start < absIdx).pop();
  const subjOrg = shared.orgs.filter((x) => x.start < absIdx).pop();
  // scope: the nearest scope word before the number in its clause (我国…1509个，在全球…3755个中),
  // else the sentence's
  const clause =
    s.text
      .slice(0, absIdx - s.start)
      .split(/[，；。]/)
      .pop() ?? "";
  const near = [...clause.matchAll(SCOPE_WORD)].pop();
  const scope = near ? (GLOBAL.test(near[0]) ? "global" : "China") : shared.scope;
  return {
    metric,
    value,
    unit,
    bound,
    asOf: shared.asOf,
    scope,
    subjectModelKey: subjModel?.key ?? shared.fallbackModel,
    subjectOrganizationKey: subjOrg?.key ?? null,
    statedByKey: shared.statedBy,
    evidence: evidenceOf(shared.sentence),
    confidence: Math.round(PRIORS.claimReading[reading] * PRIORS.claimAsOf[shared.asOfSource] * 1000) / 1000,
  };
}
