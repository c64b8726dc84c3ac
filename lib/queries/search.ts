// Search across models, organizations, industries and articles through the GIN-indexed
// `searchTerms` tsvectors (CJK bigrams, lowercase Latin words, pinyin of names): never a scan.
import "server-only";
import { getDb } from "@/lib/db";
import { queryTerms, toTsQuery } from "@/lib/search/terms";
import type { SearchScope } from "@/lib/validations/filters";
import { clampLimit, names, type EntityRef, type EntityStatus, type Names } from "./common";
import type { Span } from "./articles";
import { cachedQuery } from "@/lib/db/query-cache";

interface EntityHit extends EntityRef {
  aliases: string[];
  /** the vendor, for model hits */
  vendor: { slug: string; names: Names } | null;
}

interface IndustryHit {
  slug: string;
  names: Names;
  aliases: string[];
}

interface ArticleHit {
  id: number;
  title: string;
  url: string;
  /** a window of the body around the first match, with the matched ranges inside it */
  snippet: { text: string; highlights: Span[] };
}

interface SearchSection<T> {
  items: T[];
  total: number;
  /** true when counting stopped at the cap: `total` is then a lower bound ("1,000+") */
  capped?: boolean;
}

/**
 * Articles: only the newest ARTICLE_CANDIDATES matches (by id) are ranked, and matches are counted
 * up to MATCH_COUNT_CAP, so a common term (混元 matches most of the corpus) costs the same at any
 * corpus size. The entity sections search entity tables (bounded by the number of entities).
 */
const ARTICLE_CANDIDATES = 1000;
const MATCH_COUNT_CAP = 1000;

export interface SearchResults {
  query: string;
  /** false when the query has nothing searchable (empty, punctuation only) */
  searched: boolean;
  models: SearchSection<EntityHit>;
  vendors: SearchSection<EntityHit>;
  industries: SearchSection<IndustryHit>;
  articles: SearchSection<ArticleHit>;
}

const EMPTY = { items: [], total: 0 };

/** Search every kind (or one `scope`), `limit` hits per kind, best match first. */
export const search = cachedQuery(
  "search.search",
  async function search(query: string, opts: { scope?: SearchScope; limit?: number } = {}): Promise<SearchResults> {
    const q = query.trim().slice(0, 100);
    const terms = queryTerms(q);
    const tsq = toTsQuery(terms);
    if (!tsq) return { query: q, searched: false, models: EMPTY, vendors: EMPTY, industries: EMPTY, articles: EMPTY };
    const scope = opts.scope ?? "all";
    const limit = clampLimit(opts.limit, scope === "all" ? 8 : 30);
    const want = (s: SearchScope) => scope === "all" || scope === s;
    const db = await getDb();
    const lower = q.toLowerCase();

    const [models, modelTotal, vendors, vendorTotal, industries, industryTotal, [articles, articleTotal]] =
      await Promise.all([
        want("models")
          ? db.$queryRaw<
              {
                slug: string;
                nameZh: string;
                nameEn: string | null;
                status: EntityStatus;
                aliases: string[];
                vSlug: string | null;
                vZh: string | null;
                vEn: string | null;
              }[]
            >`
        SELECT m.slug, m."nameZh", m."nameEn", m.status::text AS status, m.aliases,
               o.slug AS "vSlug", o."nameZh" AS "vZh", o."nameEn" AS "vEn"
        FROM "Model" m LEFT JOIN "Organization" o ON o.id = m."vendorId"
        WHERE m."searchTerms" @@ ${tsq}::tsquery
        ORDER BY (lower(m."nameZh") = ${lower} OR lower(coalesce(m."nameEn", '')) = ${lower}
                  OR lower(coalesce(m.pinyin, '')) = ${lower}) DESC,
                 ts_rank(m."searchTerms", ${tsq}::tsquery) DESC, m.id
        LIMIT ${limit}`
          : [],
        want("models") ? count(db, "Model", tsq) : 0,
        want("vendors")
          ? db.$queryRaw<
              { slug: string; nameZh: string; nameEn: string | null; status: EntityStatus; aliases: string[] }[]
            >`
        SELECT slug, "nameZh", "nameEn", status::text AS status, aliases
        FROM "Organization"
        WHERE "searchTerms" @@ ${tsq}::tsquery
        ORDER BY (lower("nameZh") = ${lower} OR lower(coalesce("nameEn", '')) = ${lower}) DESC,
                 ts_rank("searchTerms", ${tsq}::tsquery) DESC, id
        LIMIT ${limit}`
          : [],
        want("vendors") ? count(db, "Organization", tsq) : 0,
        want("industries")
          ? db.$queryRaw<{ slug: string; nameZh: string; nameEn: string; aliases: string[] }[]>`
        SELECT slug, "nameZh", "nameEn", aliases
        FROM "Industry"
        WHERE "searchTerms" @@ ${tsq}::tsquery
        ORDER BY ts_rank("searchTerms", ${tsq}::tsquery) DESC, id
        LIMIT ${limit}`
          : [],
        want("industries") ? count(db, "Industry", tsq) : 0,
        want("articles") ? searchArticles(db, tsq, limit) : ([[], 0] as const),
      ]);

    const needles = [q, ...terms.exact, ...terms.prefix].filter(Boolean);
    return {
      query: q,
      searched: true,
      models: {
        total: modelTotal,
        items: models.map((m) => ({
          slug: m.slug,
          names: names(m.nameZh, m.nameEn),
          status: m.status,
          aliases: m.aliases,
          vendor: m.vSlug ? { slug: m.vSlug, names: names(m.vZh!, m.vEn) } : null,
        })),
      },
      vendors: {
        total: vendorTotal,
        items: vendors.map((o) => ({
          slug: o.slug,
          names: names(o.nameZh, o.nameEn),
          status: o.status,
          aliases: o.aliases,
          vendor: null,
        })),
      },
      industries: {
        total: industryTotal,
        items: industries.map((i) => ({ slug: i.slug, names: names(i.nameZh, i.nameEn), aliases: i.aliases })),
      },
      articles: {
        total: Math.min(articleTotal, MATCH_COUNT_CAP),
        capped: articleTotal > MATCH_COUNT_CAP,
        items: articles.map((a) => ({ id: a.id, title: a.title, url: a.url, snippet: snippet(a.body, needles) })),
      },
    };
  },
);

