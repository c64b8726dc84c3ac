// Helpers for the reliability tests: throwaway databases beside DATABASE_URL's, the ingestion CLI
// as a child process (killable by its own pid), and a throwaway PostgreSQL server of our own.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { assertLocalDatabase } from "./test-db";

/** A fresh, migrated database named `<DATABASE_URL's name>_<suffix>` on the same local server. */
export async function siblingDatabase(suffix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error("siblingDatabase needs DATABASE_URL");
  assertLocalDatabase(base);
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || "moxing"}_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  await (await openDatabase({ url: url.toString() })).close();
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface CliRun {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** `npm run ingest -- <inputs>` as one node process (no npx/tsx wrapper), so its pid is the ingestion's. */
export function runIngestCli(inputs: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, ["--import", "tsx", path.join("lib", "cli", "ingest.ts"), ...inputs], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

function pgBin(name: string): string {
  const found = spawnSync("sh", ["-c", `ls -d /usr/lib/postgresql/*/bin/${name} 2>/dev/null | sort -V | tail -1`], {
    encoding: "utf8",
  });
  const bin = found.stdout.trim();
  if (!bin) throw new Error(`${name} not found under /usr/lib/postgresql`);
  return bin;
}

/** True when this machine can run a throwaway server (PostgreSQL binaries and a `postgres` user). */
export function canRunOwnServer(): boolean {
  try {
    pgBin("initdb");
    return spawnSync("id", ["postgres"]).status === 0;
  } catch {
    return false;
  }
}

/**
 * A throwaway PostgreSQL server: initdb into a temporary directory, listening on 127.0.0.1 only,
 * run as the `postgres` user (initdb and postgres refuse root). stop()/start() simulate an outage.
 */
export async function ownServer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "moxing-pg-"));
  chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const port = await freePort();
  const asPostgres = (cmd: string) => {
    const r = spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  asPostgres(`${pgBin("initdb")} -D ${data} -U postgres --auth=trust -E UTF8 --no-locale >/dev/null`);
  const pgCtl = pgBin("pg_ctl");
  const start = () =>
    asPostgres(
      `${pgCtl} -D ${data} -w -t 30 -l ${dir}/log -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off" start >/dev/null`,
    );
  const stop = () => asPostgres(`${pgCtl} -D ${data} -w -t 30 -m fast stop >/dev/null`);
  start();
  const admin = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`CREATE DATABASE moxing`);
  await c.end();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/moxing`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
