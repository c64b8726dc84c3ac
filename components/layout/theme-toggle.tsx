"use client";
import { useState } from "react";
import { THEME_COOKIE, type Theme } from "@/lib/i18n/config";

const ORDER: Theme[] = ["system", "light", "dark"];

/** Cycles system -> light -> dark; the choice is a cookie the server reads into <html data-theme>. */
export function ThemeToggle({
  initial,
  labels,
  title,
}: {
  initial: Theme;
  labels: Record<Theme, string>;
  title: string;
}) {
  const [theme, setTheme] = useState<Theme>(initial);
  const next = ORDER[(ORDER.indexOf(theme) + 1) % ORDER.length];
  return (
    <button
      type="button"
      onClick={() => {
        setTheme(next);
        document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
        if (next === "system") delete document.documentElement.dataset.theme;
        else document.documentElement.dataset.theme = next;
      }}
      aria-label={`${title}: ${labels[theme]}`}
      title={`${title}: ${labels[theme]}`}
      className="inline-flex h-9 w-9 items-center justify-center rounded-lg border border-line bg-surface text-ink hover:border-brand hover:text-brand"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      >
        {theme === "dark" ? (
          <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" />
        ) : theme === "light" ? (
          <>
            <circle cx="12" cy="12" r="4" />
            <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
          </>
        ) : (
          <>
            <rect x="3" y="4" width="18" height="12" rx="2" />
            <path d="M8 20h8M12 16v4" />
          </>
        )}
      </svg>
    </button>
  );
}
