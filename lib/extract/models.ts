// Models: registry aliases (with version suffixes: 盘古大模型3.0 -> pangu-3-0), plus discovery of
// names the registry does not know (quoted names next to 大模型, ORG+name+大模型 compounds, quoted
// products in release sentences).
import type { ExtractedModel } from "./types";
import type { ArticleContext } from "./context";
import { tag } from "./context";
import { MODELS, lookupPhrase, modelByFamilyVersion, type ModelEntry, type RegistryHit } from "./registry";
import { slugify, pinyinOf, toSimplified } from "./text";
import { alt, DOMAIN_WORDS, isNotChineseModel, LAUNCH_VERBS, LIST_INTRO, MODEL_CUES, variantTail } from "./forms";
import PRIORS from "./data/confidence.json";
import {
  asciiCandidates,
  candidateFeatures,
  MODEL_THRESHOLD,
  modelScore,
  VERSION_ONLY,
  type Candidate,
  type Generator,
} from "./candidates";

export interface ModelMention {
  key: string;
  start: number;
  end: number;
  text: string;
  curated: boolean;
}

export interface ModelExtraction {
  models: Map<string, ExtractedModel>;
  mentions: ModelMention[];
}

/** Words that make `X大模型` / `“X”大模型` generic rather than a product name. */
const GENERIC = new Set(
  (
    "人工智能 行业 通用 国产 国内 国外 海外 全球 这些 这个 该 此 其 多个 一批 一个 一款 这款 首个 首款 垂直 语言 预训练 多模态 开源 基础 " +
    "自研 专属 领域 专业 产业 中文 英文 视觉 图像 语音 文本 对话 千亿 万亿 百亿 参数 科学 AI 新一代 自主 企业 各类 相关 自有 场景 数据 " +
    "端侧 云端 大型 小型 主流 头部 生成式 认知 知识 推理 视频 代码 数学 安全 可信 底座 基座 旗下 自身 城市 政务 金融 医疗 教育 工业 " +
    "能源 交通 气象 法律 农业 电力 矿山 通信 多家 众多 不同 各家 我国 中国 世界 国际 先进 前沿 更多 其他 其它 新 超大 超级 智能 " +
    "公司 集团 团队 平台 系统 应用 产品 技术 模型 大模型 这一 某 某某 该款 同类 主要 百模 千模 开放 封闭 闭源 高性能 轻量 商用 免费"
  ).split(/\s+/),
);

/** Foreign or generic names that quotes and compounds must not turn into Chinese models. */
const IGNORED =
  /^(?:chatgpt|gpt|gpt-?\d.*|openai|llama.*|claude.*|gemini.*|sora|bert|transformer|copilot|bard|palm.*)$/i;

// “大瓦特”电力大模型, “源启”金融大模型: a domain word may stand between the name and its cue
const MODEL_CUE_AFTER = new RegExp(
  `^(?:系列)?(?:AI)?(?:多模态|垂直|行业|通用|认知|语言|预训练|${alt(DOMAIN_WORDS)})?(?:大模型|大语言模型|模型)`,
);
const MODEL_CUE_BEFORE =
  /(?:大模型|大语言模型|模型|大模型产品|模型产品|智能助手|AI助手|聊天机器人|人工智能产品|AI产品|对话产品|应用)(?:名为|叫做|命名为)?$/;
const RELEASE_CUE_BEFORE =
  /(?:发布|推出|上线|亮相|开源|研发|打造)(?:了|的)?[^，。；！？“”「」]{0,20}(?:产品|模型|助手|机器人|AI|应用)$/;

