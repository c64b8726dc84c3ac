// The forms of model names (data/model-forms.json) compiled once: the tail that turns a family
// name into a variant (GLM-4 -> GLM-4.5-Air, ERNIE -> ERNIE Speed, 混元 -> 混元-lite / 混元3D 2.0,
// 盘古 -> 盘古气象大模型), and the word lists the candidate features read.
import forms from "./data/model-forms.json";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A regex alternation of `xs`, longest first (so the longest alias wins), each escaped. */
export const alt = (xs: readonly string[]) =>
  [...new Set(xs)]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");

export const RELEASE_VERBS: readonly string[] = forms.releaseVerbs;
export const MODEL_CUES: readonly string[] = forms.modelCues;
export const ORG_SUFFIXES: readonly string[] = forms.organizationSuffixes;
export const DOMAIN_WORDS: readonly string[] = forms.domainWords;
export const LAUNCH_VERBS: readonly string[] = forms.launchVerbs;
export const LIST_INTRO: readonly string[] = forms.listIntro;
const NON_MODEL_PARTS = new Set(forms.nonModelParts);
const NOT_CHINESE = new Set(forms.notChineseModels.map((n) => n.toLowerCase()));
const FOREIGN_FAMILIES = new Set(forms.foreignFamilies);

/** GPT-4o, Llama 3, H100, MMLU, Apache 2.0: names that are not Chinese models (nor models at all). */
export function isNotChineseModel(name: string): boolean {
  const n = name.toLowerCase().trim();
  if (NOT_CHINESE.has(n) || NOT_CHINESE.has(n.split(/[\s\-_]/)[0])) return true;
  // a foreign family with a version or size: GPT-4o-mini, Llama-3.1-70B, Claude 3.5 Sonnet
  const head = n.split(/[\s\-_.]/)[0].replace(/\d+(?:\.\d+)*$/, "");
  return FOREIGN_FAMILIES.has(head);
}

/** HealthBench, C3-Bench, GPTQ-Int4, RTX 4090, OpenRouter: an ASCII name with a part that marks a benchmark, a format, a chip or a service. */
export function hasNonModelPart(name: string): boolean {
  const parts = name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[\s\-_.]+/);
  return parts.some((p) => NON_MODEL_PARTS.has(p) || NON_MODEL_PARTS.has(p.replace(/\d+$/, "")));
}

const VERSION = "[VvRrKkXxTtMmAaOoZzQq]?\\d{1,3}(?:\\.\\d{1,2}){0,2}[A-Za-z]?(?![A-Za-z])";
const SIZE = "\\d{1,4}(?:\\.\\d)?[BbMmKk](?![A-Za-z])";
const WORDS = alt(forms.variantWords);
// one part of a variant tail, by what joins it to what comes before
const HYPHENATED = new RegExp(`[-_](?:${SIZE}|${VERSION}|[A-Za-z][A-Za-z0-9]*)`, "y");
// GLM-4 -> GLM-4.5, DeepSeek-V3 -> DeepSeek-V3.2, Step-1 -> Step-1.5V (only right after a digit)
const DOTTED = /(?<=\d)\.\d{1,2}[A-Za-z]?(?![A-Za-z0-9])/y;
const SPACED = new RegExp(`[ \\u00a0](?:${VERSION}|(?:${WORDS})(?![A-Za-z0-9]))`, "iy");
const JOINED = new RegExp(`(?:${VERSION}|(?:${WORDS})(?![a-z]))`, "y");
const JOINED_AFTER_HAN = new RegExp(`(?:${VERSION}|(?:${WORDS})(?![A-Za-z0-9]))`, "iy");
const DOMAIN = new RegExp(`(?:${alt(forms.domainWords)})(?:大语言模型|大模型|模型)`, "y");
const CUE = /(?:大语言模型|大模型|模型)/y;
// what must not follow a version: it was a count, a date or a price (文心一言2023年, 盘古10个)
const NOT_A_VERSION_AFTER =
  /^[\d.]*(?:[年月日号个亿万千百%％家款位名倍次项]|[多余][个家款位名种项亿万千百]|元(?![宝素]))/;

export interface VariantTail {
  /** where the tail ends */
  end: number;
  /** the tail as written, without a leading cue (".5-Air", " Speed", "-lite", "气象大模型") */
  suffix: string;
  /** the tail is only a version (3.0, V3.5): the registry may list it */
  versionOnly: boolean;
}

/**
 * The variant tail after a family name ending at `at` in `text`, or null. Hyphenated parts can be any
 * ASCII word (DeepSeek-R1-Distill-Qwen-32B); spaced ones only a version or a variant word (ERNIE
 * Speed, Seedance 1.0 pro); joined ones a version, or a variant word after Han (星火Lite, 混元T1).
 */
export function variantTail(text: string, at: number): VariantTail | null {
  let p = at;
  CUE.lastIndex = p;
  const cue = CUE.exec(text);
  if (cue) p = CUE.lastIndex;
  const parts: [number, number][] = [];
  for (;;) {
    const prev = text[p - 1] ?? "";
    const afterHan = /\p{Script=Han}/u.test(prev);
    const tries = [DOTTED, HYPHENATED, SPACED, afterHan ? JOINED_AFTER_HAN : JOINED];
    let matched = false;
    for (const re of tries) {
      re.lastIndex = p;
      const m = re.exec(text);
      if (m && m[0].length) {
        parts.push([p, re.lastIndex]);
        p = re.lastIndex;
        matched = true;
        break;
      }
    }
    if (!matched || parts.length >= 6) break;
  }
  // a tail that runs into a count or a date was not a version; give back parts until it does not
  while (
    parts.length &&
    (NOT_A_VERSION_AFTER.test(text.slice(parts.at(-1)![1])) || /^[A-Za-z0-9]/.test(text.slice(parts.at(-1)![1])))
  )
    parts.pop();
  if (parts.length) {
    const start = cue ? cue.index + cue[0].length : at;
    const end = parts.at(-1)![1];
    const suffix = text.slice(start, end);
    return { end, suffix, versionOnly: parts.length === 1 && new RegExp(`^[-_ ]?${VERSION}$`).test(suffix) };
  }
  if (!cue) {
    DOMAIN.lastIndex = at;
    const d = DOMAIN.exec(text);
    if (d) return { end: DOMAIN.lastIndex, suffix: d[0], versionOnly: false };
  }
  return null;
}
