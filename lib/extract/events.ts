// Events: trigger phrases per sentence (data/events.json), tied to the models named in the
// trigger's clause, with the sentence's date, else the date of the sentence before when this one
// continues it (会上, 当天, 在大会上…).
import type { DatePoint, EventType, ExtractedEvent, OpenSourceDetails } from "./types";
import type { ArticleContext } from "./context";
import type { ModelMention } from "./models";
import type { OrgMention } from "./organizations";
import { UNKNOWN_DATE, type DateHit } from "./dates";
import { clauseAround, evidenceOf, toSimplified } from "./text";
import lexicon from "./data/events.json";
import PRIORS from "./data/confidence.json";
import type { ExtractedModel } from "./types";
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

/** Kinds of event that, reported with no date, happened when the article was written. */
const NEWS_OF_THE_DAY = new Set<EventType>([
  "release",
  "open_source",
  "open_public",
  "price_change",
  "filing",
  "announcement",
]);

const TRIGGERS: [EventType, RegExp][] = (lexicon.triggers as [EventType, string][]).map(([t, re]) => [
  t,
  new RegExp(re, "g"),
]);
const NOT_RELEASE = new RegExp(lexicon.notRelease);
const EXPO = new RegExp(lexicon.expo);
const LISTS_AFTER = new RegExp(`^(?:${lexicon.listsAfter})`);
const SERIES = new RegExp(lexicon.series);
const PAST = new RegExp(lexicon.past);
const FUTURE_CLAUSE = new RegExp(lexicon.futureClause);
const OS = lexicon.openSource;
const OS_ADJECTIVAL = new RegExp(OS.adjectival);
const OS_LISTED_AFTER = new RegExp(OS.listedAfter);
const FUTURE = new RegExp(OS.future);
const CONTINUES = new RegExp(OS.continues);
const ANAPHORA = new RegExp(OS.anaphora);
const EXAMPLES = new RegExp(OS.examples);
const LICENCE_CUE = new RegExp(OS.licenceCue);
const EXCEPT = new RegExp(OS.except, "g");
const LICENCES: [string, RegExp][] = OS.licences.map(([id, re]) => [id, new RegExp(re, "g")]);
const CUSTOM_LICENCE = new RegExp(OS.customLicence, "g");
const NOT_BRAND = new RegExp(`^(?:${OS.notBrands})+`);
const BRANDS = Object.entries(OS.brands as Record<string, string>).sort((a, b) => b[0].length - a[0].length);
const SIZE = new RegExp(OS.size, "g");
const NAME_SIZE = new RegExp(OS.nameSize, "g");
const TOTAL_PARAMETERS = new RegExp(OS.totalParameters, "g");
const ACTIVE = new RegExp(OS.activeParameters);
const SIZE_FOR = new RegExp(OS.sizeFor);
const MAGNITUDE: Record<string, number> = { 万亿: 1e12, 千亿: 1e11, 亿: 1e8 };
/** Sentences after an open-source release that may still tell its licence and sizes (the one before counts too). */
const DETAIL_REACH = 3;
/** Sentences after it that may name its licence, as long as they name no other model (模型权重则遵循…许可协议). */
const LICENCE_REACH = 3;
const USED = new RegExp(OS.usedNotReleased);
const COUNT_AFTER = new RegExp(OS.countAfter);
const FILING_LIST = new RegExp(lexicon.filingList.member);
const FILING_CONTEXT = new RegExp(lexicon.filingList.context);
const IN_LICENCE_NAME = new RegExp(OS.inLicenceName);
const OPEN_SOURCE_TRIGGER = TRIGGERS.find(([t]) => t === "open_source")![1];
const OPENS_SOURCE = new RegExp(OPEN_SOURCE_TRIGGER.source);
const RELEASED_AS = new RegExp(OS.releasedAs);
const WEIGHTS_VERB = new RegExp(`^(?:${OS.weightsVerbs})$`);
const WEIGHTS_CUE = new RegExp(OS.weightsCue, "i");
/** Sentences before one, in its paragraph, whose open-source release it may go on telling. */
const OPEN_SOURCE_REACH = 2;

/**
 * A release word that tells part of an open-source release (此次放出的包括A和B after 宣布开源X; 释出
 * 权重): the sentence has no open-source word of its own, and one of the sentences just before it in
 * the paragraph told an open-source release, or (for 放出 / 释出) the sentence speaks of weights or a
 * model hub.
 */
