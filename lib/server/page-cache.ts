// Rendered responses kept until the data changes, in front of Next's request handler.
//
// A page is rendered once per change of the data, not once per request: the response (pages, their
// client-navigation payloads, the JSON API, CSV exports, feeds) is kept with the data generation it was
// rendered in (lib/db/query-cache.ts: the database's change notification starts a new one, in this
// process and from any other writer) and served until the generation moves on. Then the next request
// renders it again; requests for the same response meanwhile wait for that one render.
//
// - Pages are rendered without a nonce and served under a policy of the hashes of what was rendered
//   (html-csp.ts), so one render can be served to everyone, here and by any shared cache in front.
// - Each response has an entity tag (a hash of its body); If-None-Match gets a 304. Compressed once,
//   when kept, not per request.
// - Cache-Control lets a shared cache hold a response for SHARED_MAX_AGE_S seconds and then revalidate
//   (a 304 from here), so a reader behind it sees a write within about that time.
// - While this process does not hear the database (its LISTEN connection is down), nothing is served
//   as fresh: every request renders. If that render fails (the database is down) and the page was
//   rendered before, the earlier render is served with a notice saying so (stale-if-error); the API and
//   exports keep their own error answers.
import { createHash } from "node:crypto";
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { LRUCache } from "lru-cache";
import { pageCsp, SHARED_RENDER_HEADER, type ScriptTrust } from "@/lib/api/headers";
import type { Locale } from "@/lib/i18n/config";
import { cacheKeyFor } from "./cache-key";
import { failedRenders, RENDER_ID_HEADER } from "./render-failures";
import { acceptsGzip, matchesIfNoneMatch } from "./conditional";
import { hashPage, sha256Source, type PageHashes, type ScriptFileReader } from "./html-csp";

/** How long a shared cache may serve a kept response before asking again (and the browser: not at all). */
const SHARED_MAX_AGE_S = 2;
const FRESH_CACHE_CONTROL = `public, max-age=0, s-maxage=${SHARED_MAX_AGE_S}, stale-while-revalidate=${SHARED_MAX_AGE_S}, stale-if-error=86400`;
/** A stale page is never kept by anyone: the next request should find the fresh one. */
const STALE_CACHE_CONTROL = "no-store";
/** Response header saying how this server answered (hit, miss, stale, pass). */
export const CACHE_STATUS_HEADER = "x-moxing-cache";
/** The longest a request waits for another request's render of the same response. */
const WAIT_FOR_RENDER_MS = 10_000;

/** Headers never kept: about one connection or one response, or recomputed when served. */
const NOT_KEPT = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "etag",
  "cache-control",
  "vary",
  "x-nextjs-cache",
  "x-nextjs-prerender",
  "x-nextjs-stale-time",
  "x-powered-by",
]);

export interface DataVersion {
  generation: number;
  /** false while this process cannot hear the database's change notifications */
  listening: boolean;
}

interface Rendered {
  status: number;
  headers: [string, string][];
  body: Buffer;
  /** set for HTML: the page's scripts and style elements, for its policy */
  hashes: PageHashes | null;
  vary: string[];
}

export interface KeptResponse extends Rendered {
  etag: string;
  gzip: Buffer | null;
  generation: number;
  storedAt: number;
  locale: Locale;
}

export interface PageCacheOptions {
  /** the data generation and whether it can be trusted (query-cache.ts's state) */
  version: () => DataVersion;
  /** bytes of the build's own script files, for their integrity hashes */
  readScript: ScriptFileReader;
  /** the secret proxy.ts checks before rendering without a nonce */
  renderSecret: string;
  /** the notice above a stale page ({time} is replaced) */
  staleNotice: (locale: Locale) => string;
  maxBytes?: number;
  /**
   * the longest a response is served as fresh even without a change notification: with a read replica,
   * a render that follows a notification may still read the replica's older data (as for kept query results)
   */
  ttlMs?: number;
  /** responses larger than this are served but not kept */
  maxEntryBytes?: number;
}

type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function headerValue(v: number | string | string[] | undefined): string | null {
  if (v === undefined) return null;
  return Array.isArray(v) ? v.join(", ") : String(v);
}

