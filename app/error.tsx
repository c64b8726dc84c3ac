"use client";
import { useTranslations } from "next-intl";

export default function Error({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
      <p className="mt-2 text-ink-2">{t("body")}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-ink-3">{error.digest}</p> : null}
      <button
        type="button"
        onClick={() => reset()}
        className="mt-6 inline-flex h-10 items-center rounded-lg bg-brand px-4 text-sm font-medium text-on-brand hover:bg-brand-strong"
      >
        {t("retry")}
      </button>
    </div>
  );
}