function continuesOpenSource(
  ctx: ArticleContext,
  si: number,
  text: string,
  word: string,
  lead: string,
  events: readonly ExtractedEvent[],
): boolean {
  if (OPENS_SOURCE.test(text)) return false;
  const weights = WEIGHTS_VERB.test(word);
  if (weights && WEIGHTS_CUE.test(text)) return true;
  if (!weights && !RELEASED_AS.test(lead)) return false;
  for (let j = si - 1; j >= Math.max(0, si - OPEN_SOURCE_REACH); j--) {
    const { start } = ctx.sentences[j];
    if (events.some((e) => e.type === "open_source" && e.evidence.start === start)) return true;
    if (ctx.body.slice(ctx.sentences[j].end, ctx.sentences[j + 1].start).includes("\n")) break;
  }
  return false;
}
const COUNT: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function dateFor(hits: DateHit[], at: number): DatePoint | null {
  let best: DateHit | null = null;
  for (const h of hits) if (h.start <= at && (!best || h.start > best.start)) best = h;
  if (!best) best = hits[0] ?? null;
  return best ? best.point : null;
}

type DateSource = keyof typeof PRIORS.eventDate;
/** Where an event's date can be read from, and what the event scorer is told of it. */
const DATE_SOURCE = {
  own: "own",
  earlier: "inherited",
  model_previous: "inherited",
  occasion: "document",
  document: "document",
  none: "none",
} satisfies Record<string, DateSource>;
type DateReading = keyof typeof DATE_SOURCE;
/** Words before a trigger that put it after the dated sentence before (随后又推出): not at its date. */
const SEQUEL = new RegExp(lexicon.sequel);

/**
 * The dates an event could be at, one per distinct date, each described by the readings that
 * propose it (its sentence's own date, the nearest dated sentence before, the model's last event,
 * the day of the article's news, the article's date, none), its precision, the event's type, and
 * whether the hand-written rule chose it.
 */
function dateAlternatives(
  ctx: ArticleContext,
  e: {
    type: EventType;
    own: DatePoint | null;
    earlier: DatePoint | null;
    modelPrevious: DatePoint | null;
    ruled: DatePoint;
    lead: string;
    series: boolean;
    otherModelEarlier: boolean;
  },
): Alternative<{ point: DatePoint; source: DateSource }>[] {
  const doc = ctx.documentDate?.point.value ? { ...ctx.documentDate.point, inferred: true } : null;
  const proposals: [DateReading, DatePoint | null][] = [
    ["own", e.own],
    ["earlier", e.earlier && { ...e.earlier, inferred: true }],
    ["model_previous", e.modelPrevious && { ...e.modelPrevious, inferred: true }],
    ["occasion", ctx.occasion],
    ["document", doc],
    ["none", UNKNOWN_DATE],
  ];
  const flags = {
    past: PAST.test(e.lead),
    series: e.series,
    sequel: SEQUEL.test(e.lead),
    other_model: e.otherModelEarlier,
  };
  const byDate = proposalsByDate(proposals);
  const ruledKey = dateKey(e.ruled);
  return [...byDate.entries()].map(([key, { point, readings }]) => {
    const x: Features = { [`precision_${point.precision}`]: 1, [`${e.type}_precision_${point.precision}`]: 1 };
    for (const r of readings) {
      x[`from_${r}`] = 1;
      x[`${e.type}_from_${r}`] = 1;
      for (const [flag, on] of Object.entries(flags)) if (on) x[`${flag}_from_${r}`] = 1;
    }
    if (key === ruledKey) x.rule = 1;
    return { value: { point: key === ruledKey ? e.ruled : point, source: DATE_SOURCE[readings[0]] }, x };
  });
}

/** The dated sentence an undated one continues names models, none of them this one. */
function earlierNamesOnlyOthers(
  ctx: ArticleContext,
  si: number,
  inherited: DateHit[],
  mentions: ModelMention[],
  key: string,
): boolean {
  if (!inherited.length) return false;
  const k = ctx.sentenceAt(inherited[0].start);
  if (k >= si) return false;
  const { start, end } = ctx.sentences[k];
  const named = mentions.filter((x) => x.start >= start && x.start < end);
  return named.length > 0 && !named.some((x) => x.key === key);
}

