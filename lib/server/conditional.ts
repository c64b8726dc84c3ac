// Conditional requests (RFC 9110 §13): If-None-Match against a response's entity tag, and which
// content coding a client accepts.

/** True when If-None-Match lists this tag (weak comparison, as the RFC requires for GET and HEAD) or is `*`. */
export function matchesIfNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  if (value.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const wanted = opaque(etag);
  return value.split(",").some((tag) => opaque(tag) === wanted);
}

/** True when Accept-Encoding allows gzip (q > 0, or `*` with q > 0 and gzip not refused). */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  let gzip: number | null = null;
  let star: number | null = null;
  for (const part of value.split(",")) {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    const weight = q ? Number(q[1]) : 1;
    if (coding === "gzip" || coding === "x-gzip") gzip = weight;
    else if (coding === "*") star = weight;
  }
  return gzip !== null ? gzip > 0 : (star ?? 0) > 0;
}
