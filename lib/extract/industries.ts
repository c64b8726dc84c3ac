// Industries: the 行业 field and body mentions mapped onto one taxonomy (data/industries.json), and
// links from a model (or its vendor) to an industry when one sentence names both.
import type { ExtractedIndustry, ExtractedIndustryLink } from "./types";
import type { ArticleContext } from "./context";
import type { ModelMention } from "./models";
import type { OrgMention } from "./organizations";
import { INDUSTRIES, lookupPhrase, scanRegistry, type RegistryKind, type TaxonomyEntry } from "./registry";
import { evidenceOf, matchForm } from "./text";

export interface TaxonomyMention {
  key: string;
  start: number;
  end: number;
  text: string;
}

/** Keys of a list field's values: exact alias first, else every alias found inside the value. */
export function taxonomyKeysOfField(values: string[], kind: RegistryKind): string[] {
  const keys: string[] = [];
  for (const v of values) {
    const exact = lookupPhrase(v, kind);
    if (exact) {
      keys.push(exact);
      continue;
    }
    for (const h of scanRegistry(v, matchForm(v))) if (h.kind === kind) keys.push(h.key);
  }
  return [...new Set(keys)];
}

// (and 科研团队, 医护人员: the people of a field, not a sector the models serve)
const IN_A_NAME =
  /^(?:大学|学院|研究院|研究所|职业|和信息化部|部|局|厅|委员会|集团|股份|有限公司|公司|协会|学会|联盟|团队|人员)/;
const SERVES_CUE = /大模型|模型|人工智能|AI|智能|赋能|应用|落地|场景|行业/;

export function collectTaxonomy<T extends { from: "field" | "body" | "both" }>(
  ctx: ArticleContext,
  kind: "industry" | "technology",
  fieldValues: string[],
  registry: ReadonlyMap<string, TaxonomyEntry>,
  make: (e: TaxonomyEntry, from: T["from"]) => T,
): { items: T[]; mentions: TaxonomyMention[] } {
  const fieldKeys = new Set(taxonomyKeysOfField(fieldValues, kind));
  const mentions: TaxonomyMention[] = [];
  const bodyKeys = new Set<string>();
  for (const h of ctx.hits) {
    if (h.kind !== kind) continue;
    // 哈尔滨工业大学, 工业和信息化部: a sector word inside a name is no mention of the sector
    if (kind === "industry" && IN_A_NAME.test(ctx.simple.slice(h.end, h.end + 6))) continue;
    // a sector the article's models serve is named in a sentence about models or AI
    if (kind === "industry") {
      const s = ctx.sentences[ctx.sentenceAt(h.start)];
      if (s && !SERVES_CUE.test(ctx.simple.slice(s.start, s.end))) continue;
    }
    mentions.push({ key: h.key, start: h.start, end: h.end, text: ctx.body.slice(h.start, h.end) });
    bodyKeys.add(h.key);
  }
  const items: T[] = [];
  for (const key of new Set([...fieldKeys, ...bodyKeys])) {
    const e = registry.get(key);
    if (!e) continue;
    const from = fieldKeys.has(key) && bodyKeys.has(key) ? "both" : fieldKeys.has(key) ? "field" : "body";
    items.push(make(e, from));
  }
  return { items, mentions };
}

export function extractIndustries(ctx: ArticleContext) {
  return collectTaxonomy<ExtractedIndustry>(ctx, "industry", ctx.article.industries, INDUSTRIES, (e, from) => ({
    key: e.key,
    nameZh: e.nameZh,
    nameEn: e.nameEn,
    aliases: e.aliases,
    from,
  }));
}

/**
 * Model x industry when one sentence names both (盘古…煤矿 -> pangu x mining). Sentences naming no
 * model link the industry to a vendor organisation named there instead.
 */
export function linkIndustries(
  ctx: ArticleContext,
  industryMentions: TaxonomyMention[],
  modelMentions: ModelMention[],
  orgMentions: OrgMention[],
  vendorKeys: Set<string>,
): ExtractedIndustryLink[] {
  const links: ExtractedIndustryLink[] = [];
  const seen = new Set<string>();
  const bySentence = new Map<number, TaxonomyMention[]>();
  for (const im of industryMentions) {
    const si = ctx.sentenceAt(im.start);
    const list = bySentence.get(si) ?? [];
    list.push(im);
    bySentence.set(si, list);
  }
  for (const [si, ims] of bySentence) {
    const s = ctx.sentences[si];
    const inS = <M extends { start: number }>(m: M) => m.start >= s.start && m.start < s.end;
    const modelKeys = [...new Set(modelMentions.filter(inS).map((m) => m.key))];
    const orgKeys = modelKeys.length
      ? []
      : [...new Set(orgMentions.filter(inS).map((o) => o.key))].filter((k) => vendorKeys.has(k));
    for (const im of ims) {
      for (const mk of modelKeys) {
        const id = `${im.key}|m|${mk}`;
        if (seen.has(id)) continue;
        seen.add(id);
        links.push({ industryKey: im.key, modelKey: mk, organizationKey: null, evidence: evidenceOf(s) });
      }
      for (const ok of orgKeys) {
        const id = `${im.key}|o|${ok}`;
        if (seen.has(id)) continue;
        seen.add(id);
        links.push({ industryKey: im.key, modelKey: null, organizationKey: ok, evidence: evidenceOf(s) });
      }
    }
  }
  return links;
}
