import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import type { IndustryMatrix } from "@/lib/queries/industries";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref, modelHref } from "@/components/ui/hrefs";
import { displayName } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";

/** Models (rows) x industries (columns); a cell shows how many sentences link the two. */
export function IndustryMatrixTable({ matrix }: { matrix: IndustryMatrix }) {
  const t = useTranslations("industries");
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const cells = new Map(matrix.cells.map((c) => [`${c.model}|${c.industry}`, c.count]));
  const max = Math.max(1, ...matrix.cells.map((c) => c.count));
  return (
    <div
      className="overflow-x-auto rounded-xl border border-line bg-surface"
      tabIndex={0}
      role="region"
      aria-label={t("matrix")}
    >
      <table className="w-full border-collapse text-sm" data-testid="industry-matrix">
        <caption className="sr-only">{t("matrix")}</caption>
        <thead>
          <tr>
            <th
              scope="col"
              className="sticky left-0 z-10 min-w-[9rem] border-b border-r border-line bg-subtle px-3 py-2 text-left text-xs font-semibold text-ink-2"
            >
              {tc("models")} \ {tc("industries")}
            </th>
            {matrix.industries.map((i) => (
              <th
                key={i.slug}
                scope="col"
                className="border-b border-line bg-subtle px-2 py-2 text-center text-xs font-semibold text-ink-2"
              >
                <Link href={industryHref(i.slug)} className="whitespace-nowrap hover:text-brand hover:underline">
                  {displayName(i.names, locale).primary}
                </Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.models.map((m) => (
            <tr key={m.slug}>
              <th
                scope="row"
                className="sticky left-0 z-10 border-b border-r border-line bg-surface px-3 py-2 text-left font-normal"
              >
                <EntityName names={m.names} href={modelHref(m.slug)} secondary={false} className="whitespace-nowrap" />
              </th>
              {matrix.industries.map((i) => {
                const n = cells.get(`${m.slug}|${i.slug}`) ?? 0;
                const label = `${displayName(m.names, locale).primary} × ${displayName(i.names, locale).primary}: ${n}`;
                return (
                  <td key={i.slug} className="border-b border-line px-1 py-1 text-center">
                    {n ? (
                      <span
                        title={label}
                        className="inline-grid h-7 w-8 place-items-center rounded-md text-xs font-semibold tabular-nums text-ink"
                        style={{
                          background: `color-mix(in oklab, var(--brand) ${Math.round(18 + (n / max) * 50)}%, transparent)`,
                        }}
                      >
                        {n}
                      </span>
                    ) : (
                      <span className="text-ink-3" aria-label={label}>
                        ·
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
