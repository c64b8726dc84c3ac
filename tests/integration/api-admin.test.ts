// The admin API: the token gate (off / wrong / right, bearer and cookie), rate limiting, upload
// limits, preview without writes, saving with the CLI's messages, and the review queue's
// confirm / rename / merge, where a merge moves mentions, events and claims.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { adminLimiter } from "@/lib/admin/rate-limit";
import { MAX_UPLOAD_FILE_BYTES, MAX_UPLOAD_FILES } from "@/lib/admin/upload";
import type { PreviewFile } from "@/lib/admin/preview";
import { reextractArticles } from "@/lib/ingest/reextract";
import { formatRejection, ingestFiles } from "@/lib/ingest/run";
import { POST as preview } from "@/app/api/admin/preview/route";
import { POST as ingest } from "@/app/api/admin/ingest/route";
import { GET as reviewQueue, POST as review } from "@/app/api/admin/review/route";
import { POST as login } from "@/app/api/admin/login/route";
import { POST as logout } from "@/app/api/admin/logout/route";
import { GET as getModel } from "@/app/api/models/[slug]/route";
import { GET as listModels } from "@/app/api/models/route";
import { callJson, ORIGIN, seededSuite } from "../support/api";

const TOKEN = "test-admin-token-0123456789";
const suite = seededSuite();
beforeEach(() => {
  vi.stubEnv("ADMIN_TOKEN", TOKEN);
  adminLimiter.reset();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

type Handler = (request: Request, context: { params: Promise<Record<string, never>> }) => Promise<Response>;
const ctx = { params: Promise.resolve({} as Record<string, never>) };

function post(
  handler: Handler,
  url: string,
  init: RequestInit & { headers?: Record<string, string>; duplex?: "half" } = {},
) {
  return handler(new Request(new URL(url, ORIGIN), { method: "POST", ...init }), ctx);
}
const bearer = (token = TOKEN) => ({ authorization: `Bearer ${token}` });

function filesForm(files: { name: string; text: string | Uint8Array }[], pasted?: string): FormData {
  const form = new FormData();
  if (pasted !== undefined) form.append("text", pasted);
  for (const f of files) form.append("files", new Blob([f.text as BlobPart], { type: "text/plain" }), f.name);
  return form;
}

const article = (title: string, url: string, body: string) => `标题: ${title}\n链接: ${url}\n总结: ${body}\n`;
const NEW_ARTICLE = article(
  "百川智能发布Turbo大模型",
  "https://example.com/admin/turbo",
  "2024年6月18日，百川智能发布了Turbo大模型，并向企业用户开放服务。截至2024年6月，百川智能已服务超过200家企业客户。",
);

describe("admin authentication", () => {
  it("is off without ADMIN_TOKEN: every admin endpoint answers 404", async () => {
    vi.stubEnv("ADMIN_TOKEN", "");
    const form = filesForm([{ name: "a.txt", text: NEW_ARTICLE }]);
    for (const res of [
      await post(preview, "/api/admin/preview", { body: form, headers: bearer() }),
      await post(ingest, "/api/admin/ingest", {
        body: filesForm([{ name: "a.txt", text: NEW_ARTICLE }]),
        headers: bearer(),
      }),
      await reviewQueue(new Request(`${ORIGIN}/api/admin/review`, { headers: bearer() }), ctx),
      await post(login, "/api/admin/login", { body: new URLSearchParams({ token: "" }) }),
    ]) {
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "not found" });
    }
  });

  it("refuses a missing or wrong token (401) and accepts the right one", async () => {
    const get = (headers: Record<string, string>) =>
      reviewQueue(new Request(`${ORIGIN}/api/admin/review`, { headers }), ctx);
    const missing = await get({});
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await get(bearer("wrong"))).status).toBe(401);
    expect((await get(bearer(`${TOKEN}x`))).status).toBe(401);
    expect((await get(bearer(TOKEN.slice(0, -1)))).status).toBe(401);
    expect((await get({ authorization: `Basic ${btoa(`admin:${TOKEN}`)}` })).status).toBe(401);
    const ok = await get(bearer());
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ models: expect.any(Array), organizations: expect.any(Array) });
  });

  it("logs a browser in with an httpOnly, SameSite=Strict cookie that then opens the API", async () => {
    const wrong = await post(login, "/api/admin/login", {
      body: new URLSearchParams({ token: "nope", next: "/admin/ingest" }),
    });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get("location")).toBe("/admin?error=1&next=%2Fadmin%2Fingest");
    expect(wrong.headers.get("set-cookie")).toBeNull();

    const right = await post(login, "/api/admin/login", {
      body: new URLSearchParams({ token: TOKEN, next: "/admin/review" }),
      headers: { origin: ORIGIN },
    });
    expect(right.status).toBe(303);
    expect(right.headers.get("location")).toBe("/admin/review");
    const cookie = right.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^moxing_admin=\d+\.[A-Za-z0-9_-]{43}; /);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).not.toContain(TOKEN);
    const session = cookie.split(";")[0];

    const queue = await reviewQueue(new Request(`${ORIGIN}/api/admin/review`, { headers: { cookie: session } }), ctx);
    expect(queue.status).toBe(200);
    const tampered = session.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(
      (await reviewQueue(new Request(`${ORIGIN}/api/admin/review`, { headers: { cookie: tampered } }), ctx)).status,
    ).toBe(401);

    // A session made with another token is worthless after the token changes.
    vi.stubEnv("ADMIN_TOKEN", "a-rotated-token-9876543210");
    expect(
      (await reviewQueue(new Request(`${ORIGIN}/api/admin/review`, { headers: { cookie: session } }), ctx)).status,
    ).toBe(401);
  });

  it("never redirects a login anywhere but the admin pages", async () => {
    for (const next of ["https://evil.example/", "//evil.example", "/admin/../x", "/search"]) {
      const res = await post(login, "/api/admin/login", { body: new URLSearchParams({ token: TOKEN, next }) });
      expect(res.headers.get("location")).toBe("/admin");
    }
  });

  it("refuses cookie-authenticated writes from another site", async () => {
    const res = await post(login, "/api/admin/login", { body: new URLSearchParams({ token: TOKEN }) });
    const session = res.headers.get("set-cookie")!.split(";")[0];
    const body = new URLSearchParams({ action: "confirm", kind: "model", slug: "hunyuan" });
    const cross = await post(review, "/api/admin/review", {
      body,
      headers: { cookie: session, origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    const crossSite = await post(review, "/api/admin/review", {
      body: new URLSearchParams({ action: "confirm", kind: "model", slug: "hunyuan" }),
      headers: { cookie: session, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const fromLogin = await post(login, "/api/admin/login", {
      body: new URLSearchParams({ token: TOKEN }),
      headers: { origin: "https://evil.example" },
    });
    expect(fromLogin.status).toBe(403);
    const out = await post(logout, "/api/admin/logout", { headers: { origin: ORIGIN } });
    expect(out.headers.get("set-cookie")).toMatch(/^moxing_admin=; .*Max-Age=0/);
  });

  it("rate-limits guessing: failed attempts soon answer 429 with Retry-After", async () => {
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 12; i++) {
      last = await reviewQueue(
        new Request(`${ORIGIN}/api/admin/review`, {
          headers: { ...bearer(`guess-${i}`), "x-forwarded-for": "127.0.0.1" },
        }),
        ctx,
      );
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses).toContain(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not affected.
    const other = await reviewQueue(
      new Request(`${ORIGIN}/api/admin/review`, { headers: { ...bearer(), "x-forwarded-for": "127.0.0.2" } }),
      ctx,
    );
    expect(other.status).toBe(200);
  });
});

describe("POST /api/admin/preview", () => {
  it("shows what would be extracted, with quotes, and writes nothing", async () => {
    const before = await suite.db.prisma.article.count();
    const runs = await suite.db.prisma.ingestRun.count();
    const res = await post(preview, "/api/admin/preview", {
      body: filesForm([{ name: "turbo.txt", text: NEW_ARTICLE }]),
      headers: bearer(),
    });
    expect(res.status).toBe(200);
    const { files } = (await res.json()) as { files: PreviewFile[] };
    expect(files).toHaveLength(1);
    const f = files[0];
    if (!f.ok) throw new Error(f.message);
    expect(f).toMatchObject({ file: "turbo.txt", outcome: "new", article: { title: "百川智能发布Turbo大模型" } });
    expect(f.organizations.map((o) => o.key)).toContain("baichuan");
    expect(f.events.length).toBeGreaterThan(0);
    expect(f.events[0].quote).toContain("2024年6月18日");
    expect(f.claims.some((c) => c.value === 200 && c.quote.includes("200家"))).toBe(true);
    expect(await suite.db.prisma.article.count()).toBe(before);
    expect(await suite.db.prisma.ingestRun.count()).toBe(runs);
  });

  it("says whether a file is new, an update or unchanged", async () => {
    const seed = readFileSync(path.join(process.cwd(), "seeds", "000_fd29859c59ce52f4.txt"));
    const edited = new TextEncoder().encode(
      new TextDecoder().decode(seed).replace("国产大模型密集", "国产大模型继续密集"),
    );
    const res = await post(preview, "/api/admin/preview", {
      body: filesForm([
        { name: "seed.txt", text: seed },
        { name: "edited.txt", text: edited },
      ]),
      headers: bearer(),
    });
    const { files } = (await res.json()) as { files: PreviewFile[] };
    expect(files.map((f) => (f.ok ? f.outcome : f.message))).toEqual(["unchanged", "update"]);
  });

  it("rejects bad files with the CLI's messages", async () => {
    const dir = path.join(process.cwd(), "tests", "fixtures", "malformed");
    const names = ["missing-link.txt", "bad-url.txt", "empty.txt"];
    const cli = await ingestFiles(
      suite.db.prisma,
      names.map((n) => path.join(dir, n)),
      { source: "test" },
    );
    const cliMessages = cli.rejections.map((r) => formatRejection({ ...r, file: path.basename(r.file) })).sort();
    const res = await post(preview, "/api/admin/preview", {
      body: filesForm(names.map((n) => ({ name: n, text: readFileSync(path.join(dir, n)) }))),
      headers: bearer(),
    });
    const { files } = (await res.json()) as { files: PreviewFile[] };
    expect(files.every((f) => !f.ok)).toBe(true);
    expect(files.map((f) => (f.ok ? "" : f.message)).sort()).toEqual(cliMessages);
  });

  it("limits uploads: file size, file count and body size", async () => {
    const big = new Uint8Array(MAX_UPLOAD_FILE_BYTES + 1).fill(0x41);
    const res = await post(preview, "/api/admin/preview", {
      body: filesForm([{ name: "big.txt", text: big }]),
      headers: bearer(),
    });
    const { files } = (await res.json()) as { files: PreviewFile[] };
    expect(files[0]).toMatchObject({
      ok: false,
      message: `big.txt: file is ${MAX_UPLOAD_FILE_BYTES + 1} bytes, over the ${MAX_UPLOAD_FILE_BYTES}-byte limit`,
    });

    const many = Array.from({ length: MAX_UPLOAD_FILES + 1 }, (_, i) => ({ name: `f${i}.txt`, text: NEW_ARTICLE }));
    const tooMany = await post(preview, "/api/admin/preview", { body: filesForm(many), headers: bearer() });
    expect(tooMany.status).toBe(413);

    const huge = await post(preview, "/api/admin/preview", {
      body: "x",
      headers: {
        ...bearer(),
        "content-type": "multipart/form-data; boundary=x",
        "content-length": String(100 * 1024 * 1024),
      },
    });
    expect(huge.status).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 30; i++) c.enqueue(new Uint8Array(1024 * 1024));
        c.close();
      },
    });
    const chunked = await post(preview, "/api/admin/preview", {
      body: streamed,
      duplex: "half",
      headers: { ...bearer(), "content-type": "multipart/form-data; boundary=x" },
    });
    expect(chunked.status).toBe(413);

    const none = await post(preview, "/api/admin/preview", { body: filesForm([], ""), headers: bearer() });
    expect(none.status).toBe(400);
    const json = await post(preview, "/api/admin/preview", {
      body: "{}",
      headers: { ...bearer(), "content-type": "application/json" },
    });
    expect(json.status).toBe(415);
  });

  it("previews pasted text as pasted.txt", async () => {
    const res = await post(preview, "/api/admin/preview", { body: filesForm([], NEW_ARTICLE), headers: bearer() });
    const { files } = (await res.json()) as { files: PreviewFile[] };
    expect(files[0]).toMatchObject({ file: "pasted.txt", ok: true });
  });
});

