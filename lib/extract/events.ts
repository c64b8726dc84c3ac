// Events: trigger phrases per sentence (data/events.json), tied to the models named in the
// trigger's clause, with the sentence's date, else the date of the sentence before when this one
// continues it (会上, 当天, 在大会上…).
import type { DatePoint, EventType, ExtractedEvent } from "./types";
import type { ArticleContext } from "./context";
import type { ModelMention } from "./models";
import type { OrgMention } from "./organizations";
import { startsPeriod, UNKNOWN_DATE, type DateHit } from "./dates";
import { clauseAround, evidenceOf } from "./text";
import lexicon from "./data/events.json";
import PRIORS from "./data/confidence.json";
import type { ExtractedModel } from "./types";

/** Kinds of event that, reported with no date, happened when the article was written. */
const NEWS_OF_THE_DAY = new Set<EventType>(["release", "open_source", "open_public", "price_change"]);

const TRIGGERS: [EventType, RegExp][] = (lexicon.triggers as [EventType, string][]).map(([t, re]) => [
  t,
  new RegExp(re, "g"),
]);
const NOT_RELEASE = new RegExp(lexicon.notRelease);
const EXPO = new RegExp(lexicon.expo);

function dateFor(hits: DateHit[], at: number): DatePoint | null {
  let best: DateHit | null = null;
  for (const h of hits) if (h.start <= at && (!best || h.start > best.start)) best = h;
  if (!best) best = hits[0] ?? null;
  return best ? best.point : null;
}

export function extractEvents(
  ctx: ArticleContext,
  modelMentions: ModelMention[],
  orgMentions: OrgMention[],
  vendors: Map<string, string>,
  models: ReadonlyMap<string, ExtractedModel> = new Map(),
): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  const seen = new Set<string>();
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si];
    const ms = modelMentions.filter((m) => m.start >= s.start && m.start < s.end);
    if (!ms.length) continue;
    // dates are read only for sentences that name a model (and the one before, when referred back to)
    const text = ctx.simple.slice(s.start, s.end);
    const dates = ctx.datesIn(si);
    const prev = ctx.sentences[si - 1];
    const sameParagraph = prev !== undefined && !ctx.body.slice(prev.end, s.start).includes("\n");
    // a sentence with no date of its own continues the one before it in the paragraph
    // (7月4日，大会在上海开幕。X在大会上正式发布…; 2025年1月20日，…突破！深度求索正式发布…)
    // (从2021年开始 / 自…以来 start a period: they date nothing that follows)
    const prevText = prev ? ctx.simple.slice(prev.start, prev.end) : "";
    const inherited = sameParagraph
      ? ctx.datesIn(si - 1).filter((d) => d.point.value && !startsPeriod(prevText, d, prev.start))
      : [];
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
        const [cs, ce] = clauseAround(text, m.index);
        let targets = ms.filter((x) => x.start - s.start >= cs && x.start - s.start < ce);
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
        if (!targets.length) {
          const distinct = new Set(ms.map((x) => x.key));
          if (distinct.size === 1) targets = [ms[0]];
        }
        for (const target of targets) {
          // one event of a type per model and sentence; a release word inside an open-source or
          // price sentence is the same happening
          if (decided.has(`${t}|${target.key}`)) continue;
          if (
            t === "release" &&
            (decided.has(`price_change|${target.key}`) ||
              decided.has(`open_public|${target.key}`) ||
              decided.has(`announcement|${target.key}`))
          )
            continue;
          if ((t === "showcase" || t === "deployment") && [...decided].some((d) => d.endsWith(`|${target.key}`)))
            continue;
          decided.add(`${t}|${target.key}`);
          const at = s.start + m.index;
          const own = dateFor(dates, at);
          const borrowed = own ? null : dateFor(inherited, at);
          // a launch reported with no date at all is the news of the article's own day
          const ofTheDay =
            own || borrowed || !NEWS_OF_THE_DAY.has(t) || !ctx.documentDate?.point.value
              ? null
              : { ...ctx.documentDate.point, inferred: true };
          const date = own ?? borrowed ?? ofTheDay ?? UNKNOWN_DATE;
          const dateFactor = own
            ? PRIORS.eventDate.own
            : borrowed
              ? PRIORS.eventDate.inherited
              : ofTheDay
                ? PRIORS.eventDate.document
                : PRIORS.eventDate.none;
          const confidence =
            Math.round((PRIORS.eventType[t] ?? 0.6) * (models.get(target.key)?.confidence ?? 1) * dateFactor * 1000) /
            1000;
          let org = vendors.get(target.key) ?? null;
          if (!org) {
            const o = orgMentions.filter((x) => x.start >= s.start && x.start < target.start).pop();
            org = o?.key ?? null;
          }
          const id = `${t}|${target.key}|${date.value}`;
          if (seen.has(id)) continue;
          seen.add(id);
          events.push({
            type: t,
            modelKey: target.key,
            organizationKey: org,
            date,
            evidence: evidenceOf(s),
            confidence,
          });
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
  // an undated duplicate of a dated event (GLM-4的推出 after 发布了GLM-4) adds nothing
  const dated = new Set(events.filter((e) => e.date.value).map((e) => `${e.type}|${e.modelKey}`));
  return events.filter((e) => e.date.value || !dated.has(`${e.type}|${e.modelKey}`));
}
