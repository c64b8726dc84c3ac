// Shared text helpers for the extractors: Traditional -> Simplified for matching (length-preserving,
// so offsets found in the converted text are offsets in the original), slugs, sentence lookup.
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";
import type { SentenceSpan } from "@/lib/text/body";
import type { Evidence } from "./types";
import { memoize } from "./memo";

// OpenCC's "twp" vocabulary conversion also rewrites words that are fine (執行官 -> 运行官), so we
// convert characters ("t") and map a few Taiwan/HK tech words of the same length ourselves.
const phraseConverter = OpenCC.Converter({ from: "t", to: "cn" });
const charConverter = phraseConverter;
const VOCABULARY: [RegExp, string][] = [
  [/人工智慧/g, "人工智能"],
  [/数位/g, "数字"],
  [/网路/g, "网络"],
  [/软体/g, "软件"],
  [/晶片/g, "芯片"],
  [/程式/g, "程序"],
  [/资讯/g, "信息"],
  [/释出/g, "发布"],
  [/连结/g, "链接"],
];

const CJK_FROM = 0x3400;
const CJK_TO = 0x9fff;

let charMap: Map<string, string> | null = null;
/** 1 at [code - CJK_FROM] for each character in charMap: a per-character test that makes no string */
let isTraditional: Uint8Array | null = null;

/** Single-character Traditional -> Simplified map, built once from OpenCC's tables. */
function getCharMap(): Map<string, string> {
  if (charMap) return charMap;
  const chars: string[] = [];
  for (let c = CJK_FROM; c <= CJK_TO; c++) chars.push(String.fromCharCode(c));
  const out = charConverter(chars.join("\n")).split("\n");
  const m = new Map<string, string>();
  const bits = new Uint8Array(CJK_TO - CJK_FROM + 1);
  for (let i = 0; i < chars.length; i++) {
    const o = out[i];
    if (o !== undefined && o !== chars[i] && o.length === 1) {
      m.set(chars[i], o);
      bits[i] = 1;
    }
  }
  charMap = m;
  isTraditional = bits;
  return m;
}

/** True when the text holds at least one character OpenCC would convert to Simplified. */
function hasTraditional(text: string): boolean {
  if (!isTraditional) getCharMap();
  const bits = isTraditional!;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= CJK_FROM && c <= CJK_TO && bits[c - CJK_FROM] === 1) return true;
  }
  return false;
}

/**
 * Simplified Chinese of `text` with exactly the same length, so offsets carry over.
 * OpenCC Traditional -> Simplified when it keeps the length (else per character), then a few
 * same-length Taiwan/HK words (人工智慧 -> 人工智能).
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  let out = phraseConverter(text);
  if (out.length !== text.length) {
    const m = getCharMap();
    out = "";
    for (const ch of text) out += m.get(ch) ?? ch;
  }
  for (const [re, to] of VOCABULARY) out = out.replace(re, to);
  return out;
}

/** Text prepared for matching: Simplified, ASCII lower-cased, same length as the input. */
export function matchForm(text: string): string {
  return toSimplified(text).toLowerCase();
}

const HAN = /\p{Script=Han}/u;

/** Lowercase slug: pinyin for Han characters, ASCII words kept, joined with "-". */
export const slugify = memoize(slugifyUncached);

function slugifyUncached(name: string): string {
  const parts: string[] = [];
  let ascii = "";
  let han = "";
  const flushAscii = () => {
    const s = ascii
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    if (s) parts.push(s);
    ascii = "";
  };
  const flushHan = () => {
    if (han) parts.push(pinyin(han, { toneType: "none", type: "array", v: true }).join(""));
    han = "";
  };
  for (const ch of toSimplified(name)) {
    if (HAN.test(ch)) {
      flushAscii();
      han += ch;
    } else if (/[A-Za-z0-9.]/.test(ch)) {
      flushHan();
      ascii += ch === "." ? "-" : ch;
    } else {
      flushAscii();
      flushHan();
    }
  }
  flushAscii();
  flushHan();
  return parts.join("-").replace(/-+/g, "-") || "x";
}

/** Pinyin of a Han name without tones or separators (混元 -> hunyuan), null when there is no Han. */
export const pinyinOf = memoize(pinyinOfUncached);

function pinyinOfUncached(name: string): string | null {
  if (!HAN.test(name)) return null;
  const s = pinyin(toSimplified(name).replace(/[^\p{Script=Han}]/gu, ""), {
    toneType: "none",
    type: "array",
    v: true,
  }).join("");
  return s || null;
}

/** Index of the sentence holding `offset` (binary search over sorted, non-overlapping spans). */
export function sentenceIndexAt(sentences: SentenceSpan[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(sentences.length - 1, lo - 1));
}

export function evidenceOf(s: SentenceSpan | undefined): Evidence {
  return s ? { sentence: s.text, start: s.start, end: s.end } : { sentence: "", start: 0, end: 0 };
}

/**
 * Clause boundaries inside a sentence: ，；：、 are not used (、 joins lists). Kept as char codes:
 * clauses are walked character by character, and indexing a CJK string makes a string each time.
 */
const CLAUSE_BREAKS = new Set([..."，,；;：:。！？!?"].map((c) => c.charCodeAt(0)));

const COMMA = 0x2c;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** A comma between digits groups thousands (3,890亿): it ends no clause. */
const breaksAt = (text: string, i: number) =>
  CLAUSE_BREAKS.has(text.charCodeAt(i)) &&
  !(text.charCodeAt(i) === COMMA && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)));

/** [start, end) of the clause around `offset` within `text`. */
export function clauseAround(text: string, offset: number): [number, number] {
  let s = offset;
  while (s > 0 && !breaksAt(text, s - 1)) s--;
  let e = offset;
  while (e < text.length && !breaksAt(text, e)) e++;
  return [s, e];
}
