// Totals kept by triggers (the Tally table): read instead of counting whole tables.
import "server-only";
import { getDb } from "@/lib/db";
import { cachedQuery } from "@/lib/db/query-cache";

export type TallyMetric = "articles" | "models" | "events" | "vendors";

/** A trigger-kept total: the sum of its per-connection slots (at most 16 rows). */
export const tallyOf = cachedQuery("tally.tallyOf", async function tallyOf(metric: TallyMetric): Promise<number> {
  const db = await getDb();
  const r = await db.tally.aggregate({ where: { metric }, _sum: { value: true } });
  return r._sum.value ?? 0;
});
