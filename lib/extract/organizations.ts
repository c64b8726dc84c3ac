// Organisations: registry matching, discovery of unknown names by suffix where a release is
// described, vendor attribution of each model from the text, and the role each org plays.
import type { ExtractedModel, ExtractedOrganization, OrgKind, OrgRole } from "./types";
import type { ArticleContext } from "./context";
import { tag } from "./context";
import type { ModelMention } from "./models";
import PRIORS from "./data/confidence.json";
import { ORGANIZATIONS, lookupPhrase, scanRegistry, type OrganizationEntry } from "./registry";
import { slugify, matchForm } from "./text";
import identity from "./data/identity.json";

export interface OrgMention {
  key: string;
  start: number;
  end: number;
  text: string;
}

export interface OrgExtraction {
  organizations: Map<string, ExtractedOrganization>;
  mentions: OrgMention[];
  /** model key -> vendor key attributed from the text (registry vendor when the text is silent) */
  vendors: Map<string, string>;
}

const RELEASE_OR_OWN = /发布|推出|上线|研发|打造|亮相|开源|自研|旗下|的|开发|训练|升级|公布|宣布|正式/;
const ORG_SUFFIX =
  /([\p{Script=Han}A-Za-z0-9]{2,16}?(?:股份有限公司|有限公司|公司|集团|实验室|研究院|研究所|大学|学院|科技|智能))(?=[^\p{Script=Han}]|旗下|下属|也|近日|日前|此前|于|在|发布|推出|正式|将|已|宣布|的|开源|上线|$)/gu;
// clause-initial subject of a release/announce verb (no punctuation inside): 度小满宣布其…
const SUBJECT_BEFORE_VERB =
  /(?:^|[，。；：])(?:近日|日前|此前|同日|当天|今天|目前)?[，]?([\p{Script=Han}A-Za-z0-9]{2,8}?)(?:也|还|又|正式|近日|日前|今天)?(?:于[\d年月日〇零一二三四五六七八九十]{2,12})?(?:正式)?(?:宣布|发布|推出|上线|开源|亮相)/u;
// another maker's model of a registry name (data/identity.json)
const MAKER_GAP = new RegExp(identity.makerGap, "u");
const NOT_MAKER = new RegExp(identity.notMaker, "u");
const PARTNER = new RegExp(`^(?:${identity.partner})$`, "u");
const ANAPHOR = new RegExp(Object.keys(identity.anaphors).join("|"), "u");
const MAKER_KINDS = new Set<OrgKind>(["company", "lab", "university"]);
const REPORT_CUE = /^[^，。；！？]{0,14}?(?:报告|白皮书|数据显示|统计|调查|调研|研究显示|测算|预测|榜单)/;
const HOST_CUE = /^[^，。；！？]{0,12}?(?:大会|峰会|博览会|论坛|发布会|开发者大会|技术日)/;
const HOST_VERB = /^[^，。；！？]{0,4}(?:举办|主办|举行|召开)/;

function kindFromSuffix(name: string): OrgKind {
  if (/大学|学院$/.test(name)) return "university";
  if (/实验室|研究院|研究所$/.test(name)) return "lab";
  return "company";
}

// Each field by name, as in models.ts: alike by design, the two kinds share names, not a type.
function fromEntry(e: OrganizationEntry): ExtractedOrganization {
  return {
    key: e.key,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    aliases: e.aliases,
    kind: e.kind,
    roles: [],
    curated: true,
    sourceUrl: e.sourceUrl,
  };
}

/** Trim leading non-name words (时间词, 位于深圳的, 由, verbs) from a suffix-matched org name. */
function trimOrgName(raw: string): string | null {
  const words = tag(raw);
  let i = words.length - 1;
  // keep the longest tail of noun-ish tokens
  while (
    i > 0 &&
    /^(?:n|nz|nr|nrt|ns|nt|eng|j|an|vn|x)$/.test(words[i - 1].tag) &&
    !/^[的在于由据从和与及]$/.test(words[i - 1].word)
  )
    i--;
  const name = words
    .slice(i)
    .map((w) => w.word)
    .join("");
  if (name.length < 4) return null;
  if (/^(?:该|本|这家|一家|其|多家|旗下|下属|相关|国内|国外|海外|科技|智能|研究院|实验室|公司|集团)/.test(name))
    return null;
  return name;
}

