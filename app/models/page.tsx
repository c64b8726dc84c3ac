import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect, valueSelect } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults, ResultCount } from "@/components/list/list-results";
import { ModelCard, ModelGridSkeleton } from "@/components/models/model-card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Locale } from "@/lib/i18n/config";
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

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("models");

export default async function ModelsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(modelsFilterSchema, await searchParams);
  const [vendors, industries, t, ts, locale] = await Promise.all([
    vendorOptions(),
    industryOptions(),
    getTranslations("models"),
    getTranslations("status"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <ListPage
      section="models"
      filters={filters}
      fields={[
        entitySelect("vendor", t("filterVendor"), filters.vendor, vendors, locale),
        entitySelect("industry", t("filterIndustry"), filters.industry, industries, locale),
        valueSelect("status", t("filterStatus"), filters.status, ENTITY_STATUSES, (s) => ts(s)),
      ]}
      fallback={<ModelGridSkeleton />}
    >
      <ModelResults filters={filters} />
    </ListPage>
  );
}

async function ModelResults({ filters }: { filters: ModelsFilter }) {
  const [page, total, t] = await Promise.all([listModels(filters), countModels(filters), getTranslations("models")]);
  return (
    <>
      <ResultCount total={total} />
      <ListResults
        path="/models"
        filters={filters}
        page={page}
        empty={<EmptyState title={t("empty")} hint={t("emptyHint")} />}
      >
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {page.items.map((m) => (
            <li key={m.slug}>
              <ModelCard model={m} />
            </li>
          ))}
        </ul>
      </ListResults>
    </>
  );
}
