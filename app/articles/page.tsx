import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults, ResultCount } from "@/components/list/list-results";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import { ExternalLink } from "@/components/ui/citation";
import { EmptyState } from "@/components/ui/empty-state";
import { articleHref } from "@/components/ui/hrefs";
import { IndustryChips } from "@/components/ui/industry-chips";
import type { Locale } from "@/lib/i18n/config";
import { formatTimestamp } from "@/lib/i18n/format";
import { ARTICLE_COUNT_CAP, countArticles, listArticles } from "@/lib/queries/articles";
import { industryOptions } from "@/lib/queries/industries";
import {
  articlesFilterSchema,
  parseFilters,
  type ArticlesFilter,
  type RawSearchParams,
} from "@/lib/validations/filters";

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("articles");

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(articlesFilterSchema, await searchParams);
  const [industries, t, locale] = await Promise.all([
    industryOptions(),
    getTranslations("articles"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <ListPage
      section="articles"
      filters={filters}
      fields={[entitySelect("industry", t("filterIndustry"), filters.industry, industries, locale)]}
      fallback={<ListSkeleton />}
    >
      <ArticleResults filters={filters} />
    </ListPage>
  );
}

async function ArticleResults({ filters }: { filters: ArticlesFilter }) {
  const [page, total, t, tc, locale] = await Promise.all([
    listArticles(filters),
    countArticles(filters),
    getTranslations("articles"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <ResultCount total={total} cap={ARTICLE_COUNT_CAP} />
      <ListResults path="/articles" filters={filters} page={page} empty={<EmptyState title={t("empty")} />}>
        <ul className="space-y-3">
          {page.items.map((a) => (
            <li key={a.id} className="rounded-xl border border-line bg-surface p-4 sm:p-5" data-testid="article-item">
              <h2 className="text-base font-semibold leading-snug sm:text-lg" lang="zh-CN">
                <Link href={articleHref(a.id)} className="text-ink hover:text-brand hover:underline">
                  {a.title}
                </Link>
              </h2>
              <p lang="zh-CN" className="mt-1.5 line-clamp-2 text-sm leading-relaxed text-ink-2">
                {a.excerpt}
              </p>
              <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-xs text-ink-3">
                <span>{t("ingested", { date: formatTimestamp(a.ingestedAt, locale) })}</span>
                <span>{t("mentionCount", { count: a.mentionCount })}</span>
                <span>{t("eventCount", { count: a.eventCount })}</span>
                <ExternalLink href={a.url}>{tc("original")}</ExternalLink>
              </div>
              <IndustryChips industries={a.industries} label={t("industries")} />
            </li>
          ))}
        </ul>
      </ListResults>
    </>
  );
}
