// Query and path parameters of the JSON API, CSV exports and feeds. Strict: a malformed value is a
// 400 with the zod issues (the pages use the lenient twins in ./filters). Built on the pages'
// strict filter schemas so a filter means the same thing on a page, in the API and in an export.
import { z } from "zod";
import {
  articlesFilterStrictSchema,
  filingsFilterStrictSchema,
  fundingFilterStrictSchema,
  listingsFilterStrictSchema,
  modelsFilterStrictSchema,
  openSourceFilterStrictSchema,
  pricesFilterStrictSchema,
  timelineFilterStrictSchema,
  vendorsFilterStrictSchema,
} from "./filters";

const API_MAX_LIMIT = 100;

const slug = z
  .string()
  .trim()
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a slug: lowercase letters, digits and hyphens");

const limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(API_MAX_LIMIT)
  .optional()
  .meta({ description: `Items per page, 1-${API_MAX_LIMIT} (default depends on the list).` });

/** Each list's helper has its own cursor format; anything else is a 400, not a silent first page. */
const cursorOf = (format: RegExp) =>
  z
    .string()
    .trim()
    .max(80)
    .regex(format, "not a cursor this list handed out")
    .optional()
    .meta({ description: "Opaque cursor: the `nextCursor` of the previous page." });
const cursor = cursorOf(/^o\d{1,7}$/);
const eventCursor = cursorOf(/^(k\d{4}-\d{2}-\d{2}\.\d{1,10}|u\d{1,10})$/);
const articleCursor = cursorOf(/^a\d{1,10}$/);

const q = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .optional()
  .meta({ description: "Text to search in names, aliases and pinyin (Chinese or Latin)." });

const filterSlug = (what: string) => slug.optional().meta({ description: `Only ${what} (a slug).` });

// Field sets, then the variants: the JSON API takes them strictly with paging; the CSV exports take
// them without paging and ignore unknown keys (the link carries the page's whole query string).
const modelsShape = {
  ...modelsFilterStrictSchema.shape,
  vendor: filterSlug("models by this vendor"),
  industry: filterSlug("models linked to this industry"),
  q,
};

const eventsShape = {
  ...timelineFilterStrictSchema.shape,
  vendor: filterSlug("events of this organization or its models"),
  industry: filterSlug("events of models or organizations linked to this industry"),
  model: filterSlug("events of this model"),
  type: timelineFilterStrictSchema.shape.type.meta({ description: "Only events of this type." }),
  from: timelineFilterStrictSchema.shape.from.meta({ description: "From this period on: `2023` or `2023-07`." }),
  to: timelineFilterStrictSchema.shape.to.meta({
    description: "Up to and including this period: `2023` or `2023-07`.",
  }),
};

const claimsShape = {
  metric: z
    .string()
    .trim()
    .max(60)
    .regex(/^[a-z0-9_]+$/)
    .optional()
    .meta({ description: "Only claims of this metric, e.g. `models_released`." }),
  model: filterSlug("claims about this model"),
  vendor: filterSlug("claims about or stated by this organization"),
};

const periodOrder = (v: { from?: string; to?: string }) =>
  !v.from || !v.to || (v.from.length === 4 ? `${v.from}-01` : v.from) <= (v.to.length === 4 ? `${v.to}-12` : v.to);
const periodOrderIssue = { message: "`from` must not be after `to`", path: ["from"] };

export const modelsQuerySchema = z.object({ ...modelsShape, cursor, limit }).strict();

export const vendorsQuerySchema = vendorsFilterStrictSchema.extend({ cursor, limit }).strict();

export const industriesQuerySchema = z.object({ cursor, limit }).strict();

export const eventsQuerySchema = z
  .object({ ...eventsShape, cursor: eventCursor, limit })
  .strict()
  .refine(periodOrder, periodOrderIssue);

export const claimsQuerySchema = z.object({ ...claimsShape, cursor, limit }).strict();

export const articlesQuerySchema = articlesFilterStrictSchema
  .extend({
    q,
    vendor: filterSlug("articles that mention this organization or one of its models"),
    industry: filterSlug("articles about this industry"),
    cursor: articleCursor,
    limit,
  })
  .strict();

const { cursor: _modelsCursor, ...modelsExportShape } = modelsShape;
const { cursor: _eventsCursor, ...eventsExportShape } = eventsShape;
export const modelsExportQuerySchema = z.object(modelsExportShape);
export const eventsExportQuerySchema = z.object(eventsExportShape).refine(periodOrder, periodOrderIssue);
export const claimsExportQuerySchema = z.object(claimsShape);

/** Feeds: the timeline's filters, strictly, without paging. */
export const feedQuerySchema = z.object(eventsExportShape).strict().refine(periodOrder, periodOrderIssue);

