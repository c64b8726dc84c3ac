// The last check before storage: every derived value must fit the schema (a real calendar date, a
// finite number in range, offsets inside the body that point at the text they claim, keys and
// names a unique index can hold). What does not fit is dropped and reported, never the article:
// a derived fact must never cost the article it came from.
import { MAX_CLAIM_VALUE } from "@/lib/extract/claims";
import type { DatePoint, Evidence, ExtractionResult } from "@/lib/extract/types";
import { stripInvisible } from "@/lib/text/invisible";
import { claimDetailsSchema, eventDetailsSchema } from "@/lib/validations/details";

export interface DroppedFact {
  /** "extraction": the extractor itself failed, and the article is stored with no derived facts */
  kind:
    | "extraction"
    | "organization"
    | "model"
    | "industry"
    | "technology"
    | "person"
    | "mention"
    | "event"
    | "claim"
    | "industryLink";
  key: string;
  reason: string;
  /** the sentence it came from, when it has one */
  sentence: string | null;
}

/** Keys and names longer than this cannot be a name (and would strain a unique btree index). */
const MAX_NAME_LENGTH = 200;

const ISO = { year: /^(\d{4})$/, month: /^(\d{4})-(\d{2})$/, day: /^(\d{4})-(\d{2})-(\d{2})$/ } as const;

/** Why a DatePoint cannot be stored, or null when it can. */
export function dateProblem(p: DatePoint): string | null {
  if (p.precision === "unknown") return p.value === null ? null : `a value (${p.value}) with unknown precision`;
  const m = p.value === null ? null : ISO[p.precision].exec(p.value);
  if (!m) return `"${p.value}" is not a date at ${p.precision} precision`;
  const [y, mo = 1, d = 1] = m.slice(1).map(Number);
  if (y < 1900 || y > 2100) return `year ${y} is out of range`;
  if (mo < 1 || mo > 12) return `month ${mo} does not exist`;
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return `${p.value} is not a calendar date`;
  return null;
}

function spanProblem(body: string, e: Evidence): string | null {
  if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > body.length || e.start > e.end) {
    return `sentence offsets ${e.start}–${e.end} are outside the body (${body.length} characters)`;
  }
  if (body.slice(e.start, e.end) !== e.sentence)
    return `sentence offsets ${e.start}–${e.end} do not point at its sentence`;
  return null;
}

function nameProblem(value: string | null | undefined, what: string): string | null {
  if (value === null || value === undefined) return null;
  if (value.includes("\u0000")) return `${what} holds a NUL character`;
  if (value.length > MAX_NAME_LENGTH) return `${what} is ${value.length} characters long`;
  return null;
}

const keyProblem = (key: string) => (key.length === 0 ? "an empty key" : nameProblem(key, "its key"));

