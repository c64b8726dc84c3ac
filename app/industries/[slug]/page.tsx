import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { findIndustryName } from "@/lib/queries/exists";
import { DetailSkeleton } from "@/components/ui/detail-skeleton";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CitationQuote } from "@/components/ui/citation";
import { EntityName } from "@/components/ui/entity-name";
import { articleHref, industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { MentionList } from "@/components/ui/mention-list";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { displayName } from "@/lib/i18n/format";
import { getIndustryBySlug } from "@/lib/queries/industries";
import { listMentions } from "@/lib/queries/mentions";
import { detailParamsSchema, parseFilters, type RawSearchParams } from "@/lib/validations/filters";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale() as Promise<Locale>]);
  const found = await findIndustryName(decodeURIComponent(slug));
  return { title: found ? displayName(found, locale).primary : (await getTranslations("errors"))("notFoundTitle") };
}

async function IndustryView({ slug: key, mentionCursor }: { slug: string; mentionCursor?: string }) {
  const [industry, mentions, t, tc, tm, locale] = await Promise.all([
    getIndustryBySlug(key),
    listMentions({ industrySlug: key }, { cursor: mentionCursor, limit: 20 }),
    getTranslations("industries"),
    getTranslations("common"),
    getTranslations("models"),
    getLocale() as Promise<Locale>,
  ]);
  if (!industry) notFound();
  const { primary, secondary } = displayName(industry.names, locale);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/industries" className="hover:text-brand hover:underline">
            ← {t("title")}
          </Link>
        }
        title={primary}
        subtitle={secondary ?? undefined}
      >
        {industry.aliases.length ? (
          <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={tc("aliases")}>
            {industry.aliases.map((a) => (
              <li key={a}>
                <Badge>{a}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
      </PageHeader>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card aria-labelledby="models">
            <CardHeader
              id="models"
              title={t("models")}
              action={
                industry.models.length ? (
                  <Link className="text-brand hover:underline" href={`/models?industry=${industry.slug}`}>
                    {tc("viewAll")}
                  </Link>
                ) : undefined
              }
            />
            <CardBody>
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
              ) : (
                <p className="text-sm text-ink-3">{t("noModels")}</p>
              )}
            </CardBody>
          </Card>
          <Card aria-labelledby="mentions">
            <CardHeader
              id="mentions"
              title={t("mentions")}
              description={tm("mentionsCount", { count: industry.mentionCount })}
            />
            <CardBody>
              {mentions.items.length ? (
                <MentionList mentions={mentions.items} />
              ) : (
                <p className="text-sm text-ink-3">{tm("noMentions")}</p>
              )}
              <Pagination
                path={industryHref(industry.slug)}
                params={{ mentions: mentionCursor }}
                cursorKey="mentions"
                nextCursor={mentions.nextCursor}
              />
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="vendors">
            <CardHeader id="vendors" title={t("vendors")} />
            <CardBody>
              {industry.vendors.length ? (
                <ul className="space-y-2.5 text-sm">
                  {industry.vendors.map((v) => (
                    <li key={v.slug} className="flex items-center justify-between gap-2">
                      <EntityName names={v.names} href={vendorHref(v.slug)} />
                      <StatusBadge status={v.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-ink-3">{t("noVendors")}</p>
              )}
            </CardBody>
          </Card>
          <Card aria-labelledby="articles">
            <CardHeader
              id="articles"
              title={t("articles")}
              description={tc("showing", { count: industry.articleCount })}
            />
            <CardBody>
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
              ) : (
                <p className="text-sm text-ink-3">{tc("noData")}</p>
              )}
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

export default async function IndustryPage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const { mentions: mentionCursor } = parseFilters(detailParamsSchema, sp);
  const key = decodeURIComponent(slug);
  if (!(await findIndustryName(key))) notFound();
  return (
    <Suspense fallback={<DetailSkeleton />}>
      <IndustryView slug={key} mentionCursor={mentionCursor} />
    </Suspense>
  );
}
