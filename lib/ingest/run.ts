// The pipeline over files: read -> parse -> clean -> extract -> store. Files are analysed one by one
// and stored in batches (one transaction each); a bad file is reported and the rest still land.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RawArticle } from "@/lib/validations/article-file";
import { extractArticle } from "@/lib/extract";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { cleanBody } from "./clean";
import { EMPTY_EXTRACTION, fitExtraction, type DroppedFact } from "./fit";
import { parseArticleFile } from "./parse";
import { articleSearchTerms, storeArticle, storeArticles, type AnalysedArticle, type StoreOutcome } from "./store";

/** Files larger than this are rejected unread (a news article is a few kilobytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface Rejection {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

/** A derived fact that was not stored (it did not fit the schema), reported with its file. */
interface Warning extends DroppedFact {
  file: string;
}

export type Analysis =
  { ok: true; analysed: AnalysedArticle; dropped: DroppedFact[] } | { ok: false; error: Rejection };

/**
 * The facts of a parsed, cleaned article that fit the schema, and what was dropped. Never throws:
 * if the extractor fails, the article has no derived facts (ingestion and re-extraction share this).
 */
export function deriveFacts(
  article: RawArticle,
  cleaned: ReturnType<typeof cleanBody>,
): ReturnType<typeof fitExtraction> {
  try {
    return fitExtraction(cleaned.body, extractArticle(article, cleaned));
  } catch (error) {
    return {
      extraction: EMPTY_EXTRACTION,
      dropped: [
        { kind: "extraction", key: "", reason: `extraction failed: ${(error as Error).message}`, sentence: null },
      ],
    };
  }
}

/**
 * Parses, cleans and extracts one file's bytes. Never throws. Only the file itself can be
 * rejected: a derived fact that cannot be stored is dropped (and reported), and if the extractor
 * fails the article is kept with no derived facts.
 */
export function analyseFile(file: string, bytes: Uint8Array): Analysis {
  const parsed = parseArticleFile(file, bytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  let cleaned: ReturnType<typeof cleanBody>;
  try {
    cleaned = cleanBody(parsed.article.body);
  } catch (error) {
    return {
      ok: false,
      error: {
        file,
        line: parsed.article.fieldLines.body ?? null,
        field: "总结",
        message: `cannot read the body: ${(error as Error).message}`,
      },
    };
  }
  const { extraction, dropped } = deriveFacts(parsed.article, cleaned);
  return {
    ok: true,
    dropped,
    analysed: {
      sourceFile: path.basename(file),
      contentHash: createHash("sha256").update(bytes).digest("hex"),
      extractorVersion: EXTRACTOR_VERSION,
      article: parsed.article,
      cleaned,
      extraction,
      searchTerms: articleSearchTerms({ article: parsed.article, cleaned, extraction }),
    },
  };
}

/** Article files under the given files or folders (folders recursively, *.txt), sorted. */
export async function listArticleFiles(inputs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const info = await stat(input);
    if (info.isDirectory()) {
      const entries = await readdir(input, { recursive: true, withFileTypes: true });
      for (const e of entries) {
        if (e.isFile() && e.name.endsWith(".txt")) out.push(path.join(e.parentPath, e.name));
      }
    } else {
      out.push(input);
    }
  }
  return [...new Set(out)].sort();
}

export interface IngestSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejections: Rejection[];
  /** derived facts dropped because they did not fit the schema (their articles were stored) */
  dropped: number;
  warnings: Warning[];
}

export interface IngestOptions {
  /** batches stored at the same time (each in its own transaction) */
  concurrency?: number;
  /** articles per transaction (default 32): statements and commits are shared by the batch */
  batchSize?: number;
  onFile?: (file: string, outcome: StoreOutcome | "rejected") => void;
  /** recorded in IngestRun.source */
  source?: string;
  /**
   * analyse files in this many worker threads (the CLIs; needs a TypeScript-aware Node such as tsx);
   * 0, the default, analyses on this thread
   */
  workers?: number;
}

