// The overview's widgets: each fetches its own data and has a skeleton of the same shape,
// so the page streams them independently inside <Suspense>.
import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { EventCard } from "@/components/events/event-item";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CitationQuote } from "@/components/ui/citation";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { Skeleton, SkeletonLines } from "@/components/ui/skeleton";
import type { Locale } from "@/lib/i18n/config";
import { formatDateAtPrecision, formatMonthShort, formatNumber, primaryName, type Names } from "@/lib/i18n/format";
import { getHeadlineClaim } from "@/lib/queries/claims";
import { eventsPerMonth, latestEvents } from "@/lib/queries/events";
import { listIndustries } from "@/lib/queries/industries";
import { modelsPerVendor, vendorLandscape } from "@/lib/queries/models";
import { getOverviewCounts } from "@/lib/queries/overview";

export async function StatsWidget() {
  const [counts, t, locale] = await Promise.all([
    getOverviewCounts(),
    getTranslations("overview"),
    getLocale() as Promise<Locale>,
  ]);
  const stats = [
    { key: "models", label: t("statModels"), value: counts.models, href: "/models" },
    { key: "vendors", label: t("statVendors"), value: counts.vendors, href: "/vendors?role=vendor" },
    { key: "articles", label: t("statArticles"), value: counts.articles, href: "/articles" },
    { key: "events", label: t("statEvents"), value: counts.events, href: "/timeline" },
  ];
  return (
    <div className="space-y-4">
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {stats.map((s) => (
          <li key={s.key}>
            <Link
              href={s.href}
              data-testid={`stat-${s.key}`}
              className="group block rounded-xl border border-line bg-surface p-4 transition-colors hover:border-brand"
            >
              <span className="text-sm text-ink-2 group-hover:text-brand">{s.label}</span>
              <span className="mt-1 block text-3xl font-bold tabular-nums tracking-tight text-ink">
                {formatNumber(s.value, locale)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {counts.articles === 0 ? <EmptyState title={t("empty")} /> : null}
    </div>
  );
}

StatsWidget.Skeleton = function StatsSkeleton() {
  return (
    <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-hidden="true">
      {[0, 1, 2, 3].map((i) => (
        <li key={i} className="rounded-xl border border-line bg-surface p-4">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="mt-2 h-8 w-20" />
        </li>
      ))}
    </ul>
  );
};

export async function HeadlineWidget() {
  const [claim, t, tb, locale] = await Promise.all([
    getHeadlineClaim(),
    getTranslations("overview"),
    getTranslations("bound"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <Card aria-labelledby="headline-title" className="overflow-hidden">
      <CardHeader id="headline-title" title={t("headline")} />
      <CardBody>
        {claim ? (
          <div
            className="grid grid-cols-1 gap-4 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] md:items-center"
            data-testid="headline-claim"
          >
            <div>
              <p className="flex items-baseline gap-1.5 text-brand">
                {tb(claim.bound) ? <span className="text-lg font-medium">{tb(claim.bound)}</span> : null}
                <span
                  className="text-5xl font-bold tracking-tight tabular-nums sm:text-6xl"
                  data-testid="headline-value"
                >
                  {formatNumber(claim.value, locale)}
                </span>
              </p>
              <p className="mt-1 text-[15px] font-medium text-ink">{t("headlineUnit")}</p>
              <p className="mt-2 flex flex-wrap items-baseline gap-x-1.5 text-sm text-ink-2">
                {claim.asOf.value ? (
                  <span>
                    {t("headlineAsOf", {
                      date: formatDateAtPrecision(claim.asOf.value, claim.asOf.precision, locale) ?? "",
                    })}
                  </span>
                ) : null}
                {claim.statedBy ? (
                  <>
                    {claim.asOf.value ? <span aria-hidden="true">·</span> : null}
                    <span>{t("statedBy")}</span>
                    <EntityName names={claim.statedBy.names} href={vendorHref(claim.statedBy.slug)} />
                  </>
                ) : null}
              </p>
            </div>
            {claim.sources[0] ? <CitationQuote citation={claim.sources[0]} /> : null}
          </div>
        ) : (
          <p className="text-sm text-ink-3">{t("noHeadline")}</p>
        )}
      </CardBody>
    </Card>
  );
}

HeadlineWidget.Skeleton = function HeadlineSkeleton() {
  return (
    <WidgetSkeleton titleWidth="w-24">
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-[2fr_3fr]">
        <div>
          <Skeleton className="h-14 w-28" />
          <Skeleton className="mt-2 h-4 w-48" />
        </div>
        <SkeletonLines lines={3} />
      </div>
    </WidgetSkeleton>
  );
};

/** A widget's loading card: a title bar above `children`. */
function WidgetSkeleton({
  titleWidth,
  className,
  children,
}: {
  titleWidth: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card className={cn(className, "p-5")} aria-hidden="true">
      <Skeleton className={cn("h-4", titleWidth)} />
      {children}
    </Card>
  );
}

function ChartCardSkeleton({ height = 240 }: { height?: number }) {
  return (
    <WidgetSkeleton titleWidth="w-32">
      <div style={{ height }} className="mt-6 flex items-end gap-2">
        {[40, 65, 30, 80, 55, 70, 45, 60].map((h, i) => (
          <Skeleton key={i} className="flex-1" style={{ height: `${h}%` }} />
        ))}
      </div>
    </WidgetSkeleton>
  );
}

/** A widget's card: its heading and a "view all" link to the page behind it. */
function WidgetCard({
  id,
  title,
  description,
  href,
  className,
  children,
}: {
  id: string;
  title: string;
  description?: string;
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const tc = useTranslations("common");
  return (
    <Card aria-labelledby={id} className={className}>
      <CardHeader
        id={id}
        title={title}
        description={description}
        action={
          <Link className="text-brand hover:underline" href={href}>
            {tc("viewAll")}
          </Link>
        }
      />
      {children}
    </Card>
  );
}

/** What a widget shows when there is nothing to chart or list yet. */
function NoData() {
  const tc = useTranslations("common");
  return (
    <CardBody>
      <p className="text-sm text-ink-3">{tc("noData")}</p>
    </CardBody>
  );
}

/** Vendors or industries ranked by their number of models: horizontal bars and the same numbers as a table. */
function ModelCountBars({
  caption,
  column,
  color,
  rows,
}: {
  caption: string;
  column: "vendor" | "industries";
  color: string;
  rows: { slug: string; names: Names; href: string; models: number }[];
}) {
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  return (
    <CardBody>
      <ChartFigure
        caption={caption}
        tableLabel={tc("chartTable")}
        columns={[tc(column), tc("models")]}
        rows={rows.map((r) => ({
          key: r.slug,
          label: <EntityName names={r.names} href={r.href} secondary={false} />,
          value: r.models,
        }))}
      >
        <BarChart
          horizontal
          height={Math.max(140, rows.length * 32)}
          color={color}
          valueLabel={tc("models")}
          data={rows.map((r) => ({ label: primaryName(r.names, locale), value: r.models }))}
        />
      </ChartFigure>
    </CardBody>
  );
}

export async function ReleasesWidget() {
  const [series, t, tc, locale] = await Promise.all([
    eventsPerMonth({ type: "release" }, 60),
    getTranslations("overview"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const data = series.months.map((m) => ({ label: formatMonthShort(m.month, locale), value: m.count }));
  const excluded = series.yearOnly + series.undated;
  return (
    <WidgetCard id="releases-title" title={t("releasesChart")} href="/timeline?type=release">
      {data.length ? (
        <CardBody>
          <ChartFigure
            caption={t("releasesCaption")}
            note={excluded ? t("releasesExcluded", { yearOnly: series.yearOnly, undated: series.undated }) : undefined}
            tableLabel={tc("chartTable")}
            columns={[tc("month"), tc("events")]}
            rows={series.months
              .filter((m) => m.count)
              .map((m, i) => ({ key: m.month + i, label: formatMonthShort(m.month, locale), value: m.count }))}
          >
            <BarChart data={data} valueLabel={tc("events")} />
          </ChartFigure>
        </CardBody>
      ) : (
        <NoData />
      )}
    </WidgetCard>
  );
}
ReleasesWidget.Skeleton = ChartCardSkeleton;

// VendorsWidget and IndustriesWidget are alike by design: the same chart (ModelCountBars) of other data.
export async function VendorsWidget() {
  const [rows, t] = await Promise.all([modelsPerVendor(8), getTranslations("overview")]);
  return (
    <WidgetCard id="vendors-title" title={t("perVendorChart")} href="/vendors">
      {rows.length ? (
        <ModelCountBars
          caption={t("perVendorCaption", { count: rows.length })}
          column="vendor"
          color="var(--chart-2)"
          rows={rows.map(({ vendor, count }) => ({ ...vendor, href: vendorHref(vendor.slug), models: count }))}
        />
      ) : (
        <NoData />
      )}
    </WidgetCard>
  );
}
VendorsWidget.Skeleton = ChartCardSkeleton;

export async function IndustriesWidget() {
  const [page, t] = await Promise.all([listIndustries({ limit: 8 }), getTranslations("overview")]);
  const rows = page.items.filter((i) => i.modelCount > 0 || i.articleCount > 0);
  return (
    <WidgetCard id="industries-title" title={t("industryChart")} href="/industries">
      {rows.length ? (
        <ModelCountBars
          caption={t("industryCaption", { count: rows.length })}
          column="industries"
          color="var(--chart-3)"
          rows={rows.map((r) => ({ slug: r.slug, names: r.names, href: industryHref(r.slug), models: r.modelCount }))}
        />
      ) : (
        <NoData />
      )}
    </WidgetCard>
  );
}
IndustriesWidget.Skeleton = ChartCardSkeleton;

export async function LatestEventsWidget() {
  const [events, t] = await Promise.all([latestEvents({}, 8), getTranslations("overview")]);
  return (
    <WidgetCard id="latest-title" title={t("latestEvents")} href="/timeline">
      {events.length ? (
        <ul className="grid grid-cols-1 md:grid-cols-2 [&>li]:border-b [&>li]:border-line md:[&>li:nth-child(odd)]:border-r">
          {events.map((e) => (
            <li key={e.id} className="min-w-0 px-4 py-4 sm:px-5">
              <EventCard event={e} />
            </li>
          ))}
        </ul>
      ) : (
        <NoData />
      )}
    </WidgetCard>
  );
}

LatestEventsWidget.Skeleton = function LatestEventsSkeleton() {
  return (
    <WidgetSkeleton titleWidth="w-24">
      <div className="mt-5 space-y-6">
        {[0, 1, 2].map((i) => (
          <div key={i}>
            <Skeleton className="h-4 w-32" />
            <Skeleton className="mt-2 h-5 w-48" />
            <Skeleton className="mt-3 h-14 w-full" />
          </div>
        ))}
      </div>
    </WidgetSkeleton>
  );
};

/** The landscape's status dots; the legend lists them in this order. */
const statusDot = { curated: "bg-ok", discovered: "bg-warn", confirmed: "bg-info" } as const;

export async function LandscapeWidget() {
  const [rows, t, ts] = await Promise.all([
    vendorLandscape(10, 6),
    getTranslations("overview"),
    getTranslations("status"),
  ]);
  return (
    <WidgetCard
      id="landscape-title"
      title={t("landscape")}
      description={t("landscapeHint")}
      href="/models"
      className="h-full"
    >
      {rows.length ? (
        <ul className="divide-y divide-line" data-testid="landscape">
          {rows.map((r) => (
            <li
              key={r.vendor.slug}
              className="grid grid-cols-1 gap-x-3 gap-y-1.5 px-4 py-2.5 sm:grid-cols-[7.5rem_minmax(0,1fr)] sm:px-5"
            >
              <span className="text-sm">
                <EntityName names={r.vendor.names} href={vendorHref(r.vendor.slug)} secondary={false} />
                <span className="ml-1.5 text-xs tabular-nums text-ink-3">{r.modelCount}</span>
              </span>
              <ul className="flex flex-wrap gap-1.5">
                {r.models.map((m) => (
                  <li key={m.slug}>
                    <Link
                      href={modelHref(m.slug)}
                      title={m.names.en ?? undefined}
                      className="inline-flex items-center gap-1.5 rounded-md border border-line bg-surface px-2 py-0.5 text-sm text-ink hover:border-brand hover:text-brand"
                    >
                      <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${statusDot[m.status]}`} />
                      <span lang="zh-CN">{m.names.zh}</span>
                      <span className="sr-only">({ts(m.status)})</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      ) : (
        <NoData />
      )}
      {rows.length ? (
        <p
          className="flex flex-wrap gap-x-4 gap-y-1 border-t border-line px-4 py-2.5 text-xs text-ink-3 sm:px-5"
          aria-hidden="true"
        >
          {(Object.keys(statusDot) as (keyof typeof statusDot)[]).map((s) => (
            <span key={s} className="inline-flex items-center gap-1.5">
              <span className={`h-1.5 w-1.5 rounded-full ${statusDot[s]}`} />
              {ts(s)}
            </span>
          ))}
        </p>
      ) : null}
    </WidgetCard>
  );
}

LandscapeWidget.Skeleton = function LandscapeSkeleton() {
  return (
    <WidgetSkeleton titleWidth="w-28" className="h-full">
      <div className="mt-5 space-y-4">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} className="h-5 w-full" />
        ))}
      </div>
    </WidgetSkeleton>
  );
};
