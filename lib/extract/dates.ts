// Date phrases -> DatePoint, read the way HeidelTime reads news: against a reference. An article
// has a document date (its 发布时间 field, a dateline, a date in its link, else the latest date its
// body states); 今天 / 昨天 / 今年 / 上个月 count from it. 当天 / 次日 / 同年 / 次月, and dates
// with no year (3月16日, 22日), count from the anchor: the last date the paragraph stated before
// them, else the document date. With neither, the year stays unknown: it is never taken from an
// unrelated sentence, and never from the clock. The words live in data/dates.json.
import * as chrono from "chrono-node";
import type { RawArticle } from "@/lib/validations/article-file";
import words from "./data/dates.json";
import numerals from "./data/numerals.json";
import { toSimplified } from "./text";
import type { DatePoint } from "./types";

export interface DateHit {
  point: DatePoint;
  start: number;
  end: number;
}

/** A date with the parts the text gave (month and day may be unknown). */
export interface Ymd {
  y: number;
  m: number | null;
  d: number | null;
}

/** What relative phrases count from: the document date, and the paragraph's last stated date. */
export interface DateReference {
  document: Ymd | null;
  /** updated as phrases are read, in text order; reset at each paragraph and when it goes stale */
  anchor: Ymd | null;
  /**
   * the paragraph's last stated date, stale or not: what a word that points back (同月28日, 次月,
   * 同年, 当天) counts from, since it says it continues a date, where a bare 3月 only may
   */
  last: Ymd | null;
  /** the document date is only the latest date the body states: the article may be later */
  lowerBound: boolean;
}

export const newReference = (document: Ymd | null, lowerBound = false): DateReference => ({
  document,
  anchor: null,
  last: null,
  lowerBound,
});

/**
 * Sentences an anchor reaches past the one that stated it. A date three sentences back no longer
 * frames the narrative: a history sentence (从2021年开始…) must not date the news that follows it.
 */
export const ANCHOR_REACH = 2;

const CN_DIGIT: Record<string, number> = numerals.digits;

/** 二〇二三 -> 2023 (digit by digit), 十二 -> 12, 三十一 -> 31, "7" -> 7 */
export function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(""));
  const m = /^([一二三四五六七八九两])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s.length === 0) return null;
  if (!m[2]) return m[1] ? CN_DIGIT[m[1]] : m[3] ? CN_DIGIT[m[3]] : null;
  return (m[1] ? CN_DIGIT[m[1]] : 1) * 10 + (m[3] ? CN_DIGIT[m[3]] : 0);
}

/** True when day d exists in month m of year y (2月30日 does not). */
function isCalendarDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** A Ymd as a DatePoint at the precision of its parts; impossible parts are dropped, not kept. */
function point(v: Ymd | null, inferred: boolean, text: string): DatePoint {
  if (!v || v.y < 1900 || v.y > 2100) return { value: null, precision: "unknown", inferred, text };
  const { y, m, d } = v;
  if (m === null || m < 1 || m > 12) return { value: String(y), precision: "year", inferred, text };
  // an impossible day (a typo such as 2月30日) still says which month
  if (d === null || !isCalendarDay(y, m, d)) return { value: `${y}-${pad(m)}`, precision: "month", inferred, text };
  return { value: `${y}-${pad(m)}-${pad(d)}`, precision: "day", inferred, text };
}

/** The Ymd of a DatePoint's value ("2023", "2023-07", "2023-07-31"). */
export function ymdOf(p: DatePoint | null): Ymd | null {
  if (!p?.value) return null;
  const [y, m, d] = p.value.split("-").map(Number);
  return { y: y, m: m ?? null, d: d ?? null };
}