/** The extraction with everything that cannot be stored removed, and what was removed. */
export function fitExtraction(
  body: string,
  x: ExtractionResult,
): { extraction: ExtractionResult; dropped: DroppedFact[] } {
  const dropped: DroppedFact[] = [];
  const drop = (kind: DroppedFact["kind"], key: string, reason: string, sentence: string | null = null) => {
    dropped.push({ kind, key: key.slice(0, MAX_NAME_LENGTH), reason, sentence });
    return false;
  };

  // Entities: names shown as labels lose their invisible characters; one that cannot be a name goes.
  const cleanNames = <T extends { key: string; nameZh: string; nameEn: string | null; aliases: string[] }>(
    kind: DroppedFact["kind"],
    items: T[],
  ): T[] =>
    items
      .map((e) => ({
        ...e,
        nameZh: stripInvisible(e.nameZh).trim(),
        nameEn: e.nameEn === null ? null : stripInvisible(e.nameEn).trim() || null,
        aliases: [...new Set(e.aliases.map((a) => stripInvisible(a).trim()).filter(Boolean))],
      }))
      .filter((e) => {
        const problem =
          keyProblem(e.key) ??
          (e.nameZh ? null : "an empty name") ??
          nameProblem(e.nameZh, "its name") ??
          nameProblem(e.nameEn, "its English name");
        return problem ? drop(kind, e.key, problem) : true;
      })
      .map((e) => ({ ...e, aliases: e.aliases.filter((a) => a.length <= MAX_NAME_LENGTH && !a.includes("\u0000")) }));

  const organizations = cleanNames("organization", x.organizations);
  const models = cleanNames("model", x.models).map((m) => ({
    ...m,
    pinyin: m.pinyin && m.pinyin.length <= MAX_NAME_LENGTH ? m.pinyin : null,
  }));
  const industries = cleanNames("industry", x.industries);
  const technologies = cleanNames("technology", x.technologies);
  const orgKeys = new Set(organizations.map((o) => o.key));
  const modelKeys = new Set(models.map((m) => m.key));
  const known = (keys: Set<string>, key: string | null) => key === null || keys.has(key);
  // a model whose vendor went keeps the model, without the vendor
  for (const m of models) if (m.vendorKey !== null && !orgKeys.has(m.vendorKey)) m.vendorKey = null;

  const people = x.people
    .map((p) => ({
      ...p,
      name: stripInvisible(p.name).trim(),
      title: p.title === null ? null : stripInvisible(p.title).trim() || null,
    }))
    .filter((p) => {
      const problem =
        keyProblem(p.key) ??
        (p.name ? null : "an empty name") ??
        nameProblem(p.name, "its name") ??
        nameProblem(p.title, "its title") ??
        spanProblem(body, p.evidence);
      return problem ? drop("person", p.key, problem, p.evidence.sentence) : true;
    })
    .map((p) => (known(orgKeys, p.organizationKey) ? p : { ...p, organizationKey: null }));
  const personKeys = new Set(people.map((p) => p.key));

  const entityKeys = {
    model: modelKeys,
    organization: orgKeys,
    industry: new Set(industries.map((i) => i.key)),
    technology: new Set(technologies.map((t) => t.key)),
    person: personKeys,
  };
  const mentions = x.mentions.filter((m) => {
    const problem =
      (entityKeys[m.kind].has(m.key) ? null : `its ${m.kind} was dropped`) ??
      spanProblem(body, m.evidence) ??
      (m.start >= 0 && m.end <= body.length && m.start < m.end && body.slice(m.start, m.end) === m.text
        ? null
        : `offsets ${m.start}–${m.end} do not point at "${m.text}"`);
    return problem ? drop("mention", `${m.kind}:${m.key}`, problem, m.evidence.sentence) : true;
  });

  const events = x.events
    .filter((e) => {
      const problem =
        (known(modelKeys, e.modelKey) && known(orgKeys, e.organizationKey)
          ? null
          : "its model or organisation was dropped") ??
        dateProblem(e.date) ??
        nameProblem(e.date.text, "its date phrase") ??
        spanProblem(body, e.evidence);
      return problem
        ? drop("event", `${e.type}|${e.modelKey ?? e.organizationKey ?? ""}`, problem, e.evidence.sentence)
        : true;
    })
    .map((e) => {
      if (!e.details) return { ...e, details: null };
      // details that do not fit cost the details, not the event
      const parsed = eventDetailsSchema.safeParse(e.details);
      if (!parsed.success) {
        drop(
          "event",
          `${e.type}|${e.organizationKey ?? e.modelKey ?? ""}|details`,
          parsed.error.issues[0].message,
          e.evidence.sentence,
        );
        return { ...e, details: null };
      }
      const details = parsed.data;
      // an investor whose organisation was dropped keeps its name
      if (details.kind === "funding")
        details.investors = details.investors.map((i) => (known(orgKeys, i.key) ? i : { ...i, key: null }));
      return { ...e, details };
    });

  const claims = x.claims
    .filter((c) => {
      const problem =
        (Number.isFinite(c.value) ? null : `value ${c.value} is not a finite number`) ??
        (Math.abs(c.value) <= MAX_CLAIM_VALUE ? null : `value ${c.value} is out of range (over ${MAX_CLAIM_VALUE})`) ??
        nameProblem(c.metric, "its metric") ??
        nameProblem(c.unit, "its unit") ??
        (c.metric && c.unit ? null : "an empty metric or unit") ??
        dateProblem(c.asOf) ??
        nameProblem(c.asOf.text, "its date phrase") ??
        spanProblem(body, c.evidence);
      return problem ? drop("claim", `${c.metric}|${c.value}`, problem, c.evidence.sentence) : true;
    })
    .map((c) => ({
      ...c,
      details: fitClaimDetails(c, drop),
      subjectModelKey: known(modelKeys, c.subjectModelKey) ? c.subjectModelKey : null,
      subjectOrganizationKey: known(orgKeys, c.subjectOrganizationKey) ? c.subjectOrganizationKey : null,
      statedByKey: known(orgKeys, c.statedByKey) ? c.statedByKey : null,
    }));

  const industryLinks = x.industryLinks.filter((l) => {
    const problem =
      (entityKeys.industry.has(l.industryKey) && known(modelKeys, l.modelKey) && known(orgKeys, l.organizationKey)
        ? null
        : "its industry, model or organisation was dropped") ?? spanProblem(body, l.evidence);
    return problem ? drop("industryLink", l.industryKey, problem, l.evidence.sentence) : true;
  });

  return {
    extraction: { organizations, models, industries, technologies, people, mentions, events, claims, industryLinks },
    dropped,
  };
}

function fitClaimDetails(
  c: ExtractionResult["claims"][number],
  drop: (kind: DroppedFact["kind"], key: string, reason: string, sentence: string | null) => boolean,
) {
  if (!c.details) return null;
  const parsed = claimDetailsSchema.safeParse(c.details);
  if (parsed.success) return parsed.data;
  drop("claim", `${c.metric}|${c.value}|details`, parsed.error.issues[0].message, c.evidence.sentence);
  return null;
}

/** An extraction with nothing in it: what an article is stored with when its analysis failed. */
export const EMPTY_EXTRACTION: ExtractionResult = {
  organizations: [],
  models: [],
  industries: [],
  technologies: [],
  people: [],
  mentions: [],
  events: [],
  claims: [],
  industryLinks: [],
};
