// The pipeline over files: read -> parse -> clean -> extract -> store. Each file is analysed and
// stored on its own (its own transaction); a bad file is reported and the rest still land.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { extractArticle } from "@/lib/extract";
import { cleanBody } from "./clean";
import { parseArticleFile } from "./parse";
import { storeArticle, type AnalysedArticle, type StoreOutcome } from "./store";

/** Files larger than this are rejected unread (a news article is a few kilobytes). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface Rejection {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export type Analysis = { ok: true; analysed: AnalysedArticle } | { ok: false; error: Rejection };

/** Parses, cleans and extracts one file's bytes. Never throws. */
export function analyseFile(file: string, bytes: Uint8Array): Analysis {
  const parsed = parseArticleFile(file, bytes);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  try {
    const cleaned = cleanBody(parsed.article.body);
    const extraction = extractArticle(parsed.article, cleaned);
    return {
      ok: true,
      analysed: {
        sourceFile: path.basename(file),
        contentHash: createHash("sha256").update(bytes).digest("hex"),
        article: parsed.article,
        cleaned,
        extraction,
      },
    };
  } catch (error) {
    return { ok: false, error: { file, line: null, field: null, message: `extraction failed: ${(error as Error).message}` } };
  }
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
}

export interface IngestOptions {
  /** files stored at the same time (each in its own transaction) */
  concurrency?: number;
  onFile?: (file: string, outcome: StoreOutcome | "rejected") => void;
  /** recorded in IngestRun.source */
  source?: string;
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
          return { file, line: null, field: null, message: `file is ${info.size} bytes, over the ${MAX_FILE_BYTES}-byte limit` };
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
  return ingestSources(prisma, files.map((f) => ({ file: f.name, read: async () => f.bytes })), options);
}

async function ingestSources(
  prisma: PrismaClient,
  sources: { file: string; read: () => Promise<Uint8Array | Rejection> }[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const summary: IngestSummary = { created: 0, updated: 0, unchanged: 0, rejected: 0, rejections: [] };
  const run = await prisma.ingestRun.create({ data: { source: options.source ?? "cli", files: sources.length } });
  const reject = (error: Rejection) => {
    summary.rejected++;
    summary.rejections.push(error);
    options.onFile?.(error.file, "rejected");
  };

  let next = 0;
  const worker = async () => {
    while (next < sources.length) {
      const source = sources[next++];
      try {
        const bytes = await source.read();
        if (!(bytes instanceof Uint8Array)) {
          reject(bytes);
          continue;
        }
        const analysis = analyseFile(source.file, bytes);
        if (!analysis.ok) {
          reject(analysis.error);
          continue;
        }
        const outcome = await storeArticle(prisma, analysis.analysed);
        summary[outcome]++;
        options.onFile?.(source.file, outcome);
      } catch (error) {
        reject({ file: source.file, line: null, field: null, message: (error as Error).message });
      }
    }
  };
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 1, sources.length));
  await Promise.all(Array.from({ length: concurrency }, worker));

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
    },
  });
  return summary;
}

/** "file:line: field: message", or shorter where line or field do not apply. */
export function formatRejection(r: Rejection): string {
  return [r.line ? `${r.file}:${r.line}` : r.file, r.field, r.message].filter(Boolean).join(": ");
}
