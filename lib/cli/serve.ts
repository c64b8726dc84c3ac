// Serves the production build: Next's request handler behind the page cache (lib/server/page-cache.ts).
//   node --import tsx lib/cli/serve.ts [-H host] [-p port]     (npm start runs it after the build)
// MOXING_PAGE_CACHE=off serves every request from Next directly, as `next start` would.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { queryCacheStatus } from "../db/query-cache";
import { PageCache, type PageCacheStats } from "../server/page-cache";

const args = process.argv.slice(2);
const flag = (names: string[], fallback: string) => {
  const at = args.findIndex((a) => names.includes(a));
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
};
const host = flag(["-H", "--hostname"], process.env.HOST || "127.0.0.1");
const port = Number(flag(["-p", "--port"], process.env.PORT || "3000"));
const dir = process.cwd();
const staticDir = path.join(dir, process.env.MOXING_NEXT_DIST_DIR || ".next", "static");

// proxy.ts runs in this process and reads it: only this server's requests skip the nonce
const renderSecret = randomBytes(18).toString("base64url");
process.env.MOXING_SHARED_RENDER_SECRET = renderSecret;

/** The build's static files never change while it is served: each is read once. */
const scripts = new Map<string, Uint8Array | null>();
function readScript(src: string): Uint8Array | null {
  if (!src.startsWith("/_next/static/")) return null;
  const rel = decodeURIComponent(src.slice("/_next/static/".length).split(/[?#]/)[0]);
  if (!scripts.has(rel)) {
    const file = path.resolve(staticDir, rel);
    const inside = file.startsWith(staticDir + path.sep) && existsSync(file);
    scripts.set(rel, inside ? readFileSync(file) : null);
  }
  return scripts.get(rel)!;
}

const app = next({ dev: false, dir, hostname: host, port });
await app.prepare();
const nextHandler = app.getRequestHandler();
const handle = (req: http.IncomingMessage, res: http.ServerResponse) => nextHandler(req, res);

const cache =
  process.env.MOXING_PAGE_CACHE === "off"
    ? null
    : new PageCache({
        version: () => {
          const s = queryCacheStatus();
          return { generation: s.generation, listening: s.listening };
        },
        readScript,
        renderSecret,
        staleNotice: (locale) => (locale === "en" ? en : zh).errors.stalePage,
        maxBytes: Number(process.env.MOXING_PAGE_CACHE_MB || 128) * 2 ** 20,
        // the same bound as kept query results (a read replica's lag)
        ttlMs: Number(process.env.MOXING_QUERY_CACHE_TTL_MS) || 60_000,
      });
// the status page reads it from here
(globalThis as { moxingPageCache?: () => PageCacheStats | null }).moxingPageCache = () => cache?.stats() ?? null;

const serve = cache ? cache.handler(handle) : handle;
const server = http.createServer((req, res) => {
  serve(req, res).catch((error: unknown) => {
    console.error(`${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("internal error");
  });
});
// longer than a reverse proxy's idle timeout, so that it is the one to close idle connections
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
  console.log(`serving on http://${host}:${port}${cache ? " (page cache on)" : ""}`);
});
