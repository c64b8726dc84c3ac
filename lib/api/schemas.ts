// Response shapes of the JSON API as zod schemas: the OpenAPI document is generated from them and
// the contract tests check real responses against them. The type checks at the bottom fail the
// build when a query helper's DTO (lib/queries) drifts from what the document promises.
import { z } from "zod";
import type { ArticleDetail, ArticleListItem } from "@/lib/queries/articles";
import type { ClaimItem } from "@/lib/queries/claims";
import type { Citation, DateAtPrecision, EntityRef, Names, Page } from "@/lib/queries/common";
import type { EventItem } from "@/lib/queries/events";
import type { FilingSeries } from "@/lib/queries/filings";
import type { FundingRound, Listing } from "@/lib/queries/funding";
import type { OpenSourceRelease } from "@/lib/queries/open-source";
import type { PricePoint } from "@/lib/queries/prices";
import type { IndustryDetail, IndustryListItem } from "@/lib/queries/industries";
import type { ModelDetail, ModelListItem } from "@/lib/queries/models";
import type { VendorDetail, VendorListItem } from "@/lib/queries/organizations";
import {
  ENTITY_STATUSES,
  EVENT_TYPES,
  FUNDING_ROUNDS,
  ORG_KINDS,
  ORG_ROLES,
  PRICE_CURRENCIES,
  PRICE_METRICS,
} from "@/lib/validations/filters";

const namesSchema = z
  .object({
    zh: z.string().meta({ example: "混元" }),
    en: z.string().nullable().meta({ example: "Hunyuan" }),
  })
  .meta({ id: "Names", description: "A name in Chinese and (when known) English." });

const precisionSchema = z.enum(["day", "month", "year", "unknown"]).meta({ id: "DatePrecision" });

const dateSchema = z
  .object({
    value: z.string().nullable().meta({
      description: "ISO 8601 at its precision: 2023, 2023-07 or 2023-08-31; null when unknown.",
      example: "2023-07",
    }),
    precision: precisionSchema,
    inferred: z.boolean().meta({ description: "true when the year (or the whole date) was inferred, not written" }),
    text: z.string().nullable().meta({ description: "the phrase the date was read from", example: "截至2023年7月" }),
  })
  .meta({ id: "DateAtPrecision" });

const statusSchema = z.enum(ENTITY_STATUSES).meta({ id: "EntityStatus" });

const entityRefSchema = z
  .object({ slug: z.string(), names: namesSchema, status: statusSchema })
  .meta({ id: "EntityRef", description: "A model or organization, by slug." });

const industryRefSchema = z.object({ slug: z.string(), names: namesSchema }).meta({ id: "IndustryRef" });

const citationSchema = z
  .object({
    articleId: z.number().int(),
    articleTitle: z.string(),
    articleUrl: z.string().meta({ description: "the article's original URL" }),
    quote: z.string().meta({ description: "the sentence the fact was read from" }),
    sentenceStart: z.number().int(),
    sentenceEnd: z.number().int(),
  })
  .meta({
    id: "Evidence",
    description: "Where a fact was read: the article and the sentence (offsets in the cleaned body).",
  });

const eventTypeSchema = z.enum(EVENT_TYPES).meta({ id: "EventType" });

/** An editor's confirm or correction (the admin overrides). */
const reviewedShape = {
  reviewed: z.boolean().meta({ description: "true when an editor confirmed or corrected it" }),
  reviewedAt: z.string().nullable().meta({ description: "when: the latest confirm or correction (ISO 8601)" }),
  reviewedBy: z.string().nullable().meta({ description: "who: the editor's name, or `token` for an API client" }),
};

const eventSchema = z
  .object({
    id: z.number().int(),
    type: eventTypeSchema,
    date: dateSchema,
    model: entityRefSchema.extend({ vendor: entityRefSchema.nullable() }).nullable(),
    organization: entityRefSchema.nullable(),
    sources: z.array(citationSchema).meta({ description: "the first reports of this event (sourceCount: all)" }),
    sourceCount: z.number().int(),
    confidence: z.number().min(0).max(1).meta({
      description: "how sure the extraction is, 0–1 (the surest of its reports); below 0.6 it is shown as unverified",
    }),
    ...reviewedShape,
  })
  .meta({ id: "Event" });

const claimSchema = z
  .object({
    id: z.number().int(),
    metric: z.string().meta({ example: "models_released" }),
    value: z.number(),
    unit: z.string().meta({ example: "models" }),
    bound: z.enum(["exact", "lower", "upper", "approx"]),
    asOf: dateSchema,
    scope: z.string().nullable(),
    subjectModel: entityRefSchema.nullable(),
    subjectOrganization: entityRefSchema.nullable(),
    statedBy: entityRefSchema.nullable(),
    sources: z.array(citationSchema),
    sourceCount: z.number().int(),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .meta({ description: "how sure the extraction is, 0–1 (the surest of its reports)" }),
    ...reviewedShape,
  })
  .meta({ id: "Claim" });

