import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { formatDateAtPrecision } from "@/lib/i18n/format";
import type { ReviewMark } from "@/lib/queries/common";
import { Badge } from "./badge";

/** "Reviewed" on a fact an editor confirmed or corrected, who and when in its title; nothing otherwise. */
export function ReviewedBadge({ mark }: { mark: ReviewMark }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("overrides");
  if (!mark.reviewed) return null;
  const date = mark.reviewedAt ? formatDateAtPrecision(mark.reviewedAt.slice(0, 10), "day", locale) : "";
  const hint = t("reviewedBy", { by: mark.reviewedBy ?? "—", date: date ?? "" });
  return (
    <Badge tone="info" title={hint}>
      <span aria-hidden="true">✎</span>
      {t("reviewed")}
      <span className="sr-only">{hint}</span>
    </Badge>
  );
}
