// Links the pages can put next to their lists: the CSV export and Atom feed matching what is shown.
// Pure (no server code): usable from server and client components.

export type ExportKind = "models" | "events" | "claims";

/** The CSV export of `kind` with the page's current filters, e.g. exportHref("events", { vendor: "tencent" }). */
export function exportHref(kind: ExportKind, filters: Record<string, string | undefined | null> = {}): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v && k !== "cursor" && k !== "limit") sp.set(k, v);
  const qs = sp.toString();
  return `/api/export/${kind}.csv${qs ? `?${qs}` : ""}`;
}

/** The Atom feed of all events (optionally filtered as the timeline), of one vendor, or of one model. */
export function feedHref(
  target: { vendor: string } | { model: string } | { filters?: Record<string, string | undefined | null> } = {},
): string {
  if ("vendor" in target) return `/feeds/vendors/${encodeURIComponent(target.vendor)}.xml`;
  if ("model" in target) return `/feeds/models/${encodeURIComponent(target.model)}.xml`;
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(target.filters ?? {})) if (v && k !== "cursor") sp.set(k, v);
  const qs = sp.toString();
  return `/feed.xml${qs ? `?${qs}` : ""}`;
}
