import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect, periodField, valueSelect } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults, ResultCount } from "@/components/list/list-results";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TimelineGroups } from "@/components/events/timeline-groups";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { Locale } from "@/lib/i18n/config";
import { formatMonthShort } from "@/lib/i18n/format";
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

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("timeline");

export default async function TimelinePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(timelineFilterSchema, await searchParams);
  const [vendors, industries, models, t, te, locale] = await Promise.all([
    vendorOptions(),
    industryOptions(),
    modelOptions(),
    getTranslations("timeline"),
    getTranslations("eventType"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <ListPage
      section="timeline"
      filters={filters}
      fields={[
        entitySelect("vendor", t("filterVendor"), filters.vendor, vendors, locale),
        entitySelect("model", t("filterModel"), filters.model, models, locale),
        entitySelect("industry", t("filterIndustry"), filters.industry, industries, locale),
        valueSelect("type", t("filterType"), filters.type, EVENT_TYPES, (e) => te(e)),
        periodField("from", t("filterFrom"), filters.from, "2023-01"),
        periodField("to", t("filterTo"), filters.to, "2024-12"),
      ]}
      fallback={<ListSkeleton />}
    >
      <TimelineResults filters={filters} />
    </ListPage>
  );
}

async function TimelineResults({ filters }: { filters: TimelineFilter }) {
  const { cursor: _cursor, ...criteria } = filters;
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
      <ResultCount total={total} className="mb-4" testId="timeline-count" />
      <ListResults path="/timeline" filters={filters} page={page} empty={<EmptyState title={t("empty")} />}>
        <TimelineGroups events={page.items} />
      </ListResults>
    </>
  );
}
