// npx tsx bench/serve.ts [sizes...] [--duration S] [--connections C]: serves a built copy of the app
// (lib/cli/serve.ts: Next behind the page cache) against moxing_bench_<N> and loads each hot route
// beside the floors of the same run (a static file, /api/ping, /status), with autocannon on 127.0.0.1:
// warm, with a write every second, and one request right after each of 15 writes. Latencies are
// recorded per response, so p95 is exact. MOXING_PAGE_CACHE=off: the same with every page rendered.
// `--soak S` instead loads / and /api/events for S seconds at saturation and samples the server's RSS.
// MOXING_QUERY_CACHE=off: the same with query results never kept (bench/out/serve-nocache.json).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannonModule from "autocannon";
import pg from "pg";
import { urlFor } from "./lib/pg";

interface AutocannonResult {
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance {
  on(event: "response", listener: (client: unknown, status: number, bytes: number, time: number) => void): void;
  on(event: "done", listener: (result: AutocannonResult) => void): void;
  on(event: "error", listener: (error: Error) => void): void;
}
const autocannon = autocannonModule as unknown as (opts: Record<string, unknown>) => AutocannonInstance;

const args = process.argv.slice(2).filter((a) => a !== "--");
const opt = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const duration = opt("--duration", 10);
const connections = opt("--connections", 10);
const soak = opt("--soak", 0);
const port = opt("--port", 3197);
const probe = opt("--probe", 0);
// --identity: requests without Accept-Encoding (bodies uncompressed); by default gzip, as browsers ask
const identity = args.includes("--identity");
const REQUEST_HEADERS: Record<string, string> = identity ? {} : { "accept-encoding": "gzip" };
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
if (!sizes.length) sizes.push(10_000, 100_000);

const root = process.cwd();
/** A hard-linked copy of the project with its own .next, so other people's builds are left alone. */
export const APP_DIR = process.env.BENCH_APP_DIR ?? path.join(os.tmpdir(), "moxing-bench-app");

export function buildApp() {
  mkdirSync(APP_DIR, { recursive: true });
  const sh = (cmd: string) => {
    const r = spawnSync("sh", ["-c", cmd], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`${cmd} failed`);
  };
  sh(
    `rsync -a --delete --exclude node_modules --exclude .next --exclude .git --exclude 'bench/out' --exclude .data ` +
      `--exclude '.tmp*' --exclude tests --exclude test-results --exclude playwright-report "${root}/" "${APP_DIR}/"`,
  );
  sh(`rm -rf "${APP_DIR}/tests"`); // the server needs no tests (and others' work in progress may not type-check)
  if (!existsSync(path.join(APP_DIR, "node_modules"))) sh(`cp -al "${root}/node_modules" "${APP_DIR}/node_modules"`);
  const r = spawnSync(process.execPath, [path.join(APP_DIR, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: APP_DIR,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: "" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function startServer(
  databaseUrl: string,
  p = port,
): Promise<{ child: ChildProcess; stop: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(APP_DIR, "lib", "cli", "serve.ts"), "-H", "127.0.0.1", "-p", String(p)],
    {
      cwd: APP_DIR,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: databaseUrl, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${p}/api/ping`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`next start exited: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on("exit", r));
      process.kill(child.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try {
        if (child.exitCode === null) process.kill(child.pid!, "SIGKILL");
      } catch {
        // it exited meanwhile
      }
    },
  };
}

export function rssOf(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) * 1024;
  } catch {
    return 0;
  }
}

/** next start forks next-server: the process that answers. */
function serverPids(pid: number): number[] {
  const r = spawnSync("sh", ["-c", `pgrep -P ${pid}; echo ${pid}`], { encoding: "utf8" });
  return r.stdout.split(/\s+/).filter(Boolean).map(Number);
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface RouteResult {
  route: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p97_5: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
}

export async function load(
  url: string,
  seconds: number,
  conns: number,
  /** a path per request instead of url's own (distinct search queries, say) */
  nextPath?: () => string,
): Promise<RouteResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const instance = autocannon({
    url,
    duration: seconds,
    connections: conns,
    timeout: 30,
    headers: REQUEST_HEADERS,
    ...(nextPath ? { requests: [{ setupRequest: (req: object) => ({ ...req, path: nextPath() }) }] } : {}),
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, time: number) => {
    latencies.push(time);
    statuses[status] = (statuses[status] ?? 0) + 1;
  });
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    instance.on("done", resolve);
    instance.on("error", reject);
  });
  latencies.sort((a, b) => a - b);
  const r2 = (x: number) => +x.toFixed(2);
  return {
    route: new URL(url).pathname + new URL(url).search,
    requests: latencies.length,
    rps: r2(latencies.length / seconds),
    p50: r2(percentile(latencies, 50)),
    p95: r2(percentile(latencies, 95)),
    p97_5: r2(percentile(latencies, 97.5)),
    p99: r2(percentile(latencies, 99)),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    statuses,
  };
}

