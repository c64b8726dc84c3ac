import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { Suspense } from "react";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import { Snippet } from "@/components/search/snippet";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { ExternalLink } from "@/components/ui/citation";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { articleHref, industryHref, modelHref, vendorHref, withParams } from "@/components/ui/hrefs";
import { PageHeader } from "@/components/ui/page-header";
import { search } from "@/lib/queries/search";
import {
  parseFilters,
  searchParamsSchema,
  SEARCH_SCOPES,
  type RawSearchParams,
  type SearchScope,
} from "@/lib/validations/filters";

export async function generateMetadata({
  searchParams,
}: {
  searchParams: Promise<RawSearchParams>;
}): Promise<Metadata> {
  const { q } = parseFilters(searchParamsSchema, await searchParams);
  const t = await getTranslations("search");
  return { title: q ? `${q} · ${t("title")}` : t("title") };
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { q, scope } = parseFilters(searchParamsSchema, await searchParams);
  const [t, tc, tn] = await Promise.all([getTranslations("search"), getTranslations("common"), getTranslations("nav")]);
  const scopeLabel: Record<SearchScope, string> = {
    all: tc("all"),
    models: tc("models"),
    vendors: tc("vendors"),
    industries: tc("industries"),
    articles: tc("articles"),
  };
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <Form
        action="/search"
        role="search"
        className="mb-8 flex flex-col gap-3 rounded-xl border border-line bg-surface p-3 sm:flex-row sm:items-end sm:p-4"
      >
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-xs font-medium text-ink-2">
          {tn("searchLabel")}
          <input
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t("placeholder")}
            maxLength={100}
            className="h-10 w-full rounded-lg border border-line-strong bg-surface px-3 text-base text-ink placeholder:text-ink-3"
            data-testid="search-input"
          />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-ink-2 sm:w-40">
          {t("scope")}
          <select
            name="scope"
            defaultValue={scope}
            className="h-10 rounded-lg border border-line-strong bg-surface px-2 text-sm text-ink"
          >
            {SEARCH_SCOPES.map((s) => (
              <option key={s} value={s}>
                {scopeLabel[s]}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-10 rounded-lg bg-brand px-5 text-sm font-medium text-on-brand hover:bg-brand-strong"
        >
          {t("submit")}
        </button>
      </Form>

      <Suspense key={`${scope}|${q}`} fallback={<ListSkeleton />}>
        <SearchResultsView q={q} scope={scope} />
      </Suspense>
    </>
  );
}

async function SearchResultsView({ q, scope }: { q: string; scope: SearchScope }) {
  const [results, t, tc] = await Promise.all([
    q ? search(q, { scope }) : Promise.resolve(null),
    getTranslations("search"),
    getTranslations("common"),
  ]);
  const total = results
    ? results.models.total + results.vendors.total + results.industries.total + results.articles.total
    : 0;

  return (
    <>
      {!results || !results.searched ? (
        <EmptyState title={t("prompt")} hint={t("subtitle")} />
      ) : total === 0 ? (
        <EmptyState title={t("noResults", { query: q })} hint={t("noResultsHint")} />
      ) : (
        <div className="space-y-6" data-testid="search-results">
          <h2 className="text-lg font-semibold text-ink">{t("results", { query: q })}</h2>
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
            <div className="min-w-0 space-y-6">
              {/* The cards are alike by design: each kind renders its own hits inside ResultCard. */}
              <ResultCard kind="models" section={results.models} q={q} scope={scope}>
                {results.models.items.map((m) => (
                  <li key={m.slug} className="px-4 py-3 sm:px-5" data-testid="search-model">
                    <div className="flex items-center justify-between gap-2">
                      <EntityName names={m.names} href={modelHref(m.slug)} />
                      <StatusBadge status={m.status} />
                    </div>
                    {m.vendor ? (
                      <p className="text-xs text-ink-3">
                        <EntityName names={m.vendor.names} secondary={false} />
                      </p>
                    ) : null}
                    {m.aliases.length ? (
                      <p className="mt-1 truncate text-xs text-ink-3" lang="zh-CN">
                        {tc("aliases")}: {m.aliases.join("、")}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ResultCard>
              <ResultCard kind="vendors" section={results.vendors} q={q} scope={scope}>
                {results.vendors.items.map((o) => (
                  <li key={o.slug} className="flex items-center justify-between gap-2 px-4 py-3 sm:px-5">
                    <EntityName names={o.names} href={vendorHref(o.slug)} />
                    <StatusBadge status={o.status} />
                  </li>
                ))}
              </ResultCard>
              <ResultCard kind="industries" section={results.industries} q={q} scope={scope}>
                {results.industries.items.map((i) => (
                  <li key={i.slug} className="px-4 py-3 sm:px-5">
                    <EntityName names={i.names} href={industryHref(i.slug)} />
                  </li>
                ))}
              </ResultCard>
            </div>
            <div className="min-w-0 lg:col-span-2">
              <ResultCard kind="articles" section={results.articles} q={q} scope={scope}>
                {results.articles.items.map((a) => (
                  <li key={a.id} className="px-4 py-4 sm:px-5" data-testid="search-article">
                    <Link
                      href={articleHref(a.id)}
                      lang="zh-CN"
                      className="font-medium text-ink hover:text-brand hover:underline"
                    >
                      {a.title}
                    </Link>
                    <p lang="zh-CN" className="mt-1 text-sm leading-relaxed text-ink-2">
                      <Snippet text={a.snippet.text} highlights={a.snippet.highlights} />
                    </p>
                    <p className="mt-1 text-xs text-ink-3">
                      <ExternalLink href={a.url}>{tc("original")}</ExternalLink>
                    </p>
                  </li>
                ))}
              </ResultCard>
            </div>
          </div>
        </div>
      )}
    </>
  );
}

/** A capped total (more matched than were counted) reads "1000+". */
const countLabel = (s: { total: number; capped?: boolean }) => (s.capped ? `${s.total}+` : String(s.total));

/**
 * The hits of one kind as a card with their count and, on the "all" tab when there are more,
 * a link to all hits of that kind; nothing when there are none.
 */
function ResultCard({
  kind,
  section,
  q,
  scope,
  children,
}: {
  kind: Exclude<SearchScope, "all">;
  section: { total: number; capped?: boolean; items: unknown[] };
  q: string;
  scope: SearchScope;
  children: ReactNode;
}) {
  const t = useTranslations("search");
  const tc = useTranslations("common");
  if (!section.items.length) return null;
  const id = `r-${kind}`;
  return (
    <Card aria-labelledby={id}>
      <CardHeader
        id={id}
        title={
          <span className="flex items-center gap-2">
            {tc(kind)} <Badge>{countLabel(section)}</Badge>
          </span>
        }
        action={
          scope === "all" && section.total > section.items.length ? (
            <Link href={withParams("/search", { q, scope: kind })} className="text-brand hover:underline">
              {t("more", { count: countLabel(section) })}
            </Link>
          ) : undefined
        }
      />
      <ul className="divide-y divide-line">{children}</ul>
    </Card>
  );
}
