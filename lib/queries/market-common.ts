// What the funding, listing, price, filing and open-source reads share: the one source a row
// cites, the details read back from their JSON column, and period bounds.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimBound, ClaimDetails, EventDetails, Money } from "@/lib/extract/types";
import { claimDetailsSchema, eventDetailsSchema } from "@/lib/validations/details";
import { periodRange } from "@/lib/validations/filters";
import { citationSelect, toCitation, type Citation } from "./common";

export type { ClaimBound, Money };
export type MoneyCurrency = Money["currency"];

/** The first report of a fact (by article id: the (x, articleId) unique index serves it). */
export const firstSourceSelect = {
  select: citationSelect,
  orderBy: { articleId: "asc" },
  take: 1,
} as const satisfies Prisma.Event$sourcesArgs;

export function firstSource(sources: Parameters<typeof toCitation>[0][]): Citation | null {
  return sources[0] ? toCitation(sources[0]) : null;
}

/**
 * An event's details of the given kind, checked as storage checks them; null when there are none
 * (a row stored before details existed) or when they do not fit (an older or hand-edited row must
 * not break a page: it shows as the bare event).
 */
export function eventDetailsOf<K extends EventDetails["kind"]>(
  json: Prisma.JsonValue,
  kind: K,
): Extract<EventDetails, { kind: K }> | null {
  const parsed = eventDetailsSchema.safeParse(json);
  return parsed.success && parsed.data.kind === kind ? (parsed.data as Extract<EventDetails, { kind: K }>) : null;
}

/** A claim's details, checked the same way; {} when there are none or they do not fit. */
export function claimDetailsOf(json: Prisma.JsonValue): ClaimDetails {
  const parsed = claimDetailsSchema.safeParse(json);
  return parsed.success ? parsed.data : {};
}

/** A from/to period filter on a date column, or nothing. */
export function periodWhere(from: string | undefined, to: string | undefined): { gte?: Date; lt?: Date } | undefined {
  return from || to ? periodRange(from, to) : undefined;
}

/**
 * The rows of a vendor: its own (`orgField` is its id) or about one of its models (`modelField` in
 * their ids). Events and claims name their organisation and model in fields of different names.
 */
export function ofVendorOrItsModels<O extends string, M extends string>(
  vendor: { id: number; models: { id: number }[] },
  orgField: O,
  modelField: M,
): { OR: ({ [K in O]: number } | { [K in M]: { in: number[] } })[] } {
  const models = vendor.models.map((m) => m.id);
  const own = { [orgField]: vendor.id } as { [K in O]: number };
  return { OR: models.length ? [own, { [modelField]: { in: models } } as { [K in M]: { in: number[] } }] : [own] };
}