/** `{ items, nextCursor }`: pass nextCursor back as `cursor` for the next page (null: last page). */
function pageSchema<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: "pass as `cursor` for the next page; null on the last page" }),
    })
    .meta({ id });
}

/** Slug, names and aliases: what an entity's list item and detail open with. */
const namedShape = { slug: z.string(), names: namesSchema, aliases: z.array(z.string()) };

/** An entity's list item, `<name>ListItem` (namedShape, then `shape`), and its page, `<name>Page`. */
function listed<S extends z.ZodRawShape>(name: "Model" | "Vendor" | "Industry", shape: S) {
  const item = z.object({ ...namedShape, ...shape }).meta({ id: `${name}ListItem` });
  return { item, page: pageSchema(item, `${name}Page`) };
}

/** Trigger-kept counts, one integer field each. */
function counts<K extends string>(...keys: K[]) {
  return Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>;
}

/** What a model's list item and detail share after its names. */
const modelShape = {
  status: statusSchema,
  vendor: entityRefSchema.nullable(),
  family: z.string().nullable(),
  version: z.string().nullable(),
  ...reviewedShape,
};

const modelList = listed("Model", {
  ...modelShape,
  industries: z.array(industryRefSchema),
  ...counts("mentionCount", "eventCount"),
});

export const modelDetailSchema = z
  .object({
    id: z.number().int(),
    slug: z.string(),
    names: namesSchema,
    pinyin: z.string().nullable(),
    aliases: z.array(z.string()),
    ...modelShape,
    sourceUrl: z.string().nullable(),
    familyMembers: z.array(entityRefSchema.extend({ version: z.string().nullable() })),
    events: z.array(eventSchema),
    industries: z.array(industryRefSchema.extend({ citation: citationSchema })),
    claims: z.array(claimSchema),
    mentionCount: z.number().int(),
  })
  .meta({ id: "Model" });

/** What an organization's list item and detail share after its names. */
const vendorShape = { kind: z.enum(ORG_KINDS), roles: z.array(z.enum(ORG_ROLES)), status: statusSchema };

const vendorList = listed("Vendor", { ...vendorShape, ...counts("modelCount", "eventCount", "mentionCount") });

export const vendorDetailSchema = z
  .object({
    id: z.number().int(),
    ...namedShape,
    ...vendorShape,
    sourceUrl: z.string().nullable(),
    models: z.array(entityRefSchema.extend({ version: z.string().nullable(), family: z.string().nullable() })),
    modelCount: z.number().int(),
    events: z.array(eventSchema),
    industries: z.array(industryRefSchema.extend({ citation: citationSchema, via: entityRefSchema.nullable() })),
    claims: z.array(claimSchema),
    people: z.array(z.object({ slug: z.string(), name: z.string(), title: z.string().nullable() })),
    mentionCount: z.number().int(),
  })
  .meta({ id: "Vendor" });

const industryList = listed("Industry", counts("modelCount", "vendorCount", "articleCount"));

export const industryDetailSchema = z
  .object({
    id: z.number().int(),
    ...namedShape,
    models: z.array(entityRefSchema.extend({ citation: citationSchema, vendor: entityRefSchema.nullable() })),
    vendors: z.array(entityRefSchema.extend({ citation: citationSchema.nullable() })),
    articles: z.array(
      z.object({
        id: z.number().int(),
        title: z.string(),
        url: z.string(),
        fromField: z.boolean(),
        fromBody: z.boolean(),
      }),
    ),
    articleCount: z.number().int(),
    mentionCount: z.number().int(),
  })
  .meta({ id: "Industry" });

const articleListItemSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string(),
    excerpt: z.string(),
    keywords: z.array(z.string()),
    industries: z.array(industryRefSchema),
    ingestedAt: z.string().meta({ description: "ISO 8601 timestamp" }),
    mentionCount: z.number().int(),
    eventCount: z.number().int(),
  })
  .meta({ id: "ArticleListItem" });

const spanSchema = z.object({ start: z.number().int(), end: z.number().int() });
const factSchema = z.object({ sentenceStart: z.number().int(), sentenceEnd: z.number().int(), quote: z.string() });

