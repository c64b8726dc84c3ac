import type { Metadata } from "next";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TimelineGroups } from "@/components/events/timeline-groups";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { formatMonthShort, formatNumber, primaryName } from "@/lib/i18n/format";
import { countEvents, eventsPerMonth, listEvents } from "@/lib/queries/events";
import { industryOptions } from "@/lib/queries/industries";
import { modelOptions } from "@/lib/queries/models";
import { vendorOptions } from "@/lib/queries/organizations";
import {
  EVENT_TYPES,
  parseFilters,
  timelineFilterSchema,
  type RawSearchParams,
  type TimelineFilter,
} from "@/lib/validations/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("timeline"))("title") };
}

export default async function TimelinePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(timelineFilterSchema, await searchParams);
  const { cursor: _cursor, ...criteria } = filters;
  const [vendors, industries, models, t, tc, te, locale] = await Promise.all([
    vendorOptions(),
    industryOptions(),
    modelOptions(),
    getTranslations("timeline"),
    getTranslations("common"),
    getTranslations("eventType"),
    getLocale() as Promise<Locale>,
  ]);
  const active = Object.values(criteria).some(Boolean);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar
        action="/timeline"
        legend={tc("filters")}
        applyLabel={tc("apply")}
        resetLabel={tc("reset")}
        active={active}
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
            name: "model",
            label: t("filterModel"),
            value: filters.model,
            allLabel: tc("all"),
            options: models.map((m) => ({ value: m.slug, label: primaryName(m.names, locale) })),
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
            name: "type",
            label: t("filterType"),
            value: filters.type,
            allLabel: tc("all"),
            options: EVENT_TYPES.map((e) => ({ value: e, label: te(e) })),
          },
          {
            kind: "text",
            name: "from",
            label: t("filterFrom"),
            value: filters.from,
            placeholder: "2023-01",
            pattern: "\\d{4}(-(0[1-9]|1[0-2]))?",
          },
          {
            kind: "text",
            name: "to",
            label: t("filterTo"),
            value: filters.to,
            placeholder: "2024-12",
            pattern: "\\d{4}(-(0[1-9]|1[0-2]))?",
          },
        ]}
      />
      <Suspense key={JSON.stringify(filters)} fallback={<ListSkeleton />}>
        <TimelineResults filters={filters} />
      </Suspense>
    </>
  );
}

async function TimelineResults({ filters }: { filters: TimelineFilter }) {
  const { cursor, ...criteria } = filters;
  const [page, total, series, t, tc, locale] = await Promise.all([
    listEvents(filters, { limit: 40 }),
    countEvents(criteria),
    eventsPerMonth(criteria),
    getTranslations("timeline"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const chartRows = series.months.filter((m) => m.count);
  return (
    <>
      {series.months.length ? (
        <Card aria-labelledby="chart-title" className="mb-8">
          <CardHeader id="chart-title" title={t("chart")} />
          <CardBody>
            <ChartFigure
              caption={t("chartCaption")}
              tableLabel={tc("chartTable")}
              columns={[tc("month"), tc("events")]}
              rows={chartRows.map((m) => ({ key: m.month, label: formatMonthShort(m.month, locale), value: m.count }))}
            >
              <BarChart
                height={200}
                valueLabel={tc("events")}
                data={series.months.map((m) => ({ label: formatMonthShort(m.month, locale), value: m.count }))}
              />
            </ChartFigure>
          </CardBody>
        </Card>
      ) : null}
      <p className="mb-4 text-sm text-ink-3" aria-live="polite" data-testid="timeline-count">
        {tc("showing", { count: formatNumber(total, locale) })}
      </p>
      {page.items.length ? <TimelineGroups events={page.items} /> : <EmptyState title={t("empty")} />}
      <Pagination path="/timeline" params={{ ...criteria, cursor }} nextCursor={page.nextCursor} />
    </>
  );
}
