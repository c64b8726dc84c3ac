// Editors' corrections applied to one article's extraction before it is stored. Pure: the same
// extraction and overrides give the same result, whatever was stored before or in which order the
// articles come, so ingestion, re-extraction and an editor's save all end in the same rows.
//
// Overrides apply one after another in the order they were made (by id), each to the fact as the
// earlier ones left it: a re-dated event has a new key, and a later correction of that event is
// keyed by the new one. An override keyed by what the extractor read keeps matching on every later
// reading of the same evidence, so a rejected fact never comes back from it.
import type { z } from "zod";
import type {
  EventDetails,
  ExtractedClaim,
  ExtractedEvent,
  ExtractedModel,
  ExtractedOrganization,
  ExtractionResult,
} from "@/lib/extract/types";
import {
  claimValuesSchema,
  eventValuesSchema,
  mentionValuesSchema,
  modelValuesSchema,
  organizationValuesSchema,
  type ClaimValues,
  type EventValues,
  type MentionValues,
  type ModelValues,
  type OrganizationValues,
  type OverrideAction,
  type OverrideKind,
} from "@/lib/validations/overrides";
import { claimKey, eventKey, industryLinkKey, mentionKey } from "./keys";

/** An active override as ingestion reads it. */
export interface ActiveOverride {
  id: number;
  kind: OverrideKind;
  key: string;
  articleUrl: string | null;
  action: OverrideAction;
  values: unknown;
}

export interface AppliedOverrides {
  extraction: ExtractionResult;
  /** the overrides that found what they are keyed by in this article (sorted) */
  matched: number[];
}

/** The article an extraction belongs to (industry links and mentions are keyed within it). */
interface ArticleVersion {
  url: string;
  contentHash: string;
}

/** Applies `overrides` (any order; applied by id) to one article's extraction. */
export function applyOverrides(
  extraction: ExtractionResult,
  overrides: readonly ActiveOverride[],
  article: ArticleVersion,
): AppliedOverrides {
  let x = extraction;
  const matched: number[] = [];
  for (const o of [...overrides].sort((a, b) => a.id - b.id)) {
    const next = applyOne(x, o, article);
    if (!next) continue;
    x = next.extraction;
    if (next.matched) matched.push(o.id);
  }
  return { extraction: x, matched };
}

type Step = { extraction: ExtractionResult; matched: boolean } | null;
const hit = (extraction: ExtractionResult): Step => ({ extraction, matched: true });

/**
 * The extraction after one override, and whether it found what it is keyed by (null: it did not and
 * changes nothing). A rejected entity goes from every fact that names it, also where it is named only
 * by another correction (an event moved to it, a model given it as vendor).
 */
function applyOne(x: ExtractionResult, o: ActiveOverride, article: ArticleVersion): Step {
  switch (o.kind) {
    case "model": {
      const found = x.models.some((m) => m.key === o.key);
      if (o.action === "reject") return { extraction: withoutModel(x, o.key), matched: found };
      if (!found) return null;
      if (o.action === "set") {
        const v = parsed(modelValuesSchema, o.values);
        if (!v) return hit(x);
        if (v.into && v.into !== o.key) return hit(mergeModel(x, o.key, v.into, (m) => setModel(m, v)));
        return hit({ ...x, models: x.models.map((m) => (m.key === o.key ? setModel(m, v) : m)) });
      }
      return hit(x);
    }
    case "organization": {
      const found = x.organizations.some((e) => e.key === o.key);
      if (o.action === "reject") return { extraction: withoutOrganization(x, o.key), matched: found };
      if (!found) return null;
      if (o.action === "set") {
        const v = parsed(organizationValuesSchema, o.values);
        if (!v) return hit(x);
        if (v.into && v.into !== o.key) return hit(mergeOrganization(x, o.key, v.into, (e) => renamed(e, v)));
        return hit({ ...x, organizations: x.organizations.map((e) => (e.key === o.key ? renamed(e, v) : e)) });
      }
      return hit(x);
    }
    case "event": {
      if (!x.events.some((e) => eventKey(e) === o.key)) return null;
      if (o.action === "reject") return hit({ ...x, events: x.events.filter((e) => eventKey(e) !== o.key) });
      if (o.action === "set") {
        const v = parsed(eventValuesSchema, o.values);
        return hit(v ? { ...x, events: x.events.map((e) => (eventKey(e) === o.key ? setEvent(e, v) : e)) } : x);
      }
      return hit(x);
    }
    case "claim": {
      if (!x.claims.some((c) => claimKey(c) === o.key)) return null;
      if (o.action === "reject") return hit({ ...x, claims: x.claims.filter((c) => claimKey(c) !== o.key) });
      if (o.action === "set") {
        const v = parsed(claimValuesSchema, o.values);
        return hit(v ? { ...x, claims: x.claims.map((c) => (claimKey(c) === o.key ? setClaim(c, v) : c)) } : x);
      }
      return hit(x);
    }
    case "industry_link": {
      if (o.articleUrl !== article.url || !x.industryLinks.some((l) => industryLinkKey(l) === o.key)) return null;
      return hit(
        o.action === "reject"
          ? { ...x, industryLinks: x.industryLinks.filter((l) => industryLinkKey(l) !== o.key) }
          : x,
      );
    }
    case "mention": {
      const at = (m: ExtractionResult["mentions"][number]) => mentionKey(article.contentHash, m) === o.key;
      if (o.articleUrl !== article.url || !x.mentions.some(at)) return null;
      if (o.action === "reject") return hit({ ...x, mentions: x.mentions.filter((m) => !at(m)) });
      if (o.action === "set") {
        const v = parsed(mentionValuesSchema, o.values);
        return hit(v ? moveMention(x, x.mentions.find(at)!, v) : x);
      }
      return hit(x);
    }
  }
}

