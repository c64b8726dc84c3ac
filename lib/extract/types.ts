// The contract between the pure text analysis (lib/extract) and storage (lib/ingest/store.ts).
// Everything here is plain data: no database ids, only stable keys (slugs).

type DatePrecision = "day" | "month" | "year" | "unknown";

/** A date as the text states it: ISO at its precision ("2023", "2023-07", "2023-08-31") or null. */
export interface DatePoint {
  value: string | null;
  precision: DatePrecision;
  /** true when the year (or the whole date) was inferred rather than written in the phrase */
  inferred: boolean;
  /** the phrase it was read from, e.g. "6月初", "截至2023年7月", "近日" */
  text: string;
}

/** The sentence a fact came from, with character offsets in the cleaned body. */
export interface Evidence {
  sentence: string;
  start: number; // offset of the sentence in the cleaned body
  end: number;
}

export type OrgKind = "company" | "lab" | "university" | "consultancy" | "media" | "government" | "other";

export type OrgRole = "vendor" | "research" | "report_author" | "media" | "event_host" | "investor" | "other";

export interface ExtractedOrganization {
  key: string; // slug, e.g. "tencent"
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  kind: OrgKind;
  roles: OrgRole[]; // roles played in this article
  curated: boolean; // from the registry (true) or discovered in text (false)
  sourceUrl: string | null;
}

export interface ExtractedModel {
  key: string; // slug, e.g. "hunyuan", "pangu-3-0"
  nameZh: string;
  nameEn: string | null;
  pinyin: string | null;
  aliases: string[];
  vendorKey: string | null;
  family: string | null; // slug of the family, e.g. "pangu"
  version: string | null; // e.g. "3.0"
  curated: boolean;
  sourceUrl: string | null;
  /** 0–1: 1 for the registry, the scorer's probability for a discovered name */
  confidence: number;
}

export interface ExtractedIndustry {
  key: string; // taxonomy slug, e.g. "finance"
  nameZh: string;
  nameEn: string;
  aliases: string[];
  from: "field" | "body" | "both";
}

export interface ExtractedTechnology {
  key: string;
  nameZh: string;
  nameEn: string | null;
  aliases: string[];
  from: "field" | "body" | "both";
}

type EntityKind = "model" | "organization" | "industry" | "technology" | "person";

export interface ExtractedMention {
  kind: EntityKind;
  key: string;
  text: string; // the surface form in the body
  start: number; // offsets of the surface form in the cleaned body
  end: number;
  evidence: Evidence;
}

export type EventType =
  | "release"
  | "open_source"
  | "open_public"
  | "announcement"
  | "deployment"
  | "showcase"
  | "price_change"
  | "filing"
  | "funding"
  | "listing";

/** An amount of money in base units of its currency (`超10亿美元` -> 1e9 USD, lower bound). */
export interface Money {
  value: number;
  currency: "CNY" | "USD" | "HKD";
  bound: ClaimBound;
}

/** A funding round's round, in the corpus labels' vocabulary. */
export type FundingRoundName =
  "angel" | "pre-A" | "A" | "A+" | "B" | "B+" | "C" | "C+" | "D" | "E" | "pre-IPO" | "strategic" | "unknown";

export interface Investor {
  key: string | null; // organisation slug, an organisation of this extraction (null: named, not found as one)
  name: string; // as the article names it (kept: a later merge of the slug must not lose who it was)
  lead: boolean;
}

/** `funding` events: the company is the event's organisation. */
export interface FundingDetails {
  kind: "funding";
  round: FundingRoundName;
  amount: Money | null;
  valuation: (Money & { basis: "pre" | "post" | null }) | null;
  investors: Investor[];
}

/** `listing` events: the company is the event's organisation. */
export interface ListingDetails {
  kind: "listing";
  /** normalised: HKEX, SSE-STAR, SSE, SZSE, SZSE-ChiNext, BSE, NASDAQ, NYSE; null when not named */
  exchange: string | null;
  amount: Money | null; // raised
}

/** `open_source` events. */
export interface OpenSourceDetails {
  kind: "open_source";
  /** SPDX id when it has one (MIT, Apache-2.0), else the licence's name as written; null when not named */
  licence: string | null;
  sizes: string[]; // parameter sizes released, as written in the usual form ("7B", "72B", "0.5B")
}

export type EventDetails = FundingDetails | ListingDetails | OpenSourceDetails;

export interface ExtractedEvent {
  type: EventType;
  modelKey: string | null;
  organizationKey: string | null;
  date: DatePoint;
  evidence: Evidence;
  /** 0–1 (data/confidence.json) */
  confidence: number;
  /** what a funding round, a listing or an open-source release adds to the bare event */
  details?: EventDetails | null;
}

export type ClaimBound = "exact" | "lower" | "upper" | "approx";

export interface ExtractedClaim {
  metric: string; // e.g. "models_released", "internal_apps_supported", "mines_deployed"
  value: number;
  unit: string; // e.g. "models", "apps", "mines"
  bound: ClaimBound;
  asOf: DatePoint;
  scope: string | null; // e.g. "China", or null
  subjectModelKey: string | null;
  subjectOrganizationKey: string | null;
  statedByKey: string | null; // organization that stated it (report author)
  evidence: Evidence;
  /** 0–1 (data/confidence.json) */
  confidence: number;
  details?: ClaimDetails | null;
}

/** What a claim's number alone does not say. */
export interface ClaimDetails {
  /** a percentage cut or rise: the prices before and after, in the claim's price unit, when the text states them */
  priceBefore?: number;
  priceAfter?: number;
  priceUnit?: string;
  /** the number was read under an assumption a reader should see (兆 as 10^12 in a Taiwanese or HK text) */
  ambiguous?: string;
}

export interface ExtractedIndustryLink {
  industryKey: string;
  modelKey: string | null;
  organizationKey: string | null;
  evidence: Evidence;
}

export interface ExtractedPerson {
  key: string; // slug from pinyin of the name
  name: string;
  title: string | null;
  organizationKey: string | null;
  quote: string | null; // what they said, when the text quotes or paraphrases them
  evidence: Evidence;
}

export interface ExtractionResult {
  organizations: ExtractedOrganization[];
  models: ExtractedModel[];
  industries: ExtractedIndustry[];
  technologies: ExtractedTechnology[];
  people: ExtractedPerson[];
  mentions: ExtractedMention[];
  events: ExtractedEvent[];
  claims: ExtractedClaim[];
  industryLinks: ExtractedIndustryLink[];
}
