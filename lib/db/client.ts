// The one Prisma client. DATABASE_URL set: a PostgreSQL server through @prisma/adapter-pg.
// Unset: an embedded PostgreSQL (PGlite) in a data directory under the project, migrated on
// first use and closed on exit. One process owns a data directory (lib/db/embedded-owner.ts);
// any other reaches it through the owner's socket. Importable from CLIs and tests; app code goes
// through lib/db.ts.
// DATABASE_READ_URL (optional, PostgreSQL only): a read replica that getDb() reads from; writers
// use getWriteDb(). See docs/deployment.md.
import { createHash } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { claimDataDir, runDirFor, serveOwnerSocket, socketDirFor, type OwnerInfo } from "./embedded-owner";
import { applyMigrations, type SqlRunner } from "./migrations";

export interface DbHandle {
  prisma: PrismaClient;
  kind: "postgres" | "embedded";
  /** embedded only: this process owns the data directory, or reaches it through its owner's socket */
  embedded?: { dataDir: string; owner: "self" | OwnerInfo; socketDir: string | null };
  /** raw SQL on the same database, outside Prisma (migrations, COPY in benchmarks) */
  sql: SqlRunner;
  /** runs fn on one connection (BEGIN ... COMMIT and advisory locks need a single session) */
  session<T>(fn: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * LISTEN on channel: onNotify for each notification, onLost once if the subscription ends by itself
   * (its connection dropped; never for the embedded database). Resolves to a function that ends it.
   */
  listen(channel: string, onNotify: () => void, onLost: (error: Error) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** a postgres:// URL; default DATABASE_URL; when absent the embedded database is used */
  url?: string | null;
  /** the embedded database's directory; default MOXING_DATA_DIR or .data/pglite */
  dataDir?: string;
  /** apply pending migrations before returning (default true) */
  migrate?: boolean;
  /** connections in the pool (PostgreSQL only); default DATABASE_POOL_SIZE or 10 */
  poolSize?: number;
  /**
   * embedded only. "share" (default): own the data directory, or use the process that owns it.
   * "own": wait until this process owns it (a server must not depend on a CLI that will exit).
   */
  ownership?: "share" | "own";
  /** embedded only: how long to wait for an owner that is starting or finishing (default 60 s) */
  waitMs?: number;
}

/** Runs fn in one BEGIN ... COMMIT on a single connection, outside Prisma (the ingestion's hot path). */
export type RawTransaction = <T>(fn: (sql: SqlRunner) => Promise<T>) => Promise<T>;

const rawTransactions = new WeakMap<PrismaClient, RawTransaction>();

/** The raw transaction runner of a client opened by openDatabase on PostgreSQL, else null. */
export function rawTransactionFor(prisma: PrismaClient): RawTransaction | null {
  return rawTransactions.get(prisma) ?? null;
}

function defaultDataDir(): string {
  return path.resolve(process.env.MOXING_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite"));
}

/** Opens a database and applies pending migrations. The caller owns the handle and closes it. */
export async function openDatabase(options: OpenOptions = {}): Promise<DbHandle> {
  const url = options.url === undefined ? process.env.DATABASE_URL || null : options.url;
  const handle = url
    ? openPostgres({ connectionString: url }, options.poolSize)
    : await openEmbedded(options.dataDir ?? defaultDataDir(), options.ownership ?? "share", options.waitMs ?? 60_000);
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

function openPostgres(
  target: { connectionString: string } | { host: string; user: string; database: string },
  poolSize = Number(process.env.DATABASE_POOL_SIZE) || 10,
  viaOwner = false,
): DbHandle {
  const pool = new pg.Pool({
    ...target,
    max: poolSize,
    // Off by default: in pg.Pool this also bounds the wait for a free pooled connection, so under load
    // it turns slow requests into errors. A refused connection (server down) fails at once anyway.
    connectionTimeoutMillis: Number(process.env.DATABASE_CONNECT_TIMEOUT_MS) || 0,
    idleTimeoutMillis: 30_000,
  });
  // An idle pooled client that loses its server emits here and is dropped from the pool; the next
  // query opens a new connection, so the app recovers by itself when the server is back.
  pool.on("error", () => {});
  const runner = (c: pg.Pool | pg.PoolClient): SqlRunner => ({
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await c.query(text, params)).rows as T[] }),
    exec: (text) => c.query(text),
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  rawTransactions.set(prisma, async (fn) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      // the owner's socket is one backend session for every client: named statements would collide
      const result = await fn(viaOwner ? runner(client) : preparedRunner(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      // A failed ROLLBACK means the connection itself is gone: destroy it rather than pool it.
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      throw error;
    } finally {
      client.release(broken);
    }
  });
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
    // DATABASE_LISTEN_URL: the server itself when DATABASE_URL goes through a transaction-mode pooler.
    // Through an embedded owner's socket a notification reaches whichever client is committing, not
    // the listener: refuse, so that a query cache there keeps nothing rather than stale results.
    listen: (channel, onNotify, onLost) =>
      "connectionString" in target
        ? listenOn(process.env.DATABASE_LISTEN_URL || target.connectionString, channel, onNotify, onLost)
        : Promise.reject(new Error("LISTEN is not available through the embedded database's owner")),
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** A connection of its own (a pooled one would be handed to queries): LISTEN holds its session. */
async function listenOn(url: string, channel: string, onNotify: () => void, onLost: (error: Error) => void) {
  const client = new pg.Client({ connectionString: url, keepAlive: true });
  let state: "connecting" | "listening" | "ended" = "connecting";
  const lost = (error: Error) => {
    if (state !== "listening") return; // a failed connect rejects below instead
    state = "ended";
    client.end().catch(() => {});
    onLost(error);
  };
  client.on("error", lost);
  client.on("end", () => lost(new Error("the listening connection ended")));
  client.on("notification", (n) => {
    if (n.channel === channel) onNotify();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
  } catch (error) {
    state = "ended";
    await client.end().catch(() => {});
    throw error;
  }
  state = "listening";
  return async () => {
    state = "ended";
    await client.end();
  };
}

/** Named (prepared once per connection) statements: the ingestion repeats the same few large ones. */
function preparedRunner(client: pg.PoolClient): SqlRunner {
  return {
    query: async <T>(text: string, params?: unknown[]) => {
      let name = statementNames.get(text);
      if (!name)
        statementNames.set(text, (name = `moxing_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`));
      return { rows: (await client.query({ name, text, values: params })).rows as T[] };
    },
    exec: (text) => client.query(text),
  };
}
const statementNames = new Map<string, string>();

/**
 * The embedded database: this process becomes the owner of dataDir (PGlite in-process, serving a
 * socket for other processes), or, when another live process owns it, a client of that socket.
 */
async function openEmbedded(dataDir: string, ownership: "share" | "own", waitMs: number): Promise<DbHandle> {
  const deadline = Date.now() + waitMs;
  let owner: OwnerInfo | null = null;
  let lastWaitLog = Date.now();
  for (;;) {
    const claim = claimDataDir(dataDir);
    if (claim.owned) {
      try {
        return await ownEmbedded(dataDir, claim);
      } catch (error) {
        claim.release();
        throw error;
      }
    }
    owner = claim.owner;
    if (ownership === "share" && owner.socketDir) {
      const client = openPostgres({ host: owner.socketDir, user: "postgres", database: "postgres" }, 1, true);
      try {
        await client.sql.query("SELECT 1");
        return { ...client, kind: "embedded", embedded: { dataDir, owner, socketDir: owner.socketDir } };
      } catch {
        await client.close().catch(() => {});
        // the owner is closing (or its socket is not up yet): ask again
      }
    }
    if (Date.now() > deadline) break;
    if (ownership === "own" && Date.now() - lastWaitLog > 10_000) {
      lastWaitLog = Date.now();
      console.log(
        `waiting for process ${owner.pid} (${owner.command}) to finish with the embedded database in ${dataDir}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `the embedded database in ${dataDir} is in use by process ${owner.pid} (${owner.command}, since ${owner.since})` +
      (ownership === "own"
        ? ": a server needs it to itself. Let that process finish or stop it, then start again."
        : ", which does not answer on its socket. Stop that process, or set DATABASE_URL to use a PostgreSQL server."),
  );
}

async function ownEmbedded(
  dataDir: string,
  claim: Extract<ReturnType<typeof claimDataDir>, { owned: true }>,
): Promise<DbHandle> {
  mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  const socketDir = socketDirFor(dataDir);
  const socket = await serveOwnerSocket(pglite, socketDir);
  claim.publish(socketDir);
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  let closed = false;
  const sql: SqlRunner = {
    query: async (text, params) => ({ rows: (await pglite.query(text, params)).rows as never[] }),
    exec: (text) => pglite.exec(text),
  };
  return {
    prisma,
    kind: "embedded",
    embedded: { dataDir, owner: "self", socketDir },
    sql,
    session: (fn) => fn(sql),
    // in-process: nothing to lose
    listen: (channel, onNotify) => pglite.listen(channel, () => onNotify()),
    close: async () => {
      if (closed) return;
      closed = true;
      // clients that are mid-way (an ingestion through the socket) finish first
      await socket.close();
      await prisma.$disconnect();
      await pglite.close();
      claim.release();
      // a socket directory of its own (the data directory's path was too long for a socket)
      if (socketDir !== runDirFor(dataDir)) rmSync(socketDir, { recursive: true, force: true });
    },
  };
}

// One handle per process, reused across hot reloads in development (t3's globalForPrisma).
const globalForDb = globalThis as unknown as { moxingDb?: Promise<DbHandle>; moxingReadDb?: Promise<DbHandle> };

/** The process-wide (primary, writable) database, opened (and migrated) on first use. */
export function getDbHandle(): Promise<DbHandle> {
  if (!globalForDb.moxingDb) {
    // the app's server owns an embedded database: a CLI it would depend on exits when done
    const opening = openDatabase({ ownership: "own", waitMs: 600_000 });
    globalForDb.moxingDb = opening;
    opening.then(registerClose, () => {
      // A failed open (server down) is retried on the next call instead of cached.
      if (globalForDb.moxingDb === opening) globalForDb.moxingDb = undefined;
    });
  }
  return globalForDb.moxingDb;
}

/** The read replica named by DATABASE_READ_URL, else the primary. Never migrated from here. */
function getReadDbHandle(): Promise<DbHandle> {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return getDbHandle();
  if (!globalForDb.moxingReadDb) {
    const opening = openDatabase({
      url,
      migrate: false,
      poolSize: Number(process.env.DATABASE_READ_POOL_SIZE) || undefined,
    });
    globalForDb.moxingReadDb = opening;
    opening.catch(() => {
      if (globalForDb.moxingReadDb === opening) globalForDb.moxingReadDb = undefined;
    });
  }
  return globalForDb.moxingReadDb;
}

/** The client for reads (the query helpers): the replica when DATABASE_READ_URL is set. */
export async function getDb(): Promise<PrismaClient> {
  return (await getReadDbHandle()).prisma;
}

/** The client for writes (uploads, merges, ingestion from the app): always the primary. */
export async function getWriteDb(): Promise<PrismaClient> {
  return (await getDbHandle()).prisma;
}

/** Closes the process-wide databases if they were opened. */
export async function closeDb(): Promise<void> {
  const opening = [globalForDb.moxingDb, globalForDb.moxingReadDb];
  globalForDb.moxingDb = undefined;
  globalForDb.moxingReadDb = undefined;
  for (const o of opening) if (o) await (await o.catch(() => null))?.close();
}

let closeRegistered = false;
function registerClose(handle: DbHandle) {
  if (closeRegistered || handle.embedded?.owner !== "self") return;
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