export function extractOrganizations(
  ctx: ArticleContext,
  models: Map<string, ExtractedModel>,
  modelMentions: ModelMention[],
): OrgExtraction {
  const { body, hits, sentences } = ctx;
  const organizations = new Map<string, ExtractedOrganization>();
  const mentions: OrgMention[] = [];
  const roles = new Map<string, Set<OrgRole>>();
  const addRole = (key: string, r: OrgRole) => {
    let s = roles.get(key);
    if (!s) roles.set(key, (s = new Set()));
    s.add(r);
  };

  for (const h of hits) {
    if (h.kind !== "organization") continue;
    const e = ORGANIZATIONS.get(h.key)!;
    if (!organizations.has(e.key)) organizations.set(e.key, fromEntry(e));
    mentions.push({ key: e.key, start: h.start, end: h.end, text: body.slice(h.start, h.end) });
  }
  // a report/event cue right after an org, with no other org in between, makes it author/host
  for (let k = 0; k < mentions.length; k++) {
    const o = mentions[k];
    const nextStart = mentions[k + 1]?.start ?? body.length;
    const after = body.slice(o.end, Math.min(o.end + 24, nextStart));
    if (REPORT_CUE.test(after)) addRole(o.key, "report_author");
    if (HOST_CUE.test(after) || HOST_VERB.test(after)) addRole(o.key, "event_host");
  }
  // organisations named only in the byline / photo credits (新华社记者 王全超 摄)
  for (const line of ctx.credits) {
    for (const h of scanRegistry(line, matchForm(line))) {
      if (h.kind !== "organization") continue;
      const e = ORGANIZATIONS.get(h.key)!;
      if (!organizations.has(e.key)) organizations.set(e.key, fromEntry(e));
    }
  }

  /** An organisation the registry does not know, named at `start` of the body: kept, mentioned; its key. */
  const discovered = (name: string, start: number, kind: OrgKind): string => {
    const key = slugify(name);
    if (!organizations.has(key))
      organizations.set(key, {
        key,
        nameZh: name,
        nameEn: null,
        aliases: [],
        kind,
        roles: [],
        curated: false,
        sourceUrl: null,
      });
    mentions.push({ key, start, end: start + name.length, text: name });
    return key;
  };

  // vendor attribution, per model mention, from its own sentence
  const vendors = new Map<string, string>();
  /** mentions of a registry name that the text gives to another maker: index -> that maker */
  const otherMaker = new Map<number, string>();
  /** every model mention the text attributes to an organisation: index -> that organisation */
  const attributed = new Map<number, string>();
  for (const [mi, mm] of modelMentions.entries()) {
    const model = models.get(mm.key)!;
    const si = ctx.sentenceAt(mm.start);
    const s = sentences[si];
    if (!s) continue;
    let vendor: string | null = null;
    // nearest registry org before the model in the same sentence, tied to it by a release/possessive
    // cue or by adjacency (华为盘古)
    const before = mentions.filter((o) => o.start >= s.start && o.end <= mm.start);
    // 该校 / 该公司 … stand for the last organisation of that kind named before the sentence
    if (!before.length) {
      const ana = ANAPHOR.exec(body.slice(s.start, mm.start));
      const kinds = ana ? (identity.anaphors as Record<string, string[]>)[ana[0]] : null;
      const referent = kinds
        ? mentions.findLast((o) => o.end <= s.start && kinds.includes(organizations.get(o.key)?.kind ?? ""))
        : undefined;
      if (ana && referent) {
        const start = s.start + ana.index;
        before.push({ key: referent.key, start, end: start + ana[0].length, text: ana[0] });
      }
    }
    for (let k = before.length - 1; k >= 0; k--) {
      let o = before[k];
      const gap = body.slice(o.end, mm.start);
      if (gap.length <= 2 || RELEASE_OR_OWN.test(gap)) {
        const kind = organizations.get(o.key)?.kind;
        if (kind === "media" || kind === "consultancy" || kind === "government") continue;
        // 生数科技联合清华大学发布X: the partner joined by 联合 / 携手 is not the subject that releases
        while (k > 0 && PARTNER.test(body.slice(before[k - 1].end, o.start))) o = before[--k];
        vendor = o.key;
        if (
          model.vendorKey &&
          o.key !== model.vendorKey &&
          MAKER_GAP.test(gap) &&
          !NOT_MAKER.test(gap) &&
          !before.some((x) => x.key === model.vendorKey)
        )
          otherMaker.set(mi, o.key);
        break;
      }
    }
    // unknown organisation named by its suffix before the model (北京某某科技公司发布了“X”)
    if (!vendor && !model.curated && !model.vendorKey) {
      const head = body.slice(s.start, mm.start);
      let last: RegExpExecArray | null = null;
      ORG_SUFFIX.lastIndex = 0;
      for (let m = ORG_SUFFIX.exec(head); m; m = ORG_SUFFIX.exec(head)) last = m;
      if (last && RELEASE_OR_OWN.test(head.slice(last.index + last[0].length))) {
        const raw = last[1].split(/[，。；、：“”]/).pop()!;
        const name = trimOrgName(raw);
        if (name && !lookupPhrase(name, "organization"))
          vendor = discovered(name, s.start + last.index + last[0].length - name.length, kindFromSuffix(name));
      }
    }
    // the clause subject before a release verb: 度小满宣布其金融大模型“轩辕”…
    if (!vendor && !model.curated && !model.vendorKey) {
      const head = ctx.simple.slice(s.start, mm.start);
      const sub = SUBJECT_BEFORE_VERB.exec(head);
      if (sub) {
        const words = tag(sub[1]);
        // known proper nouns, or a coined name jieba does not know (split into single characters)
        const nounish = words.length <= 3 && words.every((w) => /^(?:n|nz|nr|nrt|nt|ns|eng|x|j)$/.test(w.tag));
        // (but not a run of function words or a date: 须先在, 5月)
        const coined =
          sub[1].length <= 4 && words.every((w) => w.word.length === 1 && !/^(?:m|t|d|p|c|u|r|q|f|mq)$/.test(w.tag));
        const ok =
          (nounish || coined) &&
          !/^(?:该|其|我国|国内|记者|用户|业内|专家|公司|企业|团队|他们|我们)/.test(sub[1]) &&
          !/模型$/.test(sub[1]); // the model itself (模型发布…), never its maker
        if (ok && !lookupPhrase(sub[1], "organization") && !lookupPhrase(sub[1], "industry")) {
          const start = s.start + sub.index + sub[0].indexOf(sub[1]);
          vendor = discovered(body.slice(start, start + sub[1].length), start, "company");
        }
      }
    }
    if (vendor) attributed.set(mi, vendor);
    if (vendor && !vendors.has(mm.key)) vendors.set(mm.key, vendor);
  }

  splitOtherMakers(models, modelMentions, otherMaker, attributed, body);

  // a model named after its maker (MiniMax-01, Moonshot-v1): the organisation whose name it starts with,
  // over what its sentence suggests (深度求索称…高于…MiniMax M2 names a rival, not a maker)
  for (const m of models.values()) {
    if (m.vendorKey) continue;
    const org = orgNamePrefix(m.nameZh);
    if (org) vendors.set(m.key, org);
  }
  // a variant named after another model of the article (MiniCPM-V 2.0 after MiniCPM, 扁鹊-2.0 after
  // 扁鹊): that model's maker, and that model as its family
  const namedModels = [...models.values()].sort((a, b) => b.nameZh.length - a.nameZh.length);
  for (const m of models.values()) {
    if (m.curated || m.vendorKey || vendors.has(m.key)) continue;
    const name = m.nameZh.toLowerCase();
    const base = namedModels.find((o) => {
      const n = o.nameZh.toLowerCase();
      return (
        o !== m &&
        n.length >= 2 &&
        name.length > n.length &&
        name.startsWith(n) &&
        /^[-_ .\dA-Za-z]/.test(name.slice(n.length))
      );
    });
    const maker = base && (base.vendorKey ?? vendors.get(base.key));
    if (!base || !maker) continue;
    vendors.set(m.key, maker);
    m.family ??= base.family ?? base.key;
  }
  // still none: the one maker its paragraph names before it (MiniMax … 同时推出的Hailuo-02和Speech-02)
  for (const m of models.values()) {
    if (m.vendorKey || vendors.has(m.key)) continue;
    const first = modelMentions.find((x) => x.key === m.key);
    if (!first) continue;
    const from = body.lastIndexOf("\n", first.start) + 1;
    const makers = new Set(
      mentions
        .filter((o) => o.start >= from && o.end <= first.start)
        .map((o) => o.key)
        .filter((k) => MAKER_KINDS.has(organizations.get(k)?.kind ?? "other")),
    );
    if (makers.size === 1) vendors.set(m.key, [...makers][0]);
  }

  // registry vendor wins for curated models; text attribution fills the rest
  for (const m of models.values()) {
    if (m.vendorKey) vendors.set(m.key, m.vendorKey);
    else if (vendors.has(m.key)) m.vendorKey = vendors.get(m.key)!;
    const v = m.vendorKey;
    if (!v) continue;
    if (!organizations.has(v)) {
      const e = ORGANIZATIONS.get(v);
      if (e) organizations.set(v, fromEntry(e));
    }
    addRole(v, "vendor");
  }

  for (const o of organizations.values()) {
    if (o.kind === "media") addRole(o.key, "media");
    if (o.kind === "university" || o.kind === "lab") addRole(o.key, "research");
    if (o.kind === "consultancy" && roles.get(o.key)?.has("report_author") !== true) {
      // a consultancy named in a sentence that cites a report is its author
      for (const mo of mentions.filter((x) => x.key === o.key)) {
        const s = sentences[ctx.sentenceAt(mo.start)];
        if (s && /报告|数据|统计/.test(s.text)) addRole(o.key, "report_author");
      }
    }
    o.roles = [...(roles.get(o.key) ?? new Set<OrgRole>(["other"]))];
    if (o.roles.length === 0) o.roles = ["other"];
  }

  mentions.sort((a, b) => a.start - b.start);
  return { organizations, mentions, vendors };
}

