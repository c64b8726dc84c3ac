// What the market views show, as plain props: a query's rows fit these without reshaping.
import type { Names, Precision } from "@/lib/i18n/format";
import type { Citation } from "@/lib/queries/common";

export interface Ref {
  slug: string;
  names: Names;
}

interface DateValue {
  value: string | null;
  precision: Precision;
  inferred?: boolean;
  text?: string | null;
}

type Bound = "exact" | "lower" | "upper" | "approx";

/** An amount in base units of its currency (超10亿美元 -> 1e9 USD, bound "lower"). */
export interface MoneyValue {
  value: number;
  currency: string;
  bound: Bound;
}

/** A row's evidence: its first report, how many report it, how sure the extraction is. */
export interface Sourced {
  source: Citation | null;
  sourceCount: number;
  confidence: number;
}

export interface InvestorValue {
  /** the organisation's slug; null when the extraction could not key it */
  key: string | null;
  /** as the article names it */
  name: string;
  lead: boolean;
  organization: Ref | null;
}

export interface RoundRow extends Sourced {
  id: number;
  date: DateValue;
  company: Ref | null;
  round: string;
  amount: MoneyValue | null;
  valuation: (MoneyValue & { basis: "pre" | "post" | null }) | null;
  investors: InvestorValue[];
}

export interface ListingRow extends Sourced {
  id: number;
  date: DateValue;
  company: Ref | null;
  exchange: string | null;
  amount: MoneyValue | null;
}

interface ModelValue extends Ref {
  vendor: Ref | null;
}

/** A price per million tokens (or a cut in percent) of a model or an organisation. */
export interface PriceRow extends Sourced {
  id: number;
  metric: string;
  value: number;
  unit: string;
  currency: string | null;
  bound: Bound;
  asOf: DateValue;
  model: ModelValue | null;
  organization: Ref | null;
  priceBefore: number | null;
  priceAfter: number | null;
  priceUnit: string | null;
}

/** One line of the price chart: one subject's price of one kind in one currency, oldest first. */
export interface PriceLine {
  key: string;
  model: ModelValue | null;
  organization: Ref | null;
  metric: string;
  currency: string;
  points: { id: number; date: string; precision: "day" | "month" | "year"; value: number; bound: Bound }[];
}

export interface Bilingual {
  zh: string;
  en: string;
}

export interface FilingPointValue extends Sourced {
  id: number;
  value: number;
  unit: string;
  bound: Bound;
  asOf: DateValue;
  scope: string | null;
}

/** One count as one organisation states it (its definition is theirs), oldest point first. */
export interface FilingLine {
  key: string;
  metric: { key: string; label: Bilingual; definition: Bilingual };
  statedBy: Ref | null;
  unit: string;
  points: FilingPointValue[];
}

export interface ReleaseRow extends Sourced {
  id: number;
  date: DateValue;
  model: ModelValue | null;
  organization: Ref | null;
  licence: string | null;
  sizes: string[];
}