describe("POST /api/admin/ingest", () => {
  it("stores accepted files (run source 'admin') and reports rejected ones like the CLI", async () => {
    const res = await post(ingest, "/api/admin/ingest", {
      body: filesForm([
        { name: "turbo.txt", text: NEW_ARTICLE },
        {
          name: "missing-link.txt",
          text: readFileSync(path.join(process.cwd(), "tests/fixtures/malformed/missing-link.txt")),
        },
      ]),
      headers: bearer(),
    });
    expect(res.status).toBe(200);
    const summary = await res.json();
    expect(summary).toMatchObject({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(summary.rejections[0].formatted).toMatch(/^missing-link\.txt/);
    expect(
      await suite.db.prisma.article.findUnique({ where: { url: "https://example.com/admin/turbo" } }),
    ).not.toBeNull();
    const run = await suite.db.prisma.ingestRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({ source: "admin", files: 2, created: 1, rejected: 1 });
  });
});

describe("the review queue", () => {
  const act = async (body: Record<string, string>) => {
    const res = await post(review, "/api/admin/review", {
      body: JSON.stringify(body),
      headers: { ...bearer(), "content-type": "application/json" },
    });
    return { status: res.status, body: await res.json() };
  };

  it("lists discovered models and organizations, not curated ones", async () => {
    const res = await reviewQueue(new Request(`${ORIGIN}/api/admin/review`, { headers: bearer() }), ctx);
    const queue = await res.json();
    expect(queue.models.length).toBeGreaterThan(0);
    expect(queue.models.every((m: { status: string }) => m.status === "discovered")).toBe(true);
    expect(queue.models.map((m: { slug: string }) => m.slug)).toContain("baichuan-4");
    expect(queue.models.map((m: { slug: string }) => m.slug)).not.toContain("hunyuan");
  });

  it("confirms and renames a discovered model, and refuses to rename a curated one", async () => {
    expect((await act({ action: "confirm", kind: "model", slug: "baichuan-4" })).status).toBe(200);
    expect((await suite.db.prisma.model.findUniqueOrThrow({ where: { slug: "baichuan-4" } })).status).toBe("confirmed");
    const before = await suite.db.prisma.model.findUniqueOrThrow({ where: { slug: "baichuan-4" } });
    const renamed = await act({
      action: "rename",
      kind: "model",
      slug: "baichuan-4",
      nameZh: "百川四号",
      nameEn: "Baichuan-4 LLM",
    });
    expect(renamed.status).toBe(200);
    const m = await suite.db.prisma.model.findUniqueOrThrow({ where: { slug: "baichuan-4" } });
    expect(m).toMatchObject({ nameZh: "百川四号", nameEn: "Baichuan-4 LLM", status: "confirmed" });
    expect(m.aliases).toContain(before.nameZh);
    const { body: found } = await callJson<{ items: { slug: string }[] }>(
      listModels,
      `/api/models?q=${encodeURIComponent("百川四号")}`,
    );
    expect(found.items.map((x) => x.slug)).toContain("baichuan-4");
    expect((await act({ action: "rename", kind: "model", slug: "hunyuan", nameZh: "x" })).status).toBe(409);
    expect((await act({ action: "confirm", kind: "model", slug: "no-such" })).status).toBe(404);
    const bad = await act({ action: "merge", kind: "model", slug: "baichuan-4" });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0].path).toEqual(["into"]);
  });

  it("merges a discovered model into another: mentions, events and claims move, the names become aliases", async () => {
    const source = await suite.db.prisma.model.findFirstOrThrow({
      where: { status: "discovered", mentions: { some: { article: { url: "https://example.com/admin/turbo" } } } },
      include: { _count: { select: { mentions: true, events: true, claims: true } } },
    });
    const target = await suite.db.prisma.model.findUniqueOrThrow({
      where: { slug: "baichuan-4" },
      include: { _count: { select: { mentions: true } }, events: { include: { sources: true } } },
    });
    const sourceEvents = await suite.db.prisma.event.findMany({
      where: { modelId: source.id },
      include: { sources: true },
    });
    expect(source._count.mentions).toBeGreaterThan(0);
    expect(sourceEvents.length).toBeGreaterThan(0);
    const sourcesBefore =
      sourceEvents.reduce((n, e) => n + e.sources.length, 0) + target.events.reduce((n, e) => n + e.sources.length, 0);

    const merged = await act({ action: "merge", kind: "model", slug: source.slug, into: "baichuan-4" });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      action: "merge",
      into: "baichuan-4",
      moved: { mentions: source._count.mentions, events: sourceEvents.length },
    });

    expect(await suite.db.prisma.model.findUnique({ where: { slug: source.slug } })).toBeNull();
    const after = await suite.db.prisma.model.findUniqueOrThrow({
      where: { slug: "baichuan-4" },
      include: { _count: { select: { mentions: true } }, events: { include: { sources: true } } },
    });
    expect(after._count.mentions).toBe(target._count.mentions + source._count.mentions);
    expect(after.aliases).toContain(source.nameZh);
    // Every report survives, and the same event reported twice is now one event with two sources.
    expect(after.events.reduce((n, e) => n + e.sources.length, 0)).toBe(sourcesBefore);
    expect(new Set(after.events.map((e) => e.key)).size).toBe(after.events.length);
    for (const e of after.events) expect(e.key.split("|")[1]).toBe("baichuan-4");
    const twin = after.events.find((e) => e.sources.length === 2);
    expect(twin).toBeDefined();
    expect(await suite.db.prisma.mention.count({ where: { modelId: source.id } })).toBe(0);

    // The API shows the merged model's events, each with its evidence.
    const { body } = await callJson<{ events: { sources: { articleUrl: string }[] }[] }>(
      getModel,
      "/api/models/baichuan-4",
      {
        slug: "baichuan-4",
      },
    );
    const urls = body.events.flatMap((e) => e.sources.map((s) => s.articleUrl));
    expect(urls).toContain("https://example.com/admin/turbo");
    expect((await act({ action: "merge", kind: "model", slug: "baichuan-4", into: "baichuan-4" })).status).toBe(409);
    expect((await act({ action: "merge", kind: "model", slug: "baichuan-4", into: "nothing-here" })).status).toBe(409);
  });

  it("merges a discovered organization: its models, events and mentions move, and stay moved on re-extraction", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "moxing-admin-merge-"));
    const file = path.join(dir, "shensi.txt");
    writeFileSync(
      file,
      article(
        "深思科技发布深维大模型",
        "https://example.com/admin/shensi",
        "2024年3月5日，深思科技发布了“深维”大模型，并向企业开放服务。深思科技表示，“深维”大模型已在金融行业落地。",
      ),
    );
    try {
      expect(await ingestFiles(suite.db.prisma, [file], { source: "test" })).toMatchObject({ created: 1 });
      const source = await suite.db.prisma.organization.findUniqueOrThrow({
        where: { slug: "shensikeji" },
        include: { _count: { select: { mentions: true, events: true } } },
      });
      expect(source.status).toBe("discovered");
      const res = await act({ action: "merge", kind: "organization", slug: "shensikeji", into: "baichuan" });
      expect(res.status).toBe(200);
      expect(res.body.moved).toMatchObject({
        mentions: source._count.mentions,
        events: source._count.events,
        models: 1,
      });
      const check = async () => {
        expect(await suite.db.prisma.organization.findUnique({ where: { slug: "shensikeji" } })).toBeNull();
        const baichuan = await suite.db.prisma.organization.findUniqueOrThrow({ where: { slug: "baichuan" } });
        expect(baichuan.aliases).toContain("深思科技");
        const model = await suite.db.prisma.model.findUniqueOrThrow({ where: { slug: "shenwei" } });
        expect(model.vendorId).toBe(baichuan.id);
        const events = await suite.db.prisma.event.findMany({ where: { model: { slug: "shenwei" } } });
        expect(events.length).toBeGreaterThan(0);
        for (const e of events) {
          expect(e.organizationId).toBe(baichuan.id);
          expect(e.key).toContain("|shenwei|baichuan|");
        }
        const mentions = await suite.db.prisma.mention.findMany({
          where: { article: { url: "https://example.com/admin/shensi" }, kind: "organization" },
          include: { organization: true },
        });
        expect(mentions.map((m) => m.organization?.slug)).toEqual(mentions.map(() => "baichuan"));
      };
      await check();
      // a newer extractor reads the article again: the merge holds
      await suite.db.sql.exec(
        `UPDATE "Article" SET "extractorVersion" = 'older' WHERE url = 'https://example.com/admin/shensi'`,
      );
      expect(await reextractArticles(suite.db.prisma)).toMatchObject({ rederived: 1 });
      await check();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("answers a browser form with a redirect back to the queue", async () => {
    const session = (await post(login, "/api/admin/login", { body: new URLSearchParams({ token: TOKEN }) })).headers
      .get("set-cookie")!
      .split(";")[0];
    const res = await post(review, "/api/admin/review", {
      body: new URLSearchParams({ action: "rename", kind: "model", slug: "hunyuan", nameZh: "x" }),
      headers: { cookie: session, origin: ORIGIN },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toMatch(/^\/admin\/review\?error=/);
  });
});
