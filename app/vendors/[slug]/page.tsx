import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { findOrganizationName } from "@/lib/queries/exists";
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
import { getVendorBySlug } from "@/lib/queries/organizations";
import { detailParamsSchema, parseFilters, type RawSearchParams } from "@/lib/validations/filters";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<RawSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ slug }, locale] = await Promise.all([params, getLocale() as Promise<Locale>]);
  const found = await findOrganizationName(decodeURIComponent(slug));
  return { title: found ? displayName(found, locale).primary : (await getTranslations("errors"))("notFoundTitle") };
}

async function VendorView({ slug: key, mentionCursor }: { slug: string; mentionCursor?: string }) {
  const [org, mentions, t, tc, tr, tk, tm, locale] = await Promise.all([
    getVendorBySlug(key),
    listMentions({ organizationSlug: key }, { cursor: mentionCursor, limit: 20 }),
    getTranslations("vendors"),
    getTranslations("common"),
    getTranslations("orgRole"),
    getTranslations("orgKind"),
    getTranslations("models"),
    getLocale() as Promise<Locale>,
  ]);
  if (!org) notFound();
  const { primary, secondary } = displayName(org.names, locale);

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/vendors" className="hover:text-brand hover:underline">
            ← {t("title")}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span lang={locale === "en" && org.names.en ? "en" : "zh-CN"}>{primary}</span>
            <StatusBadge status={org.status} />
          </span>
        }
        subtitle={
          secondary ? <span lang={locale === "en" && org.names.en ? "zh-CN" : "en"}>{secondary}</span> : undefined
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6">
          <Card aria-labelledby="facts">
            <CardHeader id="facts" title={tm("names")} />
            <CardBody>
              <FactList
                rows={[
                  { key: "zh", label: "中文", value: <span lang="zh-CN">{org.names.zh}</span> },
                  {
                    key: "en",
                    label: "English",
                    value: org.names.en ? <span lang="en">{org.names.en}</span> : <span className="text-ink-3">—</span>,
                  },
                  ...(org.aliases.length
                    ? [
                        {
                          key: "aliases",
                          label: tc("aliases"),
                          value: (
                            <ul className="flex flex-wrap gap-1.5">
                              {org.aliases.map((a) => (
                                <li key={a}>
                                  <Badge>{a}</Badge>
                                </li>
                              ))}
                            </ul>
                          ),
                        },
                      ]
                    : []),
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
                  ...(org.sourceUrl
                    ? [
                        {
                          key: "src",
                          label: tc("registry"),
                          value: (
                            <ExternalLink href={org.sourceUrl} className="break-all text-brand">
                              {new URL(org.sourceUrl).hostname}
                            </ExternalLink>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </CardBody>
          </Card>
          <Card aria-labelledby="models">
            <CardHeader
              id="models"
              title={t("models")}
              description={org.modelCount ? tc("showing", { count: org.modelCount }) : undefined}
            />
            <CardBody>
              {org.models.length ? (
                <ul className="space-y-2.5 text-sm">
                  {org.models.map((m) => (
                    <li key={m.slug} className="flex items-center justify-between gap-2">
                      <EntityName names={m.names} href={modelHref(m.slug)} />
                      <StatusBadge status={m.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-ink-3">{t("noModels")}</p>
              )}
            </CardBody>
          </Card>
          <Card aria-labelledby="industries">
            <CardHeader id="industries" title={t("industries")} />
            <CardBody>
              {org.industries.length ? (
                <ul className="space-y-4">
                  {org.industries.map((i) => (
                    <li key={i.slug}>
                      <span className="flex flex-wrap items-baseline gap-x-2">
                        <EntityName names={i.names} href={industryHref(i.slug)} />
                        {i.via ? (
                          <span className="text-xs text-ink-3">
                            {tc("via", { name: displayName(i.via.names, locale).primary })}
                          </span>
                        ) : null}
                      </span>
                      <CitationQuote citation={i.citation} compact className="mt-1.5" />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-ink-3">{t("noIndustries")}</p>
              )}
            </CardBody>
          </Card>
          {org.people.length ? (
            <Card aria-labelledby="people">
              <CardHeader id="people" title={t("people")} />
              <CardBody>
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
              </CardBody>
            </Card>
          ) : null}
        </div>
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card aria-labelledby="events">
            <CardHeader
              id="events"
              title={t("events")}
              action={
                org.events.length ? (
                  <Link className="text-brand hover:underline" href={`/timeline?vendor=${org.slug}`}>
                    {tc("viewAll")}
                  </Link>
                ) : undefined
              }
            />
            <CardBody>
              {org.events.length ? (
                <MiniTimeline events={org.events} />
              ) : (
                <p className="text-sm text-ink-3">{t("noEvents")}</p>
              )}
            </CardBody>
          </Card>
          {org.claims.length ? (
            <Card aria-labelledby="claims">
              <CardHeader id="claims" title={t("claims")} />
              <CardBody>
                <ul className="grid grid-cols-1 gap-5 sm:grid-cols-2">
                  {org.claims.map((c) => (
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
              description={tm("mentionsCount", { count: org.mentionCount })}
            />
            <CardBody>
              {mentions.items.length ? (
                <MentionList mentions={mentions.items} />
              ) : (
                <p className="text-sm text-ink-3">{tm("noMentions")}</p>
              )}
              <Pagination
                path={vendorHref(org.slug)}
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

export default async function VendorPage({ params, searchParams }: Props) {
  const [{ slug }, sp] = await Promise.all([params, searchParams]);
  const { mentions: mentionCursor } = parseFilters(detailParamsSchema, sp);
  const key = decodeURIComponent(slug);
  if (!(await findOrganizationName(key))) notFound();
  return (
    <Suspense fallback={<DetailSkeleton />}>
      <VendorView slug={key} mentionCursor={mentionCursor} />
    </Suspense>
  );
}