export const articleDetailSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    url: z.string(),
    body: z.string().meta({ description: "the cleaned body; all offsets point into it" }),
    byline: z.string().nullable(),
    photoCredits: z.array(z.string()),
    eventSummary: z.string().nullable(),
    keywords: z.array(z.string()),
    technologyLabels: z.array(z.string()),
    industryLabels: z.array(z.string()),
    technologies: z.array(industryRefSchema),
    industries: z.array(industryRefSchema),
    ingestedAt: z.string(),
    updatedAt: z.string(),
    paragraphs: z.array(spanSchema),
    sentences: z.array(spanSchema),
    mentions: z.array(
      spanSchema.extend({
        kind: z.enum(["model", "organization", "industry", "technology", "person"]),
        text: z.string(),
        target: z
          .object({ kind: z.enum(["model", "organization", "industry"]), slug: z.string(), names: namesSchema })
          .nullable(),
      }),
    ),
    events: z.array(
      factSchema.extend({
        id: z.number().int(),
        type: eventTypeSchema,
        date: dateSchema,
        model: entityRefSchema.nullable(),
        organization: entityRefSchema.nullable(),
      }),
    ),
    claims: z.array(
      factSchema.extend({
        id: z.number().int(),
        value: z.number(),
        unit: z.string(),
        metric: z.string(),
        asOf: dateSchema,
        statedBy: entityRefSchema.nullable(),
      }),
    ),
    industryLinks: z.array(
      factSchema.extend({
        industry: industryRefSchema,
        subject: entityRefSchema.nullable(),
        subjectKind: z.enum(["model", "organization"]).nullable(),
      }),
    ),
    quotes: z.array(factSchema.extend({ person: z.object({ name: z.string(), title: z.string().nullable() }) })),
  })
  .meta({ id: "Article" });

const boundSchema = z.enum(["exact", "lower", "upper", "approx"]).meta({
  id: "Bound",
  description: "exact, or what the text said: 超 (lower), 不超过 (upper), 约 (approx)",
});
const confidenceSchema = z
  .number()
  .min(0)
  .max(1)
  .meta({ description: "how sure the extraction is, 0–1 (the surest of its reports)" });
/** The first report of a row (the sentence and its article): every row cites its sentence. */
const sourceSchema = citationSchema.nullable();
const modelRefSchema = entityRefSchema.extend({ vendor: entityRefSchema.nullable() });

const moneySchema = z
  .object({
    value: z.number().meta({ description: "in base units of the currency (10亿 -> 1000000000)", example: 1e9 }),
    currency: z.enum(["CNY", "USD", "HKD"]),
    bound: boundSchema,
  })
  .meta({ id: "Money", description: "An amount in the currency stated (never converted)." });

const fundingRoundSchema = z
  .object({
    id: z.number().int(),
    date: dateSchema,
    company: entityRefSchema.nullable(),
    round: z.enum(FUNDING_ROUNDS).meta({ description: "`unknown` when the text does not say" }),
    amount: moneySchema.nullable(),
    valuation: moneySchema.extend({ basis: z.enum(["pre", "post"]).nullable() }).nullable(),
    investors: z.array(
      z.object({
        key: z
          .string()
          .nullable()
          .meta({ description: "the investor's organization slug; null when named but not found as one" }),
        name: z.string().meta({ description: "as the article names it" }),
        lead: z.boolean(),
        organization: entityRefSchema.nullable(),
      }),
    ),
    source: sourceSchema,
    sourceCount: z.number().int(),
    confidence: confidenceSchema,
  })
  .meta({ id: "FundingRound" });

const listingSchema = z
  .object({
    id: z.number().int(),
    date: dateSchema,
    company: entityRefSchema.nullable(),
    exchange: z
      .string()
      .nullable()
      .meta({ description: "HKEX, SSE-STAR, SSE, SZSE, SZSE-ChiNext, BSE, NASDAQ, NYSE; null when not named" }),
    amount: moneySchema.nullable(),
    source: sourceSchema,
    sourceCount: z.number().int(),
    confidence: confidenceSchema,
  })
  .meta({ id: "Listing" });

const pricePointSchema = z
  .object({
    id: z.number().int(),
    metric: z.enum(PRICE_METRICS),
    value: z
      .number()
      .meta({ description: "per million tokens in `currency` (0: free); percent for price_cut_percent" }),
    unit: z.string().meta({ description: "lower case", example: "cny_per_million_tokens" }),
    currency: z.enum(PRICE_CURRENCIES).nullable().meta({ description: "the unit's currency; null for a percentage" }),
    bound: boundSchema,
    asOf: dateSchema,
    model: modelRefSchema.nullable(),
    organization: entityRefSchema.nullable(),
    priceBefore: z.number().nullable().meta({ description: "a cut's price before, in priceUnit" }),
    priceAfter: z.number().nullable().meta({ description: "a cut's price after, in priceUnit" }),
    priceUnit: z.string().nullable(),
    source: sourceSchema,
    sourceCount: z.number().int(),
    confidence: confidenceSchema,
  })
  .meta({ id: "PricePoint" });

