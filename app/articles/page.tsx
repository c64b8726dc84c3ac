import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import { Chip } from "@/components/ui/badge";
import { ExternalLink } from "@/components/ui/citation";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { FilterBar } from "@/components/ui/filter-bar";
import { articleHref, industryHref } from "@/components/ui/hrefs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber, formatTimestamp, primaryName } from "@/lib/i18n/format";
import { ARTICLE_COUNT_CAP, countArticles, listArticles } from "@/lib/queries/articles";
import { industryOptions } from "@/lib/queries/industries";
import {
  articlesFilterSchema,
  parseFilters,
  type ArticlesFilter,
  type RawSearchParams,
} from "@/lib/validations/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("articles"))("title") };
}

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(articlesFilterSchema, await searchParams);
  const [industries, t, tc, locale] = await Promise.all([
    industryOptions(),
    getTranslations("articles"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar
        action="/articles"
        legend={tc("filters")}
        applyLabel={tc("apply")}
        resetLabel={tc("reset")}
        active={Boolean(filters.industry || filters.technology)}
        fields={[
          {
            kind: "select",
            name: "industry",
            label: t("filterIndustry"),
            value: filters.industry,
            allLabel: tc("all"),
            options: industries.map((i) => ({ value: i.slug, label: primaryName(i.names, locale) })),
          },
        ]}
      />
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton />}>
        <ArticleResults filters={filters} />
      </Suspense>
    </>
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
      <p className="mb-3 text-sm text-ink-3" aria-live="polite">
        {tc("showing", {
          count:
            total > ARTICLE_COUNT_CAP ? `${formatNumber(ARTICLE_COUNT_CAP, locale)}+` : formatNumber(total, locale),
        })}
      </p>
      {page.items.length ? (
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
              {a.industries.length ? (
                <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={t("industries")}>
                  {a.industries.map((i) => (
                    <li key={i.slug}>
                      <Chip href={industryHref(i.slug)}>
                        <EntityName names={i.names} secondary={false} />
                      </Chip>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t("empty")} />
      )}
      <Pagination
        path="/articles"
        params={{ industry: filters.industry, technology: filters.technology, cursor: filters.cursor }}
        nextCursor={page.nextCursor}
      />
    </>
  );
}
