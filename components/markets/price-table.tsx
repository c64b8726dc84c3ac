import { useLocale, useTranslations } from "next-intl";
import { CitationQuote } from "@/components/ui/citation";
import { ConfidenceBadge } from "@/components/ui/confidence-badge";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { modelHref, vendorHref } from "@/components/ui/hrefs";
import { DataTable, td, th } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";
import { formatPrice } from "./format";
import type { PriceRow } from "./types";

/** "cny_per_million_tokens" -> "CNY"; null for any other unit. */
export function currencyOfUnit(unit: string | null): string | null {
  const m = /^([a-z]{3})_per_million_tokens$/i.exec(unit ?? "");
  return m ? m[1].toUpperCase() : null;
}

/** A price as the reader says it: 1元/百万 tokens, free, or a cut of 80%; its bound kept. */
function PriceValue({ row }: { row: Pick<PriceRow, "metric" | "value" | "unit" | "currency" | "bound"> }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("prices");
  const tb = useTranslations("bound");
  if (row.metric === "price_cut_percent")
    return <>{t("cut", { bound: tb(row.bound), percent: formatNumber(row.value, locale) })}</>;
  if (row.value === 0) return <>{t("free")}</>;
  const text = row.currency
    ? formatPrice(row.value, row.currency, locale)
    : `${formatNumber(row.value, locale)} ${row.unit}`;
  return (
    <>
      {tb(row.bound)}
      {text}
    </>
  );
}

/** Before → after of a cut, when the text states both, in their own unit: "20 → 0.5元/百万 tokens". */
function BeforeAfter({ row }: { row: PriceRow }) {
  const locale = useLocale() as Locale;
  if (row.priceBefore === null || row.priceAfter === null) return null;
  const currency = currencyOfUnit(row.priceUnit);
  const after = currency
    ? formatPrice(row.priceAfter, currency, locale)
    : `${formatNumber(row.priceAfter, locale)} ${row.priceUnit ?? ""}`;
  return (
    <span className="mt-0.5 block text-xs font-normal text-ink-2" data-testid="before-after">
      {formatNumber(row.priceBefore, locale)} → {after}
    </span>
  );
}

/** What a price is of: its model (or organisation) linked, its vendor below. */
function Subject({ row }: { row: PriceRow }) {
  const subject = row.model ?? row.organization;
  return (
    <>
      {subject ? (
        <EntityName
          names={subject.names}
          href={row.model ? modelHref(row.model.slug) : vendorHref(subject.slug)}
          secondary={false}
        />
      ) : (
        <span className="text-ink-3">—</span>
      )}
      {row.model?.vendor ? (
        <span className="ml-2 text-xs text-ink-3 sm:ml-0 sm:block">
          <EntityName names={row.model.vendor.names} secondary={false} />
        </span>
      ) : null}
    </>
  );
}

/**
 * Every price point, with what it is a price of, when, the change and the sentence it came from:
 * a table on wide screens, a list of cards on phones (a table there would hide the prices off screen).
 */
export function PriceTable({
  rows,
  caption,
  showModel = true,
}: {
  rows: PriceRow[];
  caption: string;
  showModel?: boolean;
}) {
  const t = useTranslations("prices");
  const tm = useTranslations("priceMetric");
  const kind = (r: PriceRow) => (tm.has(r.metric) ? tm(r.metric) : r.metric);
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label={caption}>
        {rows.map((r) => (
          <li
            key={r.id}
            data-testid="price-row"
            data-model={r.model?.slug ?? ""}
            className="min-w-0 rounded-xl border border-line bg-surface p-4"
          >
            {showModel ? (
              <p className="text-[15px]">
                <Subject row={r} />
              </p>
            ) : null}
            <p className="mt-1 flex flex-wrap items-baseline gap-x-2 gap-y-1">
              <span className="text-lg font-semibold text-ink">
                <PriceValue row={r} />
              </span>
              <span className="text-sm text-ink-2">{kind(r)}</span>
              <DateLabel date={r.asOf} className="text-sm text-ink-2" />
              <ConfidenceBadge confidence={r.confidence} />
            </p>
            <BeforeAfter row={r} />
            {r.source ? <CitationQuote citation={r.source} compact className="mt-2" /> : null}
          </li>
        ))}
      </ul>
      {/* relative: the screen-reader-only texts inside are positioned; they must stay inside the scrolling box */}
      <DataTable caption={caption} className="relative hidden sm:block">
        <thead>
          <tr>
            {showModel ? (
              <th scope="col" className={th}>
                {t("colModel")}
              </th>
            ) : null}
            <th scope="col" className={th}>
              {t("colDate")}
            </th>
            <th scope="col" className={th}>
              {t("colKind")}
            </th>
            <th scope="col" className={th}>
              {t("colPrice")}
            </th>
            <th scope="col" className={th}>
              {t("colSource")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="price-row" data-model={r.model?.slug ?? ""}>
              {showModel ? (
                <td className={td}>
                  <Subject row={r} />
                </td>
              ) : null}
              <td className={`${td} whitespace-nowrap`}>
                <DateLabel date={r.asOf} className="text-ink-2" />
              </td>
              <td className={`${td} whitespace-nowrap text-ink-2`}>{kind(r)}</td>
              <td className={`${td} whitespace-nowrap font-medium text-ink`}>
                <PriceValue row={r} />
                <span className="ml-1.5 inline-block align-middle">
                  <ConfidenceBadge confidence={r.confidence} />
                </span>
                <BeforeAfter row={r} />
              </td>
              <td className={`${td} min-w-[16rem] max-w-md`}>
                {r.source ? <CitationQuote citation={r.source} compact /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}
