import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { findArticleTitle } from "@/lib/queries/exists";
import { ArticleSkeleton } from "@/components/ui/detail-skeleton";
import { ArticleBody } from "@/components/articles/article-body";
import { DetailCard } from "@/components/detail/detail-card";
import { DetailGrid, DetailHeader, MainColumn, SideColumn } from "@/components/detail/detail-layout";
import { FactSection } from "@/components/detail/fact-section";
import { EventTypeBadge } from "@/components/events/event-item";
import { Badge, Chip } from "@/components/ui/badge";
import { ExternalLink } from "@/components/ui/citation";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber, formatTimestamp } from "@/lib/i18n/format";
import { getArticleById } from "@/lib/queries/articles";

type Props = { params: Promise<{ id: string }> };

function parseId(id: string): number {
  return /^\d{1,10}$/.test(id) ? Number(id) : NaN;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const title = await findArticleTitle(parseId((await params).id));
  return { title: title ?? (await getTranslations("errors"))("notFoundTitle") };
}

async function ArticleView({ id }: { id: number }) {
  const [article, t, tc, tu, locale] = await Promise.all([
    getArticleById(id),
    getTranslations("articles"),
    getTranslations("common"),
    getTranslations("unit"),
    getLocale() as Promise<Locale>,
  ]);
  if (!article) notFound();
  const hasFacts =
    article.events.length + article.claims.length + article.industryLinks.length + article.quotes.length > 0;

  return (
    <>
      <DetailHeader section="articles" title={<span lang="zh-CN">{article.title}</span>}>
        <p className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-ink-3">
          <span>{t("ingested", { date: formatTimestamp(article.ingestedAt, locale) })}</span>
          {article.byline ? <span lang="zh-CN">{article.byline}</span> : null}
          {article.photoCredits.length ? (
            <span lang="zh-CN">
              {t("photoCredits")}: {article.photoCredits.join("；")}
            </span>
          ) : null}
          <ExternalLink href={article.url} className="font-medium text-brand">
            {tc("original")}
          </ExternalLink>
        </p>
      </DetailHeader>

      <DetailGrid>
        <MainColumn>
          <DetailCard
            id="body-title"
            title={t("body")}
            action={
              <span className="flex flex-wrap items-center gap-1.5 text-xs text-ink-3" aria-hidden="true">
                {t("legend")}
                <span className="rounded bg-hl-model px-1 text-ink">{t("legendModel")}</span>
                <span className="rounded bg-hl-org px-1 text-ink">{t("legendOrg")}</span>
                <span className="rounded bg-hl-industry px-1 text-ink">{t("legendIndustry")}</span>
                <span className="rounded bg-hl-other px-1 text-ink">{t("legendOther")}</span>
              </span>
            }
            bodyClassName="sm:px-7 sm:py-6"
          >
            <ArticleBody
              body={article.body}
              paragraphs={article.paragraphs}
              sentences={article.sentences}
              mentions={article.mentions}
            />
          </DetailCard>
          {article.eventSummary ? (
            <DetailCard id="summary-title" title={t("summary")}>
              <p lang="zh-CN" className="text-sm leading-relaxed text-ink-2">
                {article.eventSummary}
              </p>
            </DetailCard>
          ) : null}
        </MainColumn>

        <SideColumn as="aside">
          <DetailCard
            id="tags-title"
            title={`${t("keywords")} · ${t("technologies")} · ${t("industries")}`}
            bodyClassName="space-y-4 text-sm"
          >
            <TagGroup label={t("keywords")}>
              {article.keywords.map((k) => (
                <li key={k}>
                  <Badge>{k}</Badge>
                </li>
              ))}
            </TagGroup>
            <TagGroup label={t("technologies")}>
              {(article.technologies.length
                ? article.technologies.map((x) => ({ key: x.slug, el: <EntityName names={x.names} /> }))
                : article.technologyLabels.map((x) => ({ key: x, el: <span lang="zh-CN">{x}</span> }))
              ).map((x) => (
                <li key={x.key}>
                  <Chip>{x.el}</Chip>
                </li>
              ))}
            </TagGroup>
            <TagGroup label={t("industries")}>
              {article.industries.length
                ? article.industries.map((x) => (
                    <li key={x.slug}>
                      <Chip href={industryHref(x.slug)}>
                        <EntityName names={x.names} secondary={false} />
                      </Chip>
                    </li>
                  ))
                : article.industryLabels.map((x) => (
                    <li key={x}>
                      <Chip>
                        <span lang="zh-CN">{x}</span>
                      </Chip>
                    </li>
                  ))}
            </TagGroup>
          </DetailCard>

          {hasFacts ? (
            <DetailCard id="facts-title" title={t("facts")} bodyClassName="space-y-5">
              <FactSection title={t("events")} facts={article.events} itemClassName="space-y-1">
                {(e) => (
                  <>
                    <div className="flex flex-wrap items-center gap-2">
                      <EventTypeBadge type={e.type} />
                      <DateLabel date={e.date} className="text-xs font-medium text-ink-2" />
                    </div>
                    <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
                      {e.model ? (
                        <EntityName names={e.model.names} href={modelHref(e.model.slug)} secondary={false} />
                      ) : null}
                      {e.organization ? (
                        <span className="text-ink-3">
                          <EntityName
                            names={e.organization.names}
                            href={vendorHref(e.organization.slug)}
                            secondary={false}
                          />
                        </span>
                      ) : null}
                    </div>
                  </>
                )}
              </FactSection>
              <FactSection title={t("claims")} facts={article.claims} itemClassName="space-y-0.5">
                {(c) => (
                  <>
                    <p className="text-sm text-ink">
                      <span className="font-semibold tabular-nums">{formatNumber(c.value, locale)}</span>{" "}
                      <span className="text-ink-2">{tu.has(c.unit) ? tu(c.unit) : c.unit}</span>
                      {c.asOf.value ? (
                        <>
                          {" "}
                          · <DateLabel date={c.asOf} className="text-ink-2" />
                        </>
                      ) : null}
                    </p>
                    {c.statedBy ? (
                      <p className="text-xs text-ink-3">
                        <EntityName names={c.statedBy.names} href={vendorHref(c.statedBy.slug)} secondary={false} />
                      </p>
                    ) : null}
                  </>
                )}
              </FactSection>
              <FactSection title={t("industryLinks")} facts={article.industryLinks} itemClassName="space-y-0.5 text-sm">
                {(l) => (
                  <p className="flex flex-wrap items-baseline gap-x-1.5">
                    {l.subject ? (
                      <EntityName
                        names={l.subject.names}
                        href={l.subjectKind === "model" ? modelHref(l.subject.slug) : vendorHref(l.subject.slug)}
                        secondary={false}
                      />
                    ) : null}
                    <span aria-hidden="true" className="text-ink-3">
                      →
                    </span>
                    <EntityName names={l.industry.names} href={industryHref(l.industry.slug)} secondary={false} />
                  </p>
                )}
              </FactSection>
              <FactSection title={t("quotes")} facts={article.quotes} itemClassName="space-y-0.5 text-sm">
                {(q) => (
                  <>
                    <p lang="zh-CN" className="font-medium text-ink">
                      {q.person.name}
                    </p>
                    {q.person.title ? (
                      <p lang="zh-CN" className="text-xs text-ink-3">
                        {q.person.title}
                      </p>
                    ) : null}
                  </>
                )}
              </FactSection>
            </DetailCard>
          ) : null}
        </SideColumn>
      </DetailGrid>
    </>
  );
}

function TagGroup({ label, children }: { label: string; children: React.ReactNode[] }) {
  if (!children.length) return null;
  return (
    <div>
      <h3 className="mb-1.5 text-xs font-medium text-ink-3">{label}</h3>
      <ul className="flex flex-wrap gap-1.5">{children}</ul>
    </div>
  );
}

export default async function ArticlePage({ params }: Props) {
  const id = parseId((await params).id);
  if (!(await findArticleTitle(id))) notFound();
  return (
    <Suspense fallback={<ArticleSkeleton />}>
      <ArticleView id={id} />
    </Suspense>
  );
}
