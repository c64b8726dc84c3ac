// What an editor sends to correct a fact (form fields or JSON, the same flat names): what it is
// (kind and its key, or an article and a span), and for a set the new values. In a set, a field left
// out stays as it is; an empty field clears it (a date: unknown).
import { z } from "zod";
import { dateProblem } from "@/lib/ingest/fit";
import {
  claimBoundSchema,
  metricSchema,
  OVERRIDE_ACTIONS,
  OVERRIDE_KINDS,
  slugSchema,
  unitSchema,
} from "@/lib/validations/overrides";
import { EVENT_TYPES } from "@/lib/validations/filters";

const key = z
  .string()
  .trim()
  .min(1)
  .max(600)
  .meta({ description: "the slug of a model or organization; the `key` of an event or claim (review queue)" });
const articleId = z.coerce.number().int().positive().meta({ description: "the article's id" });
const offset = z.coerce.number().int().nonnegative().max(10_000_000);
const reason = z.string().trim().max(500);
const optionalReason = reason
  .optional()
  .transform((v) => (v ? v : null))
  .meta({ description: "why (shown in the history)" });

/** An empty form field: clear the value. */
const cleared = z.literal("").transform(() => null);
const clearable = <T extends z.ZodType>(schema: T) => z.union([cleared, schema]).nullable().optional();

/** "2024", "2024-05" or "2024-05-17" (a real date); empty: unknown. */
const dateAtPrecisionInput = z
  .string()
  .trim()
  .regex(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/, "a date as 2024, 2024-05 or 2024-05-17 (empty: unknown)")
  .transform((v, ctx) => {
    const precision = v === "" ? "unknown" : v.length === 4 ? "year" : v.length === 7 ? "month" : "day";
    const point = { value: v || null, precision } as const;
    const problem = dateProblem({ ...point, inferred: false, text: "" });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    return point;
  })
  .meta({ description: "ISO 8601 at its precision: 2024 (year), 2024-05 (month), 2024-05-17 (day); empty: unknown" });

const number = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/, "a number")
      .transform(Number),
  ])
  .pipe(z.number().finite());

const entityTarget = (kind: "model" | "organization") => ({ kind: z.literal(kind), key: slugSchema });
const factTarget = (kind: "event" | "claim") => ({ kind: z.literal(kind), key });
const linkTarget = {
  kind: z.literal("industry_link"),
  article: articleId,
  industry: slugSchema,
  model: clearable(slugSchema),
  organization: clearable(slugSchema),
};
const mentionTarget = { kind: z.literal("mention"), article: articleId, start: offset, end: offset };

/** Where an edit form sends the editor back to (an admin page; anything else: the review queue). */
const back = z
  .string()
  .max(500)
  .optional()
  .transform((v) => (v && /^\/admin\/(review|history)(\?[\w=&%.:+-]*)?$/.test(v) ? v : undefined))
  .meta({ description: "forms only: the admin page to return to" });

/** Any fact as a target, each kind with its own fields, plus `extra`. */
function anyTarget<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion("kind", [
    z.object({ ...entityTarget("model"), ...extra, back }),
    z.object({ ...entityTarget("organization"), ...extra, back }),
    z.object({ ...factTarget("event"), ...extra, back }),
    z.object({ ...factTarget("claim"), ...extra, back }),
    z.object({ ...linkTarget, ...extra, back }),
    z.object({ ...mentionTarget, ...extra, back }),
  ]);
}

export const rejectRequestSchema = anyTarget({
  reason: reason.min(1).meta({ description: "why it is wrong" }),
}).meta({ id: "RejectRequest", description: "Reject a fact: it is not stored from this evidence again." });

export const confirmRequestSchema = anyTarget({ reason: optionalReason }).meta({
  id: "ConfirmRequest",
  description: "Confirm a fact as extracted: it is shown as reviewed.",
});

export const setRequestSchema = z
  .discriminatedUnion("kind", [
    z.object({
      ...entityTarget("model"),
      vendor: clearable(slugSchema).meta({ description: "the vendor's organization slug" }),
      family: clearable(slugSchema),
      version: clearable(z.string().trim().min(1).max(60)),
      reason: optionalReason,
      back,
    }),
    z.object({
      ...factTarget("event"),
      type: z.enum(EVENT_TYPES).optional(),
      model: clearable(slugSchema),
      organization: clearable(slugSchema),
      date: dateAtPrecisionInput.optional(),
      reason: optionalReason,
      back,
    }),
    z.object({
      ...factTarget("claim"),
      value: number.optional(),
      unit: unitSchema.optional(),
      bound: claimBoundSchema.optional(),
      metric: metricSchema.optional(),
      asOf: dateAtPrecisionInput.optional(),
      reason: optionalReason,
      back,
    }),
  ])
  .meta({
    id: "SetRequest",
    description: "Correct a model (vendor, family, version), an event (type, model, organization, date) or a claim.",
  });