// “X” with no clause punctuation inside (the quoted generator reads the same spans)
const QUOTED_NAME = /[“「『"]([^”」』"\n，。、；！？：,;!?]{1,16})[”」』"]/g;

const CUES = alt(MODEL_CUES);
// DeepSeek大模型, DeepSeek等开源模型: a model cue follows the name, or closes the list it ends
const CUE_IN_CLAUSE = new RegExp(`^(?:(?:等|这类|这些)[^，。；！？、]{0,6}?)?(?:${CUES})`);
const SENTENCE_BREAK = /[。！？!?\n]/;
// 作业帮也发布了自己的银河大模型: a release verb, then (自己的…) the name
const RELEASED_BEFORE = new RegExp(
  `(?:${alt(LAUNCH_VERBS)})(?:了|出)?(?:自己的|自家的|自研的|全新的|新一代|首个|首款|一款|新款|旗下|其)*(?:的)?$`,
);
const COUNT = "[0-9一二两三四五六七八九十几多]+";
// the cue that closes a list of models, not of their makers or markets (等大模型厂商)
const CLOSING_CUE = `[^，。；！？、]{0,8}?(?:${CUES})(?!厂商|公司|企业|团队|创业|独角兽|赛道|领域)`;
// the end of quoted names side by side: 等八款行业模型, 三款人工智能预报模型, 等国产大模型
const LIST_TAIL = new RegExp(`^(?:等|共|这|此|)(?:${COUNT}(?:款|个|种|大))?${CLOSING_CUE}`);
// an unquoted enumeration must say it is one: 等…模型 or a count (八款行业模型)
const ENUM_TAIL = new RegExp(
  `^(?:(?:等|共)(?:${COUNT}(?:款|个|种|大|家))?|(?:这|此)?${COUNT}(?:款|个|种|大))${CLOSING_CUE}`,
);
// a cue and a colon open a list: 千亿级基础大模型：中国移动的“九天”…
const LIST_OPENED = new RegExp(`(?:${CUES})[：:](?:[^，。；！？、“”「」]{1,8}的)?$`);
const LIST_INTRO_AT_END = new RegExp(`^.*(?:${alt(LIST_INTRO)})`);
// A、B、C和D: items of up to 12 characters, no clause punctuation or quotes inside
const ENUMERATION =
  /[^、，。；！？：:\s“”「」『』《》（）()]{1,16}(?:、[^、，。；！？：:\s“”「」『』《》（）()]{1,12})+(?:(?:和|及|与|以及)[^、，。；！？：:\s“”「」『』《》（）()]{1,12})?/g;

/** True when a variant tail after a registry name runs to `end` (“GLM-4.5” is the registry's GLM-4 + .5). */
function variantTailCovers(body: string, at: number, end: number): boolean {
  const tail = variantTail(body, at);
  return tail !== null && tail.end >= end;
}

function familyOf(e: ModelEntry): string {
  return e.family ?? e.key;
}

// Each field by name, as in organizations.ts: alike by design, the two kinds share names, not a type.
function fromEntry(e: ModelEntry): ExtractedModel {
  return {
    key: e.key,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    pinyin: e.pinyin,
    aliases: e.aliases,
    vendorKey: e.vendor,
    family: e.family,
    version: e.version,
    curated: true,
    sourceUrl: e.sourceUrl,
    confidence: PRIORS.registryModel,
  };
}

/**
 * A variant of a known model that the registry does not list, named by the tail after it:
 * 混元2.0 -> hunyuan-2-0, GLM-4 + .5-Air -> glm-4-5-air, 讯飞星火 + 医疗大模型 -> spark-yiliao.
 */
function derivedVariant(e: ModelEntry, suffix: string, surface: string): ExtractedModel {
  const family = familyOf(e);
  const root = MODELS.get(family) ?? e;
  const tail = suffix.replace(/^版本/, "").replace(/(?:大语言模型|大模型|模型)$/, "");
  const ascii = !/\p{Script=Han}/u.test(surface);
  return {
    // a versioned entry keeps its own key as the base (GLM-4 -> glm-4-5), a family its family's
    key: `${e.version ? e.key : family}-${slugify(tail)}`,
    nameZh: surface,
    nameEn: ascii
      ? surface
      : root.nameEn && !/\p{Script=Han}/u.test(tail)
        ? `${root.nameEn}${/^[-_.]/.test(tail) ? "" : " "}${tail.trim()}`
        : null,
    pinyin: root.pinyin,
    aliases: [],
    vendorKey: e.vendor,
    family,
    version: e.version ? `${e.version}${tail}`.trim() : tail.replace(/^[-_ ]/, "").trim(),
    curated: false,
    sourceUrl: root.sourceUrl,
    confidence: PRIORS.variantModel,
  };
}

function discovered(name: string, confidence: number): ExtractedModel {
  return {
    key: slugify(name),
    nameZh: name,
    nameEn: /\p{Script=Han}/u.test(name) ? null : name,
    pinyin: pinyinOf(name),
    aliases: [],
    vendorKey: null,
    family: null,
    version: null,
    curated: false,
    sourceUrl: null,
    confidence: Math.round(confidence * 1000) / 1000,
  };
}

function isGenericName(name: string): boolean {
  const n = toSimplified(name).replace(/(?:大模型|大语言模型|模型)$/, "");
  if (n.length === 0 || GENERIC.has(n) || IGNORED.test(n)) return true;
  if (/^[\d.%％\s]+$/.test(n)) return true;
  if (/级$/.test(n)) return true; // 企业级, 千亿级: a grade, not a name
  if (lookupPhrase(n, "industry") || lookupPhrase(n, "technology") || lookupPhrase(n, "organization")) return true;
  return false;
}

/** The names a candidate may be a variant of: the other candidates' and the registry mentions'. */
function namesOf(groups: Candidate[][], mentions: ModelMention[]): Set<string> {
  return new Set([...groups.map((g) => g[0].name), ...mentions.map((m) => m.text)]);
}

export function extractModels(ctx: ArticleContext): ModelExtraction {
  const { models, mentions, candidates } = collectModelEvidence(ctx);
  const { body } = ctx;
  const groups = groupCandidates(candidates);
  const names = namesOf(groups, mentions);
  for (const group of groups) {
    // V3, R1, X1: a variant named without its family refers to a variant found in full elsewhere
    // in the article (DeepSeek-R1 ... R1); alone it names nothing
    const bare = group[0].name;
    if (VERSION_ONLY.test(bare)) {
      const suffix = `-${slugify(bare)}`;
      const full = [...models.values()].find((m) => m.key.endsWith(suffix));
      if (full)
        for (const c of group)
          mentions.push({
            key: full.key,
            start: c.start,
            end: c.end,
            text: body.slice(c.start, c.end),
            curated: full.curated,
          });
      continue;
    }
    const confidence = modelScore(candidateFeatures(ctx, group, names));
    if (confidence < MODEL_THRESHOLD) continue;
    const m = discovered(group[0].name, confidence);
    const family = group.find((c) => c.family)?.family;
    if (family) {
      const root = models.get(family);
      m.family = root?.family ?? family;
      m.vendorKey = root?.vendorKey ?? null;
      for (const c of group) {
        if (!c.family) continue;
        const at = mentions.findIndex((x) => x.key === c.family && x.start === c.start);
        if (at >= 0) mentions.splice(at, 1);
      }
      if (!mentions.some((x) => x.key === family)) models.delete(family);
    }
    if (!models.has(m.key)) models.set(m.key, m);
    for (const c of group)
      mentions.push({ key: m.key, start: c.start, end: c.end, text: body.slice(c.start, c.end), curated: false });
  }
  mentions.sort((a, b) => a.start - b.start);
  return { models, mentions };
}

/** Registry models and their mentions, and the discovered candidates still to be scored. */
function collectModelEvidence(ctx: ArticleContext): ModelExtraction & { candidates: Candidate[] } {
  const { body, hits } = ctx;
  const models = new Map<string, ExtractedModel>();
  const mentions: ModelMention[] = [];
  const covered: [number, number][] = [];
  const isCovered = (s: number, e: number) => covered.some(([a, b]) => s < b && e > a);

  // 1. registry aliases, with version suffixes. An alias that is also an organisation's name
  //    (DeepSeek, MiniMax) names the model only with a model cue or a variant tail after it.
  const orgAt = new Set(hits.filter((h) => h.kind === "organization").map((h) => `${h.start}|${h.end}`));
  // A quoted name that holds a registry name and more (“鹏程·盘古” beside 华为's 盘古) is a name of
  // its own: the registry hit inside it yields to the quoted candidate below.
  const quotedNames = [...body.matchAll(QUOTED_NAME)].map((q) => [q.index + 1, q.index + q[0].length - 1] as const);
  const insideLongerQuote = (h: { start: number; end: number }) =>
    quotedNames.some(
      ([s, e]) =>
        s <= h.start &&
        h.end <= e &&
        (s < h.start || h.end < e) &&
        !variantTailCovers(body, h.end, e) &&
        /[·•・]/.test(body.slice(s, e)),
    );
  // a company's name names its model when a model cue closes its clause (DeepSeek等开源模型)
  const namesModelThere = (h: { start: number; end: number }) =>
    CUE_IN_CLAUSE.test(toSimplified(body.slice(h.end, h.end + 14)));
  // an ordinary word that is also a model's name (天工, 九天) names it only with context: a variant
  // tail (天工2.0), a model cue in its clause (九天大模型, 九天…模型) or its maker in the sentence
  const makerNear = (h: RegistryHit, vendor: string | null) =>
    !!vendor &&
    hits.some(
      (o) =>
        o.kind === "organization" &&
        o.key === vendor &&
        !SENTENCE_BREAK.test(body.slice(Math.min(o.end, h.end), Math.max(o.start, h.start))),
    );
  const established = new Set<string>(); // once named with context, a later bare mention is the model
  for (const h of hits) {
    if (h.kind !== "model") continue;
    const entry = MODELS.get(h.key)!;
    if (insideLongerQuote(h)) continue;
    const tail = variantTail(body, h.end);
    const cued = !!tail || namesModelThere(h);
    if (h.gated && !established.has(h.key) && !cued && !makerNear(h, entry.vendor)) continue;
    if (orgAt.has(`${h.start}|${h.end}`) && !cued) continue;
    established.add(h.key);
    let model = fromEntry(entry);
    let end = h.end;
    if (tail) {
      end = tail.end;
      const version = tail.suffix.replace(/^[-_ ]/, "");
      const curated = tail.versionOnly && !entry.version ? modelByFamilyVersion(familyOf(entry), version) : undefined;
      model = curated ? fromEntry(curated) : derivedVariant(entry, tail.suffix, body.slice(h.start, end));
    }
    if (!models.has(model.key)) models.set(model.key, model);
    mentions.push({ key: model.key, start: h.start, end, text: body.slice(h.start, end), curated: model.curated });
    covered.push([h.start, end]);
  }

  // Discovered names are candidates first; the scorer decides (see candidates.ts).
  const candidates: Candidate[] = [];
  // a candidate with a `family` replaces that registry model's mention at its start, so it may overlap it
  const addDiscovered = (
    name: string,
    start: number,
    end: number,
    generator: Generator = "quoted",
    family?: string,
  ) => {
    if (!family && isCovered(start, end)) return;
    const clean = name.trim();
    if (clean.length < 1 || clean.length > 24 || isGenericName(clean) || isNotChineseModel(clean)) return;
    candidates.push(family ? { name: clean, start, end, generator, family } : { name: clean, start, end, generator });
    covered.push([start, end]);
  };

  // 2. quoted names: 大模型产品“小可” / “鹏城·脑海”大模型 / 发布了…AI助手“X”
  //    Quotes side by side (“风清”“风雷”和“风顺”三款…模型) share the cue before the first and after the last.
  const QUOTE = /[“「『"]([^”」』"\n]{1,16})[”」』"]/g;
  const quotes = [...body.matchAll(QUOTE)].map((q) => ({ inner: q[1], qs: q.index, qe: q.index + q[0].length }));
  for (let i = 0; i < quotes.length;) {
    let j = i;
    // side by side, or each after its owner: 中国移动的“九天”、中国电信的“星辰”和…
    while (
      j + 1 < quotes.length &&
      /^(?:、|和|与|及|以及)?(?:[^，。；！？、“”「」]{1,8}的)?$/.test(body.slice(quotes[j].qe, quotes[j + 1].qs)) &&
      (j > i ||
        /^(?:、|和|与|及|以及)/.test(body.slice(quotes[j].qe, quotes[j + 1].qs)) ||
        quotes[j].qe === quotes[j + 1].qs)
    )
      j++;
    const before = body.slice(Math.max(0, quotes[i].qs - 24), quotes[i].qs);
    const opened = j > i && LIST_OPENED.test(toSimplified(before));
    const after = toSimplified(body.slice(quotes[j].qe, quotes[j].qe + 14));
    const chained = (j > i && LIST_TAIL.test(after)) || opened;
    for (let k = i; k <= j; k++) {
      const { inner, qs, qe } = quotes[k];
      if (/[，。、；！？：,;!?]/.test(inner)) continue;
      const cueBefore = (b: string) => MODEL_CUE_BEFORE.test(b) || RELEASE_CUE_BEFORE.test(b);
      // its own cue (after it, or before the chain's first); a later one's own before-cue does not
      // make a chained name quoted
      const ownCue = MODEL_CUE_AFTER.test(body.slice(qe, qe + 10)) || (k === i && cueBefore(before));
      const cued = chained || ownCue || (k > i && cueBefore(body.slice(Math.max(0, qs - 24), qs)));
      if (cued) addDiscovered(inner, qs + 1, qe - 1, chained && !ownCue ? "listed" : "quoted");
    }
    i = j + 1;
  }

  // 3. ORG + name + 大模型 compounds (腾讯混元大模型 style) and ASCII names (MathGPT大模型)
  const COMPOUND = /(?:大模型|大语言模型)/g;
  for (const c of body.matchAll(COMPOUND)) {
    const at = c.index;
    if (isCovered(at - 1, at)) continue; // a registry name ends right here
    const before = body.slice(Math.max(0, at - 14), at);
    const ascii = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9\-.]{1,15})$/.exec(before);
    if (ascii) {
      addDiscovered(ascii[1], at - ascii[1].length, at, "compound");
      continue;
    }
    const clause = before.split(/[，。；！？、：“”「」《》（）()\s]/).pop() ?? "";
    if (clause.length < 3) continue;
    const words = tag(clause);
    if (!words.length) continue;
    // the head: a noun-ish word, or a coined name jieba leaves as single characters (天/筹)
    let k = words.length - 1;
    let name = "";
    if (words[k].word.length >= 2 && /^(?:n|nz|nr|nrt|eng)$/.test(words[k].tag)) {
      name = words[k].word;
      k--;
    } else {
      while (
        k >= 0 &&
        words[k].word.length === 1 &&
        name.length < 4 &&
        !/[的了和与及是在等个款级类种新大该其]/.test(words[k].word)
      ) {
        name = words[k].word + name;
        k--;
      }
      if (name.length < 2) continue;
    }
    if (k >= 1 && words[k].word === "·") {
      name = `${words[k - 1].word}·${name}`;
      k -= 2;
    }
    // the name must sit right after a known organisation (vendor + name + 大模型), or after a release
    // verb (作业帮也发布了自己的银河大模型)
    const start = at - name.length;
    const afterOrg = k >= 0 && lookupPhrase(words[k].word, "organization");
    if (!afterOrg && !RELEASED_BEFORE.test(toSimplified(body.slice(Math.max(0, start - 16), start)))) continue;
    addDiscovered(name, start, at, afterOrg ? "compound" : "released");
  }

  // 4. ASCII product tokens the registry does not know (MiniMax-01, QwQ-32B, AndesGPT-Turbo)
  for (const c of asciiCandidates(ctx, isCovered)) addDiscovered(c.name, c.start, c.end, "ascii");

  // 5. the items of an enumeration that a model cue closes (通义听悟、通义晓蜜…八款行业模型;
  //    盘古、悟道2.0、M6等国产大模型): each item is a candidate, the scorer weighs it
  for (const e of body.matchAll(ENUMERATION)) {
    const parts = e[0].split(/(、|和|及|与|以及)/);
    // the last item runs on into the words that close the list (元景等千亿级模型): cut it there
    const last = parts.at(-1)!;
    const following = toSimplified(body.slice(e.index + e[0].length, e.index + e[0].length + 16));
    let cut = -1;
    for (let p = 1; p <= last.length && cut < 0; p++)
      if (ENUM_TAIL.test(toSimplified(last.slice(p)) + following)) cut = p;
    if (cut < 0) continue;
    parts[parts.length - 1] = last.slice(0, cut);
    let at = e.index;
    for (const [n, raw] of parts.entries()) {
      const startAt = at;
      at += raw.length;
      if (n % 2 === 1) continue; // a separator
      let item = raw;
      let s0 = startAt;
      if (n === 0) {
        // the first item runs back into its clause: cut after the words that open the list
        const intro = LIST_INTRO_AT_END.exec(toSimplified(item));
        if (intro) {
          s0 += intro[0].length;
          item = item.slice(intro[0].length);
        }
        // …and after its last verb, particle or function word (会上展示了白泽 -> 白泽)
        const words = tag(item);
        const lastFunction = words.findLastIndex((w) => /^(?:v|vn|vd|p|c|u.*|d|r|f|m)$/.test(w.tag));
        const own = words
          .slice(lastFunction + 1)
          .map((w) => w.word)
          .join("")
          .split(/的/)
          .pop()!;
        s0 += item.length - own.length;
        item = own;
      } else if (item.includes("的")) {
        // 中国移动的九天: the item is what follows the owner
        const own = item.split(/的/).pop()!;
        s0 += item.length - own.length;
        item = own;
      }
      if (item.length < 2 || item.length > 12) continue;
      // 通义听悟 in a list of 通义 products: a registry family name that begins the item yields to it
      const prefix = mentions.filter((m) => m.start < s0 + item.length && m.end > s0);
      if (
        prefix.length === 1 &&
        prefix[0].start === s0 &&
        prefix[0].end < s0 + item.length &&
        /^\p{Script=Han}+$/u.test(item.slice(prefix[0].end - s0))
      )
        addDiscovered(item, s0, s0 + item.length, "listed", prefix[0].key);
      else addDiscovered(item, s0, s0 + item.length, "listed");
    }
  }

  // 6. the article's own keywords that name a model and recur in the body (光明电力大模型 in 关键词 and in the text)
  for (const raw of ctx.article.keywords) {
    const kw = raw.trim();
    if (kw.length < 4 || kw.length > 16 || !/(?:大语言模型|大模型)$/.test(kw)) continue;
    const name = kw.replace(/(?:大语言模型|大模型)$/, "");
    if (name.length < 2) continue;
    for (let at = body.indexOf(kw); at >= 0; at = body.indexOf(kw, at + kw.length))
      addDiscovered(name, at, at + name.length, "field");
  }

  return { models, mentions, candidates };
}

/** Candidates grouped by name (case, width and script folded), in order of first appearance. */
function groupCandidates(candidates: Candidate[]): Candidate[][] {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const k = toSimplified(c.name.normalize("NFKC")).toLowerCase();
    const g = groups.get(k);
    if (g) g.push(c);
    else groups.set(k, [c]);
  }
  return [...groups.values()];
}

/** Every discovered candidate of an article with its features, before scoring (for fitting the weights). */
export function modelCandidates(ctx: ArticleContext): { name: string; features: Record<string, number> }[] {
  const { candidates, mentions } = collectModelEvidence(ctx);
  const groups = groupCandidates(candidates);
  const names = namesOf(groups, mentions);
  return groups.map((g) => ({ name: g[0].name, features: candidateFeatures(ctx, g, names) }));
}