/** The override's values, or null when they do not fit (then it matches but changes nothing). */
function parsed<T>(schema: z.ZodType<T>, v: unknown): T | null {
  const r = schema.safeParse(v);
  return r.success ? r.data : null;
}

const pick = <T>(value: T | undefined, extracted: T): T => (value === undefined ? extracted : value);

function setModel(m: ExtractionResult["models"][number], v: ModelValues) {
  return {
    ...renamed(m, v),
    vendorKey: pick(v.vendor, m.vendorKey),
    family: pick(v.family, m.family),
    version: pick(v.version, m.version),
  };
}

/** An entity under the editor's names (a rename, or the target's names of a merge); the names read become aliases. */
function renamed<T extends { nameZh: string; nameEn: string | null; aliases: string[] }>(
  e: T,
  v: OrganizationValues,
): T {
  if (v.nameZh === undefined && v.nameEn === undefined) return e;
  const nameZh = v.nameZh ?? e.nameZh;
  const nameEn = pick(v.nameEn, e.nameEn);
  return { ...e, nameZh, nameEn, aliases: aliasesBeside([nameZh, nameEn], [...e.aliases, e.nameZh, e.nameEn]) };
}

/** `names` as aliases of an entity named `own`: once each, sorted, none of its own names. */
function aliasesBeside(own: (string | null)[], names: (string | null)[]): string[] {
  const mine = new Set(own.filter(Boolean));
  return [...new Set(names.filter((a): a is string => !!a && !mine.has(a)))].sort();
}

/** The first of each key (of the same fact read twice), with the higher confidence of the two. */
function onePerKey<T extends object>(items: T[], key: (t: T) => string): T[] {
  const byKey = new Map<string, T>();
  const confidence = (t: T) => ("confidence" in t && typeof t.confidence === "number" ? t.confidence : 0);
  for (const item of items) {
    const k = key(item);
    const seen = byKey.get(k);
    if (!seen) byKey.set(k, item);
    else if (confidence(item) > confidence(seen)) byKey.set(k, { ...seen, confidence: confidence(item) });
  }
  return [...byKey.values()];
}

/**
 * One record for an entity read under two keys, the source's names as its aliases: the target's
 * record combined with the source's, or where the article reads only the source, the source's made
 * the target's (`asTarget`: under the names the merge gave it).
 */
function mergedRecords<T extends { key: string; nameZh: string; nameEn: string | null; aliases: string[] }>(
  rows: T[],
  from: string,
  into: string,
  asTarget: (source: T) => T,
  combine: (target: T, source: T) => T = (t) => t,
): T[] {
  const source = rows.find((r) => r.key === from);
  if (!source) return rows;
  const target = rows.find((r) => r.key === into);
  const kept = target ? combine(target, source) : { ...asTarget(source), key: into };
  const merged = {
    ...kept,
    aliases: aliasesBeside(
      [kept.nameZh, kept.nameEn],
      [...kept.aliases, ...source.aliases, source.nameZh, source.nameEn],
    ),
  };
  return rows.flatMap((r) => (r === source ? (target ? [] : [merged]) : r === target ? [merged] : [r]));
}

const rekey = (k: string | null, from: string, into: string) => (k === from ? into : k);

/**
 * A model merged into another in review: every fact read about it is about the target, a fact read
 * about both is one fact, and the target keeps the names the merge gave it (`setModel` before this).
 */