/** Ingests files from disk; see ingestBuffers for in-memory input. */
export async function ingestFiles(prisma: PrismaClient, files: string[], options: IngestOptions = {}) {
  return ingestSources(
    prisma,
    files.map((file) => ({
      file,
      read: async (): Promise<Uint8Array | Rejection> => {
        const info = await stat(file);
        if (info.size > MAX_FILE_BYTES) {
          return {
            file,
            line: null,
            field: null,
            message: `file is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit`,
          };
        }
        return readFile(file);
      },
    })),
    options,
  );
}

/** Ingests named in-memory files (uploads). */
export async function ingestBuffers(
  prisma: PrismaClient,
  files: { name: string; bytes: Uint8Array }[],
  options: IngestOptions = {},
) {
  return ingestSources(
    prisma,
    files.map((f) => ({ file: f.name, read: () => Promise.resolve(f.bytes) })),
    options,
  );
}

async function ingestSources(
  prisma: PrismaClient,
  sources: { file: string; read: () => Promise<Uint8Array | Rejection> }[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const summary: IngestSummary = {
    created: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejections: [],
    dropped: 0,
    warnings: [],
  };
  const run = await prisma.ingestRun.create({ data: { source: options.source ?? "cli", files: sources.length } });
  const reject = (error: Rejection) => {
    summary.rejected++;
    summary.rejections.push(error);
    options.onFile?.(error.file, "rejected");
  };

  const pool = options.workers ? new AnalysePool(options.workers) : null;
  const analyse = (file: string, bytes: Uint8Array) => (pool ? pool.analyse(file, bytes) : analyseFile(file, bytes));

  // Links are claimed in file order (each file waits for the previous one's claim), so which of two
  // files with the same link counts as the duplicate does not depend on timing.
  const seenUrls = new Map<string, { file: string; hash: string }>();
  const settled = { promise: Promise.resolve(), resolve: () => {} };
  const claimed = sources.map(() => {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    return { promise, resolve };
  });
  // Analysed files wait here until a batch is full (or the input ends), then one worker stores it.
  const batchSize = Math.max(1, options.batchSize ?? 32);
  let pending: { file: string; analysed: AnalysedArticle }[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    let outcomes: (StoreOutcome | Error)[];
    try {
      outcomes = await storeArticles(
        prisma,
        batch.map((b) => b.analysed),
      );
    } catch {
      // One bad article fails its whole batch: store them one by one, so only that one is rejected.
      outcomes = [];
      for (const b of batch) outcomes.push(await storeOne(b));
    }
    batch.forEach((b, i) => {
      const outcome = outcomes[i];
      if (outcome instanceof Error) return reject({ file: b.file, line: null, field: null, message: outcome.message });
      summary[outcome]++;
      options.onFile?.(b.file, outcome);
    });
  };

  // Alone, an article that still fails is stored once more without its derived facts: only a fault
  // of the article itself (its own row) rejects it.
  const storeOne = async (b: { file: string; analysed: AnalysedArticle }): Promise<StoreOutcome | Error> => {
    try {
      return await storeArticle(prisma, b.analysed);
    } catch (error) {
      const bare = { ...b.analysed, extraction: EMPTY_EXTRACTION };
      try {
        const outcome = await storeArticle(prisma, { ...bare, searchTerms: articleSearchTerms(bare) });
        summary.dropped++;
        summary.warnings.push({
          file: b.file,
          kind: "extraction",
          key: "",
          reason: `derived facts not stored: ${(error as Error).message}`,
          sentence: null,
        });
        return outcome;
      } catch {
        return error as Error;
      }
    }
  };

  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const index = next++;
      const source = sources[index];
      try {
        const bytes = await source.read();
        if (!(bytes instanceof Uint8Array)) {
          reject(bytes);
          continue;
        }
        const analysis = await analyse(source.file, bytes);
        if (!analysis.ok) {
          reject(analysis.error);
          continue;
        }
        // Two files of one batch with the same link but different content: the later one is
        // rejected (which of them is "the article" is for a person to decide), not silently merged.
        if (index > 0) await claimed[index - 1].promise;
        const { url } = analysis.analysed.article;
        const seen = seenUrls.get(url);
        if (seen && seen.hash !== analysis.analysed.contentHash) {
          reject({
            file: source.file,
            line: analysis.analysed.article.fieldLines.url ?? null,
            field: "链接",
            message: `duplicate link ${url}: ${seen.file} in this batch has the same link with different content`,
          });
          continue;
        }
        // a copy of the link: the parsed one is a slice of the whole file's text, which it would keep alive
        if (!seen)
          seenUrls.set(Buffer.from(url).toString(), { file: source.file, hash: analysis.analysed.contentHash });
        for (const d of analysis.dropped) summary.warnings.push({ file: source.file, ...d });
        summary.dropped += analysis.dropped.length;
        pending.push({ file: source.file, analysed: analysis.analysed });
      } catch (error) {
        reject({ file: source.file, line: null, field: null, message: (error as Error).message });
      } finally {
        // a rejected file claims nothing, but its turn is over
        if (index > 0) await claimed[index - 1].promise;
        claimed[index].resolve();
        if (index > 0) claimed[index - 1] = settled; // only the latest turn is waited on: let the rest go
      }
      if (pending.length >= batchSize) await flush();
    }
    if (pending.length) await flush();
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, sources.length));
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    await pool?.close();
  }

  summary.rejections.sort((a, b) => a.file.localeCompare(b.file));
  await prisma.ingestRun.update({
    where: { id: run.id },
    data: {
      finishedAt: new Date(),
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      rejected: summary.rejected,
      errors: summary.rejections as never,
      dropped: summary.dropped,
      warnings: summary.warnings.slice(0, 1000) as never,
    },
  });
  return summary;
}

