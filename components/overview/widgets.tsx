// The overview's widgets: each fetches its own data and has a skeleton of the same shape,
// so the page streams them independently inside <Suspense>.
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { EventCard } from "@/components/events/event-item";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CitationQuote } from "@/components/ui/citation";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { Skeleton, SkeletonLines } from "@/components/ui/skeleton";
import type { Locale } from "@/lib/i18n/config";
import { formatDateAtPrecision, formatMonthShort, formatNumber, primaryName } from "@/lib/i18n/format";
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
    <Card className="p-5" aria-hidden="true">
      <Skeleton className="h-4 w-24" />
      <div className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-[2fr_3fr]">
        <div>
          <Skeleton className="h-14 w-28" />
          <Skeleton className="mt-2 h-4 w-48" />
        </div>
        <SkeletonLines lines={3} />
      </div>
    </Card>
  );
};

function ChartCardSkeleton({ height = 240 }: { height?: number }) {
  return (
    <Card className="p-5" aria-hidden="true">
      <Skeleton className="h-4 w-32" />
      <div style={{ height }} className="mt-6 flex items-end gap-2">
        {[40, 65, 30, 80, 55, 70, 45, 60].map((h, i) => (
          <Skeleton key={i} className="flex-1" style={{ height: `${h}%` }} />
        ))}
      </div>
    </Card>
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
    <Card aria-labelledby="releases-title">
      <CardHeader
        id="releases-title"
        title={t("releasesChart")}
        action={
          <Link className="text-brand hover:underline" href="/timeline?type=release">
            {tc("viewAll")}
          </Link>
        }
      />
      <CardBody>
        {data.length ? (
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
        ) : (
          <p className="text-sm text-ink-3">{tc("noData")}</p>
        )}
      </CardBody>
    </Card>
  );
}
ReleasesWidget.Skeleton = ChartCardSkeleton;