function shiftDays(v: Ymd, days: number): Ymd {
  if (v.m === null || v.d === null) return { y: v.y, m: v.m, d: null }; // no day to count from
  const t = new Date(Date.UTC(v.y, v.m - 1, v.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function shiftMonths(v: Ymd, months: number): Ymd | null {
  if (v.m === null) return months === 0 ? { y: v.y, m: null, d: null } : null;
  const t = new Date(Date.UTC(v.y, v.m - 1 + months, 1));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: null };
}

/** v moved by n units (a month or a year keeps the day where the calendar has it). */
function shiftBy(v: Ymd, unit: OffsetUnit, n: number): Ymd | null {
  switch (unit) {
    case "hours": // 几个小时后: the same day, as far as a date can tell
      return v.d === null ? null : v;
    case "days":
      return v.d === null ? null : shiftDays(v, n);
    case "weeks":
      return v.d === null ? null : shiftDays(v, 7 * n);
    case "months": {
      const s = shiftMonths(v, n);
      return s && v.d !== null && s.m !== null && isCalendarDay(s.y, s.m, v.d) ? { ...s, d: v.d } : s;
    }
    case "years":
      return { y: v.y + n, m: v.m, d: v.m !== null && v.d !== null && isCalendarDay(v.y + n, v.m, v.d) ? v.d : null };
  }
}

/** v at the precision of a unit: a count of years says the year, of months the month. */
function atUnit(v: Ymd, unit: OffsetUnit): Ymd {
  if (unit === "years") return { y: v.y, m: null, d: null };
  if (unit === "months") return { ...v, d: null };
  return v;
}

const byLength = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length).join("|");
const DAY_WORDS = words.days as Record<string, { from: "document" | "anchor"; days: number }>;
const MONTH_WORDS = words.months as Record<string, { from: "document" | "anchor"; months: number }>;
const YEAR_WORDS = words.years as Record<string, { from: "document" | "anchor"; years: number }>;
const WEEK_WORDS = words.weeks as Record<string, { from: "document" | "anchor"; weeks: number }>;
type OffsetUnit = "hours" | "days" | "weeks" | "months" | "years";
const OFFSET_UNITS = words.offsets.units as Record<string, OffsetUnit>;
const OFFSET_DIRECTIONS = words.offsets.directions as Record<string, { from: "document" | "anchor"; sign: number }>;

const Y = "(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4}";
const M = "1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]";
const D = "3[01]|[12]\\d|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九]";
const PART = "初|底|末|上旬|中旬|下旬|中";
const HALF = "上半年|下半年|一季度|二季度|三季度|四季度|第[一二三四]季度|前三季度|年初|年底|年末|年中|底|初|末";
const PREFIX = "截至|截止到|截止|到|至";
const NOT_AFTER_NUMBER = "(?<![\\d〇零一二三四五六七八九十.])";

const DATE_RE = new RegExp(
  [
    // 2023年7月31日 / 2023年7月 / 2023年上半年 / 2023年
    `(?<xpre>${PREFIX})?(?<xy>${Y})\\s*年(?:\\s*(?<xm>${M})\\s*月份?(?:\\s*(?<xd>${D})\\s*[日号])?(?<xpart>${PART})?|(?<xhalf>${HALF}))?`,
    // 今年7月 / 去年底 / 同年8月31日 / 次年
    `(?<ypre>${PREFIX})?(?<yw>${byLength(Object.keys(YEAR_WORDS))})(?:(?<ym>${M})月份?(?:(?<yd>${D})[日号])?(?<ypart>${PART})?|(?<yhalf>${HALF})|(?<ysince>以来))?`,
    // 2023-07-31 / 2023/7/31 / 2023.07
    `(?<![\\d.])(?<iy>(?:19|20)\\d{2})[-/.](?<im>1[0-2]|0?[1-9])(?:[-/.](?<id>3[01]|[12]\\d|0?[1-9]))?(?!\\d)`,
    // 本月 / 上个月 / 次月4日 / 同月月底
    `(?<mpre>${PREFIX})?(?<mw>${byLength(Object.keys(MONTH_WORDS))})(?:(?<md>${D})[日号])?(?:月?(?<mpart>${PART}|上旬))?`,
    // 7月31日 / 6月初 / 7月 (no year written)
    `(?<npre>${PREFIX})?${NOT_AFTER_NUMBER}(?<!年\\s?)(?<nm>${M})\\s*月份?(?:\\s*(?<nd>${D})\\s*[日号])?(?<npart>${PART})?`,
    // 上周三 / 周一 / 星期五
    `(?:(?<ww>${byLength(Object.keys(WEEK_WORDS))})|周|星期|礼拜)(?<wd>[一二三四五六日天])`,
    // 六天后 / 两年前 / 三个月之后 / 数天后 (a count of units from the anchor or the document date)
    `${NOT_AFTER_NUMBER}(?<on>\\d{1,3}|[一二两三四五六七八九十]{1,3}|${byLength(words.offsets.vagueCounts)})(?<ou>${byLength(Object.keys(OFFSET_UNITS))})(?<od>${byLength(Object.keys(OFFSET_DIRECTIONS))})`,
    // 今天 / 昨天 / 当天 / 次日
    `(?<dw>${byLength(Object.keys(DAY_WORDS))})`,
    // 本周 / 上周 (no weekday)
    `(?<wk>${byLength(Object.keys(WEEK_WORDS))})`,
    // 22日 (the anchor's month)
    `${NOT_AFTER_NUMBER}(?<!月\\s?)(?<sd>3[01]|[12]\\d|0?[1-9])[日号](?![前后以内])`,
    // 年初 / 下半年 (the anchor's year)
    `(?<sh>上半年|下半年|年初|年中|年底|年末)`,
    // relative words with no date
    `(?<vague>${byLength(words.vague)})`,
  ].join("|"),
  "gu",
);

const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** Chinese-numeral dates (二〇二三年七月) are read by chrono; precision comes from isCertain. */
function viaChrono(text: string): Ymd | null {
  const r = chrono.zh.hans.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })[0];
  if (!r || !r.start.isCertain("year")) return null;
  const c = r.start;
  const m = c.isCertain("month") ? c.get("month")! : null;
  return { y: c.get("year")!, m, d: m !== null && c.isCertain("day") ? c.get("day")! : null };
}