// Funding, listings, prices, filings and open-source releases: the pages' filters, described (their
// page cursors are replaced below by the API's offset cursor, or dropped for exports and the feed).
const fromPeriod = (schema: z.ZodOptional<z.ZodString>, what: string) =>
  schema.meta({ description: `${what} from this period on: \`2023\` or \`2023-07\`.` });
const toPeriod = (schema: z.ZodOptional<z.ZodString>, what: string) =>
  schema.meta({ description: `${what} up to and including this period: \`2023\` or \`2023-07\`.` });

const { cursor: _fundingCursor, ...fundingFields } = fundingFilterStrictSchema.shape;
const fundingShape = {
  ...fundingFields,
  company: filterSlug("rounds raised by this organization"),
  investor: filterSlug("rounds this organization invested in"),
  round: fundingFields.round.meta({ description: "Only rounds of this name (`unknown`: not said)." }),
  from: fromPeriod(fundingFields.from, "Rounds dated"),
  to: toPeriod(fundingFields.to, "Rounds dated"),
};
const { cursor: _listingsCursor, ...listingsFields } = listingsFilterStrictSchema.shape;
const listingsShape = {
  ...listingsFields,
  company: filterSlug("listings of this organization"),
  from: fromPeriod(listingsFields.from, "Listings dated"),
  to: toPeriod(listingsFields.to, "Listings dated"),
};
const { cursor: _pricesCursor, ...pricesFields } = pricesFilterStrictSchema.shape;
const pricesShape = {
  ...pricesFields,
  model: filterSlug("prices of this model"),
  vendor: filterSlug("prices of this organization or of its models"),
  metric: pricesFields.metric.meta({ description: "Only this kind of price (or cut)." }),
  currency: pricesFields.currency.meta({
    description: "Only prices per million tokens in this currency (none are converted).",
  }),
  from: fromPeriod(pricesFields.from, "Prices as of"),
  to: toPeriod(pricesFields.to, "Prices as of"),
};
const filingsFields = filingsFilterStrictSchema.shape;
const filingsShape = {
  ...filingsFields,
  metric: filingsFields.metric.meta({ description: "Only series of this metric, e.g. `services_filed`." }),
  statedBy: filterSlug("series stated by this organization"),
  from: fromPeriod(filingsFields.from, "Points as of"),
  to: toPeriod(filingsFields.to, "Points as of"),
};
const { cursor: _openSourceCursor, ...openSourceFields } = openSourceFilterStrictSchema.shape;
const openSourceShape = {
  ...openSourceFields,
  vendor: filterSlug("releases of this organization or of its models"),
  model: filterSlug("releases of this model"),
  licence: openSourceFields.licence.meta({
    description: "Only releases under this licence, as stored (an SPDX id such as `Apache-2.0`, else its name).",
  }),
  from: fromPeriod(openSourceFields.from, "Releases dated"),
  to: toPeriod(openSourceFields.to, "Releases dated"),
};

export const fundingQuerySchema = z
  .object({ ...fundingShape, cursor, limit })
  .strict()
  .refine(periodOrder, periodOrderIssue);
export const listingsQuerySchema = z
  .object({ ...listingsShape, cursor, limit })
  .strict()
  .refine(periodOrder, periodOrderIssue);
export const pricesQuerySchema = z
  .object({ ...pricesShape, cursor, limit })
  .strict()
  .refine(periodOrder, periodOrderIssue);
export const filingsQuerySchema = z
  .object({ ...filingsShape, cursor, limit })
  .strict()
  .refine(periodOrder, periodOrderIssue);
export const openSourceQuerySchema = z
  .object({ ...openSourceShape, cursor, limit })
  .strict()
  .refine(periodOrder, periodOrderIssue);

export const fundingExportQuerySchema = z.object(fundingShape).refine(periodOrder, periodOrderIssue);
export const pricesExportQuerySchema = z.object(pricesShape).refine(periodOrder, periodOrderIssue);
export const filingsExportQuerySchema = z.object(filingsShape).refine(periodOrder, periodOrderIssue);
export const openSourceExportQuerySchema = z.object(openSourceShape).refine(periodOrder, periodOrderIssue);

/** The funding feed: the funding filters, strictly, without paging. */
export const fundingFeedQuerySchema = z.object(fundingShape).strict().refine(periodOrder, periodOrderIssue);

export const slugParamSchema = z.object({ slug: slug.meta({ description: "The item's slug." }) });

export const articleIdParamSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, "must be a positive integer")
    .refine((v) => Number(v) <= 2_147_483_647, "too large")
    .meta({ description: "The article id (a positive integer)." }),
});

/** URLSearchParams -> one string per key (the first of repeated keys; empty values dropped). */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out) && value !== "") out[key] = value;
  return out;
}
