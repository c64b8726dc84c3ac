// Model names the registry does not know are proposed by several generators with high recall
// (ASCII product tokens, quoted names, ORG+name+大模型 compounds) and kept or refused by a scorer:
// features that carry across articles (a model cue after it, a release verb before it, an
// organisation in its clause, repetition, presence in the article's own fields, its form), weighed
// by weights fitted on the development split (lib/cli/fit-weights.ts -> weights.json).
import type { ArticleContext } from "./context";
import { hasNonModelPart, isNotChineseModel, MODEL_CUES, ORG_SUFFIXES, RELEASE_VERBS, variantTail } from "./forms";
import { lookupPhrase } from "./registry";
import { toSimplified } from "./text";
import weights from "./weights.json";
import commonWords from "./data/common-words.json";

export type Generator = "ascii" | "quoted" | "compound" | "listed" | "field" | "released";

export interface Candidate {
  name: string;
  start: number;
  end: number;
  generator: Generator;
  /** the registry model whose name begins this one (通义 in 通义听悟), which it replaces there */
  family?: string;
}

// ASCII product tokens: MiniMax-01, abab6.5, QwQ-32B, CogVideoX-2B, AndesGPT-Turbo, TAIDE-LX-7B
const ASCII_TOKEN =
  /(?<![A-Za-z0-9_.\-/@])[A-Za-z][A-Za-z0-9]*(?:[-_][A-Za-z0-9]+|\.\d{1,2}[A-Za-z]?)*(?![A-Za-z0-9@])/g;

/** ASCII tokens that could be model names, outside `covered` spans (registry hits). */
export function asciiCandidates(ctx: ArticleContext, isCovered: (s: number, e: number) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const { body } = ctx;
  for (const m of body.matchAll(ASCII_TOKEN)) {
    const start = m.index;
    let end = start + m[0].length;
    if (body[end] === "." && /[A-Za-z]/.test(body[end + 1] ?? "")) continue; // a host name
    if (body[start - 1] === "/" || body[end] === "/") continue; // a path or a ratio
    const tail = variantTail(body, end);
    if (tail && !/[\p{Script=Han}]/u.test(tail.suffix)) end = tail.end;
    else if (/^ GPT(?![A-Za-z])/.test(body.slice(end, end + 5))) end += 4; // NOMI GPT
    const name = body.slice(start, end);
    if (isCovered(start, end) || name.length < 2 || isNotChineseModel(name) || lookupPhrase(name, "organization"))
      continue;
    out.push({ name, start, end, generator: "ascii" });
  }
  return out;
}

const CUE_AFTER = new RegExp(
  `^[”」』"）)》]?(?:系列|家族)?(?:的)?(?:[\\p{Script=Han}]{0,4}?)(?:${MODEL_CUES.join("|")})`,
  "u",
);
const RELEASE_BEFORE = new RegExp(
  `(?:${RELEASE_VERBS.join("|")})(?:了|其|出|的|全新|新一代|新版|最新|自研|首款|升级版)*[^，。；！？\\n]{0,10}$`,
  "u",
);
// 千帆大模型平台, 星火大模型服务: the name of a platform or a service built on models
const PLATFORM_AFTER = new RegExp(
  `^(?:${MODEL_CUES.join("|")})?(?:平台|服务|生态|社区|开发平台|技术|能力|应用|产品|矩阵|家族|体系|工具)`,
);
// 大模型产品“小可”, 金融大模型“轩辕”, AI助手“X”: named right after a cue
const CUE_BEFORE = new RegExp(
  `(?:${MODEL_CUES.join("|")}|大模型产品|模型产品|智能助手|AI助手|助手|机器人|产品)(?:名为|叫做|命名为|——|：|:)?[“「『"]?$`,
);
// “星河·智算”大模型发布, 轩辕完成升级: a release verb right after the name (and its cue)
const RELEASE_AFTER = new RegExp(
  `^[”」』"）)》]?(?:${MODEL_CUES.join("|")})?[^，。；！？]{0,6}?(?:${RELEASE_VERBS.join("|")})`,
);
const BENCH_AFTER = /^[^，。；]{0,3}(?:榜单|评测|基准|测试集|测评|得分|分数|排名|榜)/;
const PRICE_AFTER = /^[^。；]{0,14}(?:元|美元)\s*\/?\s*(?:每)?(?:千|百万|万)\s*(?:tokens?|Tokens?|TOKENS?)/;
const ORG_SUFFIX = new RegExp(`(?:${ORG_SUFFIXES.join("|")})$`);
/** V3, R1, X1, k1.5, pro-32k: a variant's tail written without its family (a bare word such as Turbo can be a name). */
export const VERSION_ONLY =
  /^(?:[A-Za-z]{0,2}\d+(?:\.\d+)*[A-Za-z]?|(?:pro|lite|max|plus|turbo|mini|air|flash)[-_]\d+[kKmM]?)$/i;
const CLAUSE_BREAK = /[，。；！？、\n]/;
/** Everyday English words (data/common-words.json): Code, Flash or Echo alone is seldom a product's name. */
const COMMON_WORDS = new Set(commonWords.words);