const bilingualSchema = z.object({ zh: z.string(), en: z.string() });

const filingSeriesSchema = z
  .object({
    key: z
      .string()
      .meta({ description: "`metric|statedBy` (`-` when nobody is named)", example: "services_filed|cac" }),
    metric: z.object({
      key: z.string().meta({ example: "services_filed" }),
      label: bilingualSchema,
      definition: bilingualSchema.meta({ description: "what the count counts: series of different metrics never mix" }),
    }),
    statedBy: entityRefSchema.nullable(),
    unit: z.string(),
    points: z
      .array(
        z.object({
          id: z.number().int(),
          value: z.number(),
          unit: z.string(),
          bound: boundSchema,
          asOf: dateSchema,
          scope: z.string().nullable(),
          source: sourceSchema,
          sourceCount: z.number().int(),
          confidence: confidenceSchema,
        }),
      )
      .meta({ description: "oldest first, undated last" }),
  })
  .meta({ id: "FilingSeries", description: "One metric as one organization states it." });

const openSourceReleaseSchema = z
  .object({
    id: z.number().int(),
    date: dateSchema,
    model: modelRefSchema.nullable(),
    organization: entityRefSchema.nullable(),
    licence: z
      .string()
      .nullable()
      .meta({ description: "an SPDX id when it has one, else the licence as written", example: "Apache-2.0" }),
    sizes: z.array(z.string()).meta({ description: "parameter sizes released, as written", example: ["7B", "72B"] }),
    source: sourceSchema,
    sourceCount: z.number().int(),
    confidence: confidenceSchema,
  })
  .meta({ id: "OpenSourceRelease" });

export const fundingPageSchema = pageSchema(fundingRoundSchema, "FundingRoundPage");
export const listingPageSchema = pageSchema(listingSchema, "ListingPage");
export const pricePageSchema = pageSchema(pricePointSchema, "PricePointPage");
export const filingSeriesPageSchema = pageSchema(filingSeriesSchema, "FilingSeriesPage");
export const openSourcePageSchema = pageSchema(openSourceReleaseSchema, "OpenSourceReleasePage");

export const modelPageSchema = modelList.page;
export const vendorPageSchema = vendorList.page;
export const industryPageSchema = industryList.page;
export const eventPageSchema = pageSchema(eventSchema, "EventPage");
export const claimPageSchema = pageSchema(claimSchema, "ClaimPage");
export const articlePageSchema = pageSchema(articleListItemSchema, "ArticlePage");

export const errorSchema = z
  .object({
    error: z.string().meta({ description: "what went wrong, in English", example: "invalid parameters" }),
    issues: z
      .array(
        z.object({
          code: z.string(),
          path: z.array(z.union([z.string(), z.number()])),
          message: z.string(),
        }),
      )
      .optional()
      .meta({ description: "the zod issues, for 400 responses" }),
  })
  .meta({ id: "Error" });

// Compile-time drift checks: each DTO must be exactly the shape its schema describes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;
// eslint cannot see a type used only by the compiler: the leading _ says so
type _DtoChecks = [
  Check<Same<z.infer<typeof namesSchema>, Names>>,
  Check<Same<z.infer<typeof dateSchema>, DateAtPrecision>>,
  Check<Same<z.infer<typeof entityRefSchema>, EntityRef>>,
  Check<Same<z.infer<typeof citationSchema>, Citation>>,
  Check<Same<z.infer<typeof eventSchema>, EventItem>>,
  Check<Same<z.infer<typeof claimSchema>, ClaimItem>>,
  Check<Same<z.infer<typeof modelList.item>, ModelListItem>>,
  Check<Same<z.infer<typeof modelDetailSchema>, ModelDetail>>,
  Check<Same<z.infer<typeof vendorList.item>, VendorListItem>>,
  Check<Same<z.infer<typeof vendorDetailSchema>, VendorDetail>>,
  Check<Same<z.infer<typeof industryList.item>, IndustryListItem>>,
  Check<Same<z.infer<typeof industryDetailSchema>, IndustryDetail>>,
  Check<Same<z.infer<typeof articleListItemSchema>, ArticleListItem>>,
  Check<Same<z.infer<typeof articleDetailSchema>, ArticleDetail>>,
  Check<Same<z.infer<typeof eventPageSchema>, Page<EventItem>>>,
  Check<Same<z.infer<typeof fundingRoundSchema>, FundingRound>>,
  Check<Same<z.infer<typeof listingSchema>, Listing>>,
  Check<Same<z.infer<typeof pricePointSchema>, PricePoint>>,
  Check<Same<z.infer<typeof filingSeriesSchema>, FilingSeries>>,
  Check<Same<z.infer<typeof openSourceReleaseSchema>, OpenSourceRelease>>,
];
