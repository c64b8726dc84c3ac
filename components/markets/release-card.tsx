import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ConfidenceBadge } from "@/components/ui/confidence-badge";
import { DateLabel } from "@/components/ui/date-label";
import { EntityName } from "@/components/ui/entity-name";
import { modelHref, vendorHref } from "@/components/ui/hrefs";
import { RowSource } from "./row-source";
import type { ReleaseRow } from "./types";

/** One open-source release: the model, its vendor, the licence, the sizes released and the sentence. */
export function ReleaseCard({ row }: { row: ReleaseRow }) {
  const t = useTranslations("open-source");
  const vendor = row.organization ?? row.model?.vendor ?? null;
  return (
    <li className="min-w-0 rounded-xl border border-line bg-surface p-4">
      <article data-testid="release" data-model={row.model?.slug ?? ""}>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Badge tone={row.licence ? "brand" : "neutral"}>
            <span className="sr-only">{t("licence")}: </span>
            <span data-testid="licence">{row.licence ?? t("noLicence")}</span>
          </Badge>
          <DateLabel date={row.date} className="text-sm font-medium text-ink-2" />
          <ConfidenceBadge confidence={row.confidence} />
        </div>
        <h3 className="mt-1.5 flex flex-wrap items-baseline gap-x-2 text-[15px]">
          {row.model ? <EntityName names={row.model.names} href={modelHref(row.model.slug)} /> : null}
          {vendor ? (
            <span className="text-sm text-ink-3">
              <EntityName names={vendor.names} href={vendorHref(vendor.slug)} secondary={false} />
            </span>
          ) : null}
        </h3>
        <div className="mt-2 flex flex-wrap items-center gap-1.5 text-sm">
          <span className="text-ink-3">{t("sizes")}</span>
          {row.sizes.length ? (
            <ul className="flex flex-wrap gap-1.5" data-testid="sizes">
              {row.sizes.map((s) => (
                <li key={s}>
                  <Badge className="font-mono">{s}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-ink-3">{t("noSizes")}</span>
          )}
        </div>
        <RowSource row={row} />
      </article>
    </li>
  );
}
