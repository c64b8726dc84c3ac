import { useTranslations } from "next-intl";
import type { EventItem } from "@/lib/queries/events";
import { Badge } from "@/components/ui/badge";
import { ConfidenceBadge } from "@/components/ui/confidence-badge";
import { CitationQuote } from "@/components/ui/citation";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { modelHref, vendorHref } from "@/components/ui/hrefs";
import { ReviewedBadge } from "@/components/ui/reviewed-badge";

const typeTone = {
  release: "brand",
  open_source: "brand",
  open_public: "ok",
  price_change: "warn",
  filing: "info",
  announcement: "info",
  deployment: "warn",
  showcase: "neutral",
  funding: "ok",
  listing: "ok",
} as const;

export function EventTypeBadge({ type }: { type: EventItem["type"] }) {
  const t = useTranslations("eventType");
  return <Badge tone={typeTone[type]}>{t(type)}</Badge>;
}

/** One event: what, who, when (at its precision) and the sentence that reports it. */
export function EventCard({
  event,
  showDate = true,
  compactQuote = true,
}: {
  event: EventItem;
  showDate?: boolean;
  compactQuote?: boolean;
}) {
  const t = useTranslations("common");
  const vendor = event.organization ?? event.model?.vendor ?? null;
  return (
    <article className="min-w-0" data-testid="event" data-vendor={vendor?.slug ?? ""}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <EventTypeBadge type={event.type} />
        {showDate ? <DateLabel date={event.date} className="text-sm font-medium text-ink-2" /> : null}
        {event.reviewed ? <ReviewedBadge mark={event} /> : <ConfidenceBadge confidence={event.confidence} />}
      </div>
      <h3 className="mt-1.5 flex flex-wrap items-baseline gap-x-2 text-[15px]">
        {event.model ? <EntityName names={event.model.names} href={modelHref(event.model.slug)} /> : null}
        {vendor ? (
          <span className="text-sm text-ink-3">
            <EntityName names={vendor.names} href={vendorHref(vendor.slug)} secondary={false} />
          </span>
        ) : null}
      </h3>
      {event.sources[0] ? <CitationQuote citation={event.sources[0]} compact={compactQuote} className="mt-2" /> : null}
      {event.sourceCount > 1 ? (
        <p className="mt-1 text-xs text-ink-3">{t("moreSources", { count: event.sourceCount - 1 })}</p>
      ) : null}
    </article>
  );
}

/** A small vertical timeline (detail pages). */
export function MiniTimeline({ events }: { events: EventItem[] }) {
  return (
    <ol className="relative space-y-5 border-l-2 border-line pl-5">
      {events.map((e) => (
        <li key={e.id} className="relative">
          <span
            aria-hidden="true"
            className="absolute -left-[27px] top-1.5 h-3 w-3 rounded-full border-2 border-surface bg-brand"
          />
          <EventCard event={e} />
        </li>
      ))}
    </ol>
  );
}