export async function VendorsWidget() {
  const [rows, t, tc, locale] = await Promise.all([
    modelsPerVendor(8),
    getTranslations("overview"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <Card aria-labelledby="vendors-title">
      <CardHeader
        id="vendors-title"
        title={t("perVendorChart")}
        action={
          <Link className="text-brand hover:underline" href="/vendors">
            {tc("viewAll")}
          </Link>
        }
      />
      <CardBody>
        {rows.length ? (
          <ChartFigure
            caption={t("perVendorCaption", { count: rows.length })}
            tableLabel={tc("chartTable")}
            columns={[tc("vendor"), tc("models")]}
            rows={rows.map((r) => ({
              key: r.vendor.slug,
              label: <EntityName names={r.vendor.names} href={vendorHref(r.vendor.slug)} secondary={false} />,
              value: r.count,
            }))}
          >
            <BarChart
              horizontal
              height={Math.max(140, rows.length * 32)}
              color="var(--chart-2)"
              valueLabel={tc("models")}
              data={rows.map((r) => ({ label: primaryName(r.vendor.names, locale), value: r.count }))}
            />
          </ChartFigure>
        ) : (
          <p className="text-sm text-ink-3">{tc("noData")}</p>
        )}
      </CardBody>
    </Card>
  );
}
VendorsWidget.Skeleton = ChartCardSkeleton;

export async function IndustriesWidget() {
  const [page, t, tc, locale] = await Promise.all([
    listIndustries({ limit: 8 }),
    getTranslations("overview"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const rows = page.items.filter((i) => i.modelCount > 0 || i.articleCount > 0);
  return (
    <Card aria-labelledby="industries-title">
      <CardHeader
        id="industries-title"
        title={t("industryChart")}
        action={
          <Link className="text-brand hover:underline" href="/industries">
            {tc("viewAll")}
          </Link>
        }
      />
      <CardBody>
        {rows.length ? (
          <ChartFigure
            caption={t("industryCaption", { count: rows.length })}
            tableLabel={tc("chartTable")}
            columns={[tc("industries"), tc("models")]}
            rows={rows.map((r) => ({
              key: r.slug,
              label: <EntityName names={r.names} href={industryHref(r.slug)} secondary={false} />,
              value: r.modelCount,
            }))}
          >
            <BarChart
              horizontal
              height={Math.max(140, rows.length * 32)}
              color="var(--chart-3)"
              valueLabel={tc("models")}
              data={rows.map((r) => ({ label: primaryName(r.names, locale), value: r.modelCount }))}
            />
          </ChartFigure>
        ) : (
          <p className="text-sm text-ink-3">{tc("noData")}</p>
        )}
      </CardBody>
    </Card>
  );
}
IndustriesWidget.Skeleton = ChartCardSkeleton;

export async function LatestEventsWidget() {
  const [events, t, tc] = await Promise.all([
    latestEvents({}, 8),
    getTranslations("overview"),
    getTranslations("common"),
  ]);
  return (
    <Card aria-labelledby="latest-title">
      <CardHeader
        id="latest-title"
        title={t("latestEvents")}
        action={
          <Link className="text-brand hover:underline" href="/timeline">
            {tc("viewAll")}
          </Link>
        }
      />
      {events.length ? (
        <ul className="grid grid-cols-1 md:grid-cols-2 [&>li]:border-b [&>li]:border-line md:[&>li:nth-child(odd)]:border-r">
          {events.map((e) => (
            <li key={e.id} className="min-w-0 px-4 py-4 sm:px-5">
              <EventCard event={e} />
            </li>
          ))}
        </ul>
      ) : (
        <CardBody>
          <p className="text-sm text-ink-3">{tc("noData")}</p>
        </CardBody>
      )}
    </Card>
  );
}

LatestEventsWidget.Skeleton = function LatestEventsSkeleton() {
  return (
    <Card className="p-5" aria-hidden="true">
      <Skeleton className="h-4 w-24" />
      <div className="mt-5 space-y-6">
        {[0, 1, 2].map((i) => (
          <div key={i}>
            <Skeleton className="h-4 w-32" />
            <Skeleton className="mt-2 h-5 w-48" />
            <Skeleton className="mt-3 h-14 w-full" />
          </div>
        ))}
      </div>
    </Card>
  );
};

export async function LandscapeWidget() {
  const [rows, t, tc, ts] = await Promise.all([
    vendorLandscape(10, 6),
    getTranslations("overview"),
    getTranslations("common"),
    getTranslations("status"),
  ]);
  return (
    <Card aria-labelledby="landscape-title" className="h-full">
      <CardHeader
        id="landscape-title"
        title={t("landscape")}
        description={t("landscapeHint")}
        action={
          <Link className="text-brand hover:underline" href="/models">
            {tc("viewAll")}
          </Link>
        }
      />
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
                      <span
                        aria-hidden="true"
                        className={`h-1.5 w-1.5 rounded-full ${m.status === "discovered" ? "bg-warn" : m.status === "confirmed" ? "bg-info" : "bg-ok"}`}
                      />
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
        <CardBody>
          <p className="text-sm text-ink-3">{tc("noData")}</p>
        </CardBody>
      )}
      {rows.length ? (
        <p
          className="flex flex-wrap gap-x-4 gap-y-1 border-t border-line px-4 py-2.5 text-xs text-ink-3 sm:px-5"
          aria-hidden="true"
        >
          <span className="inline-flex items-center gap-1.5">
            <span className="h-1.5 w-1.5 rounded-full bg-ok" />
            {ts("curated")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="h-1.5 w-1.5 rounded-full bg-warn" />
            {ts("discovered")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span className="h-1.5 w-1.5 rounded-full bg-info" />
            {ts("confirmed")}
          </span>
        </p>
      ) : null}
    </Card>
  );
}

LandscapeWidget.Skeleton = function LandscapeSkeleton() {
  return (
    <Card className="h-full p-5" aria-hidden="true">
      <Skeleton className="h-4 w-28" />
      <div className="mt-5 space-y-4">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} className="h-5 w-full" />
        ))}
      </div>
    </Card>
  );
};