/** One mention, as a form's checkbox value ("article:start:end") or as JSON. */
const mentionRef = z.union([
  z
    .string()
    .regex(/^\d{1,10}:\d{1,9}:\d{1,9}$/, "a mention as article:start:end")
    .transform((s) => {
      const [article, start, end] = s.split(":").map(Number);
      return { article, start, end };
    }),
  z.object({ article: z.number().int().positive(), start: z.number().int().min(0), end: z.number().int().min(0) }),
]);

export const splitRequestSchema = z
  .object({
    kind: z.literal("model"),
    key: slugSchema.meta({ description: "the model read under one name for two" }),
    mentions: z
      .union([mentionRef, z.array(mentionRef).min(1).max(200)])
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .meta({ description: "the mentions that name the other model (each of one version of its article)" }),
    into: slugSchema.meta({ description: "the other model's slug: an existing model, or a new one" }),
    nameZh: z.string().trim().max(100).optional().meta({ description: "a new model's name (required for a new one)" }),
    nameEn: z
      .string()
      .trim()
      .max(100)
      .optional()
      .transform((v) => (v ? v : null)),
    vendor: clearable(slugSchema).meta({ description: "a new model's vendor (an organization slug)" }),
    reason: optionalReason,
    back,
  })
  .meta({
    id: "SplitRequest",
    description:
      "Split a model: the chosen mentions, and the facts read in their sentences, go to another model (made when new).",
  });

export type SplitRequest = z.infer<typeof splitRequestSchema>;
export type RejectRequest = z.infer<typeof rejectRequestSchema>;
export type ConfirmRequest = z.infer<typeof confirmRequestSchema>;
export type SetRequest = z.infer<typeof setRequestSchema>;

export const overrideListQuerySchema = z.object({
  kind: z.enum(OVERRIDE_KINDS).optional(),
  state: z.enum(["active", "stale", "revoked"]).optional().meta({ description: "all when absent" }),
  cursor: z
    .string()
    .regex(/^\d{1,10}$/)
    .optional()
    .meta({ description: "pass nextCursor back for the next (older) page" }),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type OverrideListQuery = z.infer<typeof overrideListQuerySchema>;

export const undoParamsSchema = z.object({ id: z.coerce.number().int().positive() });
export const undoRequestSchema = z.object({ back });

export const factQueueQuerySchema = z.object({
  kind: z.enum(["event", "claim", "industry_link", "mention"]),
  article: z.coerce.number().int().positive().optional().meta({ description: "only the facts read in this article" }),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** One correction as the history and the API show it. */
export const overrideItemSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(OVERRIDE_KINDS),
    key: z
      .string()
      .meta({ description: "what it is keyed by: a slug, an event or claim key, or a key within an article" }),
    article: z
      .object({ url: z.string(), id: z.number().int().nullable() })
      .nullable()
      .meta({ description: "industry links and mentions: the article they were read in (id null when it is gone)" }),
    action: z.enum(OVERRIDE_ACTIONS),
    values: z.record(z.string(), z.unknown()).nullable().meta({ description: "set: the editor's values" }),
    previous: z
      .record(z.string(), z.unknown())
      .nullable()
      .meta({ description: "what it replaced, as stored when it was saved" }),
    resultKey: z.string().nullable().meta({ description: "the fact's key after it (a re-dated event's new key)" }),
    sentence: z.string().nullable().meta({ description: "the sentence the fact was read from" }),
    reason: z.string().nullable(),
    editor: z.string().meta({ description: "the editor's name from the login, or `token` for an API client" }),
    createdAt: z.string(),
    revokedAt: z.string().nullable().meta({ description: "when it was undone" }),
    revokedBy: z.string().nullable(),
    stale: z
      .boolean()
      .meta({ description: "no article yields what it is keyed by any more: kept, listed for the editor" }),
    matches: z.number().int().meta({ description: "articles it applied to at their last reading" }),
  })
  .meta({ id: "Override" });
export type OverrideItem = z.infer<typeof overrideItemSchema>;

export const overridePageSchema = z
  .object({ items: z.array(overrideItemSchema), nextCursor: z.string().nullable() })
  .meta({ id: "OverridePage" });
