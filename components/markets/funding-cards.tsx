import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ConfidenceBadge } from "@/components/ui/confidence-badge";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { vendorHref } from "@/components/ui/hrefs";
import { Money } from "./money";
import { RowSource } from "./row-source";
import type { InvestorValue, ListingRow, Ref, RoundRow } from "./types";

function CardItem({ children }: { children: ReactNode }) {
  return <li className="min-w-0 rounded-xl border border-line bg-surface p-4">{children}</li>;
}

/** A round, a date and the doubt mark, above the company's name. */
function CardHead({
  badge,
  row,
  company,
  level = 3,
}: {
  badge: ReactNode;
  row: RoundRow | ListingRow;
  company?: Ref | null;
  level?: 3 | 4;
}) {
  const H = level === 3 ? "h3" : "h4";
  return (
    <>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {badge}
        <DateLabel date={row.date} className="text-sm font-medium text-ink-2" />
        <ConfidenceBadge confidence={row.confidence} />
      </div>
      {company ? (
        <H className="mt-1.5 text-[15px]">
          <EntityName names={company.names} href={vendorHref(company.slug)} />
        </H>
      ) : null}
    </>
  );
}

/** The figure a card leads with: the amount, or that it was not disclosed. */
function Headline({ row }: { row: RoundRow | ListingRow }) {
  const t = useTranslations("money");
  return (
    <p className="mt-1 text-xl font-semibold text-ink" data-testid="amount">
      {row.amount ? <Money money={row.amount} /> : <span className="text-base text-ink-3">{t("undisclosed")}</span>}
    </p>
  );
}

function Facts({ rows }: { rows: { key: string; label: string; value: ReactNode }[] }) {
  if (!rows.length) return null;
  return (
    <dl className="mt-2 space-y-1 text-sm">
      {rows.map((r) => (
        <div key={r.key} className="grid grid-cols-[5.5rem_minmax(0,1fr)] gap-2">
          <dt className="text-ink-3">{r.label}</dt>
          <dd className="min-w-0 text-ink">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Investors linked to their pages; the name as written when the organisation is not stored. */
function InvestorList({ investors }: { investors: InvestorValue[] }) {
  return (
    <ul className="flex flex-wrap gap-x-3 gap-y-1">
      {investors.map((i) => (
        <li key={i.key ?? i.name} data-testid="investor" data-lead={i.lead ? "true" : "false"}>
          {i.organization ? (
            <EntityName names={i.organization.names} href={vendorHref(i.organization.slug)} secondary={false} />
          ) : (
            <span lang="zh-CN" className="font-medium">
              {i.name}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function RoundBadge({ round }: { round: string }) {
  const t = useTranslations("round");
  return <Badge tone="ok">{t.has(round) ? t(round) : round}</Badge>;
}

/** One funding round: company, round, amount with its bound, valuation, investors and the sentence. */
export function RoundCard({
  row,
  showCompany = true,
  headingLevel = 3,
}: {
  row: RoundRow;
  showCompany?: boolean;
  /** of the company's name: 4 inside a titled part of a detail page */
  headingLevel?: 3 | 4;
}) {
  const t = useTranslations("funding");
  const tm = useTranslations("money");
  const lead = row.investors.filter((i) => i.lead);
  const others = row.investors.filter((i) => !i.lead);
  return (
    <CardItem>
      <article data-testid="funding-round" data-company={row.company?.slug ?? ""}>
        <CardHead
          badge={<RoundBadge round={row.round} />}
          row={row}
          company={showCompany ? row.company : null}
          level={headingLevel}
        />
        <Headline row={row} />
        <Facts
          rows={[
            ...(row.valuation
              ? [
                  {
                    key: "valuation",
                    label: t("valuation"),
                    value: (
                      <span data-testid="valuation">
                        <Money money={row.valuation} />
                        {row.valuation.basis ? (
                          <span className="ml-1 text-ink-3">({tm(row.valuation.basis)})</span>
                        ) : null}
                      </span>
                    ),
                  },
                ]
              : []),
            ...(lead.length ? [{ key: "lead", label: t("lead"), value: <InvestorList investors={lead} /> }] : []),
            ...(others.length
              ? [
                  {
                    key: "others",
                    label: lead.length ? t("others") : t("investors"),
                    value: <InvestorList investors={others} />,
                  },
                ]
              : []),
          ]}
        />
        <RowSource row={row} />
      </article>
    </CardItem>
  );
}

function ExchangeBadge({ exchange }: { exchange: string | null }) {
  const t = useTranslations("exchange");
  if (!exchange) return <Badge tone="info">{t("unknown")}</Badge>;
  return <Badge tone="info">{t.has(exchange) ? t(exchange) : exchange}</Badge>;
}

/** One listing (IPO): company, exchange, date, the amount raised and the sentence. */
export function ListingCard({ row, showCompany = true }: { row: ListingRow; showCompany?: boolean }) {
  const t = useTranslations("funding");
  return (
    <CardItem>
      <article data-testid="listing" data-company={row.company?.slug ?? ""}>
        <CardHead
          badge={<ExchangeBadge exchange={row.exchange} />}
          row={row}
          company={showCompany ? row.company : null}
        />
        <p className="mt-1 text-xs font-medium uppercase tracking-wide text-ink-3">{t("raised")}</p>
        <Headline row={row} />
        <RowSource row={row} />
      </article>
    </CardItem>
  );
}
