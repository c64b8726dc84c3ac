import { useTranslations } from "next-intl";
import { DetailCard, ViewAllLink } from "@/components/detail/detail-card";
import { PriceChart } from "./price-chart";
import { PriceTable } from "./price-table";
import type { PriceLine, PriceRow } from "./types";

/** A model page's price history: its prices over time (log scale) and every point with its sentence; nothing when none. */
export function ModelPricesCard({ slug, points, lines }: { slug: string; points: PriceRow[]; lines: PriceLine[] }) {
  const t = useTranslations("prices");
  if (!points.length) return null;
  return (
    <DetailCard
      id="prices"
      title={t("modelTitle")}
      action={<ViewAllLink href={`/prices?model=${encodeURIComponent(slug)}`} />}
    >
      <div className="space-y-4" data-testid="model-prices">
        <PriceChart lines={lines} cuts={points.filter((p) => p.metric === "price_cut_percent")} height={220} />
        <PriceTable rows={points} caption={t("modelTitle")} showModel={false} />
      </div>
    </DetailCard>
  );
}