/**
 * Same name, another maker: a mention of a registry name (or of its variant) that the text gives to
 * another organisation names that organisation's model, keyed `<name>-<maker>` (pangu-recurrent-ai)
 * so that it stays apart from the registry's and readable. The later mentions of the same surface in
 * its paragraph follow it, up to one the text gives to another maker; a registry model left with no
 * mention is dropped.
 */
function splitOtherMakers(
  models: Map<string, ExtractedModel>,
  mentions: ModelMention[],
  otherMaker: Map<number, string>,
  attributed: Map<number, string>,
  body: string,
) {
  if (!otherMaker.size) return;
  const paragraphEnd = (at: number) => {
    const i = body.indexOf("\n", at);
    return i < 0 ? body.length : i;
  };
  for (const [mi, maker] of [...otherMaker].sort((a, b) => a[0] - b[0])) {
    const mm = mentions[mi];
    const model = models.get(mm.key);
    if (!model || model.vendorKey === maker) continue;
    const key = `${model.key}-${maker}`;
    if (!models.has(key))
      models.set(key, {
        ...model,
        key,
        nameZh: mm.text,
        nameEn: /\p{Script=Han}/u.test(mm.text) ? null : mm.text,
        aliases: [],
        vendorKey: maker,
        family: null,
        version: null,
        curated: false,
        sourceUrl: null,
        confidence: Math.min(model.confidence, PRIORS.variantModel),
      });
    const from = mm.key;
    const end = paragraphEnd(mm.start);
    for (let k = mi; k < mentions.length; k++) {
      const m = mentions[k];
      if (m.key !== from || m.text !== mm.text || m.start < mm.start) continue;
      if (m.start >= end || (attributed.has(k) && attributed.get(k) !== maker)) break;
      m.key = key;
      m.curated = false;
    }
    if (!mentions.some((m) => m.key === from)) models.delete(from);
  }
}

// ASCII organisation names of three letters or more, longest first, for orgNamePrefix
const ORG_PREFIXES = [...ORGANIZATIONS.values()]
  .flatMap((o) =>
    [o.nameEn, ...o.aliases]
      .filter((a): a is string => !!a && /^[A-Za-z][A-Za-z0-9]{2,}$/.test(a))
      .map((a) => [a.toLowerCase(), o.key] as const),
  )
  .sort((a, b) => b[0].length - a[0].length);

/** The registry organisation a model's name begins with (MiniMax-Text-01 -> minimax), or null. */
function orgNamePrefix(name: string): string | null {
  const n = name.toLowerCase();
  for (const [alias, key] of ORG_PREFIXES) {
    if (n.startsWith(alias) && (n.length === alias.length || /[-_\s\d.]/.test(n[alias.length]))) {
      const kind = ORGANIZATIONS.get(key)?.kind;
      if (kind !== "media" && kind !== "government" && kind !== "consultancy") return key;
    }
  }
  return null;
}
