import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/layout/site-header";
import { THEME_COOKIE, toTheme } from "@/lib/i18n/config";
import "./globals.css";

// Every page reads the locale cookie and the database: render per request, never at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: `${t("title")} · ${t("tagline")}`, template: `%s · ${t("title")}` },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#15171d" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const theme = toTheme((await cookies()).get(THEME_COOKIE)?.value);
  const t = await getTranslations("nav");
  const tf = await getTranslations("footer");
  return (
    <html
      lang={locale === "zh" ? "zh-CN" : "en"}
      data-theme={theme === "system" ? undefined : theme}
      suppressHydrationWarning
    >
      <body className="bg-canvas text-ink antialiased">
        <NextIntlClientProvider>
          <a
            href="#main"
            className="sr-only z-50 rounded-md bg-brand px-3 py-2 text-on-brand focus:not-sr-only focus:fixed focus:left-3 focus:top-3"
          >
            {t("skip")}
          </a>
          <SiteHeader theme={theme} />
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-7xl px-4 py-6 outline-none sm:px-6 sm:py-8 lg:px-8"
          >
            {children}
          </main>
          <footer className="mx-auto max-w-7xl px-4 pb-10 pt-4 text-xs text-ink-3 sm:px-6 lg:px-8">
            <p className="border-t border-line pt-4">{tf("note")}</p>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
