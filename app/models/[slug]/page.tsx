import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { findModelName } from "@/lib/queries/exists";
import { DetailCard } from "@/components/detail/detail-card";
import { DetailGrid, EntityHeader, MainColumn, SideColumn } from "@/components/detail/detail-layout";
import { monoRow, NamesCard, NoValue } from "@/components/detail/entity-facts";
import { entityMetadata, entityPage, type EntityPageProps } from "@/components/detail/entity-page";
import { ClaimsCard, IndustryLinksCard, MentionsCard } from "@/components/detail/entity-sections";
import { MiniTimeline } from "@/components/events/event-item";
import { ModelPricesCard } from "@/components/markets/model-prices";
import { EntityName } from "@/components/ui/entity-name";
import { modelHref, vendorHref } from "@/components/ui/hrefs";
import { listMentions } from "@/lib/queries/mentions";
import { getModelBySlug } from "@/lib/queries/models";
import { modelPriceHistory, priceChart } from "@/lib/queries/prices";
import { PRICE_METRICS } from "@/lib/validations/filters";

const isPriceMetric = (metric: string) => (PRICE_METRICS as readonly string[]).includes(metric);

export async function generateMetadata(props: EntityPageProps): Promise<Metadata> {
  return entityMetadata(props, findModelName);
}

async function ModelView({ slug: key, mentionCursor }: { slug: string; mentionCursor?: string }) {
  // Alike on every entity page by design: the view reads its entity, its first mentions and its messages at once.
  const [model, mentions, prices, chart, t, tc] = await Promise.all([
    getModelBySlug(key),
    listMentions({ modelSlug: key }, { cursor: mentionCursor, limit: 20 }),
    modelPriceHistory(key),
    priceChart({ model: key }),
    getTranslations("models"),
    getTranslations("common"),
  ]);
  if (!model) notFound();

  return (
    <>
      <EntityHeader section="models" names={model.names} status={model.status} />
      <DetailGrid>
        <SideColumn>
          <NamesCard
            names={model.names}
            pinyin={model.pinyin}
            aliases={model.aliases}
            sourceUrl={model.sourceUrl}
            rows={[
              {
                key: "vendor",
                label: t("detailVendor"),
                value: model.vendor ? (
                  <EntityName names={model.vendor.names} href={vendorHref(model.vendor.slug)} />
                ) : (
                  <NoValue />
                ),
              },
              ...monoRow("family", tc("family"), model.family),
              ...monoRow("version", tc("version"), model.version),
            ]}
          />
          {model.familyMembers.length ? (
            <DetailCard id="family" title={t("familyMembers")}>
              <ul className="space-y-2 text-sm">
                {model.familyMembers.map((f) => (
                  <li key={f.slug} className="flex items-center justify-between gap-2">
                    <EntityName names={f.names} href={modelHref(f.slug)} />
                    {f.version ? <span className="font-mono text-xs text-ink-3">{f.version}</span> : null}
                  </li>
                ))}
              </ul>
            </DetailCard>
          ) : null}
          <IndustryLinksCard title={t("industries")} empty={t("noIndustries")} industries={model.industries} />
        </SideColumn>
        <MainColumn>
          <DetailCard id="timeline" title={t("timeline")} empty={t("noEvents")}>
            {model.events.length ? <MiniTimeline events={model.events} /> : null}
          </DetailCard>
          <ModelPricesCard slug={model.slug} points={prices} lines={chart.series} />
          {/* prices have their own card when there are any */}
          <ClaimsCard
            title={t("claims")}
            claims={prices.length ? model.claims.filter((c) => !isPriceMetric(c.metric)) : model.claims}
          />
          <MentionsCard section="models" entity={model} mentions={mentions} cursor={mentionCursor} />
        </MainColumn>
      </DetailGrid>
    </>
  );
}

export default entityPage(findModelName, ModelView);
