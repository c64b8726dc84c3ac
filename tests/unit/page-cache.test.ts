// The page cache's pieces: the hash-based policy of a rendered page, conditional requests, which
// requests are kept and under what key, and the cache itself in front of a stand-in for Next's handler
// (a real HTTP server on loopback; the real Next handler is exercised end to end in tests/e2e).
import { createHash } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { SHARED_RENDER_HEADER } from "@/lib/api/headers";
import { cacheKeyFor } from "@/lib/server/cache-key";
import { acceptsGzip, matchesIfNoneMatch } from "@/lib/server/conditional";
import { hashPage, sha256Source } from "@/lib/server/html-csp";
import { CACHE_STATUS_HEADER, PageCache, type DataVersion } from "@/lib/server/page-cache";
import { failedRenders, recordRenderError } from "@/lib/server/render-failures";
import { proxy } from "@/proxy";

const b64 = (s: string) => createHash("sha256").update(s).digest("base64");

describe("a rendered page's hashes", () => {
  const files: Record<string, string> = { "/_next/static/chunks/a.js": "console.log('a')" };
  const read = (src: string) => (src in files ? Buffer.from(files[src]) : null);

  it("hashes inline scripts and style elements exactly as written, and skips data blocks", () => {
    const html =
      `<html><head><style>body{color:red}</style></head><body>` +
      `<script>self.__next_f.push([1,"&amp;<\\/p>"])</script>` +
      `<script type="application/ld+json">{"a":1}</script>` +
      `<script type="module">import "x"</script></body></html>`;
    const { hashes } = hashPage(html, read);
    expect(hashes.scripts).toEqual(
      [`sha256-${b64('self.__next_f.push([1,"&amp;<\\/p>"])')}`, `sha256-${b64('import "x"')}`].sort(),
    );
    expect(hashes.styles).toEqual([`sha256-${b64("body{color:red}")}`]);
  });

  it("gives the build's own script files and their preloads an integrity attribute, and lists its hash", () => {
    const html =
      `<link rel="preload" as="script" fetchPriority="low" nonce="abc" href="/_next/static/chunks/a.js"/>` +
      `<link rel="stylesheet" href="/_next/static/chunks/s.css" nonce="abc" data-precedence="next"/>` +
      `<script src="/_next/static/chunks/a.js" async="" nonce="abc"></script>` +
      `<script src="/elsewhere.js"></script>`;
    const out = hashPage(html, read);
    const hash = sha256Source(files["/_next/static/chunks/a.js"]);
    expect(out.hashes.scripts).toEqual([hash]);
    expect(out.html).not.toContain("nonce=");
    expect(out.html).toContain(`<script src="/_next/static/chunks/a.js" async="" integrity="${hash}"></script>`);
    expect(out.html).toContain(`href="/_next/static/chunks/a.js" integrity="${hash}"/>`);
    // a file that is not the build's own keeps no integrity and gets no hash: only a trusted script may load it
    expect(out.html).toContain(`<script src="/elsewhere.js"></script>`);
  });

  it("keeps an integrity attribute that is already there", () => {
    const out = hashPage(`<script src="/x.js" integrity="sha384-abc"></script>`, () => null);
    expect(out.hashes.scripts).toEqual(["sha384-abc"]);
  });
});