interface Captured {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/** Runs Next's handler with the response captured instead of sent. */
function capture(req: IncomingMessage, res: ServerResponse, next: NextHandler): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let status: number | null = null;
    // patched as own properties of this response; deleting them shows ServerResponse's methods again
    const patched = res as unknown as Record<string, unknown>;
    const restore = () => {
      for (const name of ["writeHead", "write", "end", "flushHeaders"]) delete patched[name];
    };
    const toBuffer = (chunk: unknown, encoding?: unknown) =>
      typeof chunk === "string"
        ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
        : Buffer.from(chunk as Uint8Array);
    res.writeHead = function writeHead(code: number, ...rest: unknown[]) {
      status = code;
      const headers = (typeof rest[0] === "string" ? rest[1] : rest[0]) as OutgoingHttpHeaders | string[] | undefined;
      if (Array.isArray(headers))
        for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(headers[i], headers[i + 1]);
      else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v);
      return res;
    };
    res.write = function write(chunk: unknown, encoding?: unknown, cb?: unknown) {
      if (typeof encoding === "function") cb = encoding;
      if (chunk != null) chunks.push(toBuffer(chunk, encoding));
      if (typeof cb === "function") process.nextTick(cb);
      return true;
    } as ServerResponse["write"];
    res.end = function end(chunk?: unknown, encoding?: unknown, cb?: unknown) {
      if (typeof chunk === "function") [cb, chunk] = [chunk, undefined];
      if (typeof encoding === "function") cb = encoding;
      if (chunk != null) chunks.push(toBuffer(chunk, encoding));
      const headers = res.getHeaders();
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      restore();
      resolve({ status: status ?? res.statusCode, headers, body: Buffer.concat(chunks) });
      if (typeof cb === "function") process.nextTick(cb);
      return res;
    } as ServerResponse["end"];
    res.flushHeaders = () => {};
    // The reader went away: Next stops rendering and never ends the response, so neither may this
    // (requests waiting for the same render then render it themselves).
    res.once("close", () => {
      restore();
      reject(new ClientGone());
    });
    next(req, res).catch((error: unknown) => {
      restore();
      reject(error instanceof Error ? error : new Error(String(error)));
    });
  });
}

/** The connection closed before the render ended. */
class ClientGone extends Error {
  constructor() {
    super("the client closed the connection before the render ended");
  }
}

function isHtml(headers: [string, string][]): boolean {
  return headers.some(([k, v]) => k === "content-type" && v.startsWith("text/html"));
}

function storable(
  status: number,
  headers: OutgoingHttpHeaders,
  vary: string[],
  size: number,
  maxEntryBytes: number,
): boolean {
  if (status !== 200 || size > maxEntryBytes) return false;
  if (headers["set-cookie"] !== undefined) return false;
  // Pages and their navigation payloads (Next's renders, the responses that vary on its router
  // headers) are always marked private by Next, rendering per request: that is ours to decide here.
  // Route handlers say for themselves (errors and anything per caller are no-store).
  if (vary.some((v) => v.toLowerCase() === "rsc")) return true;
  const cc = headerValue(headers["cache-control"]) ?? "";
  return !/\b(?:no-store|private)\b/i.test(cc);
}

function prepare(raw: Captured, readScript: ScriptFileReader): Rendered & { originalCacheControl: string | null } {
  let headers: [string, string][] = [];
  let vary: string[] = [];
  for (const [name, value] of Object.entries(raw.headers)) {
    const v = headerValue(value);
    if (v === null) continue;
    if (name === "vary")
      vary = v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
    if (NOT_KEPT.has(name)) continue;
    headers.push([name, v]);
  }
  let body = raw.body;
  let hashes: PageHashes | null = null;
  if (isHtml(headers)) {
    // its policy is made from its hashes when it is served
    headers = headers.filter(([k]) => k !== "content-security-policy");
    const page = hashPage(body.toString("utf8"), readScript);
    body = Buffer.from(page.html, "utf8");
    hashes = page.hashes;
  }
  return {
    status: raw.status,
    headers,
    body,
    hashes,
    vary,
    originalCacheControl: headerValue(raw.headers["cache-control"]),
  };
}

