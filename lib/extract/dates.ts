// Date phrases -> DatePoint. Years missing from a phrase come from the article's own explicit years
// (never from the clock): the nearest preceding explicit year in the same sentence, else the year
// the article mentions most (ties -> the latest).
import * as chrono from "chrono-node";
import type { DatePoint } from "./types";

export interface YearContext {
  /** the explicit year the article uses most, or null when it names none */
  dominant: number | null;
}

export interface DateHit {
  point: DatePoint;
  start: number;
  end: number;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 二〇二三 -> 2023 (digit by digit), 十二 -> 12, 三十一 -> 31, "7" -> 7 */
export function cnNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[〇零一二三四五六七八九]{2,}$/.test(s)) return Number([...s].map((c) => CN_DIGIT[c]).join(""));
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s.length === 0) return null;
  if (!m[2]) return m[1] ? CN_DIGIT[m[1]]! : m[3] ? CN_DIGIT[m[3]]! : null;
  return (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[3] ? CN_DIGIT[m[3]]! : 0);
}

const YEAR_MENTION = /(?<![\d.])((?:19|20)\d{2})(?=年|[\p{Script=Han}])(?!\d)/gu;
const CN_YEAR_MENTION = /([〇零一二三四五六七八九]{4})年/g;

/** The article's own explicit years, summarised (`headline`: title/summary, counted twice). */
export function yearContext(text: string, headline = ""): YearContext {
  const counts = new Map<number, number>();
  const count = (t: string, w: number) => {
    for (const m of t.matchAll(YEAR_MENTION)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + w);
    for (const m of t.matchAll(CN_YEAR_MENTION)) {
      const y = cnNumber(m[1]!);
      if (y && y >= 1900 && y <= 2100) counts.set(y, (counts.get(y) ?? 0) + w);
    }
  };
  count(text, 1);
  count(headline, 2);
  let dominant: number | null = null;
  let best = 0;
  for (const [y, c] of counts) if (c > best || (c === best && dominant !== null && y > dominant)) (dominant = y), (best = c);
  return { dominant };
}

const Y = "((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})";
const M = "(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
const D = "(3[01]|[12]\\d|0?[1-9]|三十[一]?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])";
const PART = "(初|底|末|上旬|中旬|下旬|中)?";
const HALF = "(上半年|下半年|一季度|二季度|三季度|四季度|第[一二三四]季度|前三季度|年初|年底|年末|年中|底|初|末)";
const PREFIX = "(截至|截止到|截止|到|至)?";

// Every alternative below starts with one of these characters (a prefix, a digit, a Chinese
// numeral, a relative word): checking that first spares trying all five alternatives (and the
// third one's lookbehinds) at every other position. Extend it with any new alternative.
const DATE_START = "(?=[截到至今去明前近日此不最目当昨本上\\d〇零一二三四五六七八九十])";

const DATE_ALTERNATIVES = [
  // 2023年7月31日 / 2023年7月 / 2023年上半年 / 2023年
  `${PREFIX}${Y}\\s*年(?:\\s*${M}\\s*月份?(?:\\s*${D}\\s*[日号])?${PART}|${HALF})?`,
  // 今年7月 / 去年底 / 今年以来 / 今年上半年
  `${PREFIX}(今年|去年|明年|前年)(?:${M}月份?(?:${D}[日号])?${PART}|${HALF}|(以来|初|底))?`,
  // 7月31日 / 6月初 / 7月
  `${PREFIX}(?<!(?:\\d|[〇零一二三四五六七八九])\\s*年\\s*)(?<![\\d〇零一二三四五六七八九十])${M}\\s*月份?(?:\\s*${D}\\s*[日号])?${PART}`,
  // 2023-07-31 / 2023/7/31 / 2023.07
  `(?<![\\d.])((?:19|20)\\d{2})[-/.](1[0-2]|0?[1-9])(?:[-/.](3[01]|[12]\\d|0?[1-9]))?(?![\\d])`,
  // relative words with no date
  `(近日|日前|此前|近期|不久前|最近|目前|当前|日内|昨天|昨日|今天|今日|本周|上周|前不久)`,
];
const DATE_RE = new RegExp(`${DATE_START}(?:${DATE_ALTERNATIVES.join("|")})`, "gu");

