// Articles for the JSON API: the /articles filters plus a text query (`q`) and a vendor filter
// (articles naming the organization or one of its models). Same item shape and order as
// listArticles (./articles.ts), which it delegates to when neither is given.
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticlesFilter } from "@/lib/validations/filters";
import { clampLimit, names, type Page } from "./common";
import { articleWhere, listArticles, type ArticleListItem } from "./articles";
import { textMatchIds } from "./api-search";

export type ArticlesApiFilter = Partial<ArticlesFilter> & { q?: string; vendor?: string };

const EXCERPT = 140;

export async function listArticlesWithText(filters: ArticlesApiFilter, opts: { limit?: number } = {}): Promise<Page<ArticleListItem>> {
  const { q, vendor, ...rest } = filters;
  if (!q && !vendor) return listArticles(rest, opts);
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
  const db = await getDb();
  const limit = clampLimit(opts.limit, 20);
  const m = /^a(\d{1,10})$/.exec(filters.cursor ?? "");
  const rows = await db.article.findMany({
    where: { AND: and },
    orderBy: [{ firstIngestedAt: "desc" }, { id: "desc" }],
    ...(m ? { cursor: { id: Number(m[1]) }, skip: 1 } : {}),
    take: limit + 1,
    select: {
      id: true,
      title: true,
      url: true,
      body: true,
      keywords: true,
      firstIngestedAt: true,
      articleIndustries: { take: 6, select: { industry: { select: { slug: true, nameZh: true, nameEn: true } } } },
      _count: { select: { mentions: true, eventSources: true } },
    },
  });
  const items = rows.slice(0, limit).map((a) => ({
    id: a.id,
    title: a.title,
    url: a.url,
    excerpt: a.body.length > EXCERPT ? `${a.body.slice(0, EXCERPT).replace(/\n/g, " ")}…` : a.body.replace(/\n/g, " "),
    keywords: a.keywords,
    industries: a.articleIndustries.map((x) => ({ slug: x.industry.slug, names: names(x.industry.nameZh, x.industry.nameEn) })),
    ingestedAt: a.firstIngestedAt.toISOString(),
    mentionCount: a._count.mentions,
    eventCount: a._count.eventSources,
  }));
  return { items, nextCursor: rows.length > limit ? `a${items[items.length - 1].id}` : null };
}
