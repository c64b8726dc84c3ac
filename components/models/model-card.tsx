import { useTranslations } from "next-intl";
import type { ModelListItem } from "@/lib/queries/models";
import { StatusBadge } from "@/components/ui/badge";
import { EntityName } from "@/components/ui/entity-name";
import { modelHref, vendorHref } from "@/components/ui/hrefs";
import { IndustryChips } from "@/components/ui/industry-chips";
import { Skeleton } from "@/components/ui/skeleton";

export function ModelCard({ model }: { model: ModelListItem }) {
  const t = useTranslations("common");
  return (
    <article
      className="relative flex h-full flex-col rounded-xl border border-line bg-surface p-4 transition-colors hover:border-brand/60"
      data-testid="model-card"
    >
      <div className="flex items-start justify-between gap-2">
        <h2 className="min-w-0 text-base">
          <EntityName names={model.names} href={modelHref(model.slug)} />
        </h2>
        <StatusBadge status={model.status} />
      </div>
      <dl className="mt-2 space-y-1 text-sm">
        {model.vendor ? (
          <div className="flex gap-2">
            <dt className="shrink-0 text-ink-3">{t("vendor")}</dt>
            <dd className="min-w-0">
              <EntityName names={model.vendor.names} href={vendorHref(model.vendor.slug)} secondary={false} />
            </dd>
          </div>
        ) : null}
        {model.family || model.version ? (
          <div className="flex gap-2">
            <dt className="shrink-0 text-ink-3">{model.version ? t("version") : t("family")}</dt>
            <dd className="font-mono text-xs leading-5 text-ink-2">{model.version ?? model.family}</dd>
          </div>
        ) : null}
      </dl>
      <IndustryChips industries={model.industries} label={t("industries")} />
      <p className="mt-auto flex gap-4 pt-3 text-xs text-ink-3">
        <span>
          {t("mentions")} <span className="font-semibold text-ink-2 tabular-nums">{model.mentionCount}</span>
        </span>
        <span>
          {t("events")} <span className="font-semibold text-ink-2 tabular-nums">{model.eventCount}</span>
        </span>
      </p>
    </article>
  );
}

ModelCard.Skeleton = function ModelCardSkeleton() {
  return (
    <div className="rounded-xl border border-line bg-surface p-4" aria-hidden="true">
      <div className="flex justify-between">
        <Skeleton className="h-5 w-28" />
        <Skeleton className="h-5 w-14 rounded-full" />
      </div>
      <Skeleton className="mt-3 h-4 w-36" />
      <Skeleton className="mt-2 h-4 w-20" />
      <div className="mt-3 flex gap-1.5">
        <Skeleton className="h-5 w-12" />
        <Skeleton className="h-5 w-12" />
      </div>
    </div>
  );
};

export function ModelGridSkeleton({ count = 9 }: { count?: number }) {
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {Array.from({ length: count }, (_, i) => (
        <ModelCard.Skeleton key={i} />
      ))}
    </div>
  );
}