// A worker thread does not inherit the TypeScript loader the CLI runs under (its .ts entry would not
// load): it registers one, then imports analyse-worker.ts. The path is built at run time, so the
// app's bundler (which never starts workers) leaves it alone.
const WORKER_BOOT = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(require("node:worker_threads").workerData.entry); });`;
const WORKER_ENTRY = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "analyse-worker.ts")).href;

/** Worker threads running analyseFile; falls back to this thread if a worker cannot start. */
class AnalysePool {
  private workers: Worker[] = [];
  private pending = new Map<number, { resolve: (a: Analysis) => void; file: string; bytes: Uint8Array }>();
  private nextId = 0;
  private broken = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(WORKER_BOOT, { eval: true, workerData: { entry: WORKER_ENTRY } });
      w.on("message", (m: { id: number; analysis: Analysis }) => {
        const job = this.pending.get(m.id);
        this.pending.delete(m.id);
        job?.resolve(m.analysis);
      });
      w.on("error", (error) => this.fail(error));
      w.unref();
      this.workers.push(w);
    }
  }

  analyse(file: string, bytes: Uint8Array): Promise<Analysis> | Analysis {
    if (this.broken) return analyseFile(file, bytes);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, file, bytes });
      this.workers[id % this.workers.length].postMessage({ id, file, bytes });
    });
  }

  /** A worker died (or never started): finish its jobs here and stop using the pool. */
  private fail(error: Error) {
    if (!this.broken) console.warn(`analysis worker failed (${error.message}); analysing on the main thread`);
    this.broken = true;
    for (const [id, job] of this.pending) {
      this.pending.delete(id);
      job.resolve(analyseFile(job.file, job.bytes));
    }
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** "N new, M updated, K unchanged, J rejected" (", D derived facts dropped" when some were). */
export function formatSummary(s: IngestSummary): string {
  const dropped = s.dropped ? `, ${s.dropped} derived fact${s.dropped === 1 ? "" : "s"} dropped` : "";
  return `${s.created} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected${dropped}`;
}

/** Every rejection and dropped fact of a run, one line each, for a terminal. */
export function reportProblems(s: IngestSummary, write: (line: string) => void = console.error) {
  for (const r of s.rejections) write(`rejected: ${formatRejection(r)}`);
  for (const w of s.warnings) write(`warning: ${formatWarning(w)}`);
}

/** "file: dropped event release|x: reason — in: sentence" */
function formatWarning(w: Warning): string {
  const where = w.sentence ? ` — in: ${w.sentence.length > 120 ? `${w.sentence.slice(0, 120)}…` : w.sentence}` : "";
  return `${w.file}: dropped ${w.kind}${w.key ? ` ${w.key}` : ""}: ${w.reason}${where}`;
}

/** "file:line: field: message", or shorter where line or field do not apply. */
export function formatRejection(r: Rejection): string {
  return [r.line ? `${r.file}:${r.line}` : r.file, r.field, r.message].filter(Boolean).join(": ");
}