function mergeModel(
  x: ExtractionResult,
  from: string,
  into: string,
  asTarget: (m: ExtractedModel) => ExtractedModel,
): ExtractionResult {
  const models = mergedRecords(x.models, from, into, asTarget, (t, s) => ({
    ...t,
    confidence: Math.max(t.confidence, s.confidence),
  }));
  return {
    ...x,
    models: models.map((m) => (m.family === from ? { ...m, family: into } : m)),
    mentions: x.mentions.map((m) => (m.kind === "model" && m.key === from ? { ...m, key: into } : m)),
    events: onePerKey(
      x.events.map((e) => (e.modelKey === from ? { ...e, modelKey: into } : e)),
      eventKey,
    ),
    claims: onePerKey(
      x.claims.map((c) => (c.subjectModelKey === from ? { ...c, subjectModelKey: into } : c)),
      claimKey,
    ),
    industryLinks: onePerKey(
      x.industryLinks.map((l) => (l.modelKey === from ? { ...l, modelKey: into } : l)),
      industryLinkKey,
    ),
  };
}

/** An organization merged into another: as a model's merge, for everything that names an organization. */
function mergeOrganization(
  x: ExtractionResult,
  from: string,
  into: string,
  asTarget: (e: ExtractedOrganization) => ExtractedOrganization,
): ExtractionResult {
  const roles = (t: ExtractedOrganization, s: ExtractedOrganization) => ({
    ...t,
    roles: [...new Set([...t.roles, ...s.roles])].sort(),
  });
  const details = (d: EventDetails | null | undefined) =>
    d?.kind === "funding" && d.investors.some((i) => i.key === from)
      ? { ...d, investors: d.investors.map((i) => ({ ...i, key: rekey(i.key, from, into) })) }
      : d;
  return {
    ...x,
    organizations: mergedRecords(x.organizations, from, into, asTarget, roles),
    models: x.models.map((m) => (m.vendorKey === from ? { ...m, vendorKey: into } : m)),
    people: x.people.map((p) => (p.organizationKey === from ? { ...p, organizationKey: into } : p)),
    mentions: x.mentions.map((m) => (m.kind === "organization" && m.key === from ? { ...m, key: into } : m)),
    events: onePerKey(
      x.events.map((e) =>
        e.organizationKey === from || details(e.details) !== e.details
          ? { ...e, organizationKey: rekey(e.organizationKey, from, into), details: details(e.details) ?? null }
          : e,
      ),
      eventKey,
    ),
    claims: onePerKey(
      x.claims.map((c) =>
        c.subjectOrganizationKey === from || c.statedByKey === from
          ? {
              ...c,
              subjectOrganizationKey: rekey(c.subjectOrganizationKey, from, into),
              statedByKey: rekey(c.statedByKey, from, into),
            }
          : c,
      ),
      claimKey,
    ),
    industryLinks: onePerKey(
      x.industryLinks.map((l) => (l.organizationKey === from ? { ...l, organizationKey: into } : l)),
      industryLinkKey,
    ),
  };
}

function setEvent(e: ExtractedEvent, v: EventValues): ExtractedEvent {
  const type = v.type ?? e.type;
  return {
    ...e,
    type,
    modelKey: pick(v.model, e.modelKey),
    organizationKey: pick(v.organization, e.organizationKey),
    // the editor's date is stated, not inferred, and read from no phrase
    date: v.date ? { value: v.date.value, precision: v.date.precision, inferred: false, text: "" } : e.date,
    // a funding round's details do not describe a release
    details: e.details && e.details.kind !== type ? null : e.details,
  };
}

function setClaim(c: ExtractedClaim, v: ClaimValues): ExtractedClaim {
  return {
    ...c,
    value: pick(v.value, c.value),
    unit: pick(v.unit, c.unit),
    bound: pick(v.bound, c.bound),
    metric: pick(v.metric, c.metric),
    asOf: v.asOf ? { value: v.asOf.value, precision: v.asOf.precision, inferred: false, text: "" } : c.asOf,
  };
}

/**
 * Without a model that is not one: its mentions go, and so do the events, claims and industry links
 * about it (a release of something that is not a model is not a release); a link that also names an
 * organization stays, as the organization's.
 */
function withoutModel(x: ExtractionResult, key: string): ExtractionResult {
  return {
    ...x,
    models: x.models.filter((m) => m.key !== key),
    mentions: x.mentions.filter((m) => !(m.kind === "model" && m.key === key)),
    events: x.events.filter((e) => e.modelKey !== key),
    claims: x.claims.filter((c) => c.subjectModelKey !== key),
    industryLinks: x.industryLinks.flatMap((l) =>
      l.modelKey !== key ? [l] : l.organizationKey ? [{ ...l, modelKey: null }] : [],
    ),
  };
}

/**
 * Without an organization that is not one: its mentions go; a fact that names a model as well stays
 * as the model's, one about the organization alone goes; who stated a claim, a model's vendor, a
 * person's employer and an investor's slug are forgotten (the investor keeps its name).
 */