const pad = (n: number) => String(n).padStart(2, "0");

/** True when day d exists in month m of year y (2月30日 does not). */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function point(y: number | null, m: number | null, d: number | null, inferred: boolean, text: string): DatePoint {
  if (y === null) return { value: null, precision: "unknown", inferred, text };
  if (m === null || m < 1 || m > 12) return { value: String(y), precision: "year", inferred, text };
  // an impossible day (a typo such as 2月30日) still says which month
  if (d === null || !isCalendarDay(y, m, d)) return { value: `${y}-${pad(m)}`, precision: "month", inferred, text };
  return { value: `${y}-${pad(m)}-${pad(d)}`, precision: "day", inferred, text };
}

/** Chinese-numeral dates (二〇二三年七月) are read by chrono; precision comes from isCertain. */
function viaChrono(text: string, fallback: DatePoint): DatePoint {
  const r = chrono.zh.hans.parse(text, new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })[0];
  if (!r) return fallback;
  const c = r.start;
  if (!c.isCertain("year")) return fallback;
  const y = c.get("year")!;
  const m = c.isCertain("month") ? c.get("month")! : null;
  const d = m !== null && c.isCertain("day") ? c.get("day")! : null;
  return point(y, m, d, false, fallback.text);
}

const RELATIVE_YEAR: Record<string, number> = { 今年: 0, 去年: -1, 明年: 1, 前年: -2 };

/**
 * Every date phrase in `text` as a DatePoint. `ctx` supplies the article's dominant year;
 * a month/day without a year takes the nearest explicit year earlier in the same `text`
 * (callers pass one sentence), else the dominant year, and is marked inferred.
 */
export function findDates(text: string, ctx: YearContext, offset = 0): DateHit[] {
  const hits: DateHit[] = [];
  let lastYear: number | null = null;
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const phrase = m[0];
    const start = m.index + offset;
    const end = start + phrase.length;
    let p: DatePoint;
    if (m[2] !== undefined) {
      // explicit year
      const y = cnNumber(m[2])!;
      const mo = m[3] !== undefined ? cnNumber(m[3]) : null;
      const d = m[4] !== undefined ? cnNumber(m[4]) : null;
      p = point(y, mo, mo !== null ? d : null, false, phrase);
      if (/[〇零一二三四五六七八九十]/.test(phrase.replace(/^(截至|截止到|截止|到|至)/, ""))) p = viaChrono(phrase, p);
      lastYear = y;
    } else if (m[8] !== undefined) {
      // 今年 / 去年 ...
      const base = ctx.dominant;
      const y = base === null ? null : base + RELATIVE_YEAR[m[8]]!;
      const mo = m[9] !== undefined ? cnNumber(m[9]) : null;
      const d = m[10] !== undefined ? cnNumber(m[10]) : null;
      p = point(y, mo, mo !== null ? d : null, true, phrase);
    } else if (m[15] !== undefined) {
      const y = lastYear ?? ctx.dominant;
      const mo = cnNumber(m[15]);
      const d = m[16] !== undefined ? cnNumber(m[16]) : null;
      p = point(y, mo, d, true, phrase);
    } else if (m[18] !== undefined) {
      p = point(Number(m[18]), Number(m[19]), m[20] !== undefined ? Number(m[20]) : null, false, phrase);
      lastYear = Number(m[18]);
    } else {
      p = { value: null, precision: "unknown", inferred: false, text: phrase };
    }
    hits.push({ point: p, start, end });
  }
  return hits;
}

/** Read one date phrase on its own ("6月初", "截至2023年7月", "去年"). */
export function parseDatePhrase(phrase: string, ctx: YearContext): DatePoint {
  const hit = findDates(phrase, ctx)[0];
  return hit ? hit.point : { value: null, precision: "unknown", inferred: false, text: phrase };
}

export const UNKNOWN_DATE: DatePoint = { value: null, precision: "unknown", inferred: false, text: "" };
