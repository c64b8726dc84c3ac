// Which requests the page cache may answer, and what a response depends on besides its URL.
//
// A rendered page depends on the URL, on two cookies (the reader's language and theme) and, for the
// React Server Components payloads of client navigations, on Next's router headers (the ones its own
// responses list in Vary). Nothing else of the request reaches rendering, so those are the key. Admin
// pages, anything carrying credentials, and the live /status page are always rendered.
import type { IncomingHttpHeaders } from "node:http";
import { LOCALE_COOKIE, THEME_COOKIE, toLocale, toTheme, type Locale } from "@/lib/i18n/config";

/** Next's router headers (what its responses name in Vary besides Accept-Encoding). */
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-url",
] as const;

/** Path prefixes never served from the cache. */
const ALWAYS_RENDERED = ["/admin", "/api/admin", "/_next/", "/status", "/api/ping"];

const ADMIN_COOKIE = "moxing_admin";

export interface CacheKey {
  key: string;
  locale: Locale;
}

function cookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

function pathOf(url: string): string {
  const q = url.indexOf("?");
  return q >= 0 ? url.slice(0, q) : url;
}

/** The key of a request the cache may answer, or null when it must be rendered for this request alone. */
export function cacheKeyFor(
  method: string | undefined,
  url: string | undefined,
  headers: IncomingHttpHeaders,
): CacheKey | null {
  if ((method !== "GET" && method !== "HEAD") || !url || !url.startsWith("/")) return null;
  const path = pathOf(url);
  if (ALWAYS_RENDERED.some((p) => path === p || path.startsWith(p.endsWith("/") ? p : `${p}/`) || path === p))
    return null;
  if (headers.authorization) return null;
  const cookies = headers.cookie;
  if (cookies && cookie(cookies, ADMIN_COOKIE) !== undefined) return null;
  const locale = toLocale(cookie(cookies, LOCALE_COOKIE));
  const theme = toTheme(cookie(cookies, THEME_COOKIE));
  const router = ROUTER_HEADERS.map((h) => {
    const v = headers[h];
    return Array.isArray(v) ? v.join(",") : (v ?? "");
  });
  return { key: JSON.stringify([url, locale, theme, ...router]), locale };
}