/** 均在名单之列: a list of filings only where the sentence or the two before it in its paragraph speak of filing. */
function speaksOfFiling(ctx: ArticleContext, si: number): boolean {
  for (let k = si; k >= Math.max(0, si - 2); k--) {
    const s = ctx.sentences[k];
    if (FILING_CONTEXT.test(ctx.simple.slice(s.start, s.end))) return true;
    if (k > 0 && ctx.body.slice(ctx.sentences[k - 1].end, s.start).includes("\n")) return false;
  }
  return false;
}

export function extractEvents(
  ctx: ArticleContext,
  modelMentions: ModelMention[],
  orgMentions: OrgMention[],
  vendors: Map<string, string>,
  models: ReadonlyMap<string, ExtractedModel> = new Map(),
): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  const seen = new Map<string, ExtractedEvent>();
  const ruledDates = new Map<string, DatePoint>();
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si];
    let ms = modelMentions.filter((m) => m.start >= s.start && m.start < s.end);
    const text = ctx.simple.slice(s.start, s.end);
    // 两款模型均以MIT许可证开源: the models named just before (as many as it says)
    const anaphora = ms.length ? null : ANAPHORA.exec(text);
    if (anaphora)
      ms = referredModels(ctx, si, modelMentions, anaphora[1]).map((m) => ({ ...m, start: s.start, end: s.start }));
    if (!ms.length) continue;
    // dates are read only for sentences that name a model (and the one before, when referred back to)
    const dates = ctx.datesIn(si);
    // a sentence with no date of its own continues the dated one before it
    // (7月4日，大会在上海开幕。X在大会上正式发布…; 2025年1月20日，…突破！深度求索正式发布…)
    // (从2021年开始 / 自…以来 start a period: they date nothing that follows)
    const inherited = ctx.earlierDates(si);
    const decided = new Set<string>();
    const isExpo = EXPO.test(text);
    for (const [type, re] of TRIGGERS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        let t: EventType = type;
        const word = m[0];
        if (type === "showcase" && !isExpo) {
          if (word !== "亮相") continue;
          t = "release";
        }
        if (type === "release" && NOT_RELEASE.test(text.slice(m.index))) continue;
        if (type === "filing" && FILING_LIST.test(word) && !speaksOfFiling(ctx, si)) continue;
        const [cs, ce] = clauseAround(text, m.index);
        if (t === "release" && continuesOpenSource(ctx, si, text, word, text.slice(cs, m.index), events))
          t = "open_source";
        const end = m.index + word.length;
        if (type === "open_source" && /^开源$|^開源$/.test(word)) {
          // 开源模型 / 开源的 name a kind of model unless a model is named right after (开源的Qwen2.5,
          // 开源大模型DeepSeek-V2); 同步开源的还有X lists what was released; 将于6月30日开源 is a plan
          const rest = text.slice(end);
          const adj = OS_ADJECTIVAL.exec(rest);
          // (开源两款自研大模型：… counts what is released: the models are listed after it)
          if (adj && !OS_LISTED_AFTER.test(rest) && !COUNT_AFTER.test(rest)) {
            const at = s.start + end + adj[0].length;
            if (!ms.some((x) => x.start >= s.start + end && x.start <= at + 2)) continue;
            // 部署开源的Qwen2.5-7B: a model used, not released
            if (USED.test(text.slice(cs, m.index))) continue;
          }
          if (FUTURE.test(text.slice(cs, m.index))) continue;
        }
        let targets = anaphora ? ms : ms.filter((x) => x.start - s.start >= cs && x.start - s.start < ce);
        // …系列模型，包括A和B: the clauses that list what was released go with the trigger's; after a
        // colon (开源两款模型：一款是A，另一款是B) every clause to the sentence's end lists them
        let listing = false;
        for (let e = ce; !anaphora && t !== "deployment" && /^[，,：:]/.test(text.slice(e));) {
          listing ||= /^[：:]/.test(text.slice(e));
          const [ns, ne] = clauseAround(text, e + 1);
          if (!listing && !LISTS_AFTER.test(text.slice(ns))) break;
          targets.push(...ms.filter((x) => x.start - s.start >= ns && x.start - s.start < ne));
          e = ne;
        }
        // 基于X的Y: X is the base the released thing is built on, not what is released
        if (targets.length > 1 && t !== "deployment") {
          const direct = targets.filter(
            (x) => !/(?:基于|依托|采用|搭载|基座)$/.test(ctx.simple.slice(Math.max(s.start, x.start - 3), x.start)),
          );
          if (direct.length) targets = direct;
        }
        // 接入X: the model integrated is the object after the verb
        if (word === "接入") {
          const objects = targets.filter((x) => x.start - s.start > m.index);
          if (objects.length) targets = objects;
        }
        // 文心大模型的ERNIE Speed和ERNIE Lite: the variants are what the sentence is about, not the family
        if (targets.length > 1) {
          const isFamilyOfAnother = (key: string) =>
            models.get(key)?.family === key && targets.some((y) => y.key !== key && models.get(y.key)?.family === key);
          targets = targets.filter((x) => !isFamilyOfAnother(x.key));
        }
        if (!targets.length && t === "open_source") targets = continuedSubject(text, s.start, cs, m.index, ms, models);
        // 已向全球开源200余个模型: a count of releases, not the release of the model named before it
        if (!targets.length && t === "open_source" && COUNT_AFTER.test(text.slice(end))) continue;
        if (!targets.length) {
          // the one model the sentence names before the trigger (not one given as an example: X、Y等)
          const before = ms.filter(
            (x) =>
              t !== "open_source" ||
              (x.start < s.start + m.index && !EXAMPLES.test(ctx.simple.slice(x.end, x.end + 1))),
          );
          const distinct = new Set(before.map((x) => x.key));
          if (distinct.size === 1) targets = [before[0]];
        }
        // 这也是通义千问系列规模最大的一次开源: the release is of the variant just named, not the family
        if (t === "open_source") targets = targets.map((x) => variantFor(ctx, si, x, modelMentions, models, events));
        for (const target of targets) {
          // one event of a type per model and sentence; a release word inside a sentence that opens
          // the model to the public or announces it is the same happening (a price given at launch
          // is not: 以每百万tokens输入1元的价格发布 is a release and a price)
          if (decided.has(`${t}|${target.key}`)) continue;
          if (
            t === "release" &&
            (decided.has(`open_public|${target.key}`) || decided.has(`announcement|${target.key}`))
          )
            continue;
          if ((t === "showcase" || t === "deployment") && [...decided].some((d) => d.endsWith(`|${target.key}`)))
            continue;
          decided.add(`${t}|${target.key}`);
          const at = s.start + m.index;
          const own = dateFor(dates, at);
          // 先后推出A、B和C: releases spread over time have no one date to borrow
          const lead = text.slice(cs, m.index);
          const series = SERIES.test(lead);
          const before = own ? null : dateFor(inherited, at);
          const borrowed = series ? null : before;
          // a launch reported with no date at all is the news the article reports, of the day it
          // names (昨日举行发布会) or else of its own day (not 曾推出)
          const ofTheDay =
            own || borrowed || series || PAST.test(lead) || !NEWS_OF_THE_DAY.has(t) || !ctx.documentDate?.point.value
              ? null
              : (ctx.occasion ?? { ...ctx.documentDate.point, inferred: true });
          const ruled = own ?? borrowed ?? ofTheDay ?? UNKNOWN_DATE;
          // the rule above is one voice: the dates the other readings propose are ranked with it
          const alternatives = dateAlternatives(ctx, {
            type: t,
            own,
            earlier: before,
            modelPrevious: ruledDates.get(target.key) ?? null,
            ruled,
            lead,
            series,
            otherModelEarlier: earlierNamesOnlyOthers(ctx, si, inherited, modelMentions, target.key),
          });
          // (the rule's date, not the ranker's: what the ranker is fitted on must not move with its weights)
          if (ruled.value) ruledDates.set(target.key, ruled);
          const chosen = bestAlternative("eventDate", alternatives);
          const date = chosen?.point ?? ruled;
          const dateSource = chosen?.source ?? (own ? "own" : borrowed ? "inherited" : ofTheDay ? "document" : "none");
          const dateFactor = PRIORS.eventDate[dateSource];
          const prior =
            Math.round((PRIORS.eventType[t] ?? 0.6) * (models.get(target.key)?.confidence ?? 1) * dateFactor * 1000) /
            1000;
          const model = models.get(target.key);
          const features: Features = {
            [`type_${t}`]: 1,
            [`date_${dateSource}`]: 1,
            [`precision_${date.precision}`]: 1,
            date_inferred: date.inferred ? 1 : 0,
            model_confidence: model?.confidence ?? 1,
            model_discovered: model && !model.curated ? 1 : 0,
            model_is_family:
              model && [...models.values()].some((y) => y.key !== model.key && y.family === model.key) ? 1 : 0,
            model_before_trigger: target.start < at ? 1 : 0,
            past_lead: PAST.test(lead) ? 1 : 0,
            future_clause: FUTURE_CLAUSE.test(text.slice(cs, ce)) ? 1 : 0,
            targets_many: targets.length > 1 ? 1 : 0,
            mentions_many: modelMentions.filter((x) => x.key === target.key).length > 2 ? 1 : 0,
          };
          const confidence = fittedConfidence("event", features) ?? prior;
          let org = vendors.get(target.key) ?? null;
          if (!org) {
            const o = orgMentions.filter((x) => x.start >= s.start && x.start < target.start).pop();
            org = o?.key ?? null;
          }
          const id = `${t}|${target.key}|${date.value}`;
          const details = t === "open_source" ? openSourceDetails(ctx, si, target, modelMentions, models) : undefined;
          const earlier = seen.get(id);
          if (earlier) {
            // the same release told again (此次开源的Qwen2.5…) may add its licence or sizes
            if (earlier.details?.kind === "open_source" && details) mergeDetails(earlier.details, details);
            continue;
          }
          const event: ExtractedEvent = {
            type: t,
            modelKey: target.key,
            organizationKey: org,
            date,
            evidence: evidenceOf(s),
            confidence,
            ...(details ? { details } : {}),
          };
          seen.set(id, withAlternatives(withFeatures(event, features), alternatives));
          events.push(event);
        }
      }
    }
  }
  // announcement is the weakest reading: a sentence that prices, opens or open-sources a model
  // (宣布降价, 宣布开源) is that happening
  const stronger = new Set(
    events
      .filter((e) => ["price_change", "open_source", "open_public", "filing"].includes(e.type))
      .map((e) => `${e.evidence.start}|${e.modelKey}`),
  );
  const kept = events.filter((e) => e.type !== "announcement" || !stronger.has(`${e.evidence.start}|${e.modelKey}`));
  events.length = 0;
  events.push(...kept);
  // an undated duplicate of a dated event (GLM-4的推出 after 发布了GLM-4) adds nothing, nor does a
  // coarser one (6月开源的GLM-4-9B after 6月5日…开源了GLM-4-9B); an open-source release keeps their details
  const finer = (e: ExtractedEvent) =>
    events.find(
      (o) =>
        o !== e &&
        o.type === e.type &&
        o.modelKey === e.modelKey &&
        !!o.date.value &&
        (!e.date.value ||
          (e.type === "open_source" &&
            o.date.value.length > e.date.value.length &&
            o.date.value.startsWith(e.date.value))),
    );
  return events.filter((e) => {
    const o = finer(e);
    if (o?.details?.kind === "open_source" && e.details?.kind === "open_source") mergeDetails(o.details, e.details);
    return !o;
  });
}

