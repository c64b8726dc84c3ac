import { useLocale, useTranslations } from "next-intl";
import { SeriesLegend } from "@/components/charts/series-legend";
import { TimeSeriesChart, type TimeSeries } from "@/components/charts/time-series-chart";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CitationQuote } from "@/components/ui/citation";
import { ConfidenceBadge } from "@/components/ui/confidence-badge";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { vendorHref } from "@/components/ui/hrefs";
import type { Locale } from "@/lib/i18n/config";
import { formatDateAtPrecision, formatNumber, primaryName } from "@/lib/i18n/format";
import type { Bilingual, FilingLine, FilingPointValue } from "./types";

const inLocale = (text: Bilingual, locale: Locale) => (locale === "zh" ? text.zh : text.en);

/** A count with its bound and unit: 至少79个模型 / at least 79 models. */
function useCount() {
  const locale = useLocale() as Locale;
  const tb = useTranslations("bound");
  const tu = useTranslations("unit");
  return (p: Pick<FilingPointValue, "value" | "bound" | "unit">) => {
    const unit = tu.has(p.unit) ? tu(p.unit) : p.unit;
    const gap = locale === "en" || !tu.has(p.unit) ? " " : "";
    return `${tb(p.bound)}${formatNumber(p.value, locale)}${gap}${unit}`;
  };
}

/** A series' name: what it counts, and who counts it. */
function useLineName() {
  const locale = useLocale() as Locale;
  const t = useTranslations("filings");
  return (line: FilingLine) => {
    const what = inLocale(line.metric.label, locale);
    return line.statedBy ? t("seriesName", { metric: what, org: primaryName(line.statedBy.names, locale) }) : what;
  };
}

/** Every series on one time axis (linear), each with its definition in the key below. */
export function FilingsChart({ lines }: { lines: FilingLine[] }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("filings");
  const count = useCount();
  const name = useLineName();
  const series: TimeSeries[] = lines.map((l) => ({
    key: l.key,
    label: name(l),
    points: l.points.flatMap((p) =>
      p.asOf.value && p.asOf.precision !== "unknown"
        ? [
            {
              date: p.asOf.value,
              value: p.value,
              dateLabel: formatDateAtPrecision(p.asOf.value, p.asOf.precision, locale) ?? p.asOf.value,
              valueLabel: count(p),
            },
          ]
        : [],
    ),
  }));
  if (!series.some((s) => s.points.length)) return null;
  return (
    <figure className="m-0" data-testid="filings-chart">
      <TimeSeriesChart series={series} scale="linear" height={280} />
      <SeriesLegend
        label={t("legend")}
        items={lines.map((l, i) => ({
          key: l.key,
          label: series[i].label,
          description: inLocale(l.metric.definition, locale),
        }))}
      />
      <figcaption className="mt-3 text-xs text-ink-3">{t("chartCaption")}</figcaption>
    </figure>
  );
}

/** One series: its definition, who states it, and every point with the sentence it came from. */
export function FilingSeriesCard({ line, index }: { line: FilingLine; index: number }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("filings");
  const tsc = useTranslations("scope");
  const count = useCount();
  const id = `series-${index}`;
  return (
    <Card aria-labelledby={id}>
      <CardHeader
        id={id}
        title={inLocale(line.metric.label, locale)}
        description={
          <>
            {line.statedBy ? (
              <span className="mr-1 inline-flex flex-wrap gap-x-1">
                {t("statedBy")}
                <EntityName names={line.statedBy.names} href={vendorHref(line.statedBy.slug)} secondary={false} />
                <span aria-hidden="true">·</span>
              </span>
            ) : null}
            {inLocale(line.metric.definition, locale)}
          </>
        }
      />
      <CardBody>
        <div data-testid="filing-series" data-metric={line.metric.key} data-stated-by={line.statedBy?.slug ?? ""}>
          <ol className="divide-y divide-line">
            {line.points.map((p) => (
              <li
                key={p.id}
                data-testid="filing-point"
                className="grid grid-cols-1 gap-x-5 gap-y-2 py-3 first:pt-0 last:pb-0 sm:grid-cols-[11rem_minmax(0,1fr)]"
              >
                <div>
                  <p className="text-lg font-semibold tabular-nums text-ink">{count(p)}</p>
                  <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-ink-2">
                    <span>
                      {t("asOf")} <DateLabel date={p.asOf} />
                    </span>
                    {p.scope ? <span className="text-ink-3">{tsc.has(p.scope) ? tsc(p.scope) : p.scope}</span> : null}
                    <ConfidenceBadge confidence={p.confidence} />
                  </p>
                </div>
                {p.source ? <CitationQuote citation={p.source} compact /> : null}
              </li>
            ))}
          </ol>
        </div>
      </CardBody>
    </Card>
  );
}
