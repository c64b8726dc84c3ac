// /status – the web service is up: rendered through the same proxy and layout as every page, with no
// database read. For uptime checks, and the page floor the serving benchmark compares pages against.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statusPage");
  return { title: t("title") };
}

export default async function StatusPage() {
  const t = await getTranslations("statusPage");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
      <p className="mt-2 text-ink-2">{t("body")}</p>
    </div>
  );
}