function withoutOrganization(x: ExtractionResult, key: string): ExtractionResult {
  const details = (d: EventDetails | null | undefined) =>
    d?.kind === "funding" && d.investors.some((i) => i.key === key)
      ? { ...d, investors: d.investors.map((i) => (i.key === key ? { ...i, key: null } : i)) }
      : d;
  return {
    ...x,
    organizations: x.organizations.filter((o) => o.key !== key),
    models: x.models.map((m) => (m.vendorKey === key ? { ...m, vendorKey: null } : m)),
    people: x.people.map((p) => (p.organizationKey === key ? { ...p, organizationKey: null } : p)),
    mentions: x.mentions.filter((m) => !(m.kind === "organization" && m.key === key)),
    events: x.events.flatMap((e) => {
      const d = details(e.details);
      if (e.organizationKey !== key) return [d === e.details ? e : { ...e, details: d }];
      return e.modelKey ? [{ ...e, organizationKey: null, details: d }] : [];
    }),
    claims: x.claims.flatMap((c) => {
      const stated = c.statedByKey === key ? { ...c, statedByKey: null } : c;
      if (c.subjectOrganizationKey !== key) return [stated];
      return c.subjectModelKey ? [{ ...stated, subjectOrganizationKey: null }] : [];
    }),
    industryLinks: x.industryLinks.flatMap((l) =>
      l.organizationKey !== key ? [l] : l.modelKey ? [{ ...l, organizationKey: null }] : [],
    ),
  };
}

/**
 * A model's mention given to another model (a split: two models read under one name): the facts
 * read in the same sentence go with it; the other model is made from this one's record when the
 * article does not name it; the first leaves the article when nothing in it names it any more.
 */
function moveMention(x: ExtractionResult, m: ExtractionResult["mentions"][number], v: MentionValues): ExtractionResult {
  if (m.kind !== "model" || m.key === v.model) return x;
  const from = m.key;
  const here = (e: { start: number; end: number }) => e.start <= m.start && m.end <= e.end;
  const source = x.models.find((r) => r.key === from);
  const models =
    x.models.some((r) => r.key === v.model) || !source
      ? x.models
      : [
          ...x.models,
          {
            ...source,
            key: v.model,
            nameZh: v.nameZh,
            nameEn: v.nameEn,
            pinyin: null,
            aliases: [],
            vendorKey: v.vendor,
            family: null,
            version: null,
            curated: false,
            sourceUrl: null,
          },
        ];
  const mentions = x.mentions.map((n) => (n === m ? { ...n, key: v.model } : n));
  const events = x.events.map((e) => (e.modelKey === from && here(e.evidence) ? { ...e, modelKey: v.model } : e));
  const claims = x.claims.map((c) =>
    c.subjectModelKey === from && here(c.evidence) ? { ...c, subjectModelKey: v.model } : c,
  );
  const industryLinks = x.industryLinks.map((l) =>
    l.modelKey === from && here(l.evidence) ? { ...l, modelKey: v.model } : l,
  );
  const named =
    mentions.some((n) => n.kind === "model" && n.key === from) ||
    events.some((e) => e.modelKey === from) ||
    claims.some((c) => c.subjectModelKey === from) ||
    industryLinks.some((l) => l.modelKey === from);
  return {
    ...x,
    models: named ? models : models.filter((r) => r.key !== from),
    mentions,
    events,
    claims,
    industryLinks,
  };
}

/**
 * The keys an extraction asks overrides for (after the overrides already applied to it): its entities
 * and every entity a fact names, its events and its claims.
 */
export function overrideKeys(x: ExtractionResult): Record<"model" | "organization" | "event" | "claim", string[]> {
  const present = (keys: (string | null | undefined)[]) => keys.filter((k): k is string => !!k);
  return {
    model: present([
      ...x.models.map((m) => m.key),
      ...x.events.map((e) => e.modelKey),
      ...x.claims.map((c) => c.subjectModelKey),
      ...x.industryLinks.map((l) => l.modelKey),
    ]),
    organization: present([
      ...x.organizations.map((o) => o.key),
      ...x.models.map((m) => m.vendorKey),
      ...x.people.map((p) => p.organizationKey),
      ...x.events.flatMap((e) => [
        e.organizationKey,
        ...(e.details?.kind === "funding" ? e.details.investors.map((i) => i.key) : []),
      ]),
      ...x.claims.flatMap((c) => [c.subjectOrganizationKey, c.statedByKey]),
      ...x.industryLinks.map((l) => l.organizationKey),
    ]),
    event: x.events.map(eventKey),
    claim: x.claims.map(claimKey),
  };
}