describe("conditional requests", () => {
  it("match If-None-Match weakly, in lists, and for *", () => {
    expect(matchesIfNoneMatch('"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('W/"a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"b", "a"', '"a"')).toBe(true);
    expect(matchesIfNoneMatch("*", '"a"')).toBe(true);
    expect(matchesIfNoneMatch('"a-gz"', '"a"')).toBe(false);
    expect(matchesIfNoneMatch(undefined, '"a"')).toBe(false);
  });

  it("read Accept-Encoding's q-values", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1, gzip;q=0")).toBe(false);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe("what is kept, under which key", () => {
  it("keys on the URL, the language and theme cookies and Next's router headers, and nothing else", () => {
    const a = cacheKeyFor("GET", "/models?x=1", { cookie: "NEXT_LOCALE=en; other=1", "user-agent": "a" })!;
    const b = cacheKeyFor("GET", "/models?x=1", { cookie: "other=2; NEXT_LOCALE=en", "user-agent": "b" })!;
    expect(a.key).toBe(b.key);
    expect(a.locale).toBe("en");
    expect(cacheKeyFor("HEAD", "/models?x=1", { cookie: "NEXT_LOCALE=en" })!.key).toBe(a.key);
    expect(cacheKeyFor("GET", "/models?x=1", {})!.key).not.toBe(a.key);
    expect(cacheKeyFor("GET", "/models?x=1", { cookie: "NEXT_LOCALE=en; moxing-theme=dark" })!.key).not.toBe(a.key);
    expect(cacheKeyFor("GET", "/models?x=1", { cookie: "NEXT_LOCALE=en", rsc: "1" })!.key).not.toBe(a.key);
    expect(cacheKeyFor("GET", "/models?x=2", { cookie: "NEXT_LOCALE=en" })!.key).not.toBe(a.key);
  });

  it("renders admin pages, credentials, writes, the status page and static files every time", () => {
    for (const url of [
      "/admin",
      "/admin/review",
      "/api/admin/overrides/list",
      "/status",
      "/api/ping",
      "/_next/static/x.js",
    ])
      expect(cacheKeyFor("GET", url, {}), url).toBeNull();
    expect(cacheKeyFor("POST", "/api/events", {})).toBeNull();
    expect(cacheKeyFor("GET", "/", { authorization: "Bearer x" })).toBeNull();
    expect(cacheKeyFor("GET", "/", { cookie: "moxing_admin=1.abc" })).toBeNull();
    for (const url of ["/", "/statuses", "/administrators", "/api/events?vendor=x", "/feeds/models/x"])
      expect(cacheKeyFor("GET", url, {}), url).not.toBeNull();
  });
});

describe("proxy.ts and the shared render", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("adds no nonce only for a request carrying this process's secret", () => {
    vi.stubEnv("MOXING_SHARED_RENDER_SECRET", "s3cret");
    const shared = proxy(new NextRequest("http://127.0.0.1/models", { headers: { [SHARED_RENDER_HEADER]: "s3cret" } }));
    expect(shared.headers.get("content-security-policy")).toBeNull();
    expect(shared.headers.get("x-content-type-options")).toBe("nosniff");
    const guessed = proxy(new NextRequest("http://127.0.0.1/models", { headers: { [SHARED_RENDER_HEADER]: "guess" } }));
    expect(guessed.headers.get("content-security-policy")).toMatch(/'nonce-/);
  });
});

// ---------------------------------------------------------------------------------------------------
// The cache in front of a stand-in for Next: counts renders, answers HTML, JSON, errors on demand.

interface Stand {
  renders: number;
  fail: boolean;
  /** a section fails after the 200 went out (a streamed page): reported as Next's onRequestError would */
  failLate: boolean;
  body: string;
  seen: http.IncomingHttpHeaders[];
}

async function withServer(
  version: { current: DataVersion },
  run: (base: string, stand: Stand, cache: PageCache) => Promise<void>,
) {
  const stand: Stand = { renders: 0, fail: false, failLate: false, body: "one", seen: [] };
  const next = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    stand.renders++;
    stand.seen.push({ ...req.headers });
    await new Promise((r) => setTimeout(r, req.url === "/slow" ? 300 : 20));
    // as Next does: a render whose reader left is dropped, the response never ended
    if (res.destroyed) return;
    if (req.url?.startsWith("/api/")) {
      res.setHeader("Content-Type", "application/json");
      res.setHeader("Cache-Control", stand.fail ? "no-store" : "public, max-age=0");
      res.statusCode = stand.fail ? 503 : 200;
      res.end(JSON.stringify(stand.fail ? { error: "database unavailable" } : { body: stand.body }));
      return;
    }
    if (req.url === "/cookie") {
      res.setHeader("Set-Cookie", "a=1");
      res.setHeader("Content-Type", "text/plain");
      res.end("cookie");
      return;
    }
    res.setHeader("Vary", "rsc, next-router-state-tree, Accept-Encoding");
    res.setHeader("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate");
    res.setHeader("X-Content-Type-Options", "nosniff");
    if (stand.fail) {
      res.writeHead(500, { "Content-Type": "text/html; charset=utf-8" });
      res.end("<html><body><h1>出错了</h1></body></html>");
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.write(`<html><head></head><body class="x"><script>go("${stand.body}")</script>`);
    if (stand.failLate) {
      recordRenderError(req.headers);
      res.end(`<main><h2>出错了</h2></main></body></html>`);
      return;
    }
    res.end(`<main>${stand.body}${"。".repeat(600)}</main></body></html>`);
  };
  const cache = new PageCache({
    version: () => version.current,
    readScript: () => null,
    renderSecret: "secret",
    staleNotice: (locale) => (locale === "en" ? "stale since {time}" : "旧页面 {time}"),
  });
  const handler = cache.handler(next);
  const server = http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, stand, cache);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

describe("the page cache", () => {
  it("renders a page once per data generation, and again after a change", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base, stand) => {
      const first = await fetch(`${base}/models`);
      expect(first.headers.get(CACHE_STATUS_HEADER)).toBe("miss");
      expect(await first.text()).toContain("<main>one");
      const second = await fetch(`${base}/models`);
      expect(second.headers.get(CACHE_STATUS_HEADER)).toBe("hit");
      expect(stand.renders).toBe(1);
      // the render was asked for without a nonce, and with the secret; the client's copy of the header is dropped
      expect(stand.seen[0][SHARED_RENDER_HEADER]).toBe("secret");
      expect(stand.seen[0]["accept-encoding"]).toBeUndefined();

      stand.body = "two";
      version.current = { generation: 2, listening: true };
      const third = await fetch(`${base}/models`, { headers: { [SHARED_RENDER_HEADER]: "forged" } });
      expect(await third.text()).toContain("<main>two");
      expect(stand.renders).toBe(2);
      expect(stand.seen[1][SHARED_RENDER_HEADER]).toBe("secret");
    });
  });

  it("sends a policy of the page's hashes, shared-cache headers, an ETag, and 304 on If-None-Match", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base) => {
      const res = await fetch(`${base}/`);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain(`'sha256-${b64('go("one")')}' 'strict-dynamic'`);
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(csp).not.toContain("'nonce-");
      expect(res.headers.get("cache-control")).toMatch(/^public, max-age=0, s-maxage=\d+/);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("vary")).toBe("rsc, next-router-state-tree, accept-encoding, cookie");
      const etag = res.headers.get("etag")!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await fetch(`${base}/`, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      expect(again.headers.get("content-security-policy")).toBe(csp);
      expect(again.headers.get("etag")).toBe(etag);
    });
  });

  it("compresses once and serves gzip to clients that accept it, under its own tag", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base) => {
      await fetch(`${base}/`);
      const body = await new Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve) =>
        http.get(`${base}/`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
        }),
      );
      expect(body.headers["content-encoding"]).toBe("gzip");
      expect(body.headers.etag).toMatch(/-gz"$/);
      expect(gunzipSync(body.bytes).toString("utf8")).toContain("<main>one");
    });
  });

  it("makes concurrent requests for one page wait for one render", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base, stand) => {
      const all = await Promise.all(Array.from({ length: 8 }, () => fetch(`${base}/timeline`).then((r) => r.text())));
      expect(new Set(all).size).toBe(1);
      expect(stand.renders).toBe(1);
    });
  });

  it("renders again after the longest time a response is kept, even without a change", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const version = { current: { generation: 1, listening: true } };
      await withServer(version, async (base, stand) => {
        await fetch(`${base}/`);
        expect((await fetch(`${base}/`)).headers.get(CACHE_STATUS_HEADER)).toBe("hit");
        vi.setSystemTime(Date.now() + 61_000);
        expect((await fetch(`${base}/`)).headers.get(CACHE_STATUS_HEADER)).toBe("miss");
        expect(stand.renders).toBe(2);
      });
    } finally {
      vi.useRealTimers();
    }
  });

  it("serves nothing as fresh while it cannot hear the database", async () => {
    const version = { current: { generation: 1, listening: false } };
    await withServer(version, async (base, stand) => {
      await fetch(`${base}/`);
      await fetch(`${base}/`);
      expect(stand.renders).toBe(2);
    });
  });

  it("serves the last good render with a notice while rendering fails, and the API's own error", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base, stand) => {
      await fetch(`${base}/models`, { headers: { cookie: "NEXT_LOCALE=en" } });
      await fetch(`${base}/api/events`);
      stand.fail = true;
      version.current = { generation: 1, listening: false }; // the listening connection dropped
      const stale = await fetch(`${base}/models`, { headers: { cookie: "NEXT_LOCALE=en" } });
      expect(stale.status).toBe(200);
      expect(stale.headers.get(CACHE_STATUS_HEADER)).toBe("stale");
      expect(stale.headers.get("cache-control")).toBe("no-store");
      const csp = stale.headers.get("content-security-policy")!;
      expect(csp).toContain(`'sha256-${b64('go("one")')}'`);
      const html = await stale.text();
      const css = /<style data-stale-page="">([^<]*)<\/style><\/head>/.exec(html)?.[1];
      expect(css).toMatch(/^body::before\{content:"stale since \d{4}-\d\d-\d\d \d\d:\d\d";display:block;/);
      // the notice's style element is allowed by its hash, like the page's own
      expect(/style-src-elem ([^;]*)/.exec(csp)![1]).toContain(`'sha256-${b64(css!)}'`);
      expect(html).toContain("<main>one");
      // never rendered before: the error as it is
      const never = await fetch(`${base}/vendors`);
      expect(never.status).toBe(500);
      expect(await never.text()).toContain("出错了");
      const api = await fetch(`${base}/api/events`);
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: "database unavailable" });

      stand.fail = false;
      stand.body = "back";
      version.current = { generation: 2, listening: true };
      const fresh = await fetch(`${base}/models`, { headers: { cookie: "NEXT_LOCALE=en" } });
      expect(fresh.headers.get(CACHE_STATUS_HEADER)).toBe("miss");
      expect(await fresh.text()).not.toContain("data-stale-page");
    });
  });

  it("never keeps a render that reported an error after its 200, and serves the last good one instead", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base, stand) => {
      await fetch(`${base}/`);
      stand.failLate = true;
      version.current = { generation: 2, listening: true };
      const res = await fetch(`${base}/`);
      expect(res.headers.get(CACHE_STATUS_HEADER)).toBe("stale");
      expect(await res.text()).toContain("<main>one");
      const again = await fetch(`${base}/`);
      expect(again.headers.get(CACHE_STATUS_HEADER)).toBe("stale");
      expect(stand.renders).toBe(3);
      // nothing is left behind for renders that were looked at
      expect(failedRenders().size).toBe(0);
      stand.failLate = false;
      const fresh = await fetch(`${base}/`);
      expect(fresh.headers.get(CACHE_STATUS_HEADER)).toBe("miss");
    });
  });

  it("lets go of a render whose reader left: later and waiting requests still get the page", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base, stand) => {
      const gone = new AbortController();
      const first = fetch(`${base}/slow`, { signal: gone.signal }).catch(() => "aborted");
      await new Promise((r) => setTimeout(r, 50));
      const waiting = fetch(`${base}/slow`).then((r) => r.text());
      await new Promise((r) => setTimeout(r, 50));
      gone.abort();
      expect(await first).toBe("aborted");
      expect(await waiting).toContain("<main>one");
      const later = await fetch(`${base}/slow`);
      expect(later.headers.get(CACHE_STATUS_HEADER)).toBe("hit");
      expect(stand.renders).toBe(2);
    });
  });

  it("never keeps a response that sets a cookie", async () => {
    const version = { current: { generation: 1, listening: true } };
    await withServer(version, async (base, stand) => {
      const a = await fetch(`${base}/cookie`);
      expect(a.headers.get("set-cookie")).toBe("a=1");
      expect(a.headers.get(CACHE_STATUS_HEADER)).toBe("pass");
      await fetch(`${base}/cookie`);
      expect(stand.renders).toBe(2);
    });
  });
});
