// Which renders failed. A page streams: a section that cannot read the database shows its error state
// inside a response that is already 200, so the status alone cannot tell a good render from one made
// while the database was down. The page cache names each render it asks for (RENDER_ID_HEADER), and
// instrumentation.ts's onRequestError, which Next calls for every error caught while rendering,
// records the name here. Kept on globalThis: Next loads instrumentation.ts in a bundle of its own.

/** Request header naming one render of the page cache. */
export const RENDER_ID_HEADER = "x-moxing-render-id";

/** Names of renders that reported an error and that the page cache has not looked at yet. */
export function failedRenders(): Set<string> {
  const g = globalThis as { moxingFailedRenders?: Set<string> };
  return (g.moxingFailedRenders ??= new Set());
}

/** Records a failed render, if the request was one the page cache named. */
export function recordRenderError(headers: Record<string, string | string[] | undefined>): void {
  const id = headers[RENDER_ID_HEADER];
  if (typeof id !== "string") return;
  const failed = failedRenders();
  // names the cache never collects (a report after it looked) must not pile up
  if (failed.size > 1000) failed.clear();
  failed.add(id);
}
