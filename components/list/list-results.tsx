import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Pagination } from "@/components/ui/pagination";
import type { Locale } from "@/lib/i18n/config";
import { formatNumber } from "@/lib/i18n/format";

/** "Showing N" above a list, announced when a filter changes it; a total above `cap` reads "cap+". */
export function ResultCount({
  total,
  cap = Infinity,
  className = "mb-3",
  testId,
}: {
  total: number;
  cap?: number;
  className?: string;
  testId?: string;
}) {
  const tc = useTranslations("common");
  const locale = useLocale() as Locale;
  const count = total > cap ? `${formatNumber(cap, locale)}+` : formatNumber(total, locale);
  return (
    <p className={cn(className, "text-sm text-ink-3")} aria-live="polite" data-testid={testId}>
      {tc("showing", { count })}
    </p>
  );
}

/** One page of a list (or `empty` when it has no items), then the links to the first and next pages. */
export function ListResults({
  path,
  filters,
  page,
  empty,
  children,
}: {
  path: string;
  filters: Record<string, string | undefined>;
  page: { items: unknown[]; nextCursor: string | null };
  empty: ReactNode;
  children: ReactNode;
}) {
  return (
    <>
      {page.items.length ? children : empty}
      <Pagination path={path} params={filters} nextCursor={page.nextCursor} />
    </>
  );
}