const num = (s: string | undefined) => (s === undefined ? null : cnNumber(s));

const FUTURE = new RegExp(byLength(words.futureMarkers));

/** True when the clause around `at` says what it dates is still to come (将于6月1日, 预计9月). */
function future(text: string, at: number): boolean {
  const from = Math.max(...["，", "。", "；", ",", ";"].map((c) => text.lastIndexOf(c, at - 1))) + 1;
  const to = text.slice(at).search(/[，。；,;]/);
  return FUTURE.test(text.slice(from, to < 0 ? undefined : at + to));
}

/**
 * The year of a month the text gives without one (3月, 3月16日). Against the anchor, a narrative
 * goes forward: a month before the anchor's is the next year's (去年11月底上线…2月7日 is the next
 * February), as long as that is not past the document date. Against the document date, news
 * reports what has happened: a month after the document's is last year's, unless the clause says it
 * is still to come (将于).
 */
function yearOfMonth(month: number, ref: DateReference, isFuture: boolean): number {
  const doc = ref.document;
  // a date still to come (明年, 将于10月) is no anchor for one the text reports: news tells what has
  // happened, so 5月21日 after 明年 is read against the document date
  const ahead =
    ref.anchor &&
    doc &&
    !isFuture &&
    (ref.anchor.y > doc.y || (ref.anchor.y === doc.y && doc.m !== null && (ref.anchor.m ?? 0) > doc.m));
  const anchor = ahead ? null : ref.anchor;
  if (anchor) {
    if (anchor.m === null || month >= anchor.m) return anchor.y;
    const next = anchor.y + 1;
    const notPastDocument = !doc || (doc.m === null ? next <= doc.y : next * 100 + month <= doc.y * 100 + doc.m);
    return notPastDocument ? next : anchor.y;
  }
  if (doc!.m !== null && month > doc!.m && !isFuture && !ref.lowerBound) return doc!.y - 1;
  return doc!.y;
}

/**
 * Every date phrase in `text` (one sentence, or any run of text) as a DatePoint. `ref` supplies the
 * document date and carries the anchor from phrase to phrase; `offset` is added to positions.
 */
