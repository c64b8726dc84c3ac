// The one Prisma client. DATABASE_URL set: a PostgreSQL server through @prisma/adapter-pg.
// Unset: an embedded PostgreSQL (PGlite) in a data directory under the project, migrated on
// first use and closed on exit. Importable from CLIs and tests; app code goes through lib/db.ts.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { applyMigrations, type SqlRunner } from "./migrations";

export type Db = PrismaClient;

export interface DbHandle {
  prisma: PrismaClient;
  kind: "postgres" | "embedded";
  /** raw SQL on the same database, outside Prisma (migrations, COPY in benchmarks) */
  sql: SqlRunner;
  /** runs fn on one connection (BEGIN ... COMMIT and advisory locks need a single session) */
  session<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** a postgres:// URL; default DATABASE_URL; when absent the embedded database is used */
  url?: string | null;
  /** the embedded database's directory; default MOXING_DATA_DIR or .data/pglite */
  dataDir?: string;
  /** apply pending migrations before returning (default true) */
  migrate?: boolean;
  /** connections in the pool (PostgreSQL only) */
  poolSize?: number;
}

export function defaultDataDir(): string {
  return path.resolve(process.env.MOXING_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

/** Opens a database and applies pending migrations. The caller owns the handle and closes it. */
export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const url = options.url === undefined ? process.env.DATABASE_URL || null : options.url;
  const handle = url ? openPostgres(url, options.poolSize) : await openEmbedded(options.dataDir ?? defaultDataDir());
  if (options.migrate ?? true) {
    try {
      await handle.session((sql) => applyMigrations(sql));
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

function openPostgres(url: string, poolSize = 10): DbHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle pooled client that loses its server emits here; the next query reports the failure.
  pool.on("error", () => {});
  const runner = (c: pg.Pool | pg.PoolClient): SqlRunner => ({
    query: async (text, params) => ({ rows: (await c.query(text, params as unknown[])).rows }),
    exec: (text) => c.query(text),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    sql: runner(pool),
    session: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn(runner(client));
      } finally {
        client.release();
      }
    },
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<DbHandle> {
  mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  const sql: SqlRunner = {
    query: async (text, params) => ({ rows: (await pglite.query(text, params)).rows as never[] }),
    exec: (text) => pglite.exec(text),
  };
  return {
    prisma,
    kind: "embedded",
    sql,
    session: (fn) => fn(sql),
    close: async () => {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

// One handle per process, reused across hot reloads in development (t3's globalForPrisma).
const globalForDb = globalThis as unknown as { moxingDb?: Promise<DbHandle> };

/** The process-wide database, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.moxingDb) {
    const opening = openDatabase();
    globalForDb.moxingDb = opening;
    opening.then(registerClose, () => {
      // A failed open (server down) is retried on the next call instead of cached.
      if (globalForDb.moxingDb === opening) globalForDb.moxingDb = undefined;
    });
  }
  return globalForDb.moxingDb;
}

export async function getDb(): Promise<PrismaClient> {
  return (await getDbHandle()).prisma;
}

/** Closes the process-wide database if it was opened. */
export async function closeDb(): Promise<void> {
  const opening = globalForDb.moxingDb;
  globalForDb.moxingDb = undefined;
  if (opening) await (await opening.catch(() => null))?.close();
}

let closeRegistered = false;
function registerClose(handle: DbHandle) {
  if (closeRegistered || handle.kind !== "embedded") return;
  closeRegistered = true;
  // An open PGlite keeps Node alive and holds its directory: close it before the process goes.
  // (`npm start` runs Next with NEXT_MANUAL_SIG_HANDLE so that this handler is the one that exits.)
  // A second signal (Ctrl-C reaches both the launcher and the server) must not cut the close short.
  let closing = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      void closeDb().finally(() => process.exit(0));
    });
  }
}
