import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect, periodField, type ListField } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults } from "@/components/list/list-results";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { CardGrid, MarketSection } from "@/components/markets/market-section";
import { ReleaseCard } from "@/components/markets/release-card";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import type { Locale } from "@/lib/i18n/config";
import { modelOptions } from "@/lib/queries/models";
import { listOpenSourceReleases, openSourceLicences } from "@/lib/queries/open-source";
import { vendorOptions } from "@/lib/queries/organizations";
import {
  openSourceFilterSchema,
  parseFilters,
  type OpenSourceFilter,
  type RawSearchParams,
} from "@/lib/validations/filters";

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("open-source");

export default async function OpenSourcePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(openSourceFilterSchema, await searchParams);
  const [vendors, models, licences, t, locale] = await Promise.all([
    vendorOptions(),
    modelOptions(),
    openSourceLicences(),
    getTranslations("open-source"),
    getLocale() as Promise<Locale>,
  ]);
  const licenceField: ListField = {
    kind: "select",
    name: "licence",
    label: t("filterLicence"),
    value: filters.licence,
    options: licences.map((l) => ({ value: l.licence, label: l.licence })),
  };
  return (
    <ListPage
      section="open-source"
      filters={filters}
      fields={[
        entitySelect("vendor", t("filterVendor"), filters.vendor, vendors, locale),
        entitySelect("model", t("filterModel"), filters.model, models, locale),
        licenceField,
        periodField("from", t("filterFrom"), filters.from, "2023-01"),
        periodField("to", t("filterTo"), filters.to, "2025-12"),
      ]}
      fallback={<ListSkeleton />}
    >
      <ReleaseResults filters={filters} />
    </ListPage>
  );
}

async function ReleaseResults({ filters }: { filters: OpenSourceFilter }) {
  const [page, licences, t, tc] = await Promise.all([
    listOpenSourceReleases(filters, { limit: 30 }),
    openSourceLicences(),
    getTranslations("open-source"),
    getTranslations("common"),
  ]);
  return (
    <>
      {licences.length ? (
        <Card aria-labelledby="chart-title" className="mb-8">
          <CardHeader id="chart-title" title={t("chart")} />
          <CardBody>
            <ChartFigure
              caption={t("chartCaption")}
              tableLabel={tc("chartTable")}
              columns={[t("licence"), t("releases")]}
              rows={licences.map((l) => ({ key: l.licence, label: l.licence, value: l.releases }))}
            >
              <BarChart
                horizontal
                height={Math.max(120, 36 * licences.length + 24)}
                valueLabel={t("releases")}
                data={licences.map((l) => ({ label: l.licence, value: l.releases }))}
              />
            </ChartFigure>
          </CardBody>
        </Card>
      ) : null}
      <MarketSection id="releases" title={t("list")}>
        <ListResults path="/open-source" filters={filters} page={page} empty={<EmptyState title={t("empty")} />}>
          <CardGrid>
            {page.items.map((r) => (
              <ReleaseCard key={r.id} row={r} />
            ))}
          </CardGrid>
        </ListResults>
      </MarketSection>
    </>
  );
}
