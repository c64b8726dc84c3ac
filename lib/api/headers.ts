// Security headers. Pages get a Content-Security-Policy with a fresh script nonce per request
// (set by proxy.ts; Next reads the nonce from the request's CSP header and puts it on its own
// scripts). Responses that are not HTML (JSON, CSV, Atom) get a policy that allows nothing.

/**
 * Request header with which the page cache (lib/server/page-cache.ts) asks for a render that any reader
 * may be served: proxy.ts then adds no nonce, and the cache sets a policy of the render's hashes. Its
 * value must be the secret the serving process put in MOXING_SHARED_RENDER_SECRET; the cache removes
 * the header from every incoming request.
 */
export const SHARED_RENDER_HEADER = "x-moxing-shared-render";

/**
 * Cache-Control of what anyone may read: kept by the page cache (lib/server/page-cache.ts, which sends
 * its own shared-cache policy with an ETag) and otherwise revalidated on every use. Errors and the
 * admin API stay no-store.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate";

/** A CSP for documents that never run scripts or load anything. */
const NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Headers every response carries, whatever its type. */
export function baseSecurityHeaders(): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  };
}

/** For JSON, CSV and Atom responses. */
export function securityHeaders(): Record<string, string> {
  return { "Content-Security-Policy": NON_HTML_CSP, ...baseSecurityHeaders() };
}

/** Where a page's scripts and style elements get their trust from. */
export type ScriptTrust =
  /** a nonce made for this one response (pages rendered per request) */
  | { nonce: string }
  /** the hashes of exactly what was rendered (pages served from the page cache: lib/server/html-csp.ts) */
  | { scripts: readonly string[]; styles: readonly string[] };

/**
 * The pages' policy: scripts only with this response's nonce or one of the rendered page's hashes
 * (and what they load, 'strict-dynamic'); style elements likewise; style attributes allowed
 * (server-rendered widths and colours; they cannot run code). Development adds what React's dev
 * tooling and hot reload need.
 */
export function pageCsp(trust: string | ScriptTrust, opts: { dev?: boolean; https?: boolean } = {}): string {
  const dev = !!opts.dev;
  const t: ScriptTrust = typeof trust === "string" ? { nonce: trust } : trust;
  const quote = (list: readonly string[]) => list.map((h) => ` '${h}'`).join("");
  const scripts = "nonce" in t ? ` 'nonce-${t.nonce}'` : quote(t.scripts);
  const styles = "nonce" in t ? ` 'nonce-${t.nonce}'` : quote(t.styles);
  const directives = [
    "default-src 'self'",
    `script-src 'self'${scripts} 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self'${styles}`,
    dev ? "style-src-elem 'self' 'unsafe-inline'" : `style-src-elem 'self'${styles}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}
