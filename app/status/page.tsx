// /status – the web service is up: rendered through the same proxy and layout as every page, with no
// database read. For uptime checks, and the page floor the serving benchmark compares pages against.
// It also says whether query results are being kept between writes (lib/db/query-cache.ts), and how
// many rendered responses the page cache holds (lib/server/page-cache.ts; this page itself is never kept).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { queryCacheStatus } from "@/lib/db/query-cache";
import type { PageCacheStats } from "@/lib/server/page-cache";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("statusPage");
  return { title: t("title") };
}

export default async function StatusPage() {
  const t = await getTranslations("statusPage");
  const cache = queryCacheStatus();
  const pages = (globalThis as { moxingPageCache?: () => PageCacheStats | null }).moxingPageCache?.() ?? null;
  const cacheState = !cache.enabled ? "off" : cache.listening ? "listening" : cache.started ? "waiting" : "idle";
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold text-ink">{t("title")}</h1>
      <p className="mt-2 text-ink-2">{t("body")}</p>
      <p className="mt-4 text-sm text-ink-3" data-query-cache={cacheState}>
        {cacheState === "listening"
          ? t("cacheListening", { entries: cache.entries })
          : t(cacheState === "off" ? "cacheOff" : cacheState === "waiting" ? "cacheWaiting" : "cacheIdle")}
      </p>
      <p className="mt-2 text-sm text-ink-3" data-page-cache={pages ? "on" : "off"}>
        {pages ? t("pageCacheOn", { entries: pages.entries, hits: pages.hits }) : t("pageCacheOff")}
      </p>
    </div>
  );
}
