// Databases for integration tests: the PostgreSQL server named by DATABASE_URL (local only) and a
// throwaway embedded PGlite copied from a migrated template made once per run.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { TABLES_CHILDREN_FIRST } from "@/lib/db/tables";
import { openDatabase, type DbHandle } from "@/lib/db/client";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]", ""]);

/** Refuses to run destructive tests against anything but this machine's server. */
export function assertLocalDatabase(url: string) {
  const parsed = new URL(url);
  const host = parsed.hostname || new URLSearchParams(parsed.search).get("host") || "";
  if (!LOCAL_HOSTS.has(host) && !host.startsWith("/")) {
    throw new Error(`integration tests only run against a local PostgreSQL; DATABASE_URL names host "${host}"`);
  }
}

export type Backend = "postgres" | "embedded";

/** Backends to run against: embedded always, PostgreSQL when DATABASE_URL is set. */
export function backends(): Backend[] {
  return process.env.DATABASE_URL ? ["postgres", "embedded"] : ["embedded"];
}

/** The default backend for a test that runs once: PostgreSQL when configured. */
export const primaryBackend: Backend = process.env.DATABASE_URL ? "postgres" : "embedded";

const TABLES: readonly string[] = TABLES_CHILDREN_FIRST;

/** An empty, migrated database of the given kind. Close it with the returned handle. */
export async function freshDatabase(backend: Backend = primaryBackend): Promise<DbHandle> {
  if (backend === "postgres") {
    const url = process.env.DATABASE_URL!;
    assertLocalDatabase(url);
    const handle = await openDatabase({ url });
    await emptyDatabase(handle);
    return handle;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "moxing-pglite-"));
  cpSync(inject("pgliteTemplate"), dir, { recursive: true });
  const handle = await openDatabase({ url: null, dataDir: dir });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Removes every row of every domain table (a PostgreSQL database reused between cases). */
export async function emptyDatabase(handle: DbHandle): Promise<void> {
  await handle.sql.exec(`TRUNCATE ${TABLES.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Every domain table's rows (ids and ingestion timestamps left out), for "nothing changed" checks. */
export async function snapshot(handle: DbHandle): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES.filter((t) => t !== "IngestRun")) {
    const { rows } = await handle.sql.query(`SELECT * FROM "${table}"`);
    out[table] = rows.map((r) => JSON.stringify(r, (k, v) => (k === "searchTerms" ? String(v) : v))).sort();
  }
  return out;
}
