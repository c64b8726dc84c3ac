// Events: trigger phrases per sentence (release / open_public / announcement / deployment /
// showcase), tied to the models named in the trigger's clause, with the sentence's date.
import type { DatePoint, EventType, ExtractedEvent } from "./types";
import type { ArticleContext } from "./context";
import type { ModelMention } from "./models";
import type { OrgMention } from "./organizations";
import { UNKNOWN_DATE, type DateHit } from "./dates";
import { clauseAround, evidenceOf } from "./text";

// Checked in this order; the first type that applies to a model in a sentence wins.
const TRIGGERS: [EventType, RegExp][] = [
  ["open_public", /向(?:全)?(?:社会|公众|全体用户|所有用户|用户)(?:全面)?开放|面向(?:公众|全社会)开放|开放服务|(?:上线|开启|开始|启动)(?:公测|内测)|全面开放|开放注册|免费开放|正式开放|对外开放|开放使用|正式上线/g],
  ["announcement", /宣布(?!了?(?:正式)?(?:推出|发布|上线|开源|开放))|计划|将(?:继续|正式|陆续|进一步|于.{1,8})?(?:推出|发布|上线|开源|亮相)|即将(?:推出|发布|上线)|拟(?:推出|发布)|发布消息称|预计(?:将)?(?:推出|发布)/g],
  ["release", /首次亮相|发布|推出|上线|开源(?!模型|大模型|社区|生态|项目|版本|协议|开放|领域)|问世|面世|首发|(?:升级|迭代)(?:至|到|为)(?=[A-Za-z\d])/g],
  ["showcase", /亮相|展示|展出|演示|体验/g],
  ["deployment", /规模化应用|落地应用|投入(?:使用|应用)|应用于|部署|落地|接入|实现.{0,4}应用|已在.{0,12}应用|(?:支持|服务|赋能)了?\d+.{0,12}(?:应用|企业|客户|场景|用户)/g],
];

const EXPO = /大会|博览会|展会|峰会|论坛|展览|展台|展区|展馆|开幕|世博|进博|服贸会|数博会|世界人工智能/;
const ANAPHORIC_START = /^(?:会上|当天|同日|当日|此次|本次|活动上|大会上|发布会上|会议上|其间|期间)/;

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
): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  const seen = new Set<string>();
  for (let si = 0; si < ctx.sentences.length; si++) {
    const s = ctx.sentences[si]!;
    const ms = modelMentions.filter((m) => m.start >= s.start && m.start < s.end);
    if (!ms.length) continue;
    // dates are read only for sentences that name a model (and the one before, when referred back to)
    const text = ctx.simple.slice(s.start, s.end);
    const dates = ctx.datesIn(si);
    const prev = ctx.sentences[si - 1];
    const sameParagraph = prev !== undefined && !ctx.body.slice(prev.end, s.start).includes("\n");
    const inherited = sameParagraph && ANAPHORIC_START.test(s.text) ? ctx.datesIn(si - 1).filter((d) => d.point.value) : [];
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
        if (type === "release" && word === "发布" && /^发布(?:的|了)?(?:研究)?(?:消息|通知|公告|报告|数据|白皮书|榜单)/.test(text.slice(m.index))) continue;
        const [cs, ce] = clauseAround(text, m.index);
        let targets = ms.filter((x) => x.start - s.start >= cs && x.start - s.start < ce);
        // 基于X的Y: X is the base the released thing is built on, not what is released
        if (targets.length > 1 && t !== "deployment") {
          const direct = targets.filter((x) => !/(?:基于|依托|采用|搭载|基座)$/.test(ctx.simple.slice(Math.max(s.start, x.start - 3), x.start)));
          if (direct.length) targets = direct;
        }
        // 接入X: the model integrated is the object after the verb
        if (word === "接入") {
          const objects = targets.filter((x) => x.start - s.start > m!.index);
          if (objects.length) targets = objects;
        }
        if (!targets.length) {
          const distinct = new Set(ms.map((x) => x.key));
          if (distinct.size === 1) targets = [ms[0]!];
        }
        for (const target of targets) {
          if (decided.has(target.key)) continue;
          decided.add(target.key);
          const at = s.start + m.index;
          const date = dateFor(dates, at) ?? dateFor(inherited, at) ?? UNKNOWN_DATE;
          let org = vendors.get(target.key) ?? null;
          if (!org) {
            const o = orgMentions.filter((x) => x.start >= s.start && x.start < target.start).pop();
            org = o?.key ?? null;
          }
          const id = `${t}|${target.key}|${date.value}`;
          if (seen.has(id)) continue;
          seen.add(id);
          events.push({ type: t, modelKey: target.key, organizationKey: org, date, evidence: evidenceOf(s) });
        }
      }
    }
  }
  // an undated duplicate of a dated event (GLM-4的推出 after 发布了GLM-4) adds nothing
  const dated = new Set(events.filter((e) => e.date.value).map((e) => `${e.type}|${e.modelKey}`));
  return events.filter((e) => e.date.value || !dated.has(`${e.type}|${e.modelKey}`));
}
