// URLs of entity pages, in one place.
export const modelHref = (slug: string) => `/models/${encodeURIComponent(slug)}`;
export const vendorHref = (slug: string) => `/vendors/${encodeURIComponent(slug)}`;
export const industryHref = (slug: string) => `/industries/${encodeURIComponent(slug)}`;
export const articleHref = (id: number) => `/articles/${id}`;
/** The article page scrolled to (and highlighting) the sentence that starts at `start`. */
export const sentenceHref = (articleId: number, start: number) => `/articles/${articleId}#s-${start}`;

/** A URL for `path` with `params` (empty values dropped), e.g. for filter and pagination links. */
export function withParams(path: string, params: Record<string, string | number | undefined | null>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") sp.set(k, String(v));
  const qs = sp.toString();
  return qs ? `${path}?${qs}` : path;
}
