// The overview's headline numbers.
import "server-only";
import { countVendors } from "./organizations";
import { tallyOf } from "./tally";
import { cachedQuery } from "@/lib/db/query-cache";

export interface OverviewCounts {
  models: number;
  vendors: number;
  articles: number;
  events: number;
}

/** Counts of what is tracked: trigger-kept totals (the Tally table), never a count of a table. */
export const getOverviewCounts = cachedQuery(
  "overview.getOverviewCounts",
  async function getOverviewCounts(): Promise<OverviewCounts> {
    const [models, vendors, articles, events] = await Promise.all([
      tallyOf("models"),
      countVendors(),
      tallyOf("articles"),
      tallyOf("events"),
    ]);
    return { models, vendors, articles, events };
  },
);
