// Pure pieces of the API's safety: CSV cell neutralisation, the error mapping, token comparison
// and sessions, the rate limiter, and the security headers (proxy.ts for pages, API responses).
import { afterEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { type ZodError, z } from "zod";
import { neutralizeCell, toCsv } from "@/lib/api/csv";
import { errorResponse, HttpError, isDatabaseUnavailable, NotFoundError } from "@/lib/api/errors";
import { escapeHtml, xmlText } from "@/lib/api/feeds";
import { pageCsp } from "@/lib/api/headers";
import { createSession, SESSION_SECONDS, tokensEqual, verifySession } from "@/lib/admin/auth";
import { TokenBuckets } from "@/lib/admin/rate-limit";
import { proxy, config } from "@/proxy";

afterEach(() => vi.unstubAllEnvs());

describe("CSV cells", () => {
  it("neutralises what a spreadsheet would evaluate, and nothing else", () => {
    for (const v of ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "  =1", "＝1+1", "\u3000=1"])
      expect(neutralizeCell(v)).toBe(`'${v}`);
    for (const v of ["混元", "a=b", "1-2", "email@x", "", "'quoted"]) expect(neutralizeCell(v)).toBe(v);
  });

  it("writes a BOM, quoted text, numbers as numbers, and Chinese intact", () => {
    const csv = toCsv(
      [{ a: '腾讯,"混元"', b: -3, c: null }],
      [
        { header: "a", value: (r) => r.a },
        { header: "b", value: (r) => r.b },
        { header: "c", value: (r) => r.c },
      ],
    );
    expect(csv).toBe('\ufeff"a","b","c"\r\n"腾讯,""混元""",-3,""\r\n');
  });
});

describe("feed text", () => {
  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeHtml(`<script>alert("x")</script>&'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;",
    );
    expect(xmlText("a\u0000b\u0008c\u000bd\ufffee混元😀")).toBe("abcde混元😀");
  });
});

describe("error mapping", () => {
  it("maps zod errors to 400 with issues, HttpErrors to their status", async () => {
    const zerr = (() => {
      try {
        z.object({ limit: z.number() }).parse({ limit: "x" });
      } catch (e) {
        return e as ZodError;
      }
    })()!;
    const bad = errorResponse(zerr);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: "invalid parameters",
      issues: [{ path: ["limit"], code: "invalid_type" }],
    });
    expect(await errorResponse(new NotFoundError("model")).json()).toEqual({ error: "model not found" });
    expect(errorResponse(new HttpError(429, "slow down", { "Retry-After": "3" })).headers.get("retry-after")).toBe("3");
  });

  it("answers 503 when the database is unreachable and 500 without details otherwise", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("wrapped", { cause: refused }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([refused]))).toBe(true);
    // Prisma's shape for a query cut off by a server shutdown
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "P2010",
      meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } },
    });
    expect(isDatabaseUnavailable(shutdown)).toBe(true);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("syntax"), { meta: { driverAdapterError: { cause: { code: "42601" } } } }),
      ),
    ).toBe(false);
    const unavailable = errorResponse(new Error("x", { cause: refused }));
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBeTruthy();
    const boom = new TypeError("secret internals at /work/main/lib/x.ts:12");
    const res = errorResponse(boom);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body).toEqual({ error: "internal error", requestId: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain("secret");
    spy.mockRestore();
  });
});

describe("admin token and sessions", () => {
  it("compares tokens by digest, whatever their lengths", () => {
    expect(tokensEqual("abc", "abc")).toBe(true);
    expect(tokensEqual("abc", "abd")).toBe(false);
    expect(tokensEqual("abc", "abcd")).toBe(false);
    expect(tokensEqual("", "abc")).toBe(false);
  });

  it("accepts only unexpired sessions signed with the current token", () => {
    vi.stubEnv("ADMIN_TOKEN", "token-one");
    const now = Date.now();
    const s = createSession("token-one", now);
    expect(verifySession(s, now)).toBe(true);
    expect(verifySession(s, now + (SESSION_SECONDS + 5) * 1000)).toBe(false);
    expect(verifySession(createSession("token-two", now), now)).toBe(false);
    expect(verifySession(`${Math.floor(now / 1000) + 100}.${s.split(".")[1]}`, now)).toBe(false);
    expect(verifySession("garbage", now)).toBe(false);
    vi.stubEnv("ADMIN_TOKEN", "");
    expect(verifySession(s, now)).toBe(false);
  });
});

describe("token buckets", () => {
  it("allows a burst, then refills over time, per key", () => {
    const b = new TokenBuckets(3, 1);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => b.take("a", 1, t).ok)).toEqual([true, true, true]);
    expect(b.take("a", 1, t)).toEqual({ ok: false, retryAfter: 1 });
    expect(b.take("b", 1, t).ok).toBe(true);
    expect(b.take("a", 1, t + 1000).ok).toBe(true);
    expect(b.take("a", 10, t + 1000)).toMatchObject({ ok: false });
  });

  it("forgets the oldest clients beyond its size", () => {
    const b = new TokenBuckets(1, 0.001, 2);
    b.take("a", 1, 0);
    b.take("b", 1, 0);
    b.take("c", 1, 0);
    expect(b.take("a", 1, 0).ok).toBe(true); // "a" was forgotten: a full bucket again
  });
});

describe("security headers", () => {
  it("gives pages a nonce-based CSP and the other headers (proxy.ts)", () => {
    const res = proxy(new NextRequest("http://127.0.0.1:3000/models"));
    const csp = res.headers.get("content-security-policy")!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)![1];
    expect(nonce.length).toBeGreaterThanOrEqual(16);
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    // The request carries the same policy onward, which is how Next finds the nonce for its scripts.
    expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
    const again = proxy(new NextRequest("http://127.0.0.1:3000/models")).headers.get("content-security-policy");
    expect(again).not.toBe(csp);
  });

  it("keeps 'unsafe-eval' for development only and upgrades requests only over https", () => {
    expect(pageCsp("n")).not.toContain("unsafe-eval");
    expect(pageCsp("n", { dev: true })).toContain("'unsafe-eval'");
    expect(pageCsp("n")).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("leaves API routes, feeds and static files to their own headers", () => {
    const source = config.matcher[0].source;
    const re = new RegExp(`^${source}$`);
    for (const p of ["/", "/models", "/admin/ingest", "/api-docs"]) expect(re.test(p), p).toBe(true);
    for (const p of ["/api/models", "/_next/static/x.js", "/feed.xml", "/feeds/models/x"])
      expect(re.test(p), p).toBe(false);
  });
});

describe("export and feed links", async () => {
  const { exportHref, feedHref } = await import("@/lib/api/links");
  it("carry the page's filters but not its paging", () => {
    expect(exportHref("events", { vendor: "tencent", cursor: "k2023-01-01.1", type: undefined })).toBe(
      "/api/export/events.csv?vendor=tencent",
    );
    expect(exportHref("models")).toBe("/api/export/models.csv");
    expect(feedHref({ vendor: "tencent" })).toBe("/feeds/vendors/tencent.xml");
    expect(feedHref({ model: "hunyuan" })).toBe("/feeds/models/hunyuan.xml");
    expect(feedHref({ filters: { type: "release", cursor: "u1" } })).toBe("/feed.xml?type=release");
  });
});
