// The overview's headline numbers.
import "server-only";
import { getDb } from "@/lib/db";
import { countVendors } from "./organizations";

export interface OverviewCounts {
  models: number;
  vendors: number;
  articles: number;
  events: number;
}

/** Counts of what is tracked (COUNT queries only). */
export async function getOverviewCounts(): Promise<OverviewCounts> {
  const db = await getDb();
  const [models, vendors, articles, events] = await Promise.all([
    db.model.count(),
    countVendors(),
    db.article.count(),
    db.event.count(),
  ]);
  return { models, vendors, articles, events };
}
