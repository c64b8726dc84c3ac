// Ids of rows whose search terms match a text query (the /search index), for the API's `q` filters.
import "server-only";
import { getDb } from "@/lib/db";
import { queryTerms, toTsQuery } from "@/lib/search/terms";
import { cachedQuery } from "@/lib/db/query-cache";

/** Upper bound on the ids a `q` filter narrows to: beyond it a query is too broad to be useful. */
const MAX_TEXT_MATCHES = 5000;

/**
 * Ids in `table` whose `searchTerms` match `q` (every term, Latin words as prefixes), or an empty
 * list when `q` has nothing searchable. Uses the GIN index; never scans.
 */
export const textMatchIds = cachedQuery(
  "api-search.textMatchIds",
  async function textMatchIds(table: "Model" | "Article" | "Organization", q: string): Promise<number[]> {
    const tsq = toTsQuery(queryTerms(q));
    if (!tsq) return [];
    const db = await getDb();
    // The table name comes from the fixed union above, never from input.
    const rows = await db.$queryRawUnsafe<{ id: number }[]>(
      `SELECT id FROM "${table}" WHERE "searchTerms" @@ $1::tsquery ORDER BY id LIMIT ${MAX_TEXT_MATCHES}`,
      tsq,
    );
    return rows.map((r) => r.id);
  },
);
