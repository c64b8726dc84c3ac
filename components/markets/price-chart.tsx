import { useLocale, useTranslations } from "next-intl";
import { SeriesLegend } from "@/components/charts/series-legend";
import { TimeSeriesChart, type TimeDrop, type TimeSeries } from "@/components/charts/time-series-chart";
import type { Locale } from "@/lib/i18n/config";
import { formatDateAtPrecision, primaryName } from "@/lib/i18n/format";
import { formatPrice } from "./format";
import { currencyOfUnit } from "./price-table";
import type { PriceLine, PriceRow } from "./types";

/** A line's name: its model (or organisation), and the kind of price when it is not the plain one. */
function useLineLabel() {
  const locale = useLocale() as Locale;
  const tm = useTranslations("priceMetric");
  return (line: PriceLine) => {
    const subject = line.model ?? line.organization;
    const name = subject ? primaryName(subject.names, locale) : "—";
    return line.metric === "price" ? name : `${name} · ${tm(line.metric)}`;
  };
}

/**
 * Prices in CNY per million tokens over time on a log scale, one line a model and kind of price,
 * with its key; prices in other currencies are left to the table (never converted).
 */
export function PriceChart({
  lines,
  cuts = [],
  height = 300,
}: {
  lines: PriceLine[];
  /** cuts that state the price before and after: drawn as drops on the line of their model */
  cuts?: PriceRow[];
  height?: number;
}) {
  const locale = useLocale() as Locale;
  const t = useTranslations("prices");
  const tb = useTranslations("bound");
  const label = useLineLabel();
  const cny = lines.filter((l) => l.currency === "CNY" && l.points.some((p) => p.value > 0));
  if (!cny.length) return null;
  const series: TimeSeries[] = cny.map((l) => ({
    key: l.key,
    label: label(l),
    points: l.points.map((p) => ({
      date: p.date,
      value: p.value,
      dateLabel: formatDateAtPrecision(p.date, p.precision, locale) ?? p.date,
      valueLabel: `${tb(p.bound)}${formatPrice(p.value, "CNY", locale)}`,
    })),
  }));
  const drops = cny.length ? dropsOf(cny, cuts) : [];
  const hasFree = cny.some((l) => l.points.some((p) => p.value === 0));
  const others = lines.filter((l) => l.currency !== "CNY").length;
  return (
    <figure className="m-0" data-testid="price-chart">
      <TimeSeriesChart series={series} drops={drops} scale="log" height={height} tickFormat="yuan" />
      <SeriesLegend label={t("legend")} items={series.map((s) => ({ key: s.key, label: s.label }))} />
      <figcaption className="mt-3 text-xs text-ink-3">
        {t("chartCaption")}
        {drops.length ? <> {t("chartDrops")}</> : null}
        {hasFree ? <> {t("chartFree")}</> : null}
        {others ? <> {t("chartOtherCurrencies", { count: others })}</> : null}
      </figcaption>
    </figure>
  );
}

/**
 * Each cut with both prices on the line it belongs to: its model's line in CNY whose price at the
 * cut's date is the price after (else the model's first CNY line); a cut no line belongs to is left out.
 */
function dropsOf(lines: PriceLine[], cuts: PriceRow[]): TimeDrop[] {
  return cuts.flatMap((c) => {
    const subject = c.model?.slug ?? c.organization?.slug;
    if (c.priceBefore === null || c.priceAfter === null || !c.asOf.value || c.asOf.precision === "unknown") return [];
    if (!subject || currencyOfUnit(c.priceUnit) !== "CNY") return [];
    const own = lines.flatMap((l, i) => ((l.model?.slug ?? l.organization?.slug) === subject ? [i] : []));
    const exact = own.find((i) => lines[i].points.some((p) => p.date === c.asOf.value && p.value === c.priceAfter));
    const series = exact ?? own[0];
    if (series === undefined) return [];
    return [{ key: String(c.id), series, date: c.asOf.value, from: c.priceBefore, to: c.priceAfter }];
  });
}
