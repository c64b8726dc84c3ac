// Calling route handlers directly, as Next would: a Request in, a Response out.
import path from "node:path";
import type { DbHandle } from "@/lib/db/client";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { freshDatabase } from "./test-db";
import { afterAll, beforeAll } from "vitest";
import { releaseDatabase, useDatabase } from "./use-db";

export const ORIGIN = "http://127.0.0.1:3000";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RouteHandler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

/** GET `url` (path and query) through `handler`, with route params when it has any. */
export function call(
  handler: RouteHandler,
  url: string,
  params?: Record<string, string>,
  init?: RequestInit,
): Promise<Response> {
  return handler(new Request(new URL(url, ORIGIN), init), { params: Promise.resolve(params ?? {}) });
}

export async function callJson<T = unknown>(
  handler: RouteHandler,
  url: string,
  params?: Record<string, string>,
): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await call(handler, url, params);
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}

/** A fresh database with seeds/ and tests/fixtures/articles/ ingested, behind getDb(). */
export async function seededDatabase(): Promise<DbHandle> {
  const db = await freshDatabase();
  useDatabase(db);
  const root = process.cwd();
  const files = await listArticleFiles([path.join(root, "seeds"), path.join(root, "tests", "fixtures", "articles")]);
  const summary = await ingestFiles(db.prisma, files);
  if (summary.rejected) throw new Error(`fixtures rejected: ${JSON.stringify(summary.rejections)}`);
  return db;
}

/** seededDatabase() for a whole test file: opened before its tests, released and closed after them. */
export function seededSuite(): { readonly db: DbHandle } {
  const suite: { db?: DbHandle } = {};
  beforeAll(async () => {
    suite.db = await seededDatabase();
  });
  afterAll(async () => {
    releaseDatabase();
    await suite.db?.close();
  });
  return {
    get db() {
      if (!suite.db) throw new Error("the seeded database is open only inside the file's tests");
      return suite.db;
    },
  };
}
