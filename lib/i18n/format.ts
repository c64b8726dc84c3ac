// Display helpers shared by server and client components. Pure: no React, no database.
import type { Locale } from "./config";

export type Precision = "day" | "month" | "year" | "unknown";

/** Entity names in both languages; `en` is null when no English name is known. */
export interface Names {
  zh: string;
  en: string | null;
}

const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * A date shown exactly at its precision: "2023年7月" / "July 2023", never a made-up day.
 * `value` is an ISO string at that precision ("2023", "2023-07", "2023-08-31").
 */
export function formatDateAtPrecision(value: string | null, precision: Precision, locale: Locale): string | null {
  if (!value || precision === "unknown") return null;
  const [y, m, d] = value.split("-").map((p) => Number(p));
  if (!y) return null;
  if (precision === "year" || !m) return locale === "zh" ? `${y}年` : String(y);
  if (precision === "month" || !d) return locale === "zh" ? `${y}年${m}月` : `${MONTHS_EN[m - 1]} ${y}`;
  return locale === "zh" ? `${y}年${m}月${d}日` : `${MONTHS_EN[m - 1]} ${d}, ${y}`;
}

/** "2023-07" -> "2023年7月" / "Jul 2023" (chart axes). */
export function formatMonthShort(month: string, locale: Locale): string {
  const [y, m] = month.split("-").map(Number);
  return locale === "zh" ? `${y}年${m}月` : `${MONTHS_EN[m - 1].slice(0, 3)} ${y}`;
}

/** The name to lead with in this locale, and the other-language name to show beside it (if any). */
export function displayName(names: Names, locale: Locale): { primary: string; secondary: string | null } {
  if (locale === "en" && names.en) return { primary: names.en, secondary: names.en === names.zh ? null : names.zh };
  return { primary: names.zh, secondary: names.en && names.en !== names.zh ? names.en : null };
}

export function primaryName(names: Names, locale: Locale): string {
  return displayName(names, locale).primary;
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US").format(n);
}

/** A timestamp (ISO) as a calendar day in Beijing time. */
export function formatTimestamp(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-US", {
    year: "numeric",
    month: locale === "zh" ? "numeric" : "short",
    day: "numeric",
    timeZone: "Asia/Shanghai",
  }).format(new Date(iso));
}