/** The routes to load, with parameters that exist in the synthetic corpus. */
export const ROUTES = [
  "/",
  "/timeline?vendor=tencent",
  "/models/hunyuan",
  "/vendors/tencent",
  `/search?q=${encodeURIComponent("混元")}`,
  "/api/events?vendor=tencent",
];
/** The floors: a route that does nothing (for the API) and a page that reads nothing (for pages). */
const FLOOR = "/api/ping";
const PAGE_FLOOR = "/status";
const isApi = (route: string) => route.startsWith("/api/");

/** A static file of the same server (the page's stylesheet): what a response costs that nothing renders. */
async function staticAsset(base: string): Promise<string> {
  const html = await (await fetch(`${base}/`)).text();
  const href = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  if (!href) throw new Error("no stylesheet link on /");
  return href;
}

/** What every write sends (the change_notify triggers): the server cannot tell this from a real write. */
async function notifier(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    notify: () => client.query(`SELECT pg_notify('moxing_data_changed', '')`),
    close: () => client.end(),
  };
}

/** One request right after each of `rounds` writes: the cost of the render a write causes. */
async function afterWrite(base: string, route: string, notify: () => Promise<unknown>, rounds = 15) {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    await notify();
    await new Promise((r) => setTimeout(r, 30)); // the notification's round trip to the server
    const t = performance.now();
    const res = await fetch(base + route, { headers: REQUEST_HEADERS });
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { route, medianMs: +percentile(times, 50).toFixed(1), p95Ms: +percentile(times, 95).toFixed(1) };
}

/** The terms of the cold-search probe: the names readers search for most. */
const SEARCH_TERMS = ["混元", "文心", "通义", "盘古", "星火", "豆包", "智谱", "Kimi", "百川", "MiniMax"];
let searchCounter = 0;

/**
 * Search as readers use it: a URL nobody asked before in every request (the query of ROUTES, made
 * distinct by a parameter the page ignores), so that every response is rendered.
 */
async function searchDistinct(base: string): Promise<RouteResult> {
  const result = await load(
    `${base}/search`,
    duration,
    connections,
    () => `/search?q=${encodeURIComponent("混元")}&n=${++searchCounter}`,
  );
  return { ...result, route: "/search?q=混元&n=<distinct>" };
}

/** One request per term, each its first: what a query nobody asked before costs, term by term. */
async function coldSearches(base: string) {
  const rows = [];
  for (const term of SEARCH_TERMS) {
    const t = performance.now();
    const res = await fetch(`${base}/search?q=${encodeURIComponent(term)}&n=${++searchCounter}`, {
      headers: REQUEST_HEADERS,
    });
    await res.arrayBuffer();
    rows.push({ term, status: res.status, ms: +(performance.now() - t).toFixed(1) });
  }
  return rows;
}

/** `load` while a write arrives every `everyMs`: the routes' cost under load with the data changing. */
async function loadWithWrites(
  url: string,
  seconds: number,
  conns: number,
  notify: () => Promise<unknown>,
  everyMs = 1000,
) {
  const timer = setInterval(() => void notify(), everyMs);
  try {
    return await load(url, seconds, conns);
  } finally {
    clearInterval(timer);
  }
}

