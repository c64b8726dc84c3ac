import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect, periodField, valueSelect } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults } from "@/components/list/list-results";
import { MarketSection } from "@/components/markets/market-section";
import { PriceChart } from "@/components/markets/price-chart";
import { PriceTable } from "@/components/markets/price-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import type { Locale } from "@/lib/i18n/config";
import type { EntityRef } from "@/lib/queries/common";
import { listPrices, priceChart, pricedModelOptions } from "@/lib/queries/prices";
import {
  PRICE_CURRENCIES,
  PRICE_METRICS,
  parseFilters,
  pricesFilterSchema,
  type PricesFilter,
  type RawSearchParams,
} from "@/lib/validations/filters";

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("prices");

export default async function PricesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(pricesFilterSchema, await searchParams);
  const [models, t, tm, locale] = await Promise.all([
    pricedModelOptions(),
    getTranslations("prices"),
    getTranslations("priceMetric"),
    getLocale() as Promise<Locale>,
  ]);
  // the vendors of the priced models, once each
  const vendors = [
    ...new Map(models.flatMap((m) => (m.vendor ? [[m.vendor.slug, m.vendor] as const] : []))).values(),
  ].sort((a: EntityRef, b: EntityRef) => a.names.zh.localeCompare(b.names.zh, "zh"));
  return (
    <ListPage
      section="prices"
      filters={filters}
      fields={[
        entitySelect("model", t("filterModel"), filters.model, models, locale),
        entitySelect("vendor", t("filterVendor"), filters.vendor, vendors, locale),
        valueSelect("metric", t("filterMetric"), filters.metric, PRICE_METRICS, (m) => tm(m)),
        valueSelect("currency", t("filterCurrency"), filters.currency, PRICE_CURRENCIES, (c) => c),
        periodField("from", t("filterFrom"), filters.from, "2024-01"),
        periodField("to", t("filterTo"), filters.to, "2025-12"),
      ]}
      fallback={<TableSkeleton />}
    >
      <PriceResults filters={filters} />
    </ListPage>
  );
}

async function PriceResults({ filters }: { filters: PricesFilter }) {
  const { cursor: _cursor, ...criteria } = filters;
  const [page, chart, cuts, t] = await Promise.all([
    listPrices(filters, { limit: 50 }),
    priceChart(criteria),
    // the cuts that state both prices are drawn as drops on the chart
    criteria.metric ? null : listPrices({ ...criteria, metric: "price_cut_percent" }, { limit: 100 }),
    getTranslations("prices"),
  ]);
  const hasChart = chart.series.some((s) => s.currency === "CNY" && s.points.some((p) => p.value > 0));
  return (
    <>
      {hasChart ? (
        <Card aria-labelledby="chart-title" className="mb-8">
          <CardHeader id="chart-title" title={t("chart")} description={t("chartHint")} />
          <CardBody>
            <PriceChart lines={chart.series} cuts={cuts?.items} />
            {chart.undated ? <p className="mt-1 text-xs text-ink-3">{t("undated", { count: chart.undated })}</p> : null}
          </CardBody>
        </Card>
      ) : null}
      <MarketSection id="points" title={t("points")} description={t("pointsHint")}>
        <ListResults path="/prices" filters={filters} page={page} empty={<EmptyState title={t("empty")} />}>
          <PriceTable rows={page.items} caption={t("points")} />
        </ListResults>
      </MarketSection>
    </>
  );
}
