"use client";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/** Sets the NEXT_LOCALE cookie (remembered for a year) and re-renders the page in that language. */
export function LanguageSwitch({ current, label, ariaLabel }: { current: Locale; label: string; ariaLabel: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const next: Locale = current === "zh" ? "en" : "zh";
  return (
    <button
      type="button"
      aria-label={ariaLabel}
      lang={next === "zh" ? "zh-CN" : "en"}
      disabled={pending}
      onClick={() => {
        document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        start(() => router.refresh());
      }}
      className="inline-flex h-9 items-center rounded-lg border border-line bg-surface px-3 text-sm font-medium text-ink hover:border-brand hover:text-brand disabled:opacity-60"
      data-testid="language-switch"
    >
      {label}
    </button>
  );
}
