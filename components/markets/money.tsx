import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/config";
import { formatAmount } from "./format";
import type { MoneyValue } from "./types";

/** Money with its bound: 超过10亿美元 / ≥ US$1 billion; the bound is never dropped. */
export function Money({ money, className }: { money: MoneyValue; className?: string }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("money");
  const bound = t(money.bound);
  return (
    <span className={className} data-testid="money">
      {bound ? <span className="font-normal text-ink-2">{bound}</span> : null}
      <span className="tabular-nums">{formatAmount(money.value, money.currency, locale)}</span>
    </span>
  );
}