function etagOf(body: Buffer): string {
  return createHash("sha256").update(body).digest("base64url").slice(0, 27);
}

function varyFor(r: Rendered): string {
  const names = new Set([...r.vary.map((v) => v.toLowerCase()), "accept-encoding", "cookie"]);
  return [...names].join(", ");
}

function isHttps(req: IncomingMessage): boolean {
  return (req.socket as { encrypted?: boolean }).encrypted === true || req.headers["x-forwarded-proto"] === "https";
}

function cspFor(hashes: PageHashes, req: IncomingMessage): string {
  const trust: ScriptTrust = { scripts: hashes.scripts, styles: hashes.styles };
  return pageCsp(trust, { https: isHttps(req) });
}

/**
 * The notice above a stale page, as a style element drawing it before the body's content: React owns
 * <body> and may drop an element it did not render when it hydrates, but leaves <head> alone. The style
 * element's hash goes into the response's policy like any other.
 */
function withNotice(body: Buffer, notice: string): { body: Buffer; styleHash: string | null } {
  const html = body.toString("utf8");
  const at = html.indexOf("</head>");
  if (at < 0) return { body, styleHash: null };
  // a CSS string: backslash and quote escaped, newlines dropped; '<' cannot end a <style> element here
  const text = notice.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n<]/g, " ");
  const css =
    `body::before{content:"${text}";display:block;padding:0.5rem 1rem;background:#fef3c7;color:#713f12;` +
    `border-bottom:1px solid #f59e0b;font-size:0.875rem;text-align:center}`;
  const style = `<style data-stale-page="">${css}</style>`;
  return { body: Buffer.from(html.slice(0, at) + style + html.slice(at), "utf8"), styleHash: sha256Source(css) };
}

function shanghaiTime(ms: number): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  stale: number;
}

export class PageCache {
  private readonly entries: LRUCache<string, KeptResponse>;
  private readonly inflight = new Map<string, Promise<KeptResponse | null>>();
  private readonly opts: Required<PageCacheOptions>;
  private readonly counts = { hits: 0, misses: 0, stale: 0 };
  private renders = 0;

