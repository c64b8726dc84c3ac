import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import METRICS from "@/lib/extract/data/metrics.json";
import { findOrganizationName } from "@/lib/queries/exists";
import { DetailCard, ViewAllLink } from "@/components/detail/detail-card";
import { DetailGrid, EntityHeader, MainColumn, SideColumn } from "@/components/detail/detail-layout";
import { NamesCard } from "@/components/detail/entity-facts";
import { entityMetadata, entityPage, type EntityPageProps } from "@/components/detail/entity-page";
import { ClaimsCard, EntityStatusList, IndustryLinksCard, MentionsCard } from "@/components/detail/entity-sections";
import { MiniTimeline } from "@/components/events/event-item";
import { OrganizationFundingCard } from "@/components/markets/organization-funding";
import { Badge } from "@/components/ui/badge";
import { modelHref } from "@/components/ui/hrefs";
import { organizationFunding } from "@/lib/queries/funding";
import { listMentions } from "@/lib/queries/mentions";
import { getVendorBySlug } from "@/lib/queries/organizations";

/** The claim metrics of the funding view (lib/extract/data/metrics.json group "funding"). */
const FUNDING_METRICS = new Set(
  Object.entries(METRICS.metrics).flatMap(([key, m]) => (m.group === "funding" ? [key] : [])),
);

export async function generateMetadata(props: EntityPageProps): Promise<Metadata> {
  return entityMetadata(props, findOrganizationName);
}

async function VendorView({ slug: key, mentionCursor }: { slug: string; mentionCursor?: string }) {
  // Alike on every entity page by design: the view reads its entity, its first mentions and its messages at once.
  const [org, mentions, funding, t, tc, tr, tk] = await Promise.all([
    getVendorBySlug(key),
    listMentions({ organizationSlug: key }, { cursor: mentionCursor, limit: 20 }),
    organizationFunding(key, 20),
    getTranslations("vendors"),
    getTranslations("common"),
    getTranslations("orgRole"),
    getTranslations("orgKind"),
  ]);
  if (!org) notFound();
  const hasFunding = funding.raised.length + funding.invested.length + funding.listings.length > 0;

  return (
    <>
      <EntityHeader section="vendors" names={org.names} status={org.status} />
      <DetailGrid>
        <SideColumn>
          <NamesCard
            names={org.names}
            aliases={org.aliases}
            sourceUrl={org.sourceUrl}
            rows={[
              { key: "kind", label: t("kind"), value: tk(org.kind) },
              {
                key: "roles",
                label: t("roles"),
                value: (
                  <ul className="flex flex-wrap gap-1.5" data-testid="org-roles">
                    {org.roles.map((r) => (
                      <li key={r}>
                        <Badge tone={r === "vendor" ? "brand" : "neutral"}>{tr(r)}</Badge>
                      </li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
          <DetailCard
            id="models"
            title={t("models")}
            description={org.modelCount ? tc("showing", { count: org.modelCount }) : undefined}
            empty={t("noModels")}
          >
            {org.models.length ? <EntityStatusList items={org.models} href={modelHref} /> : null}
          </DetailCard>
          <IndustryLinksCard title={t("industries")} empty={t("noIndustries")} industries={org.industries} />
          {org.people.length ? (
            <DetailCard id="people" title={t("people")}>
              <ul className="space-y-2 text-sm">
                {org.people.map((p) => (
                  <li key={p.slug}>
                    <span lang="zh-CN" className="font-medium text-ink">
                      {p.name}
                    </span>
                    {p.title ? (
                      <span lang="zh-CN" className="block text-xs text-ink-3">
                        {p.title}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </DetailCard>
          ) : null}
        </SideColumn>
        <MainColumn>
          {/* Alike by design: the shared DetailCard with a "view all" link; only the list in it differs. */}
          <DetailCard
            id="events"
            title={t("events")}
            action={org.events.length ? <ViewAllLink href={`/timeline?vendor=${org.slug}`} /> : undefined}
            empty={t("noEvents")}
          >
            {org.events.length ? <MiniTimeline events={org.events} /> : null}
          </DetailCard>
          <OrganizationFundingCard slug={org.slug} {...funding} />
          {/* amounts and valuations are in the funding card when there is one */}
          <ClaimsCard
            title={t("claims")}
            claims={hasFunding ? org.claims.filter((c) => !FUNDING_METRICS.has(c.metric)) : org.claims}
          />
          <MentionsCard section="vendors" entity={org} mentions={mentions} cursor={mentionCursor} />
        </MainColumn>
      </DetailGrid>
    </>
  );
}

export default entityPage(findOrganizationName, VendorView);
