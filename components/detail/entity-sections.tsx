import { useLocale, useTranslations } from "next-intl";
import { ClaimCard } from "@/components/claims/claim-card";
import { StatusBadge } from "@/components/ui/badge";
import { CitationQuote } from "@/components/ui/citation";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { MentionList } from "@/components/ui/mention-list";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { displayName } from "@/lib/i18n/format";
import type { ClaimItem } from "@/lib/queries/claims";
import type { Citation, EntityRef, IndustryRef, Page } from "@/lib/queries/common";
import type { MentionItem } from "@/lib/queries/mentions";
import { DetailCard } from "./detail-card";

const entityHref = { models: modelHref, vendors: vendorHref, industries: industryHref };

/** Every sentence naming the entity, a page at a time (`?mentions=` is the cursor). */
export function MentionsCard({
  section,
  entity,
  mentions,
  cursor,
}: {
  section: keyof typeof entityHref;
  entity: { slug: string; mentionCount: number };
  mentions: Page<MentionItem>;
  cursor?: string;
}) {
  const ts = useTranslations(section);
  const t = useTranslations("models");
  return (
    <DetailCard
      id="mentions"
      title={ts("mentions")}
      description={t("mentionsCount", { count: entity.mentionCount })}
      empty={t("noMentions")}
      footer={
        <Pagination
          path={entityHref[section](entity.slug)}
          params={{ mentions: cursor }}
          cursorKey="mentions"
          nextCursor={mentions.nextCursor}
        />
      }
    >
      {mentions.items.length ? <MentionList mentions={mentions.items} /> : null}
    </DetailCard>
  );
}

/** The figures the articles state about the entity; nothing when there are none. */
export function ClaimsCard({ title, claims }: { title: string; claims: ClaimItem[] }) {
  if (!claims.length) return null;
  return (
    <DetailCard id="claims" title={title}>
      <ul className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        {claims.map((c) => (
          <li key={c.id}>
            <ClaimCard claim={c} />
          </li>
        ))}
      </ul>
    </DetailCard>
  );
}

/** The industries the entity serves, each with the sentence that says so. */
export function IndustryLinksCard({
  title,
  empty,
  industries,
}: {
  title: string;
  empty: string;
  /** `via` (vendor pages): the vendor's model the sentence names, null when it names the vendor */
  industries: (IndustryRef & { citation: Citation; via?: EntityRef | null })[];
}) {
  const locale = useLocale() as Locale;
  const tc = useTranslations("common");
  return (
    <DetailCard id="industries" title={title} empty={empty}>
      {industries.length ? (
        <ul className="space-y-4">
          {industries.map((i) => {
            const name = <EntityName names={i.names} href={industryHref(i.slug)} />;
            return (
              <li key={i.slug}>
                {i.via === undefined ? (
                  name
                ) : (
                  <span className="flex flex-wrap items-baseline gap-x-2">
                    {name}
                    {i.via ? (
                      <span className="text-xs text-ink-3">
                        {tc("via", { name: displayName(i.via.names, locale).primary })}
                      </span>
                    ) : null}
                  </span>
                )}
                <CitationQuote citation={i.citation} compact className="mt-1.5" />
              </li>
            );
          })}
        </ul>
      ) : null}
    </DetailCard>
  );
}

/** Entities linked to their pages, each with its status. */
export function EntityStatusList({ items, href }: { items: EntityRef[]; href: (slug: string) => string }) {
  return (
    <ul className="space-y-2.5 text-sm">
      {items.map((e) => (
        <li key={e.slug} className="flex items-center justify-between gap-2">
          <EntityName names={e.names} href={href(e.slug)} />
          <StatusBadge status={e.status} />
        </li>
      ))}
    </ul>
  );
}