/**
 * 并一口气开源了100多个模型 / 并以MIT协议开源: a trigger clause that goes on from the clause before
 * releases what that clause named (a variant rather than its family).
 */
function continuedSubject(
  text: string,
  sStart: number,
  cs: number,
  at: number,
  ms: ModelMention[],
  models: ReadonlyMap<string, ExtractedModel>,
): ModelMention[] {
  if (cs === 0 || !CONTINUES.test(text.slice(cs, at))) return [];
  const [ps] = clauseAround(text, cs - 2);
  const named = ms.filter((x) => x.start - sStart >= ps && x.start - sStart < cs);
  const variants = named.filter((x) => models.get(x.key)?.family !== x.key);
  const chosen = variants.length ? variants : named;
  return chosen.length ? [chosen[chosen.length - 1]] : [];
}

/** The keys a release of `key` covers: the model and its sized variants (qwen-3 -> qwen-3-235b-a22b). */
const coveredBy = (key: string, other: string) => other === key || other.startsWith(`${key}-`);

/** 7e9 -> "7B", 5e8 -> "0.5B", 1e12 -> "1T": a parameter size in its usual written form. */
function sizeName(v: number): string {
  const [div, suffix] = v >= 1e12 ? [1e12, "T"] : [1e9, "B"];
  return `${Number((v / div).toPrecision(4))}${suffix}`;
}

