import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect, periodField, type ListField } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { FilingSeriesCard, FilingsChart } from "@/components/markets/filings";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import type { Locale } from "@/lib/i18n/config";
import { filingOptions, listFilingSeries } from "@/lib/queries/filings";
import { filingsFilterSchema, parseFilters, type FilingsFilter, type RawSearchParams } from "@/lib/validations/filters";

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("filings");

export default async function FilingsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(filingsFilterSchema, await searchParams);
  const [options, t, locale] = await Promise.all([
    filingOptions(),
    getTranslations("filings"),
    getLocale() as Promise<Locale>,
  ]);
  const metricField: ListField = {
    kind: "select",
    name: "metric",
    label: t("filterMetric"),
    value: filters.metric,
    options: options.metrics.map((m) => ({ value: m.key, label: locale === "zh" ? m.label.zh : m.label.en })),
  };
  return (
    <ListPage
      section="filings"
      filters={filters}
      fields={[
        metricField,
        entitySelect("statedBy", t("filterStatedBy"), filters.statedBy, options.statedBy, locale),
        periodField("from", t("filterFrom"), filters.from, "2023-01"),
        periodField("to", t("filterTo"), filters.to, "2025-12"),
      ]}
      fallback={<ListSkeleton />}
    >
      <FilingResults filters={filters} />
    </ListPage>
  );
}

async function FilingResults({ filters }: { filters: FilingsFilter }) {
  const [lines, t] = await Promise.all([listFilingSeries(filters), getTranslations("filings")]);
  if (!lines.length) return <EmptyState title={t("empty")} hint={t("emptyHint")} />;
  const dated = lines.some((l) => l.points.some((p) => p.asOf.value && p.asOf.precision !== "unknown"));
  return (
    <>
      {dated ? (
        <Card aria-labelledby="chart-title" className="mb-8">
          <CardHeader id="chart-title" title={t("chart")} description={t("chartHint")} />
          <CardBody>
            <FilingsChart lines={lines} />
          </CardBody>
        </Card>
      ) : null}
      <div className="space-y-6">
        {lines.map((l, i) => (
          <FilingSeriesCard key={l.key} line={l} index={i} />
        ))}
      </div>
    </>
  );
}