/**
 * The name a variant tail extends (AndesGPT in AndesGPT-Tiny), when the article names it on its own:
 * `names` are the other candidates' names and the registry models' surface forms in the article.
 */
function extendsNamed(name: string, names: ReadonlySet<string>): boolean {
  for (let at = name.length - 1; at >= 2; at--) {
    if (!names.has(name.slice(0, at))) continue;
    if (variantTail(name, at)?.end === name.length) return true;
  }
  return false;
}

/** The features of a candidate name, over all its mentions. Every value is in [0, 1]. */
export function candidateFeatures(
  ctx: ArticleContext,
  group: Candidate[],
  names: ReadonlySet<string> = new Set(),
): Record<string, number> {
  const name = group[0].name;
  const { body } = ctx;
  const any = (test: (c: Candidate) => boolean) => (group.some(test) ? 1 : 0);
  const before = (c: Candidate) => {
    const text = body.slice(Math.max(0, c.start - 24), c.start);
    const clause = text.split(CLAUSE_BREAK).pop() ?? "";
    return toSimplified(clause);
  };
  const fields = toSimplified(
    [ctx.article.title, ctx.article.eventSummary ?? "", ...ctx.article.keywords].join(" "),
  ).toLowerCase();
  const ascii = !/\p{Script=Han}/u.test(name);
  const cue = any((c) => CUE_AFTER.test(toSimplified(body.slice(c.end, c.end + 12))));
  const release = any((c) => RELEASE_BEFORE.test(before(c)));
  return {
    gen_ascii: any((c) => c.generator === "ascii"),
    gen_quoted: any((c) => c.generator === "quoted"),
    gen_compound: any((c) => c.generator === "compound"),
    gen_listed: any((c) => c.generator === "listed"),
    gen_field: any((c) => c.generator === "field"),
    gen_released: any((c) => c.generator === "released"),
    has_digit: /\d/.test(name) ? 1 : 0,
    has_hyphen: /[-_]/.test(name) ? 1 : 0,
    camel_case: ascii && /[a-z][A-Z]|[A-Z][a-z]+[A-Z]/.test(name) ? 1 : 0,
    all_caps: /^[A-Z]{2,}$/.test(name) ? 1 : 0,
    lower_only: /^[a-z]+$/.test(name) ? 1 : 0,
    short: name.length <= 3 ? 1 : 0,
    // AndesGPT-Tiny beside AndesGPT: a variant of a name the article gives
    extends_named: extendsNamed(name, names) ? 1 : 0,
    // V3, R1, X1, pro-32k: a variant named without its family (DeepSeek的V3和R1)
    version_only: VERSION_ONLY.test(name) ? 1 : 0,
    gpt_suffix: /GPT/i.test(name) ? 1 : 0,
    cue_after: cue,
    cue_before: any((c) => CUE_BEFORE.test(toSimplified(body.slice(Math.max(0, c.start - 10), c.start)))),
    release_before: release,
    release_after: any((c) => RELEASE_AFTER.test(toSimplified(body.slice(c.end, c.end + 20)))),
    // a Han name is a model when the text says so: quoted and cued, or released
    han_cued: !ascii && (cue || release) ? 1 : 0,
    han_short: !ascii && name.length >= 2 && name.length <= 4 ? 1 : 0,
    org_before: any((c) => {
      const b = before(c);
      return ctx.hits.some((h) => h.kind === "organization" && h.end <= c.start && h.end >= c.start - b.length);
    }),
    in_fields: fields.includes(toSimplified(name).toLowerCase()) ? 1 : 0,
    repeated: group.length > 1 ? 1 : 0,
    many: group.length > 3 ? 1 : 0,
    bench_after: any((c) => BENCH_AFTER.test(body.slice(c.end, c.end + 8))),
    platform_after: group.every((c) => PLATFORM_AFTER.test(toSimplified(body.slice(c.end, c.end + 10)))) ? 1 : 0,
    price_after: any((c) => PRICE_AFTER.test(body.slice(c.end, c.end + 30))),
    org_suffix: ORG_SUFFIX.test(name) ? 1 : 0,
    non_model_part: ascii && hasNonModelPart(name) ? 1 : 0,
    common_word: /^[A-Za-z]+$/.test(name) && COMMON_WORDS.has(name.toLowerCase()) ? 1 : 0,
    in_parens: any(
      (c) => /[（(]$/.test(body.slice(c.start - 1, c.start)) && /^[）)]/.test(body.slice(c.end, c.end + 1)),
    ),
  };
}

interface Weights {
  bias: number;
  threshold: number;
  features: Record<string, number>;
}

const MODEL_WEIGHTS = (weights as { model: Weights }).model;

/** The scorer's probability that a candidate is a model (logistic over the fitted weights). */
export function modelScore(features: Record<string, number>, w: Weights = MODEL_WEIGHTS): number {
  let z = w.bias;
  for (const [k, v] of Object.entries(features)) z += (w.features[k] ?? 0) * v;
  return 1 / (1 + Math.exp(-z));
}

export const MODEL_THRESHOLD = MODEL_WEIGHTS.threshold;
