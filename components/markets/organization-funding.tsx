import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DetailCard, ViewAllLink } from "@/components/detail/detail-card";
import { ListingCard, RoundCard } from "./funding-cards";
import { CardGrid } from "./market-section";
import type { ListingRow, RoundRow } from "./types";

function Part({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-6 first:mt-0">
      <h3 id={id} className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-3">
        {title}
      </h3>
      {children}
    </section>
  );
}

/** A vendor page's money: the rounds it raised, its listings, and the rounds it invested in; nothing when none. */
export function OrganizationFundingCard({
  slug,
  raised,
  invested,
  listings,
}: {
  slug: string;
  raised: RoundRow[];
  invested: RoundRow[];
  listings: ListingRow[];
}) {
  const t = useTranslations("funding");
  if (!raised.length && !invested.length && !listings.length) return null;
  return (
    <DetailCard
      id="funding"
      title={t("vendorTitle")}
      action={raised.length ? <ViewAllLink href={`/funding?company=${encodeURIComponent(slug)}`} /> : undefined}
    >
      <div data-testid="vendor-funding">
        {raised.length ? (
          <Part id="funding-raised" title={t("vendorRaised")}>
            <CardGrid narrow>
              {raised.map((r) => (
                <RoundCard key={r.id} row={r} showCompany={false} />
              ))}
            </CardGrid>
          </Part>
        ) : null}
        {listings.length ? (
          <Part id="funding-listings" title={t("listings")}>
            <CardGrid narrow>
              {listings.map((l) => (
                <ListingCard key={l.id} row={l} showCompany={false} />
              ))}
            </CardGrid>
          </Part>
        ) : null}
        {invested.length ? (
          <Part id="funding-invested" title={t("vendorInvested")}>
            <CardGrid narrow>
              {invested.map((r) => (
                <RoundCard key={r.id} row={r} headingLevel={4} />
              ))}
            </CardGrid>
          </Part>
        ) : null}
      </div>
    </DetailCard>
  );
}
