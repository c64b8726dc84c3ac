import { useLocale, useTranslations } from "next-intl";
import type { ClaimItem } from "@/lib/queries/claims";
import { CitationQuote } from "@/components/ui/citation";
import { ConfidenceBadge } from "@/components/ui/confidence-badge";
import { EntityName } from "@/components/ui/entity-name";
import { vendorHref } from "@/components/ui/hrefs";
import { ReviewedBadge } from "@/components/ui/reviewed-badge";
import type { Locale } from "@/lib/i18n/config";
import { formatDateAtPrecision, formatNumber } from "@/lib/i18n/format";

/** A figure with its unit, as-of date (at its precision), who stated it, and its sentence. */
export function ClaimCard({ claim }: { claim: ClaimItem }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("claims");
  const tu = useTranslations("unit");
  const tm = useTranslations("metric");
  const tb = useTranslations("bound");
  const unit = tu.has(claim.unit) ? tu(claim.unit) : claim.unit;
  const metric = tm.has(claim.metric) ? tm(claim.metric) : claim.metric.replace(/_/g, " ");
  const asOf = formatDateAtPrecision(claim.asOf.value, claim.asOf.precision, locale);
  return (
    <article className="min-w-0">
      <p className="flex flex-wrap items-center gap-2 text-xs font-medium uppercase tracking-wide text-ink-3">
        {metric}
        {claim.reviewed ? <ReviewedBadge mark={claim} /> : <ConfidenceBadge confidence={claim.confidence} />}
      </p>
      <p className="mt-0.5 text-xl font-semibold text-ink">
        {tb(claim.bound)}
        <span className="tabular-nums">{formatNumber(claim.value, locale)}</span>
        {unit === "%" ? unit : <span className="ml-1 text-base font-normal text-ink-2">{unit}</span>}
      </p>
      {asOf || claim.statedBy ? (
        <p className="mt-0.5 flex flex-wrap gap-x-1.5 text-sm text-ink-2">
          {asOf ? <span>{t("asOf", { date: asOf })}</span> : null}
          {claim.statedBy ? (
            <>
              <span>{t("statedBy")}</span>
              <EntityName names={claim.statedBy.names} href={vendorHref(claim.statedBy.slug)} secondary={false} />
            </>
          ) : null}
        </p>
      ) : null}
      {claim.sources[0] ? <CitationQuote citation={claim.sources[0]} compact className="mt-2" /> : null}
    </article>
  );
}
