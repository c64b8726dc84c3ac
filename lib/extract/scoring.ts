// The fitted scorers of events and claims. Each extractor describes a fact it proposes by features
// that carry across articles (how its date was found, the trigger's type, whether its model is in
// the registry…); lib/cli/fit-weights.ts fits a logistic regression on the development split and
// writes the weights into weights.json, and a fact's confidence is that regression's probability.
// Features stay beside the fact, not on it: they are the scorer's input, not something stored.
//
// A ranker works the same way over alternatives instead of facts: a claim's as-of date is chosen
// among the dates several readings propose (its own sentence's, its model's event, the sentence
// before, the article's…), each described by features, by the highest fitted score.
import weights from "./weights.json";
import type { DatePoint } from "./types";

export type Features = Record<string, number>;
export type ScoredKind = "event" | "claim";
export type RankedKind = "asOf" | "eventDate";

interface Fitted {
  bias: number;
  /** the F1-best cut on the development split, reported by the fit (facts are kept either way) */
  threshold: number;
  /** claims: the cut the overview's headline reads from (right ≥ headlinePrecision on the development split) */
  headline?: number;
  features: Record<string, number>;
}

const FITTED = weights as unknown as Partial<Record<ScoredKind | RankedKind, Fitted>>;
const FEATURES = new WeakMap<object, Features>();
const ALTERNATIVES = new WeakMap<object, Alternative<unknown>[]>();

/** One of the values a ranker chooses among, with the features that describe it. */
export interface Alternative<T> {
  value: T;
  x: Features;
}

/** `fact`, remembered with the features that describe it. */
export function withFeatures<T extends object>(fact: T, x: Features): T {
  FEATURES.set(fact, x);
  return fact;
}

/** The features a fact was proposed with (null for facts no scorer describes). */
export const featuresOf = (fact: object): Features | null => FEATURES.get(fact) ?? null;

/** The fitted score (log-odds) of `x`. */
const logit = (w: Fitted, x: Features) => Object.entries(x).reduce((z, [f, v]) => z + (w.features[f] ?? 0) * v, w.bias);

/** The fitted probability that a fact with features `x` is right, or null before a fit. */
export function fittedConfidence(kind: ScoredKind, x: Features): number | null {
  const w = FITTED[kind];
  if (!w) return null;
  return Math.round(1000 / (1 + Math.exp(-logit(w, x)))) / 1000;
}

/** The alternative the fitted ranker scores highest (the first of equals), or null before a fit. */
export function bestAlternative<T>(kind: RankedKind, alternatives: Alternative<T>[]): T | null {
  const w = FITTED[kind];
  if (!w || !alternatives.length || RULED.has(kind)) return null;
  let best = alternatives[0];
  let top = logit(w, best.x);
  for (const a of alternatives.slice(1)) {
    const z = logit(w, a.x);
    if (z > top) [best, top] = [a, z];
  }
  return best.value;
}

const RULED = new Set<RankedKind>();

/**
 * `run()` with a ranker's choices left to the hand-written rule. The fit reads the event-date ranker's
 * alternatives this way: the events it proposes (one per type, model and date) then do not move
 * with the weights being fitted, and refitting reaches a fixed point.
 */
export function withRuleFor<T>(kind: RankedKind, run: () => T): T {
  RULED.add(kind);
  try {
    return run();
  } finally {
    RULED.delete(kind);
  }
}

/** `fact`, remembered with the alternatives one of its values was chosen among (for the next fit). */
export function withAlternatives<T extends object>(fact: T, alternatives: Alternative<unknown>[]): T {
  ALTERNATIVES.set(fact, alternatives);
  return fact;
}

/** The alternatives a fact's value was chosen among (empty for facts no ranker chose for). */
export const alternativesOf = (fact: object): Alternative<unknown>[] => ALTERNATIVES.get(fact) ?? [];

/** The fitted headline cut of claims, or null before a fit. */
export const fittedHeadlineCut = (): number | null => FITTED.claim?.headline ?? null;

/** A date's identity among a ranker's alternatives: its value, or "none" for no date. */
export const dateKey = (p: DatePoint) => (p.precision === "unknown" ? "none" : `${p.value}`);

/**
 * The dates proposed by several readings, one entry per distinct date (the first reading's point,
 * every reading that proposed it, in order): what a date ranker's alternatives are built from.
 */
export function proposalsByDate<R extends string>(
  proposals: readonly (readonly [R, DatePoint | null | undefined])[],
): Map<string, { point: DatePoint; readings: R[] }> {
  const byDate = new Map<string, { point: DatePoint; readings: R[] }>();
  for (const [reading, point] of proposals) {
    if (!point) continue;
    const seen = byDate.get(dateKey(point));
    if (seen) seen.readings.push(reading);
    else byDate.set(dateKey(point), { point, readings: [reading] });
  }
  return byDate;
}