export function findDates(text: string, ref: DateReference, offset = 0): DateHit[] {
  const hits: DateHit[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const g = m.groups!;
    const phrase = m[0];
    const base = (from: "document" | "anchor") =>
      from === "anchor" ? (ref.anchor ?? ref.last ?? ref.document) : ref.document;
    let v: Ymd | null = null;
    let inferred = true;
    let anchors = true;
    if (g.xy !== undefined) {
      inferred = false;
      v = { y: cnNumber(g.xy)!, m: g.xhalf ? null : num(g.xm), d: g.xhalf || g.xm === undefined ? null : num(g.xd) };
      // (the numeral of 前三季度 is no part of the date)
      if (
        /[〇零一二三四五六七八九十]/.test(phrase.replace(new RegExp(`^(?:${PREFIX})`), "").replace(g.xhalf ?? "", ""))
      )
        v = viaChrono(phrase) ?? v;
    } else if (g.yw !== undefined) {
      const w = YEAR_WORDS[g.yw];
      const b = base(w.from);
      v = b
        ? {
            y: b.y + w.years,
            m: g.yhalf || g.ysince ? null : num(g.ym),
            d: g.yhalf || g.ym === undefined ? null : num(g.yd),
          }
        : null;
    } else if (g.iy !== undefined) {
      inferred = false;
      v = { y: Number(g.iy), m: Number(g.im), d: g.id !== undefined ? Number(g.id) : null };
    } else if (g.mw !== undefined) {
      const w = MONTH_WORDS[g.mw];
      const b = base(w.from);
      const shifted = b ? shiftMonths(b, w.months) : null;
      v = shifted && shifted.m !== null && g.md !== undefined && !g.mpart ? { ...shifted, d: num(g.md) } : shifted;
    } else if (g.nm !== undefined) {
      const month = num(g.nm);
      v = ref.anchor ? { ...ref.anchor, d: null } : ref.document;
      if (v && month !== null)
        v = { y: yearOfMonth(month, ref, future(text, m.index)), m: month, d: g.nd !== undefined ? num(g.nd) : null };
    } else if (g.wd !== undefined) {
      const b = g.ww ? base(WEEK_WORDS[g.ww].from) : ref.document;
      const weeks = g.ww ? WEEK_WORDS[g.ww].weeks : 0;
      if (b && b.m !== null && b.d !== null) {
        const t = new Date(Date.UTC(b.y, b.m - 1, b.d));
        const monday = shiftDays(b, -((t.getUTCDay() + 6) % 7));
        let target = shiftDays(monday, weeks * 7 + WEEKDAY[g.wd] - 1);
        // a bare weekday (周一) in news is the last one on or before the document's day
        if (!g.ww && target.d !== null && (target.m! > b.m || (target.m === b.m && target.d > b.d)))
          target = shiftDays(target, -7);
        v = target;
      }
    } else if (g.on !== undefined) {
      // a count of hours needs no value: 几个小时后 is the anchor's day
      const n = OFFSET_UNITS[g.ou] === "hours" ? 0 : num(g.on);
      const dir = OFFSET_DIRECTIONS[g.od];
      const b = n === null ? null : base(dir.from);
      if (b && n !== null) {
        const shifted = shiftBy(b, OFFSET_UNITS[g.ou], dir.sign * n);
        v = shifted;
        // the phrase is as precise as what it counts (两年前: a year); what follows it counts from
        // the whole date (两年前的同一天)
        if (shifted) {
          const p = point(atUnit(shifted, OFFSET_UNITS[g.ou]), true, phrase);
          ref.anchor = ref.last = shifted;
          hits.push({ point: p, start: m.index + offset, end: m.index + offset + phrase.length });
          continue;
        }
      }
      anchors = false; // 数天后: a count with no value
      v = null;
    } else if (g.dw !== undefined) {
      const w = DAY_WORDS[g.dw];
      const b = base(w.from);
      v = b ? shiftDays(b, w.days) : null;
    } else if (g.wk !== undefined) {
      const w = WEEK_WORDS[g.wk];
      const b = base(w.from);
      v = b && b.d !== null ? { ...shiftDays(b, w.weeks * 7), d: null } : b ? { ...b, d: null } : null;
      anchors = false; // a week is not a date to count from
    } else if (g.sd !== undefined) {
      const b = base("anchor");
      v = b && b.m !== null ? { y: b.y, m: b.m, d: Number(g.sd) } : null;
    } else if (g.sh !== undefined) {
      const b = base("anchor");
      v = b ? { y: b.y, m: null, d: null } : null;
    } else {
      inferred = false;
      anchors = false;
    }
    const p =
      g.vague !== undefined
        ? { value: null, precision: "unknown" as const, inferred: false, text: phrase }
        : point(v, inferred, phrase);
    if (anchors && p.value) ref.anchor = ref.last = ymdOf(p);
    hits.push({ point: p, start: m.index + offset, end: m.index + offset + phrase.length });
  }
  return hits;
}

/**
 * True when a date starts a period (从2021年开始, 自8月以来, 2023年起) rather than dating a happening.
 * `text` is the Simplified text the hit was found in, starting at `offset` of the body.
 */
