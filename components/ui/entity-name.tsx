import Link from "next/link";
import { useLocale } from "next-intl";
import { displayName, type Names } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { cn } from "./cn";

/** A name in the reader's language, with the other language's name beside it when known. */
export function EntityName({
  names,
  href,
  className,
  secondary = true,
}: {
  names: Names;
  href?: string;
  className?: string;
  secondary?: boolean;
}) {
  const locale = useLocale() as Locale;
  const { primary, secondary: other } = displayName(names, locale);
  const lang = locale === "en" && names.en ? "en" : "zh-CN";
  const otherLang = lang === "en" ? "zh-CN" : "en";
  const main = (
    <span lang={lang} className="font-medium">
      {primary}
    </span>
  );
  return (
    <span className={cn("inline-flex min-w-0 flex-wrap items-baseline gap-x-1.5", className)}>
      {href ? (
        <Link href={href} className="text-ink underline-offset-4 hover:text-brand hover:underline">
          {main}
        </Link>
      ) : (
        main
      )}
      {secondary && other ? (
        <span lang={otherLang} className="text-[0.85em] text-ink-3">
          {other}
        </span>
      ) : null}
    </span>
  );
}
