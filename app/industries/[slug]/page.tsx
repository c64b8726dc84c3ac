import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { findIndustryName } from "@/lib/queries/exists";
import { DetailCard, ViewAllLink } from "@/components/detail/detail-card";
import { DetailGrid, DetailHeader, MainColumn, SideColumn } from "@/components/detail/detail-layout";
import { AliasList } from "@/components/detail/entity-facts";
import { entityMetadata, entityPage, type EntityPageProps } from "@/components/detail/entity-page";
import { EntityStatusList, MentionsCard } from "@/components/detail/entity-sections";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { CitationQuote } from "@/components/ui/citation";
import { EntityName } from "@/components/ui/entity-name";
import { articleHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import type { Locale } from "@/lib/i18n/config";
import { displayName } from "@/lib/i18n/format";
import { getIndustryBySlug } from "@/lib/queries/industries";
import { listMentions } from "@/lib/queries/mentions";

export async function generateMetadata(props: EntityPageProps): Promise<Metadata> {
  return entityMetadata(props, findIndustryName);
}

async function IndustryView({ slug: key, mentionCursor }: { slug: string; mentionCursor?: string }) {
  // Alike on every entity page by design: the view reads its entity, its first mentions and its messages at once.
  const [industry, mentions, t, tc, locale] = await Promise.all([
    getIndustryBySlug(key),
    listMentions({ industrySlug: key }, { cursor: mentionCursor, limit: 20 }),
    getTranslations("industries"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  if (!industry) notFound();
  const { primary, secondary } = displayName(industry.names, locale);
  return (
    <>
      <DetailHeader section="industries" title={primary} subtitle={secondary ?? undefined}>
        {industry.aliases.length ? (
          <AliasList aliases={industry.aliases} className="mt-3" label={tc("aliases")} />
        ) : null}
      </DetailHeader>
      <DetailGrid>
        <MainColumn>
          {/* Alike by design: the shared DetailCard with a "view all" link; only the list in it differs. */}
          <DetailCard
            id="models"
            title={t("models")}
            action={industry.models.length ? <ViewAllLink href={`/models?industry=${industry.slug}`} /> : undefined}
            empty={t("noModels")}
          >
            {industry.models.length ? (
              <ul className="space-y-5">
                {industry.models.map((m) => (
                  <li key={m.slug}>
                    <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <EntityName names={m.names} href={modelHref(m.slug)} />
                      {m.vendor ? (
                        <span className="text-sm text-ink-3">
                          <EntityName names={m.vendor.names} href={vendorHref(m.vendor.slug)} secondary={false} />
                        </span>
                      ) : null}
                      <StatusBadge status={m.status} />
                    </div>
                    <CitationQuote citation={m.citation} compact className="mt-1.5" />
                  </li>
                ))}
              </ul>
            ) : null}
          </DetailCard>
          <MentionsCard section="industries" entity={industry} mentions={mentions} cursor={mentionCursor} />
        </MainColumn>
        <SideColumn>
          <DetailCard id="vendors" title={t("vendors")} empty={t("noVendors")}>
            {industry.vendors.length ? <EntityStatusList items={industry.vendors} href={vendorHref} /> : null}
          </DetailCard>
          <DetailCard
            id="articles"
            title={t("articles")}
            description={tc("showing", { count: industry.articleCount })}
            empty={tc("noData")}
          >
            {industry.articles.length ? (
              <ul className="space-y-3 text-sm">
                {industry.articles.map((a) => (
                  <li key={a.id}>
                    <Link
                      lang="zh-CN"
                      href={articleHref(a.id)}
                      className="font-medium text-ink hover:text-brand hover:underline"
                    >
                      {a.title}
                    </Link>
                    <span className="mt-0.5 flex gap-1.5">
                      {a.fromField ? <Badge>{t("fromField")}</Badge> : null}
                      {a.fromBody ? <Badge>{t("fromBody")}</Badge> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </DetailCard>
        </SideColumn>
      </DetailGrid>
    </>
  );
}

export default entityPage(findIndustryName, IndustryView);
