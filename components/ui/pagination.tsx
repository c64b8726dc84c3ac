import Link from "next/link";
import { useTranslations } from "next-intl";
import { withParams } from "./hrefs";

/** Cursor paging: "first page" and "next page" links that keep the current filters. */
export function Pagination({
  path,
  params,
  cursorKey = "cursor",
  nextCursor,
}: {
  path: string;
  params: Record<string, string | undefined>;
  cursorKey?: string;
  nextCursor: string | null;
}) {
  const t = useTranslations("common");
  const onFirst = !params[cursorKey];
  if (onFirst && !nextCursor) return null;
  const cls =
    "inline-flex items-center gap-1 rounded-lg border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-brand hover:text-brand";
  return (
    <nav aria-label={t("pagination")} className="mt-6 flex items-center justify-between gap-3">
      {onFirst ? (
        <span />
      ) : (
        <Link href={withParams(path, { ...params, [cursorKey]: undefined })} className={cls}>
          ← {t("first")}
        </Link>
      )}
      {nextCursor ? (
        <Link href={withParams(path, { ...params, [cursorKey]: nextCursor })} className={cls} rel="next">
          {t("next")} →
        </Link>
      ) : null}
    </nav>
  );
}