  constructor(opts: PageCacheOptions) {
    this.opts = { maxBytes: 128 * 2 ** 20, maxEntryBytes: 4 * 2 ** 20, ttlMs: 60_000, ...opts };
    this.entries = new LRUCache<string, KeptResponse>({
      maxSize: this.opts.maxBytes,
      sizeCalculation: (e) => e.body.length + (e.gzip?.length ?? 0) + 512,
    });
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, ...this.counts };
  }

  /** Wraps Next's request handler. */
  handler(next: NextHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
    return async (req, res) => {
      // only this server sets it, and only with its secret
      delete req.headers[SHARED_RENDER_HEADER];
      delete req.headers[RENDER_ID_HEADER];
      const key = cacheKeyFor(req.method, req.url, req.headers);
      if (!key) return next(req, res);
      const version = this.opts.version();
      const kept = this.entries.get(key.key);
      if (
        kept &&
        version.listening &&
        kept.generation === version.generation &&
        Date.now() - kept.storedAt < this.opts.ttlMs
      ) {
        this.counts.hits++;
        return this.send(req, res, kept, "hit");
      }
      if (req.method === "HEAD") return next(req, res);
      const flight = `${version.generation}\n${key.key}`;
      const pending = this.inflight.get(flight);
      if (pending && version.listening) {
        // a render that takes longer than this is not waited for (each request then renders its own)
        const shared = await Promise.race([
          pending.catch(() => null),
          new Promise<null>((r) => setTimeout(r, WAIT_FOR_RENDER_MS, null).unref()),
        ]);
        if (shared) {
          this.counts.hits++;
          return this.send(req, res, shared, "hit");
        }
      }
      let settle: (value: KeptResponse | null) => void = () => {};
      const mine = new Promise<KeptResponse | null>((resolve) => (settle = resolve));
      if (!pending) this.inflight.set(flight, mine);
      try {
        req.headers[SHARED_RENDER_HEADER] = this.opts.renderSecret;
        const renderId = `${process.pid}.${++this.renders}`;
        req.headers[RENDER_ID_HEADER] = renderId;
        // identity from Next: this cache compresses once, when it keeps a response
        const acceptEncoding = req.headers["accept-encoding"];
        delete req.headers["accept-encoding"];
        let raw: Captured;
        try {
          raw = await capture(req, res, next);
        } finally {
          if (acceptEncoding !== undefined) req.headers["accept-encoding"] = acceptEncoding;
        }
        // onRequestError may run just after the last chunk was written
        await new Promise((r) => setImmediate(r));
        const failed = failedRenders().delete(renderId);
        const rendered = prepare(raw, this.opts.readScript);
        if (
          !failed &&
          storable(raw.status, raw.headers, rendered.vary, rendered.body.length, this.opts.maxEntryBytes)
        ) {
          const entry: KeptResponse = {
            ...rendered,
            etag: etagOf(rendered.body),
            gzip: rendered.body.length > 1024 ? gzipSync(rendered.body) : null,
            generation: version.generation,
            storedAt: Date.now(),
            locale: key.locale,
          };
          this.entries.set(key.key, entry);
          settle(entry);
          this.counts.misses++;
          return this.send(req, res, entry, "miss");
        }
        settle(null);
        if ((failed || raw.status >= 500) && kept && kept.hashes) {
          this.counts.stale++;
          return this.send(req, res, kept, "stale");
        }
        return this.sendOnce(req, res, rendered);
      } catch (error) {
        settle(null);
        if (error instanceof ClientGone) return;
        if (kept && kept.hashes && !res.headersSent) {
          this.counts.stale++;
          return this.send(req, res, kept, "stale");
        }
        throw error;
      } finally {
        if (this.inflight.get(flight) === mine) this.inflight.delete(flight);
      }
    };
  }

  /** A kept response, as fresh (hit, miss) or as the last good render while the database is down (stale). */
  private send(req: IncomingMessage, res: ServerResponse, e: KeptResponse, how: "hit" | "miss" | "stale") {
    const headers: OutgoingHttpHeaders = {};
    for (const [k, v] of e.headers) headers[k] = v;
    if (e.hashes) headers["content-security-policy"] = cspFor(e.hashes, req);
    headers.vary = varyFor(e);
    headers[CACHE_STATUS_HEADER] = how;
    if (how === "stale") {
      const notice = this.opts.staleNotice(e.locale).replace("{time}", shanghaiTime(e.storedAt));
      const { body, styleHash } = withNotice(e.body, notice);
      if (e.hashes && styleHash)
        headers["content-security-policy"] = cspFor({ ...e.hashes, styles: [...e.hashes.styles, styleHash] }, req);
      headers["cache-control"] = STALE_CACHE_CONTROL;
      headers["content-length"] = body.length;
      res.writeHead(e.status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
      return;
    }
    const gzip = e.gzip !== null && acceptsGzip(req.headers["accept-encoding"]);
    const etag = `"${e.etag}${gzip ? "-gz" : ""}"`;
    headers.etag = etag;
    headers["cache-control"] = FRESH_CACHE_CONTROL;
    if (matchesIfNoneMatch(req.headers["if-none-match"], etag)) {
      delete headers["content-type"];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const body = gzip ? e.gzip! : e.body;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = body.length;
    res.writeHead(e.status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  }

  /** A response that is not kept (an error, a cookie, too large): as rendered, under its own policy. */
  private sendOnce(req: IncomingMessage, res: ServerResponse, r: Rendered & { originalCacheControl: string | null }) {
    const headers: OutgoingHttpHeaders = {};
    for (const [k, v] of r.headers) headers[k] = v;
    if (r.hashes) headers["content-security-policy"] = cspFor(r.hashes, req);
    if (r.vary.length) headers.vary = r.vary.join(", ");
    headers["cache-control"] = r.originalCacheControl ?? "no-store";
    headers[CACHE_STATUS_HEADER] = "pass";
    headers["content-length"] = r.body.length;
    res.writeHead(r.status, headers);
    res.end(req.method === "HEAD" ? undefined : r.body);
  }
}
