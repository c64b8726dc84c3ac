// Articles for the JSON API: the /articles filters plus a text query (`q`) and a vendor filter
// (articles naming the organization or one of its models). Same item shape and order as
// listArticles (./articles.ts), through the same listArticlesWhere.
import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticlesFilter } from "@/lib/validations/filters";
import type { Page } from "./common";
import { articleWhere, listArticlesWhere, type ArticleListItem } from "./articles";
import { textMatchIds } from "./api-search";
import { cachedQuery } from "@/lib/db/query-cache";

export type ArticlesApiFilter = Partial<ArticlesFilter> & { q?: string; vendor?: string };

export const listArticlesWithText = cachedQuery(
  "api-articles.listArticlesWithText",
  async function listArticlesWithText(
    filters: ArticlesApiFilter,
    opts: { limit?: number } = {},
  ): Promise<Page<ArticleListItem>> {
    const { q, vendor, ...rest } = filters;
    const and: Prisma.ArticleWhereInput[] = [articleWhere(rest)];
    if (q) {
      const ids = await textMatchIds("Article", q);
      if (!ids.length) return { items: [], nextCursor: null };
      and.push({ id: { in: ids } });
    }
    if (vendor) {
      and.push({
        mentions: { some: { OR: [{ organization: { slug: vendor } }, { model: { vendor: { slug: vendor } } }] } },
      });
    }
    return listArticlesWhere({ AND: and }, filters.cursor, opts);
  },
);
