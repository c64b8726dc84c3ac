import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { FilterBar } from "@/components/ui/filter-bar";
import { ModelCard, ModelGridSkeleton } from "@/components/models/model-card";
import { Suspense } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber, primaryName } from "@/lib/i18n/format";
import { industryOptions } from "@/lib/queries/industries";
import { countModels, listModels } from "@/lib/queries/models";
import { vendorOptions } from "@/lib/queries/organizations";
import {
  ENTITY_STATUSES,
  modelsFilterSchema,
  parseFilters,
  type ModelsFilter,
  type RawSearchParams,
} from "@/lib/validations/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("models"))("title") };
}

export default async function ModelsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(modelsFilterSchema, await searchParams);
  const [vendors, industries, t, tc, ts, locale] = await Promise.all([
    vendorOptions(),
    industryOptions(),
    getTranslations("models"),
    getTranslations("common"),
    getTranslations("status"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar
        action="/models"
        legend={tc("filters")}
        applyLabel={tc("apply")}
        resetLabel={tc("reset")}
        active={Boolean(filters.vendor || filters.industry || filters.status)}
        fields={[
          {
            kind: "select",
            name: "vendor",
            label: t("filterVendor"),
            value: filters.vendor,
            allLabel: tc("all"),
            options: vendors.map((v) => ({ value: v.slug, label: primaryName(v.names, locale) })),
          },
          {
            kind: "select",
            name: "industry",
            label: t("filterIndustry"),
            value: filters.industry,
            allLabel: tc("all"),
            options: industries.map((i) => ({ value: i.slug, label: primaryName(i.names, locale) })),
          },
          {
            kind: "select",
            name: "status",
            label: t("filterStatus"),
            value: filters.status,
            allLabel: tc("all"),
            options: ENTITY_STATUSES.map((s) => ({ value: s, label: ts(s) })),
          },
        ]}
      />
      <Suspense key={JSON.stringify(filters)} fallback={<ModelGridSkeleton />}>
        <ModelResults filters={filters} />
      </Suspense>
    </>
  );
}

async function ModelResults({ filters }: { filters: ModelsFilter }) {
  const [page, total, t, tc, locale] = await Promise.all([
    listModels(filters),
    countModels(filters),
    getTranslations("models"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const params = { vendor: filters.vendor, industry: filters.industry, status: filters.status };
  return (
    <>
      <p className="mb-3 text-sm text-ink-3" aria-live="polite">
        {tc("showing", { count: formatNumber(total, locale) })}
      </p>
      {page.items.length ? (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {page.items.map((m) => (
            <li key={m.slug}>
              <ModelCard model={m} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t("empty")} hint={t("emptyHint")} />
      )}
      <Pagination path="/models" params={{ ...params, cursor: filters.cursor }} nextCursor={page.nextCursor} />
    </>
  );
}
