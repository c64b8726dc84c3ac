// PostgreSQL helpers for the benchmarks: throwaway databases on the local server, and COPY FROM
// STDIN over pg's own protocol support (pg exposes "submittable" queries; pg-copy-streams is not needed).

/** The part of pg's wire connection a COPY FROM STDIN submittable talks to (pg does not export it). */
interface CopyConnection {
  query(sql: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}
import pg from "pg";

export const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export function urlFor(database: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Drops and recreates a database on the local server; returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return urlFor(name);
}

export async function dropDatabase(name: string) {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** `COPY ... FROM STDIN` with the given text-format chunks, as one pg query. Resolves to the row count. */
export function copyFrom(
  client: pg.Client | pg.PoolClient,
  sql: string,
  chunks: Iterable<string | Buffer>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let error: Error | null = null;
    const submittable = {
      submit(connection: CopyConnection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: CopyConnection) {
        for (const chunk of chunks) connection.sendCopyFromChunk(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
        connection.endCopyFrom();
      },
      handleCommandComplete(msg: { text?: string }) {
        rows = Number(/\d+$/.exec(msg.text ?? "")?.[0] ?? 0);
      },
      handleError(err: Error) {
        error = err;
      },
      handleReadyForQuery() {
        if (error) reject(error);
        else resolve(rows);
      },
      handleRowDescription() {},
      handleDataRow() {},
      handleEmptyQuery() {},
      handlePortalSuspended() {},
      handleCopyData() {},
    };
    client.query(submittable as never);
  });
}

/** One value in COPY text format. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (Array.isArray(v)) return copyValue(pgArray(v as string[]));
  if (v instanceof Date) return v.toISOString();
  const s = typeof v === "string" ? v : typeof v === "bigint" ? v.toString() : JSON.stringify(v); // numbers, booleans, JSON
  return s.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
}

function pgArray(xs: string[]): string {
  return `{${xs.map((x) => `"${x.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`).join(",")}}`;
}
