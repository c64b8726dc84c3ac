// Ingests article files that appear or change in a folder: debounced, one ingestion at a time, the
// same idempotent pipeline as `npm run ingest`. The database is opened per ingestion, so with the
// embedded default this reaches it through the process that owns it (the server).
import { existsSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";
import { openDatabase } from "@/lib/db/client";
import { ingestFiles, type IngestSummary } from "./run";

export interface WatchOptions {
  /** quiet time after the last change before ingesting (editors write a file in several steps) */
  debounceMs?: number;
  onIngested?: (summary: IngestSummary, files: string[]) => void;
  onError?: (error: Error) => void;
}

export function watchArticleFolder(dir: string, options: WatchOptions = {}): { close(): void } {
  const debounceMs = options.debounceMs ?? 500;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const flush = () => {
    timer = null;
    const files = [...pending].filter((f) => existsSync(f)).sort();
    pending.clear();
    if (!files.length) return;
    running = running.then(async () => {
      try {
        const handle = await openDatabase();
        try {
          options.onIngested?.(await ingestFiles(handle.prisma, files, { source: "watch" }), files);
        } finally {
          await handle.close();
        }
      } catch (error) {
        // the files stay where they are: the next change, or the next start, ingests them
        options.onError?.(error as Error);
      }
    });
  };

  const watcher: FSWatcher = watch(dir, { recursive: true }, (_event, name) => {
    if (!name || !String(name).endsWith(".txt")) return;
    pending.add(path.join(dir, String(name)));
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  watcher.on("error", (error) => options.onError?.(error));
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
