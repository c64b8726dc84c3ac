import { getLocale, getTranslations } from "next-intl/server";
import { entitySelect, periodField, valueSelect } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults, ResultCount } from "@/components/list/list-results";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { ListingCard, RoundCard } from "@/components/markets/funding-cards";
import { formatAmount, formatQuarter } from "@/components/markets/format";
import { CardGrid, MarketSection } from "@/components/markets/market-section";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ListSkeleton } from "@/components/ui/table-skeleton";
import type { Locale } from "@/lib/i18n/config";
import {
  countFundingRounds,
  fundingOptions,
  fundingPerQuarter,
  listFundingRounds,
  listListings,
} from "@/lib/queries/funding";
import {
  FUNDING_ROUNDS,
  fundingFilterSchema,
  parseFilters,
  type FundingFilter,
  type RawSearchParams,
} from "@/lib/validations/filters";

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("funding");

export default async function FundingPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(fundingFilterSchema, await searchParams);
  const [options, t, tr, locale] = await Promise.all([
    fundingOptions(),
    getTranslations("funding"),
    getTranslations("round"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <ListPage
      section="funding"
      filters={filters}
      fields={[
        entitySelect("company", t("filterCompany"), filters.company, options.companies, locale),
        entitySelect("investor", t("filterInvestor"), filters.investor, options.investors, locale),
        valueSelect("round", t("filterRound"), filters.round, FUNDING_ROUNDS, (r) => tr(r)),
        periodField("from", t("filterFrom"), filters.from, "2023-01"),
        periodField("to", t("filterTo"), filters.to, "2025-12"),
      ]}
      fallback={<ListSkeleton />}
    >
      <FundingResults filters={filters} />
    </ListPage>
  );
}

async function FundingResults({ filters }: { filters: FundingFilter }) {
  const { cursor: _cursor, ...criteria } = filters;
  // a listing has no investors and no round: those filters leave listings out
  const withListings = !filters.investor && !filters.round;
  const [page, total, perQuarter, listings, t, tc, locale] = await Promise.all([
    listFundingRounds(filters, { limit: 30 }),
    countFundingRounds(criteria),
    fundingPerQuarter(criteria),
    withListings && !filters.cursor
      ? listListings({ company: filters.company, from: filters.from, to: filters.to }, { limit: 30 })
      : null,
    getTranslations("funding"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  const amountsOf = (q: (typeof perQuarter.quarters)[number]) =>
    q.amounts.map((a) => `${a.exact ? "" : "≥"}${formatAmount(a.value, a.currency, locale)}`).join(" + ");
  return (
    <>
      {perQuarter.quarters.length ? (
        <Card aria-labelledby="chart-title" className="mb-8">
          <CardHeader id="chart-title" title={t("chart")} />
          <CardBody>
            <ChartFigure
              caption={t("chartCaption")}
              note={
                perQuarter.yearOnly || perQuarter.undated
                  ? t("chartExcluded", { yearOnly: perQuarter.yearOnly, undated: perQuarter.undated })
                  : undefined
              }
              tableLabel={tc("chartTable")}
              columns={[t("quarter"), t("roundsAndAmounts")]}
              rows={perQuarter.quarters
                .filter((q) => q.rounds)
                .map((q) => ({
                  key: q.quarter,
                  label: formatQuarter(q.quarter, locale),
                  value: `${t("roundCount", { count: q.rounds })}${q.amounts.length ? ` · ${amountsOf(q)}` : ""}`,
                }))}
            >
              <BarChart
                height={200}
                valueLabel={t("rounds")}
                data={perQuarter.quarters.map((q) => ({ label: formatQuarter(q.quarter, locale), value: q.rounds }))}
              />
            </ChartFigure>
          </CardBody>
        </Card>
      ) : null}
      <MarketSection id="rounds" title={t("rounds")}>
        <ResultCount total={total} testId="funding-count" />
        <ListResults path="/funding" filters={filters} page={page} empty={<EmptyState title={t("empty")} />}>
          <CardGrid>
            {page.items.map((r) => (
              <RoundCard key={r.id} row={r} />
            ))}
          </CardGrid>
        </ListResults>
      </MarketSection>
      {listings ? (
        <MarketSection id="listings" title={t("listings")} className="mt-10">
          {listings.items.length ? (
            <CardGrid>
              {listings.items.map((l) => (
                <ListingCard key={l.id} row={l} />
              ))}
            </CardGrid>
          ) : (
            <EmptyState title={t("noListings")} />
          )}
        </MarketSection>
      ) : null}
    </>
  );
}
