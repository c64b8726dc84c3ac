import Link from "next/link";
import Form from "next/form";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale, Theme } from "@/lib/i18n/config";
import { LanguageSwitch } from "./language-switch";
import { NavLinks } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";

export async function SiteHeader({ theme }: { theme: Theme }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations("nav");
  const ts = await getTranslations("settings");
  const tm = await getTranslations("meta");
  const items = [
    { href: "/", label: t("overview") },
    { href: "/models", label: t("models") },
    { href: "/vendors", label: t("vendors") },
    { href: "/industries", label: t("industries") },
    { href: "/timeline", label: t("timeline") },
    { href: "/funding", label: t("funding") },
    { href: "/prices", label: t("prices") },
    { href: "/filings", label: t("filings") },
    { href: "/open-source", label: t("openSource") },
    { href: "/articles", label: t("articles") },
    { href: "/search", label: t("search") },
  ];
  return (
    <header className="sticky top-0 z-30 border-b border-line bg-surface/90 backdrop-blur supports-[backdrop-filter]:bg-surface/80">
      <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 pt-3 sm:px-6 lg:px-8">
        <Link
          href="/"
          className="flex shrink-0 items-center gap-2 rounded-md"
          aria-label={`${tm("title")} – ${t("overview")}`}
        >
          <span
            aria-hidden="true"
            className="grid h-8 w-8 place-items-center rounded-lg bg-brand text-sm font-bold text-on-brand"
          >
            模
          </span>
          <span className="hidden flex-col leading-tight min-[420px]:flex">
            <span className="text-[15px] font-bold text-ink">{tm("title")}</span>
            <span className="text-[11px] text-ink-3">{locale === "zh" ? "Moxing" : "大模型观察"}</span>
          </span>
        </Link>
        <Form action="/search" role="search" className="ml-auto hidden max-w-xs flex-1 md:block">
          <label htmlFor="site-search" className="sr-only">
            {t("searchLabel")}
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder={t("searchPlaceholder")}
            className="h-9 w-full rounded-lg border border-line-strong bg-canvas px-3 text-sm text-ink placeholder:text-ink-3"
          />
        </Form>
        <div className="ml-auto flex items-center gap-2 md:ml-0">
          <LanguageSwitch current={locale} label={ts("switchTo")} ariaLabel={ts("switchToLabel")} />
          <ThemeToggle
            initial={theme}
            title={ts("theme")}
            labels={{ system: ts("themeSystem"), light: ts("themeLight"), dark: ts("themeDark") }}
          />
        </div>
      </div>
      <div className="mx-auto max-w-7xl px-2 sm:px-4 lg:px-6">
        <NavLinks items={items} label={t("main")} />
      </div>
    </header>
  );
}
