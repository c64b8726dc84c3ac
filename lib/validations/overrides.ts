// What an editor's correction holds (Override.values), checked when it is saved and again when
// ingestion reads it back: a value that does not fit is never applied.
import { z } from "zod";
import { EVENT_TYPES } from "./filters";

export const OVERRIDE_KINDS = ["model", "organization", "event", "claim", "industry_link", "mention"] as const;
export const OVERRIDE_ACTIONS = ["reject", "set", "confirm"] as const;
export type OverrideKind = (typeof OVERRIDE_KINDS)[number];
export type OverrideAction = (typeof OVERRIDE_ACTIONS)[number];

export const slugSchema = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "must be a slug");
const label = z.string().trim().min(1).max(60);
/** A date at its precision, as stored: "2024", "2024-05" or "2024-05-17" (null value: unknown). */
const datePointSchema = z.object({
  value: z.string().nullable(),
  precision: z.enum(["day", "month", "year", "unknown"]),
});
export const claimBoundSchema = z.enum(["exact", "lower", "upper", "approx"]);
export const metricSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z][a-z0-9_]*$/, "must be a metric name (lower case, digits, _)");
export const unitSchema = z.string().trim().min(1).max(60);

const entityName = z.string().trim().min(1).max(100);

/**
 * A rename or a merge of an entity, made in review. A rename gives it the editor's names (the ones
 * read become aliases); a merge (`into`) makes every reading of it a reading of the target, whose
 * names (and, for a model, vendor, family and version) are the ones kept when the merge was made.
 */
const identityValues = {
  nameZh: entityName.optional(),
  nameEn: entityName.nullable().optional(),
  into: slugSchema.optional(),
};

/** A model set: a field absent is left as extracted, null clears it. */
export const modelValuesSchema = z.strictObject({
  vendor: slugSchema.nullable().optional(),
  family: slugSchema.nullable().optional(),
  version: label.nullable().optional(),
  ...identityValues,
});
/** An organization set: a rename or a merge. */
export const organizationValuesSchema = z.strictObject(identityValues);
export const eventValuesSchema = z.strictObject({
  type: z.enum(EVENT_TYPES).optional(),
  model: slugSchema.nullable().optional(),
  organization: slugSchema.nullable().optional(),
  date: datePointSchema.optional(),
});
export const claimValuesSchema = z.strictObject({
  value: z.number().finite().optional(),
  unit: unitSchema.optional(),
  bound: claimBoundSchema.optional(),
  metric: metricSchema.optional(),
  asOf: datePointSchema.optional(),
});

/** A mention set: it names another model (a split: a new one, made from this record). */
export const mentionValuesSchema = z.strictObject({
  model: slugSchema,
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().min(1).max(100).nullable(),
  vendor: slugSchema.nullable(),
});

export type ModelValues = z.infer<typeof modelValuesSchema>;
export type OrganizationValues = z.infer<typeof organizationValuesSchema>;
export type MentionValues = z.infer<typeof mentionValuesSchema>;
export type EventValues = z.infer<typeof eventValuesSchema>;
export type ClaimValues = z.infer<typeof claimValuesSchema>;
