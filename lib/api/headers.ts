// Security headers. Pages get a Content-Security-Policy with a fresh script nonce per request
// (set by proxy.ts; Next reads the nonce from the request's CSP header and puts it on its own
// scripts). Responses that are not HTML (JSON, CSV, Atom) get a policy that allows nothing.

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

/**
 * The pages' policy: scripts only with this request's nonce (and what they load, 'strict-dynamic');
 * style elements likewise; style attributes allowed (server-rendered widths and colours; they cannot
 * run code). Development adds what React's dev tooling and hot reload need.
 */
export function pageCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const dev = !!opts.dev;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    dev ? "style-src-elem 'self' 'unsafe-inline'" : `style-src-elem 'self' 'nonce-${nonce}'`,
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
