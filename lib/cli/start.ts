// npm start: migrate, ingest seeds/ (idempotent), build once, then serve on HOST:PORT
// (default 127.0.0.1:3000, through the page cache: lib/cli/serve.ts), and ingest article files that appear in seeds/ while it runs.
// Ctrl-C or SIGTERM stops the server, which closes the database.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { watchArticleFolder } from "../ingest/watch";
import path from "node:path";
import { openDatabase } from "../db/client";
import { formatSummary, ingestFiles, listArticleFiles, reportProblems } from "../ingest/run";

const root = process.cwd();
const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
const seedsDir = process.env.MOXING_SEEDS_DIR || path.join(root, "seeds");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(args: string[], extraEnv: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, ...args], { stdio: "inherit", env: { ...env, ...extraEnv } });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

// 1. Database and seeds. The embedded database is closed again before the server opens it: the
//    server owns it while it runs, and this launcher's later ingestions go through the server.
const handle = await openDatabase();
try {
  const files = await listArticleFiles(existsSync(seedsDir) ? [seedsDir] : []);
  const summary = await ingestFiles(handle.prisma, files, { source: "start" });
  reportProblems(summary);
  const where = handle.kind === "embedded" ? "embedded database" : "PostgreSQL";
  console.log(`${where}: ${formatSummary(summary)}`);
} finally {
  await handle.close();
}

// 2. Build once.
if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("no build yet: running next build");
  const code = await run(["build"]);
  if (code !== 0) process.exit(code);
}

// 3. Serve: Next behind the page cache (lib/cli/serve.ts). The server handles its own signals (it
//    closes the embedded database, then exits); a signal sent to this launcher alone is passed on to it.
const server = spawn(
  process.execPath,
  ["--import", "tsx", path.join(root, "lib", "cli", "serve.ts"), "-H", host, "-p", port],
  {
    stdio: "inherit",
    env: { ...env, NODE_ENV: "production", NEXT_MANUAL_SIG_HANDLE: "1" },
  },
);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (server.exitCode === null && server.pid) process.kill(server.pid, signal);
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));

// 4. Files added to or changed in seeds/ while serving: the same idempotent ingestion, debounced.
if (existsSync(seedsDir)) {
  watchArticleFolder(seedsDir, {
    onIngested: (summary, files) => {
      reportProblems(summary);
      console.log(`${seedsDir}: ${files.length} file(s) changed: ${formatSummary(summary)}`);
    },
    onError: (error) => console.error(`watching ${seedsDir}: ${error.message}`),
  });
}