async function main() {
  if (!process.env.BENCH_SKIP_BUILD) buildApp();
  if (args.includes("--build-only")) return;
  // MOXING_QUERY_CACHE=off measures every request reading the database (results in serve-nocache.json)
  const queryCache = process.env.MOXING_QUERY_CACHE === "off" ? "off" : "on";
  const out: Record<string, unknown> = {
    date: new Date().toISOString(),
    cores: os.availableParallelism(),
    memoryGb: +(os.totalmem() / 2 ** 30).toFixed(1),
    duration,
    connections,
    queryCache,
    pageCache: process.env.MOXING_PAGE_CACHE === "off" ? "off" : "on",
    acceptEncoding: identity ? "identity" : "gzip",
  };
  if (soak) {
    const n = sizes[0];
    const server = await startServer(urlFor(`moxing_bench_${n}`));
    const pids = serverPids(server.child.pid!);
    const rss: number[] = [];
    const timer = setInterval(() => rss.push(pids.reduce((s, p) => s + rssOf(p), 0)), 1000);
    try {
      // warm up, then saturate two routes at once (a page and the API) for the whole window
      for (const r of ["/", "/api/events?vendor=tencent"]) await load(`http://127.0.0.1:${port}${r}`, 3, 2);
      const startRss = pids.reduce((s, p) => s + rssOf(p), 0);
      const results = await Promise.all(
        ["/", "/api/events?vendor=tencent"].map((r) => load(`http://127.0.0.1:${port}${r}`, soak, connections)),
      );
      clearInterval(timer);
      const mb = (b: number) => Math.round(b / 2 ** 20);
      const thirds = [0, 1, 2].map((k) =>
        rss.slice(Math.floor((k * rss.length) / 3), Math.floor(((k + 1) * rss.length) / 3)),
      );
      Object.assign(out, {
        n,
        soakSeconds: soak,
        results,
        rssMb: {
          start: mb(startRss),
          max: mb(Math.max(...rss)),
          end: mb(rss.at(-1)!),
          meanByThird: thirds.map((t) => mb(t.reduce((s, x) => s + x, 0) / t.length)),
        },
        fivexx: results.reduce(
          (s, r) =>
            s +
            Object.entries(r.statuses)
              .filter(([k]) => k.startsWith("5"))
              .reduce((a, [, v]) => a + v, 0),
          0,
        ),
      });
    } finally {
      clearInterval(timer);
      await server.stop();
    }
    writeFileSync(path.join("bench", "out", `soak-${n}.json`), JSON.stringify(out, null, 2));
    console.log(JSON.stringify(out, null, 2));
    return;
  }
  if (probe) {
    // one request at a time: the cost of a route alone, when the server has nothing else to do
    for (const n of sizes) {
      const server = await startServer(urlFor(`moxing_bench_${n}`));
      try {
        const rows = [];
        for (const r of [FLOOR, PAGE_FLOOR, ...ROUTES]) {
          const times: number[] = [];
          let status = 0;
          for (let i = 0; i <= probe; i++) {
            const t = performance.now();
            const res = await fetch(`http://127.0.0.1:${port}${r}`);
            await res.arrayBuffer();
            status = res.status;
            if (i > 0) times.push(performance.now() - t); // the first one warms up
          }
          times.sort((a, b) => a - b);
          rows.push({
            route: r,
            status,
            medianMs: +times[Math.floor(times.length / 2)].toFixed(1),
            maxMs: +times.at(-1)!.toFixed(1),
          });
        }
        console.log(JSON.stringify({ n, sequential: rows }));
        out[`sequential-${n}`] = rows;
      } finally {
        await server.stop();
      }
    }
    writeFileSync(path.join("bench", "out", `serve-sequential.json`), JSON.stringify(out, null, 2));
    return;
  }
  if (args.includes("--search")) {
    // distinct-URL search beside the static file, and the cold probe, per size
    const rows: Record<string, unknown> = {};
    for (const n of sizes) {
      const server = await startServer(urlFor(`moxing_bench_${n}`));
      try {
        const base = `http://127.0.0.1:${port}`;
        const STATIC = await staticAsset(base);
        await load(base + STATIC, 2, 2);
        await load(base + "/search?q=" + encodeURIComponent("混元"), 2, 2);
        const staticFloor = await load(base + STATIC, duration, connections);
        const distinct = await searchDistinct(base);
        // the renders the load left behind (autocannon closes its connections; the server finishes them)
        await new Promise((r) => setTimeout(r, 5000));
        const cold = await coldSearches(base);
        rows[n] = {
          staticFloor,
          distinct: { ...distinct, p95VsStatic: +(distinct.p95 / staticFloor.p95).toFixed(1) },
          cold,
        };
        console.log(JSON.stringify({ n, ...(rows[n] as object) }));
      } finally {
        await server.stop();
      }
    }
    out.search = rows;
    writeFileSync(
      path.join("bench", "out", `serve-search${identity ? "-identity" : ""}.json`),
      JSON.stringify(out, null, 2),
    );
    return;
  }
  const bySize: Record<string, unknown> = {};
  for (const n of sizes) {
    const databaseUrl = urlFor(`moxing_bench_${n}`);
    const server = await startServer(databaseUrl);
    const writes = await notifier(databaseUrl);
    try {
      const base = `http://127.0.0.1:${port}`;
      const STATIC = await staticAsset(base);
      for (const r of [...ROUTES, FLOOR, PAGE_FLOOR, STATIC]) await load(base + r, 2, 2); // warm-up: compile caches, pools
      const ratio = (a: number, b: number) => +(a / Math.max(b, 0.01)).toFixed(1);
      const staticFloor = await load(base + STATIC, duration, connections);
      const floor = await load(base + FLOOR, duration, connections);
      const pageFloor = await load(base + PAGE_FLOOR, duration, connections);
      const routes = [];
      for (const r of ROUTES) routes.push(await load(base + r, duration, connections));
      routes.push(await searchDistinct(base));
      // with the data changing: a write every second during the load, and single requests right after one
      const withWrites = [];
      for (const r of ROUTES) withWrites.push(await loadWithWrites(base + r, duration, connections, writes.notify));
      const firstAfterWrite = [];
      for (const r of ROUTES) firstAfterWrite.push(await afterWrite(base, r, writes.notify));
      const cold = await coldSearches(base);
      const staticAfter = await load(base + STATIC, duration, connections);
      const floorAfter = await load(base + FLOOR, duration, connections);
      const pageFloorAfter = await load(base + PAGE_FLOOR, duration, connections);
      const withRatios = (r: RouteResult) => {
        const own = isApi(r.route) ? floor : pageFloor;
        return {
          ...r,
          p95VsStatic: ratio(r.p95, staticFloor.p95),
          p50VsStatic: ratio(r.p50, staticFloor.p50),
          floorRoute: own.route,
          p95VsFloor: ratio(r.p95, own.p95),
        };
      };
      bySize[n] = {
        staticFloor,
        staticAfter,
        floor,
        floorAfter,
        pageFloor,
        pageFloorAfter,
        // every route against the static file (the target), and against /api/ping or /status as before
        routes: routes.map(withRatios),
        withWrites: withWrites.map(withRatios),
        firstAfterWrite,
        coldSearches: cold,
      };
      console.log(JSON.stringify({ n, ...(bySize[n] as object) }));
    } finally {
      await writes.close();
      await server.stop();
    }
  }
  out.bySize = bySize;
  writeFileSync(
    path.join(
      "bench",
      "out",
      `${queryCache === "off" ? "serve-nocache" : out.pageCache === "off" ? "serve-nopagecache" : "serve"}${identity ? "-identity" : ""}.json`,
    ),
    JSON.stringify(out, null, 2),
  );
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("serve.ts")) await main();