/**
 * The licence and the sizes of an open-source release, from its sentence, the one before and the
 * few after it that name no other model: 以MIT许可证开源, 遵循DeepSeek模型许可协议, 覆盖0.5B、7B和72B,
 * 70亿参数的Baichuan-7B, Qwen3-235B-A22B.
 */
function openSourceDetails(
  ctx: ArticleContext,
  si: number,
  target: ModelMention,
  mentions: ModelMention[],
  models: ReadonlyMap<string, ExtractedModel>,
): OpenSourceDetails {
  const key = target.key;
  const window: number[] = [si];
  for (let k = si + 1; k < ctx.sentences.length && k <= si + LICENCE_REACH; k++) {
    const sk = ctx.sentences[k];
    // (a name inside a licence's name, DeepSeek模型许可协议, is no other model)
    const named = mentions.filter(
      (m) => m.start >= sk.start && m.start < sk.end && !IN_LICENCE_NAME.test(ctx.simple.slice(m.end, m.end + 8)),
    );
    if (named.some((m) => !coveredBy(key, m.key))) break;
    // 本月又开源了Step3-VL-10B: a variant's own release ends the story of this one
    OPEN_SOURCE_TRIGGER.lastIndex = 0;
    if (named.some((m) => m.key !== key) && OPEN_SOURCE_TRIGGER.test(ctx.simple.slice(sk.start, sk.end))) break;
    window.push(k);
  }
  if (si > 0) {
    const sp = ctx.sentences[si - 1];
    const other = mentions.some(
      (m) =>
        m.start >= sp.start &&
        m.start < sp.end &&
        !coveredBy(key, m.key) &&
        !IN_LICENCE_NAME.test(ctx.simple.slice(m.end, m.end + 8)),
    );
    if (!other) window.push(si - 1);
  }
  let licence: string | null = null;
  const sizes = new Map<number, string>(); // total parameters -> written form
  const addSize = (v: number, written?: string) => {
    if (!(v >= 1e7 && v <= 1e14)) return;
    const prev = sizes.get(v);
    if (!prev || (written && written.length > prev.length)) sizes.set(v, written ?? sizeName(v));
  };
  for (const name of [target.text, models.get(key)?.nameZh ?? ""]) readNameSizes(toSimplified(name), addSize);
  for (const k of window) {
    const sk = ctx.sentences[k];
    const text = ctx.simple.slice(sk.start, sk.end);
    licence ??= licenceIn(text);
    if (k > si + DETAIL_REACH) continue;
    const inS = mentions.filter((m) => m.start >= sk.start && m.start < sk.end);
    for (const m of inS) if (coveredBy(key, m.key)) readNameSizes(ctx.simple.slice(m.start, m.end), addSize);
    // a size belongs to the model it is given for (70亿参数的…Baichuan-7B), else to the one named before it
    const owner = (at: number, end: number) => {
      const abs = sk.start + at;
      const forNext = SIZE_FOR.exec(text.slice(end));
      if (forNext) {
        const next = inS.find((m) => m.start >= sk.start + end && m.start <= sk.start + end + forNext[0].length + 1);
        if (next) return next.key;
      }
      const before = inS.filter((m) => m.end <= abs).pop();
      if (before) return before.key;
      return inS.every((m) => coveredBy(key, m.key)) ? key : null;
    };
    for (const m of text.matchAll(SIZE)) {
      if (/[A-Za-z0-9.]\s$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue; // Llama 3.1 405B
      if (owner(m.index, m.index + m[0].length) !== key) continue;
      addSize(Number(m[1]) * (m[2].toUpperCase() === "T" ? 1e12 : 1e9));
    }
    for (const m of text.matchAll(TOTAL_PARAMETERS)) {
      const [num, mag] = m[1] ? [m[1], m[2]] : [m[3], m[4]];
      if (ACTIVE.test(text.slice(Math.max(0, m.index - 6), m.index + m[0].search(/\d/)))) continue; // 激活参数380亿
      if (owner(m.index, m.index + m[0].length) !== key) continue;
      addSize(Number(num.replace(/,/g, "")) * MAGNITUDE[mag]);
    }
  }
  const written = [...sizes.entries()].sort((a, b) => a[0] - b[0]).map(([, w]) => w);
  return { kind: "open_source", licence, sizes: written };
}

/** Sizes written in a model's name: Qwen-7B -> 7B, Qwen3-235B-A22B -> 235B-A22B (not A13B alone). */
function readNameSizes(name: string, add: (v: number, written?: string) => void) {
  for (const m of name.matchAll(NAME_SIZE)) {
    const total = Number(m[1]) * 1e9;
    add(total, m[2] ? `${m[1]}B-A${m[2]}B` : `${m[1]}B`);
  }
}

/** The licence a sentence names: an SPDX id from the lexicon, else a vendor's own (DeepSeek模型许可协议 -> DeepSeek License). */
function licenceIn(text: string): string | null {
  if (!LICENCE_CUE.test(text)) return null;
  // 除3B和72B两个版本使用…外，其余尺寸均采用Apache 2.0协议: the exception is not the release's licence
  const main = text.replace(EXCEPT, (x) => " ".repeat(x.length));
  for (const t of [main, text]) {
    let best: { at: number; id: string } | null = null;
    for (const [id, re] of LICENCES) {
      re.lastIndex = 0;
      const m = re.exec(t);
      if (m && (!best || m.index < best.at)) best = { at: m.index, id };
    }
    if (best) return best.id;
    CUSTOM_LICENCE.lastIndex = 0;
    for (const m of t.matchAll(CUSTOM_LICENCE)) {
      const name = m[1].replace(NOT_BRAND, "");
      const brand =
        BRANDS.find(([zh]) => name.endsWith(zh) || name === zh)?.[1] ?? (/^[A-Za-z]/.test(name) ? name : null);
      if (brand) return `${brand}${m[2] ? " Community" : ""} License`;
    }
  }
  return null;
}

/** A release told twice: the first telling's details, completed by the second's. */
function mergeDetails(into: OpenSourceDetails, from: OpenSourceDetails) {
  into.licence ??= from.licence;
  const all = [...new Set([...into.sizes, ...from.sizes])];
  into.sizes = all.filter((z) => !all.some((y) => y !== z && y.startsWith(`${z}-`)));
}

/** The models 两款模型 / 这些模型 refers to: as many as it counts, named in the sentences just before. */
function referredModels(ctx: ArticleContext, si: number, mentions: ModelMention[], count: string | undefined) {
  const want = count ? (COUNT[count] ?? Number(count)) : 0;
  const found = new Map<string, ModelMention>();
  for (let k = si - 1; k >= 0 && si - k <= 3; k--) {
    const sk = ctx.sentences[k];
    const inK = mentions.filter((m) => m.start >= sk.start && m.start < sk.end).reverse();
    for (const m of inK) if (!found.has(m.key) && (!want || found.size < want)) found.set(m.key, m);
    if (!want || found.size >= want) break;
  }
  return [...found.values()];
}

/**
 * A family named for a release (通义千问, 这也是通义千问规模最大的一次开源) stands for the variant of it
 * whose release the text has just told, else the variant named just before it (Qwen2.5).
 */
function variantFor(
  ctx: ArticleContext,
  si: number,
  x: ModelMention,
  mentions: ModelMention[],
  models: ReadonlyMap<string, ExtractedModel>,
  events: ExtractedEvent[],
): ModelMention {
  const isVariant = (key: string | null): key is string => !!key && key !== x.key && models.get(key)?.family === x.key;
  if (models.get(x.key)?.family !== x.key) return x;
  const from = ctx.sentences[Math.max(0, si - 3)].start;
  const told = events
    .filter((e) => e.type === "open_source" && isVariant(e.modelKey) && e.evidence.start >= from)
    .pop();
  if (told?.modelKey) return { ...x, key: told.modelKey };
  const near = ctx.sentences[Math.max(0, si - 1)].start;
  return mentions.filter((m) => m.start >= near && m.start < x.start && isVariant(m.key)).pop() ?? x;
}
