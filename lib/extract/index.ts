// extractArticle: the whole text analysis of one article (pure: strings in, facts out).
import type { RawArticle } from "@/lib/validations/article-file";
import type { CleanedBody } from "@/lib/text/body";
import type { ExtractedMention, ExtractionResult } from "./types";
import { buildContext, type ArticleContext } from "./context";
import { extractModels } from "./models";
import { extractOrganizations } from "./organizations";
import { extractIndustries, linkIndustries, type TaxonomyMention } from "./industries";
import { extractTechnologies } from "./technologies";
import { extractEvents } from "./events";
import { extractClaims } from "./claims";
import { extractPeople } from "./people";
import { extractFunding } from "./funding";
import { evidenceOf } from "./text";

export type * from "./types";

/**
 * Mentions kept per entity and per article. A real article names a model a few dozen times at
 * most; a file repeating a name 100,000 times would otherwise yield 100,000 mentions, each stored
 * with its sentence. Facts are unaffected: they are read from the text, not from these.
 */
export const MAX_MENTIONS_PER_ENTITY = 100;
const ROUND_METRICS = new Set(["funding_amount", "valuation"]);
const MAX_MENTIONS_PER_ARTICLE = 5000;

function capMentions(mentions: ExtractedMention[]): ExtractedMention[] {
  const seen = new Map<string, number>();
  const kept = mentions.filter((m) => {
    const id = `${m.kind}:${m.key}`;
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n <= MAX_MENTIONS_PER_ENTITY;
  });
  return kept.length > MAX_MENTIONS_PER_ARTICLE ? kept.slice(0, MAX_MENTIONS_PER_ARTICLE) : kept;
}

function toMentions(
  ctx: ArticleContext,
  kind: ExtractedMention["kind"],
  ms: { key: string; start: number; end: number; text: string }[],
): ExtractedMention[] {
  return ms.map((m) => ({
    kind,
    key: m.key,
    text: m.text,
    start: m.start,
    end: m.end,
    evidence: evidenceOf(ctx.sentences[ctx.sentenceAt(m.start)]),
  }));
}

/** Extract models, organisations, industries, technologies, people, events and claims. */
export function extractArticle(article: RawArticle, cleaned: CleanedBody): ExtractionResult {
  const ctx = buildContext(article, cleaned);
  const { models, mentions: modelMentions } = extractModels(ctx);
  const { organizations, mentions: orgMentions, vendors } = extractOrganizations(ctx, models, modelMentions);
  const industries = extractIndustries(ctx);
  const technologies = extractTechnologies(ctx);
  const vendorKeys = new Set([...models.values()].map((m) => m.vendorKey).filter((k): k is string => !!k));
  const industryLinks = linkIndustries(ctx, industries.mentions, modelMentions, orgMentions, vendorKeys);
  // every event and claim is kept with its fitted confidence: the UI marks the uncertain ones and the
  // headline reads only confident claims (a cut at the fitted threshold lost right facts on unseen articles)
  const events = extractEvents(ctx, modelMentions, orgMentions, vendors, models);
  const claims = extractClaims(ctx, modelMentions, orgMentions, events);
  const people = extractPeople(ctx, orgMentions);
  // rounds and listings last: the organisations they discover (investors) change no other fact
  const funding = extractFunding(ctx, orgMentions, organizations);
  for (const o of funding.organizations) organizations.set(o.key, o);
  for (const key of funding.investors) {
    const o = organizations.get(key);
    if (o && !o.roles.includes("investor")) o.roles = [...o.roles.filter((r) => r !== "other"), "investor"];
  }
  // the amount and valuation of a round are about its company, not the investor named last before them
  // (本轮由阿里巴巴领投，美团等跟投，交易完成后公司投后估值约25亿美元)
  for (const e of funding.events) {
    if (!e.organizationKey) continue;
    const si = ctx.sentenceAt(e.evidence.start);
    for (const c of claims)
      if (ROUND_METRICS.has(c.metric) && [si, si + 1].includes(ctx.sentenceAt(c.evidence.start)))
        c.subjectOrganizationKey = e.organizationKey;
  }

  const personMentions: TaxonomyMention[] = [];
  for (const p of people) {
    for (let i = ctx.body.indexOf(p.name); i >= 0; i = ctx.body.indexOf(p.name, i + p.name.length)) {
      personMentions.push({ key: p.key, start: i, end: i + p.name.length, text: p.name });
    }
  }

  const mentions = capMentions(
    [
      ...toMentions(ctx, "model", modelMentions),
      ...toMentions(ctx, "organization", [...orgMentions, ...funding.mentions]),
      ...toMentions(ctx, "industry", industries.mentions),
      ...toMentions(ctx, "technology", technologies.mentions),
      ...toMentions(ctx, "person", personMentions),
    ].sort((a, b) => a.start - b.start || a.end - b.end),
  );

  return {
    organizations: [...organizations.values()],
    models: [...models.values()],
    industries: industries.items,
    technologies: technologies.items,
    people,
    mentions,
    events: [...events, ...funding.events],
    claims,
    industryLinks,
  };
}
