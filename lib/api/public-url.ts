// The site's public base URL, for the absolute links it writes (feed entries, the OpenAPI `servers`,
// CSV page links). Behind a proxy or a CDN the server cannot know the address people use, so
// MOXING_PUBLIC_URL says it; without it the request's own Host is the best guess (what the client
// typed, 127.0.0.1 or a LAN name), not the address the server happened to bind.

/** MOXING_PUBLIC_URL without its trailing slash; null when unset. Throws when it is not an http(s) URL. */
export function publicBaseUrl(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.MOXING_PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`MOXING_PUBLIC_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`MOXING_PUBLIC_URL must be http or https: ${JSON.stringify(raw)}`);
  if (url.search || url.hash) throw new Error(`MOXING_PUBLIC_URL takes no query or fragment: ${JSON.stringify(raw)}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

/** host[:port] as a Host header may carry it (a name, IPv4 or a bracketed IPv6); anything else is not used. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/** The base URL for links in a response to `request`: MOXING_PUBLIC_URL, else the request's Host. */
export function baseUrlFor(request: Request, env: Record<string, string | undefined> = process.env): string {
  const configured = publicBaseUrl(env);
  if (configured) return configured;
  const url = new URL(request.url);
  const host = request.headers.get("host");
  return host && HOST.test(host) ? `${url.protocol}//${host}` : url.origin;
}
