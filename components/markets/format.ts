// Amounts, prices and quarters in the reader's words. Pure: shared by server and client components.
import type { Locale } from "@/lib/i18n/config";

const ZH_UNIT: Record<string, string> = { CNY: "元", USD: "美元", HKD: "港元", EUR: "欧元" };
const EN_SYMBOL: Record<string, string> = { CNY: "CN¥", USD: "US$", HKD: "HK$", EUR: "€" };

function decimals(n: number, locale: Locale, max = 2): string {
  return new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: max }).format(n);
}

/** An amount in the reader's words: 10亿美元 / US$1 billion (Chinese counts in 万 and 亿, English in millions). */
export function formatAmount(value: number, currency: string, locale: Locale): string {
  if (locale === "zh") {
    const unit = ZH_UNIT[currency] ?? ` ${currency}`;
    if (value >= 1e8) return `${decimals(value / 1e8, locale)}亿${unit}`;
    if (value >= 1e4) return `${decimals(value / 1e4, locale)}万${unit}`;
    return `${decimals(value, locale)}${unit}`;
  }
  const symbol = EN_SYMBOL[currency] ?? `${currency} `;
  if (value >= 1e9) return `${symbol}${decimals(value / 1e9, locale)} billion`;
  if (value >= 1e6) return `${symbol}${decimals(value / 1e6, locale)} million`;
  return `${symbol}${decimals(value, locale)}`;
}

/** A price per million tokens: "1元/百万 tokens" / "CN¥1 per M tokens"; small prices keep their digits. */
export function formatPrice(value: number, currency: string, locale: Locale): string {
  const n = decimals(value, locale, value < 0.01 ? 6 : 4);
  if (locale === "zh") return `${n}${ZH_UNIT[currency] ?? ` ${currency}`}/百万 tokens`;
  return `${EN_SYMBOL[currency] ?? `${currency} `}${n} per M tokens`;
}

/** "2024-Q1" -> "2024年第1季度" / "Q1 2024". */
export function formatQuarter(quarter: string, locale: Locale): string {
  const [y, q] = quarter.split("-Q");
  return locale === "zh" ? `${y}年第${q}季度` : `Q${q} ${y}`;
}