/**
 * The best matching articles among the newest ARTICLE_CANDIDATES matches, and the number of matches
 * up to the cap. Both read the GIN index: the planner cannot see that testing a row's search vector
 * means reading it from TOAST, and at some table sizes prefers scanning every article (seen at
 * 10,000 articles: 140 ms against 5 ms), so other plans are ruled out for this transaction.
 */
async function searchArticles(db: Awaited<ReturnType<typeof getDb>>, tsq: string, limit: number) {
  const [, articles, [counted]] = await db.$transaction([
    db.$queryRaw`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
    db.$queryRaw<{ id: number; title: string; url: string; body: string }[]>`
      WITH candidates AS (
        SELECT id, "searchTerms", "firstIngestedAt" FROM "Article"
        WHERE "searchTerms" @@ ${tsq}::tsquery
        ORDER BY id DESC
        LIMIT ${ARTICLE_CANDIDATES}
      ), best AS (
        SELECT id, ts_rank("searchTerms", ${tsq}::tsquery) AS rank, "firstIngestedAt" FROM candidates
        ORDER BY rank DESC, "firstIngestedAt" DESC, id DESC
        LIMIT ${limit}
      )
      SELECT a.id, a.title, a.url, left(a.body, 20000) AS body
      FROM best JOIN "Article" a ON a.id = best.id
      ORDER BY best.rank DESC, best."firstIngestedAt" DESC, best.id DESC`,
    db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "Article" WHERE "searchTerms" @@ ${tsq}::tsquery LIMIT ${MATCH_COUNT_CAP + 1}) x`,
  ]);
  return [articles, counted?.n ?? 0] as const;
}

type Table = "Model" | "Organization" | "Industry";

/** Matching rows of an entity table (hundreds of rows). */
async function count(db: Awaited<ReturnType<typeof getDb>>, table: Table, tsq: string): Promise<number> {
  // Table names come from the fixed union above, never from input.
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "${table}" WHERE "searchTerms" @@ $1::tsquery`,
    tsq,
  );
  return rows[0]?.n ?? 0;
}

const WINDOW = 70;

/** A window of `body` around the first needle found, with every needle occurrence inside it. */
function snippet(body: string, needles: string[]): { text: string; highlights: Span[] } {
  const hay = body.toLowerCase();
  const sorted = [...new Set(needles.map((n) => n.toLowerCase()))].sort((a, b) => b.length - a.length);
  let first = -1;
  for (const n of sorted) {
    const i = hay.indexOf(n);
    if (i >= 0 && (first < 0 || i < first)) first = i;
    if (i >= 0 && n === sorted[0]) break;
  }
  const from = Math.max(0, (first < 0 ? 0 : first) - 20);
  const to = Math.min(body.length, from + WINDOW * 2);
  const raw = body.slice(from, to).replace(/\n/g, " ");
  const prefix = from > 0 ? "…" : "";
  const text = `${prefix}${raw}${to < body.length ? "…" : ""}`;
  const lowerText = text.toLowerCase();
  const highlights: Span[] = [];
  for (const n of sorted) {
    if (!n) continue;
    for (let i = lowerText.indexOf(n); i >= 0; i = lowerText.indexOf(n, i + n.length)) {
      if (!highlights.some((h) => i < h.end && i + n.length > h.start))
        highlights.push({ start: i, end: i + n.length });
    }
  }
  highlights.sort((a, b) => a.start - b.start);
  return { text, highlights };
}
