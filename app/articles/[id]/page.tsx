import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { findArticleTitle } from "@/lib/queries/exists";
import { Skeleton, SkeletonLines } from "@/components/ui/skeleton";
import { ArticleBody } from "@/components/articles/article-body";
import { EventTypeBadge } from "@/components/events/event-item";
import { Badge, Chip } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ExternalLink } from "@/components/ui/citation";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { PageHeader } from "@/components/ui/page-header";
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
  const factLink = (start: number) => `#s-${start}`;
  const hasFacts =
    article.events.length + article.claims.length + article.industryLinks.length + article.quotes.length > 0;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/articles" className="hover:text-brand hover:underline">
            ← {t("title")}
          </Link>
        }
        title={<span lang="zh-CN">{article.title}</span>}
      >
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
      </PageHeader>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card aria-labelledby="body-title">
            <CardHeader
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
            />
            <CardBody className="sm:px-7 sm:py-6">
              <ArticleBody
                body={article.body}
                paragraphs={article.paragraphs}
                sentences={article.sentences}
                mentions={article.mentions}
              />
            </CardBody>
          </Card>
          {article.eventSummary ? (
            <Card aria-labelledby="summary-title">
              <CardHeader id="summary-title" title={t("summary")} />
              <CardBody>
                <p lang="zh-CN" className="text-sm leading-relaxed text-ink-2">
                  {article.eventSummary}
                </p>
              </CardBody>
            </Card>
          ) : null}
        </div>

        <aside className="min-w-0 space-y-6">
          <Card aria-labelledby="tags-title">
            <CardHeader id="tags-title" title={`${t("keywords")} · ${t("technologies")} · ${t("industries")}`} />
            <CardBody className="space-y-4 text-sm">
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
            </CardBody>
          </Card>

          {hasFacts ? (
            <Card aria-labelledby="facts-title">
              <CardHeader id="facts-title" title={t("facts")} />
              <CardBody className="space-y-5">
                {article.events.length ? (
                  <FactSection title={t("events")}>
                    {article.events.map((e) => (
                      <li key={`e${e.id}`} className="space-y-1">
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
                        <a href={factLink(e.sentenceStart)} className="text-xs text-brand hover:underline">
                          {tc("goToSentence")} ↓
                        </a>
                      </li>
                    ))}
                  </FactSection>
                ) : null}
                {article.claims.length ? (
                  <FactSection title={t("claims")}>
                    {article.claims.map((c) => (
                      <li key={`c${c.id}`} className="space-y-0.5">
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
                        <a href={factLink(c.sentenceStart)} className="text-xs text-brand hover:underline">
                          {tc("goToSentence")} ↓
                        </a>
                      </li>
                    ))}
                  </FactSection>
                ) : null}
                {article.industryLinks.length ? (
                  <FactSection title={t("industryLinks")}>
                    {article.industryLinks.map((l, i) => (
                      <li key={`l${i}`} className="space-y-0.5 text-sm">
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
                        <a href={factLink(l.sentenceStart)} className="text-xs text-brand hover:underline">
                          {tc("goToSentence")} ↓
                        </a>
                      </li>
                    ))}
                  </FactSection>
                ) : null}
                {article.quotes.length ? (
                  <FactSection title={t("quotes")}>
                    {article.quotes.map((q, i) => (
                      <li key={`q${i}`} className="space-y-0.5 text-sm">
                        <p lang="zh-CN" className="font-medium text-ink">
                          {q.person.name}
                        </p>
                        {q.person.title ? (
                          <p lang="zh-CN" className="text-xs text-ink-3">
                            {q.person.title}
                          </p>
                        ) : null}
                        <a href={factLink(q.sentenceStart)} className="text-xs text-brand hover:underline">
                          {tc("goToSentence")} ↓
                        </a>
                      </li>
                    ))}
                  </FactSection>
                ) : null}
              </CardBody>
            </Card>
          ) : null}
        </aside>
      </div>
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

function FactSection({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-3">{title}</h3>
      <ul className="space-y-3">{children}</ul>
    </section>
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

function ArticleSkeleton() {
  return (
    <div aria-busy="true">
      <Skeleton className="h-4 w-20" />
      <Skeleton className="mt-3 h-9 w-3/4" />
      <Skeleton className="mt-3 h-4 w-64" />
      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="rounded-xl border border-line bg-surface p-6 lg:col-span-2">
          <SkeletonLines lines={14} />
        </div>
        <div className="rounded-xl border border-line bg-surface p-5">
          <SkeletonLines lines={6} />
        </div>
      </div>
    </div>
  );
}
