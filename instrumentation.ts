// At server start, take the embedded database (no DATABASE_URL) before the first request: the
// server is its owner from then on, and `npm run ingest` or psql reach it through the server's socket.
import type { Instrumentation } from "next";
import { recordRenderError } from "./lib/server/render-failures";

/** A render that hit an error is never kept by the page cache (lib/server/render-failures.ts). */
export const onRequestError: Instrumentation.onRequestError = (_error, request) => {
  recordRenderError(request.headers);
};

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.DATABASE_URL) return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDbHandle } = await import("./lib/db/client");
  try {
    const handle = await getDbHandle();
    const socketDir = handle.embedded?.socketDir;
    if (socketDir)
      console.log(`embedded database: other processes connect through ${socketDir} (psql -h ${socketDir} -U postgres)`);
  } catch (error) {
    // the first request tries again and shows the error state meanwhile
    console.error(`embedded database: ${(error as Error).message}`);
  }
}