export function startsPeriod(text: string, hit: DateHit, offset: number): boolean {
  const before = text[hit.start - offset - 1];
  return before === "从" || before === "自" || PERIOD_AFTER.test(text.slice(hit.end - offset, hit.end - offset + 14));
}
const PERIOD_AFTER = /^[^，。]{0,12}?(?:以来|起|开始)/;

/** Read one date phrase on its own ("6月初", "截至2023年7月", "去年") against a document date. */
export function parseDatePhrase(phrase: string, document: Ymd | null = null): DatePoint {
  const hit = findDates(phrase, newReference(document))[0];
  return hit ? hit.point : { value: null, precision: "unknown", inferred: false, text: phrase };
}

export const UNKNOWN_DATE: DatePoint = { value: null, precision: "unknown", inferred: false, text: "" };

// ---- the document date -------------------------------------------------------------------------

type DocumentDateSource = "field" | "dateline" | "url" | "body";

export interface DocumentDate {
  point: DatePoint;
  source: DocumentDateSource;
  /** the field it came from, when it came from one */
  field: string | null;
}

const FIELD_NAMES = new Set(words.documentFields);
const AGENCIES = byLength(words.datelineAgencies);
// 2023-09-08 18:57 / 2023年9月8日 at the very start of the body
const DATELINE_FULL =
  /^\s*[（(【]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(1[0-2]|0?[1-9])\s*[-/.月]\s*(3[01]|[12]\d|0?[1-9])日?/u;
// 本报北京5月15日电 / 新华社上海7月4日电 / （记者 张三）5月15日讯
const DATELINE_MONTH_DAY = new RegExp(
  `^\\s*[（(【]?\\s*(?:${AGENCIES})?[\\p{Script=Han}\\s]{0,10}?(1[0-2]|0?[1-9])月(3[01]|[12]\\d|0?[1-9])日\\s*(?:电|讯|消息|报道)`,
  "u",
);
// （记者 张三 北京报道）5月15日， / 本报记者 李四 上海报道 10月27日，: the lede's date right after
// the byline (headings and furniture may come first)
const BYLINE_MONTH_DAY = new RegExp(
  `^[^。，,]{0,40}?(?:${byLength(words.bylineWords)})[^，。,]{0,24}?[）)]?\\s*(1[0-2]|0?[1-9])月(3[01]|[12]\\d|0?[1-9])日\\s*[，,]`,
  "u",
);
// /2023/0908/, /20240801/, /2026/01/08/, -2024-05-15
const URL_DATE = /(?<!\d)((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)/;
const URL_MONTH = /\/((?:19|20)\d{2})[/_-](0[1-9]|1[0-2])\//;

// a year that names an event or edition: 2023华为开发者大会, 2024云栖大会
const EDITION_YEAR = /(?<![\d.])((?:19|20)\d{2})(?=[\p{Script=Han}A-Za-z])(?!年)/gu;

/** The latest date with a year that the text states (the fallback document date). */
function latestStated(text: string): Ymd | null {
  let best: Ymd | null = null;
  const key = (v: Ymd) => v.y * 10_000 + (v.m ?? 0) * 100 + (v.d ?? 0);
  const consider = (v: Ymd | null) => {
    if (v && v.y >= 1900 && v.y <= 2100 && (!best || key(v) > key(best))) best = v;
  };
  const simple = toSimplified(text);
  const hits = findDates(simple, newReference(null)).filter((h) => !h.point.inferred);
  // a plan (计划于2026年上市, 预计2027年推出) is dated after the article, not by it; only a text
  // that dates nothing else is read by its plans (预计2024年…)
  const planned = new Set(hits.filter((h) => future(simple, h.start)));
  for (const h of hits) if (!planned.has(h)) consider(ymdOf(h.point));
  for (const m of simple.matchAll(EDITION_YEAR)) consider({ y: Number(m[1]), m: null, d: null });
  if (!best) for (const h of planned) consider(ymdOf(h.point));
  return best;
}

/**
 * The article's own date: a date field (发布时间 / 日期 / 时间 …), else a dateline at the start of
 * the body, else a date in the link, else the latest date the body states (year-less datelines
 * take their year from the link or the body). Null when none of them gives a year.
 */
export function documentDate(
  article: Pick<RawArticle, "extra" | "url"> & Partial<Pick<RawArticle, "title" | "eventSummary">>,
  body: string,
): DocumentDate | null {
  const stated = () => latestStated([article.title ?? "", article.eventSummary ?? "", body].join("\n"));
  for (const [name, value] of Object.entries(article.extra)) {
    if (!FIELD_NAMES.has(toSimplified(name))) continue;
    const hit = findDates(toSimplified(value), newReference(null)).find((h) => h.point.value && !h.point.inferred);
    if (hit) return { point: { ...hit.point, text: value }, source: "field", field: name };
  }
  const head = toSimplified(body.slice(0, 80));
  const full = DATELINE_FULL.exec(head);
  if (full)
    return {
      point: point({ y: +full[1], m: +full[2], d: +full[3] }, false, full[0].trim()),
      source: "dateline",
      field: null,
    };
  const u = URL_DATE.exec(article.url) ?? URL_MONTH.exec(article.url);
  const fromUrl = u ? { y: +u[1], m: +u[2], d: u[3] ? +u[3] : null } : null;
  const dateline = DATELINE_MONTH_DAY.exec(head);
  const byline = dateline ? null : BYLINE_MONTH_DAY.exec(head);
  const md = dateline ?? byline;
  if (md) {
    // the year of a year-less dateline: the link's, else the first year in which the dateline
    // falls on or after everything the body reports (news is written after what it reports)
    const [m, d] = [+md[1], +md[2]];
    const latest = fromUrl ? null : stated();
    // …and after a year it reports as a whole (2025年全年, 2025年全年共…): that year is over
    const year =
      fromUrl?.y ??
      (latest
        ? likelierYear(body, latest.y + (yearIsOver(body, latest.y) || md2(m, d) < md2(latest.m, latest.d) ? 1 : 0), {
            m,
            d,
          })
        : null);
    const text = byline ? `${md[1]}月${md[2]}日` : md[0].trim();
    if (year) return { point: point({ y: year, m, d }, true, text), source: "dateline", field: null };
  }
  if (fromUrl) return { point: point(fromUrl, false, u![0]), source: "url", field: null };
  const latest = stated();
  if (!latest) return null;
  // the newest day the body names is the news, reported within days: its year is the article's
  // (去年12月26日 after it is a flashback), unless the body reports that year as over
  const y = yearIsOver(body, latest.y)
    ? latest.y + 1
    : latest.d !== null
      ? latest.y
      : likelierYear(body, latest.y, { m: latest.m, d: latest.d });
  return { point: point(y === latest.y ? latest : { y, m: null, d: null }, true, ""), source: "body", field: null };
}

const md2 = (m: number | null, d: number | null) => (m ?? 0) * 100 + (d ?? 0);

/** 2025年…全年共完成22笔融资: the body reports that year as a whole, so it is over. */
const yearIsOver = (body: string, y: number) => new RegExp(`${y}年[^。；！？\\n]{0,24}全年`).test(toSimplified(body));

/**
 * Of a year inferred for the document and the one after it, the one under which the body's
 * sentences run in order more often. Only stated years and the words that count years from the
 * document date (去年10月, 今年) take part, and only the first of the two moves with it: 于2023年4月
 * 成立…。去年10月完成A1轮 reads in order only if 去年 is 2023. Within a sentence a year is as often
 * set against another (2023年上半年回暖，去年则低迷), so only dates of successive sentences are
 * compared. A tie keeps `year`.
 */
function likelierYear(body: string, year: number, md: { m: number | null; d: number | null }): number {
  const sentences = toSimplified(body).match(/[^。！？!?\n]+/g) ?? [];
  const inversions = (y: number) => {
    let n = 0;
    let before: Ymd | null = null;
    for (const sentence of sentences) {
      const dated = findDates(sentence, newReference({ y, m: md.m, d: md.d }))
        .filter((h) => h.point.value && (!h.point.inferred || DOCUMENT_YEAR_WORD.test(h.point.text)))
        .map((h) => ymdOf(h.point)!);
      if (!dated.length) continue;
      const first = dated[0];
      if (before && before.y * 100 + (before.m ?? 0) > first.y * 100 + (first.m ?? 13)) n++;
      before = dated[dated.length - 1];
    }
    return n;
  };
  return inversions(year + 1) < inversions(year) ? year + 1 : year;
}
const DOCUMENT_YEAR_WORD = new RegExp(
  `^(?:${PREFIX})?(?:${byLength(Object.keys(YEAR_WORDS).filter((w) => YEAR_WORDS[w].from === "document"))})`,
);
