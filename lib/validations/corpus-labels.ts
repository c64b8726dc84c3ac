import { z } from "zod";

// The labels of one corpus article (tests/fixtures/corpus/LABELLING.md says how they are written).

const isoAtPrecision = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    "ISO date at its precision: 2024, 2024-05 or 2024-05-15",
  );
const bound = z.enum(["exact", "lower", "upper", "approx"]);
const quote = z.string().min(2);

const EVENT_LABEL_TYPES = [
  "release",
  "open_source",
  "open_public",
  "announcement",
  "showcase",
  "deployment",
  "price_change",
  "filing",
] as const;

export const corpusLabelsSchema = z.object({
  file: z.string().regex(/^tests\/fixtures\/corpus\/(dev|heldout)\/[^/]+\.txt$/),
  split: z.enum(["dev", "heldout"]),
  documentDate: isoAtPrecision.nullable(),
  models: z.array(
    z.object({
      name: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      vendor: z.string().min(1).nullable(),
      vendorAliases: z.array(z.string().min(1)).default([]),
      family: z.string().min(1).nullable().default(null),
    }),
  ),
  events: z.array(
    z.object({
      type: z.enum(EVENT_LABEL_TYPES),
      model: z.string().min(1),
      date: isoAtPrecision.nullable(),
      quote,
    }),
  ),
  claims: z.array(
    z.object({
      value: z.number().finite(),
      unit: z.string().regex(/^[a-z_]+$/),
      bound,
      asOf: isoAtPrecision.nullable(),
      metric: z.string().regex(/^[a-z0-9_]+$/),
      definedBy: z.string().min(1).nullable().optional(),
      subject: z.string().min(1).nullable().optional(),
      quote,
    }),
  ),
  funding: z
    .array(
      z.object({
        company: z.string().min(1),
        round: z.enum(["angel", "pre-A", "A", "A+", "B", "B+", "C", "C+", "D", "E", "pre-IPO", "strategic", "unknown"]),
        amount: z.number().finite().positive().nullable(),
        currency: z.enum(["CNY", "USD", "HKD"]).nullable(),
        bound: bound.nullable().optional(),
        valuation: z.number().finite().positive().nullable().optional(),
        valuationType: z.enum(["pre", "post"]).nullable().optional(),
        investors: z.array(z.string().min(1)).default([]),
        leadInvestors: z.array(z.string().min(1)).default([]),
        date: isoAtPrecision.nullable(),
        quote,
      }),
    )
    .default([]),
  listings: z
    .array(
      z.object({
        company: z.string().min(1),
        exchange: z.string().min(1),
        amount: z.number().finite().positive().nullable(),
        currency: z.enum(["CNY", "USD", "HKD"]).nullable(),
        date: isoAtPrecision.nullable(),
        quote,
      }),
    )
    .default([]),
  openSource: z
    .array(
      z.object({
        model: z.string().min(1),
        licence: z.string().min(1).nullable(),
        sizes: z.array(z.string().min(1)).default([]),
        date: isoAtPrecision.nullable(),
        quote,
      }),
    )
    .default([]),
  industries: z.array(z.string().regex(/^[a-z-]+$/)),
  dates: z.array(
    z.object({ text: z.string().min(1), value: isoAtPrecision, precision: z.enum(["day", "month", "year"]) }),
  ),
});

export type CorpusLabels = z.infer<typeof corpusLabelsSchema>;
