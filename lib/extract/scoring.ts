// The fitted scorers of events and claims. Each extractor describes a fact it proposes by features
// that carry across articles (how its date was found, the trigger's type, whether its model is in
// the registry…); lib/cli/fit-weights.ts fits a logistic regression on the development split and
// writes the weights into weights.json, and a fact's confidence is that regression's probability.
// Features stay beside the fact, not on it: they are the scorer's input, not something stored.
import weights from "./weights.json";

export type Features = Record<string, number>;
export type ScoredKind = "event" | "claim";

interface Fitted {
  bias: number;
  /** the F1-best cut on the development split, reported by the fit (facts are kept either way) */
  threshold: number;
  features: Record<string, number>;
}

const FITTED = weights as unknown as Partial<Record<ScoredKind, Fitted>>;
const FEATURES = new WeakMap<object, Features>();

/** `fact`, remembered with the features that describe it. */
export function withFeatures<T extends object>(fact: T, x: Features): T {
  FEATURES.set(fact, x);
  return fact;
}

/** The features a fact was proposed with (null for facts no scorer describes). */
export const featuresOf = (fact: object): Features | null => FEATURES.get(fact) ?? null;

/** The fitted probability that a fact with features `x` is right, or null before a fit. */
export function fittedConfidence(kind: ScoredKind, x: Features): number | null {
  const w = FITTED[kind];
  if (!w) return null;
  let z = w.bias;
  for (const [f, v] of Object.entries(x)) z += (w.features[f] ?? 0) * v;
  return Math.round(1000 / (1 + Math.exp(-z))) / 1000;
}
