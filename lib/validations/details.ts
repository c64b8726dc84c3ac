import { z } from "zod";
import type { ClaimDetails, EventDetails } from "@/lib/extract/types";

// The shapes of Event.details and Claim.details (lib/extract/types.ts), checked where they cross a
// boundary: before storage (lib/ingest/fit.ts drops details that do not fit, never the fact) and when
// read back from the JSON column (an older or hand-edited row must not break a page).

/** Larger than any amount of money, count or price the news states (and finite). */
const MAX_VALUE = 1e16;
const name = z.string().trim().min(1).max(200);
const amount = z.number().finite().nonnegative().max(MAX_VALUE);
const bound = z.enum(["exact", "lower", "upper", "approx"]);
const money = z.object({ value: amount, currency: z.enum(["CNY", "USD", "HKD"]), bound });

export const FUNDING_ROUNDS = [
  "angel",
  "pre-A",
  "A",
  "A+",
  "B",
  "B+",
  "C",
  "C+",
  "D",
  "E",
  "pre-IPO",
  "strategic",
  "unknown",
] as const;

export const eventDetailsSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("funding"),
    round: z.enum(FUNDING_ROUNDS),
    amount: money.nullable(),
    valuation: money.extend({ basis: z.enum(["pre", "post"]).nullable() }).nullable(),
    investors: z.array(z.object({ key: name.nullable(), name, lead: z.boolean() })).max(100),
  }),
  z.object({ kind: z.literal("listing"), exchange: name.nullable(), amount: money.nullable() }),
  z.object({ kind: z.literal("open_source"), licence: name.nullable(), sizes: z.array(name).max(50) }),
]) satisfies z.ZodType<EventDetails>;

export const claimDetailsSchema = z.object({
  priceBefore: amount.optional(),
  priceAfter: amount.optional(),
  priceUnit: name.optional(),
  ambiguous: name.optional(),
}) satisfies z.ZodType<ClaimDetails>;
