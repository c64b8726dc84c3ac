import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { findModelName } from "@/lib/queries/exists";
import { DetailSkeleton } from "@/components/ui/detail-skeleton";
import { ClaimCard } from "@/components/claims/claim-card";
import { MiniTimeline } from "@/components/events/event-item";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CitationQuote, ExternalLink } from "@/components/ui/citation";
import { EntityName } from "@/components/ui/entity-name";
import { FactList } from "@/components/ui/fact-list";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { MentionList } from "@/components/ui/mention-list";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { displayName } from "@/lib/i18n/format";
import { listMentions } from "@/lib/queries/mentions";
import { getModelBySlug } from "@/lib/queries/models";
import { detailParamsSchema, parseFilters, type RawSearchParams } from "@/lib/validations/filters";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale() as Promise<Locale>]);
  const found = await findModelName(decodeURIComponent(slug));
  return { title: found ? displayName(found, locale).primary : (await getTranslations("errors"))("notFoundTitle") };
}

async function ModelView({ slug: key, mentionCursor }: { slug: string; mentionCursor?: string }) {
  const [model, mentions, t, tc, locale] = await Promise.all([
    getModelBySlug(key),
    listMentions({ modelSlug: key }, { cursor: mentionCursor, limit: 20 }),
    getTranslations("models"),
    getTranslations("common"),
    getLocale() as Promise<Locale>,
  ]);
  if (!model) notFound();
  const { primary, secondary } = displayName(model.names, locale);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/models" className="hover:text-brand hover:underline">
            ← {t("title")}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span lang={locale === "en" && model.names.en ? "en" : "zh-CN"}>{primary}</span>
            <StatusBadge status={model.status} />
          </span>
        }
        subtitle={
          secondary ? <span lang={locale === "en" && model.names.en ? "zh-CN" : "en"}>{secondary}</span> : undefined
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-1">
          <Card aria-labelledby="facts">
            <CardHeader id="facts" title={t("names")} />
            <CardBody>
              <FactList
                rows={[
                  { key: "zh", label: "中文", value: <span lang="zh-CN">{model.names.zh}</span> },
                  {
                    key: "en",
                    label: "English",
                    value: model.names.en ? (
                      <span lang="en">{model.names.en}</span>
                    ) : (
                      <span className="text-ink-3">—</span>
                    ),
                  },
                  ...(model.pinyin
                    ? [
                        {
                          key: "py",
                          label: tc("pinyin"),
                          value: <span className="font-mono text-xs">{model.pinyin}</span>,
                        },
                      ]
                    : []),
                  ...(model.aliases.length
                    ? [
                        {
                          key: "aliases",
                          label: tc("aliases"),
                          value: (
                            <ul className="flex flex-wrap gap-1.5">
                              {model.aliases.map((a) => (
                                <li key={a}>
                                  <Badge>{a}</Badge>
                                </li>
                              ))}
                            </ul>
                          ),
                        },
                      ]
                    : []),
                  {
                    key: "vendor",
                    label: t("detailVendor"),
                    value: model.vendor ? (
                      <EntityName names={model.vendor.names} href={vendorHref(model.vendor.slug)} />
                    ) : (
                      <span className="text-ink-3">—</span>
                    ),
                  },
                  ...(model.family
                    ? [
                        {
                          key: "family",
                          label: tc("family"),
                          value: <span className="font-mono text-xs">{model.family}</span>,
                        },
                      ]
                    : []),
                  ...(model.version
                    ? [
                        {
                          key: "version",
                          label: tc("version"),
                          value: <span className="font-mono text-xs">{model.version}</span>,
                        },
                      ]
                    : []),
                  ...(model.sourceUrl
                    ? [
                        {
                          key: "src",
                          label: tc("registry"),
                          value: (
                            <ExternalLink href={model.sourceUrl} className="break-all text-brand">
                              {new URL(model.sourceUrl).hostname}
                            </ExternalLink>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </CardBody>
          </Card>
          {model.familyMembers.length ? (
            <Card aria-labelledby="family">
              <CardHeader id="family" title={t("familyMembers")} />
              <CardBody>
                <ul className="space-y-2 text-sm">
                  {model.familyMembers.map((f) => (
                    <li key={f.slug} className="flex items-center justify-between gap-2">
                      <EntityName names={f.names} href={modelHref(f.slug)} />
                      {f.version ? <span className="font-mono text-xs text-ink-3">{f.version}</span> : null}
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
          <Card aria-labelledby="industries">
            <CardHeader id="industries" title={t("industries")} />
            <CardBody>
              {model.industries.length ? (
                <ul className="space-y-4">
                  {model.industries.map((i) => (
                    <li key={i.slug}>
                      <EntityName names={i.names} href={industryHref(i.slug)} />
                      <CitationQuote citation={i.citation} compact className="mt-1.5" />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-ink-3">{t("noIndustries")}</p>
              )}
            </CardBody>
          </Card>
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card aria-labelledby="timeline">
            <CardHeader id="timeline" title={t("timeline")} />
            <CardBody>
              {model.events.length ? (
                <MiniTimeline events={model.events} />
              ) : (
                <p className="text-sm text-ink-3">{t("noEvents")}</p>
              )}
            </CardBody>
          </Card>
          {model.claims.length ? (
            <Card aria-labelledby="claims">
              <CardHeader id="claims" title={t("claims")} />
              <CardBody>
                <ul className="grid grid-cols-1 gap-5 sm:grid-cols-2">
                  {model.claims.map((c) => (
                    <li key={c.id}>
                      <ClaimCard claim={c} />
                    </li>
                  ))}
                </ul>
              </CardBody>
            </Card>
          ) : null}
          <Card aria-labelledby="mentions">
            <CardHeader
              id="mentions"
              title={t("mentions")}
              description={t("mentionsCount", { count: model.mentionCount })}
            />
            <CardBody>
              {mentions.items.length ? (
                <MentionList mentions={mentions.items} />
              ) : (
                <p className="text-sm text-ink-3">{t("noMentions")}</p>
              )}
              <Pagination
                path={modelHref(model.slug)}
                params={{ mentions: mentionCursor }}
                cursorKey="mentions"
                nextCursor={mentions.nextCursor}
              />
            </CardBody>
          </Card>
        </div>
      </div>
    </>
  );
}

export default async function ModelPage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const { mentions: mentionCursor } = parseFilters(detailParamsSchema, sp);
  const key = decodeURIComponent(slug);
  if (!(await findModelName(key))) notFound();
  return (
    <Suspense fallback={<DetailSkeleton />}>
      <ModelView slug={key} mentionCursor={mentionCursor} />
    </Suspense>
  );
}
