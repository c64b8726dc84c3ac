// The server the end-to-end tests drive: a fresh database (a `<name>_e2e` database beside
// DATABASE_URL's, else a fresh embedded one), seeds/ and the test fixtures ingested, a fresh build.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "@/lib/db/client";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { assertLocalDatabase } from "../support/test-db";

const root = process.cwd();
const port = process.env.E2E_PORT ?? "3100";
const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL;

if (process.env.DATABASE_URL) {
  assertLocalDatabase(process.env.DATABASE_URL);
  const url = new URL(process.env.DATABASE_URL);
  const name = `${url.pathname.slice(1) || "moxing"}_e2e`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
} else {
  env.MOXING_DATA_DIR = path.join(root, ".tmp-test", "e2e-pglite");
  rmSync(env.MOXING_DATA_DIR, { recursive: true, force: true });
}

const handle = await openDatabase({ url: env.DATABASE_URL ?? null, dataDir: env.MOXING_DATA_DIR });
try {
  const files = await listArticleFiles([path.join(root, "seeds"), path.join(root, "tests", "fixtures", "articles")]);
  const summary = await ingestFiles(handle.prisma, files, { source: "e2e" });
  console.log(`e2e data: ${summary.created} articles, ${summary.rejected} rejected`);
} finally {
  await handle.close();
}

const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
if (!process.env.E2E_SKIP_BUILD) {
  const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// served as `npm start` serves: Next behind the page cache
const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "lib", "cli", "serve.ts"), "-H", "127.0.0.1", "-p", port],
  {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1" },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.pid && server.exitCode === null && process.kill(server.pid, signal));
}
server.on("exit", (code) => process.exit(code ?? 0));
