import { useLocale, useTranslations } from "next-intl";
import { formatDateAtPrecision, type Precision } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";

/** A date at exactly its precision ("2023年7月" / "July 2023"); never a made-up day. */
export function DateLabel({
  date,
  className,
}: {
  date: { value: string | null; precision: Precision; inferred?: boolean; text?: string | null };
  className?: string;
}) {
  const locale = useLocale() as Locale;
  const t = useTranslations("common");
  const label = formatDateAtPrecision(date.value, date.precision, locale);
  if (!label) return <span className={className ?? "text-ink-3"}>{t("unknownDate")}</span>;
  return (
    <time
      dateTime={date.value ?? undefined}
      className={className}
      title={date.text ? `${date.text}${date.inferred ? ` (${t("inferredDate")})` : ""}` : undefined}
    >
      {label}
      {date.inferred ? <span className="text-ink-3">*</span> : null}
    </time>
  );
}
