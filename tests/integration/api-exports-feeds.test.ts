// CSV exports (round trip with Chinese text, formula neutralisation, the pages' filters) and Atom
// feeds (well-formed, valid Atom structure, article text escaped), through the route handlers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xml2js, type Element } from "xml-js";
import type { DbHandle } from "@/lib/db/client";
import { ingestBuffers } from "@/lib/ingest/run";
import { GET as modelsCsv } from "@/app/api/export/models.csv/route";
import { GET as eventsCsv } from "@/app/api/export/events.csv/route";
import { GET as claimsCsv } from "@/app/api/export/claims.csv/route";
import { GET as eventsFeed } from "@/app/feed.xml/route";
import { GET as vendorFeed } from "@/app/feeds/vendors/[slug]/route";
import { GET as modelFeed } from "@/app/feeds/models/[slug]/route";
import { GET as listEvents } from "@/app/api/events/route";
import { GET as openApi } from "@/app/api/openapi.json/route";
import { call, callJson, seededDatabase, type RouteHandler } from "../support/api";
import { csvRecords } from "../support/csv-parse";
import { releaseDatabase } from "../support/use-db";

let db: DbHandle;
const FORMULA_TITLE = '=HYPERLINK("http://evil.example/","点我")腾讯混元公式测试';
beforeAll(async () => {
  db = await seededDatabase();
  // An article whose title and quotes a spreadsheet would run as formulas.
  const body = [
    `标题: ${FORMULA_TITLE}`,
    "链接: https://example.com/formula-injection",
    "总结: =1+2 2024年3月5日，智谱AI发布了GLM-4大模型。@SUM(A1:A2) 截至2024年3月，智谱AI已服务超过300家企业客户。",
    "关键词: +cmd, -2, @x",
  ].join("\n");
  const summary = await ingestBuffers(db.prisma, [{ name: "formula.txt", bytes: new TextEncoder().encode(body) }]);
  expect(summary.created).toBe(1);
});
afterAll(async () => {
  releaseDatabase();
  await db?.close();
});

async function csvOf(handler: RouteHandler, url: string) {
  const res = await call(handler, url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="moxing-\w+\.csv"$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  return csvRecords(text.slice(1));
}

describe("CSV exports", () => {
  it("round-trips models with their Chinese names", async () => {
    const rows = await csvOf(modelsCsv, "/api/export/models.csv");
    const hunyuan = rows.find((r) => r.slug === "hunyuan")!;
    expect(hunyuan).toMatchObject({ name_zh: "混元", name_en: "Hunyuan", vendor_slug: "tencent", vendor_zh: "腾讯" });
    expect(Number(hunyuan.mentions)).toBeGreaterThan(0);
  });

  it("applies the page's filters (and ignores the page's other parameters)", async () => {
    const rows = await csvOf(modelsCsv, "/api/export/models.csv?vendor=tencent&page=2&sort=x");
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.vendor_slug === "tencent")).toBe(true);
    const events = await csvOf(eventsCsv, "/api/export/events.csv?model=hunyuan");
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((r) => r.model_slug === "hunyuan")).toBe(true);
    const claims = await csvOf(claimsCsv, "/api/export/claims.csv?metric=models_released");
    expect(claims.every((r) => r.metric === "models_released")).toBe(true);
  });

  it("gives every event and claim its evidence, and dates at their precision", async () => {
    const events = await csvOf(eventsCsv, "/api/export/events.csv");
    const { body } = await callJson<{ items: unknown[] }>(listEvents, "/api/events?limit=100");
    expect(events.length).toBe(body.items.length);
    const wenxin = events.find((r) => r.model_zh === "文心一言" && r.type === "open_public")!;
    expect(wenxin).toMatchObject({ date: "2023-08-31", precision: "day" });
    expect(wenxin.article_url).toMatch(/^https:\/\/baijiahao\.baidu\.com\//);
    expect(wenxin.quote).toContain("正式向公众开放服务");
    const claims = await csvOf(claimsCsv, "/api/export/claims.csv");
    const headline = claims.find((r) => r.metric === "models_released")!;
    expect(headline).toMatchObject({
      value: "130",
      unit: "models",
      as_of: "2023-07",
      precision: "month",
      stated_by_zh: "赛迪顾问",
    });
    expect(headline.quote).toContain("130个大模型");
  });

  it("neutralises cells a spreadsheet would run as formulas, and keeps markup as text", async () => {
    const events = await csvOf(eventsCsv, "/api/export/events.csv?vendor=zhipu");
    const row = events.find((r) => r.article_url === "https://example.com/formula-injection");
    expect(row).toBeDefined();
    expect(row!.article_title).toBe(`'${FORMULA_TITLE}`);
    expect(row!.quote.startsWith("'=")).toBe(true);
    for (const r of events) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@]/);

    const all = await csvOf(eventsCsv, "/api/export/events.csv");
    const xss = all.find((r) => r.article_title.includes("<script>"));
    expect(xss?.article_title).toBe("<script>alert(1)</script>大模型安全测试<img src=x onerror=alert(2)>");
  });

  it("answers 400 as JSON for a bad filter", async () => {
    const res = await call(eventsCsv, "/api/export/events.csv?type=nope");
    expect(res.status).toBe(400);
    expect((await res.json()).issues[0].path).toEqual(["type"]);
  });
});

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const children = (el: Element, name: string) =>
  (el.elements ?? []).filter((e) => e.type === "element" && e.name === name);
const text = (el: Element | undefined) => (el?.elements ?? []).map((e) => e.text ?? e.cdata ?? "").join("");

/** Parses strictly (throws on malformed XML) and checks RFC 4287's required elements. */
function assertValidAtom(xml: string): Element[] {
  const doc = xml2js(xml, { compact: false }) as Element;
  const feed = children(doc, "feed")[0];
  expect(feed).toBeDefined();
  expect(feed.attributes?.xmlns).toBe("http://www.w3.org/2005/Atom");
  for (const name of ["id", "title", "updated"]) expect(children(feed, name)).toHaveLength(1);
  expect(text(children(feed, "updated")[0])).toMatch(RFC3339);
  expect(children(feed, "author").length).toBeGreaterThan(0);
  expect(text(children(children(feed, "author")[0], "name")[0]).length).toBeGreaterThan(0);
  expect(children(feed, "link").some((l) => l.attributes?.rel === "self")).toBe(true);
  const entries = children(feed, "entry");
  const ids = new Set<string>();
  for (const entry of entries) {
    for (const name of ["id", "title", "updated"]) expect(children(entry, name)).toHaveLength(1);
    const id = text(children(entry, "id")[0]);
    expect(() => new URL(id)).not.toThrow();
    expect(ids.has(id)).toBe(false);
    ids.add(id);
    expect(text(children(entry, "updated")[0])).toMatch(RFC3339);
    expect(children(entry, "link").length + children(entry, "content").length).toBeGreaterThan(0);
    for (const c of children(entry, "category")) expect(c.attributes?.term).toBeTruthy();
  }
  return entries;
}

describe("absolute links", () => {
  const viaLoopback = { headers: { host: "127.0.0.1:3941" } };
  const linksOf = (xml: string) => [...xml.matchAll(/<link[^>]* href="([^"]+)"/g)].map((m) => m[1]);

  it("point where the client came from when no public URL is configured", async () => {
    const xml = await (await call(eventsFeed, "/feed.xml", undefined, viaLoopback)).text();
    const links = linksOf(xml);
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3941\//);
    const doc = await (await call(openApi, "/api/openapi.json", undefined, viaLoopback)).json();
    expect(doc.servers).toEqual([{ url: "http://127.0.0.1:3941" }]);
  });

  it("start at MOXING_PUBLIC_URL when it is set: feeds, OpenAPI servers and CSV page links", async () => {
    process.env.MOXING_PUBLIC_URL = "https://moxing.example.org/tracker/";
    try {
      for (const link of linksOf(await (await call(eventsFeed, "/feed.xml", undefined, viaLoopback)).text()))
        expect(link).toMatch(/^https:\/\/moxing\.example\.org\/tracker\//);
      const doc = await (await call(openApi, "/api/openapi.json", undefined, viaLoopback)).json();
      expect(doc.servers).toEqual([{ url: "https://moxing.example.org/tracker" }]);
      const models = await csvOf(modelsCsv, "/api/export/models.csv");
      expect(models.find((m) => m.slug === "hunyuan")?.page).toBe("https://moxing.example.org/tracker/models/hunyuan");
      const events = await csvOf(eventsCsv, "/api/export/events.csv");
      for (const e of events)
        expect(e.evidence_page).toMatch(/^https:\/\/moxing\.example\.org\/tracker\/articles\/\d+#s-\d+$/);
    } finally {
      delete process.env.MOXING_PUBLIC_URL;
    }
  });
});

describe("Atom feeds", () => {
  it("serves valid Atom of the dated events at /feed.xml", async () => {
    const res = await call(eventsFeed, "/feed.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    const entries = assertValidAtom(xml);
    expect(entries.length).toBeGreaterThan(3);
    expect(xml).toContain("文心一言");
  });

  it("escapes article text: the payload is text in the feed, never markup", async () => {
    const xml = await (await call(eventsFeed, "/feed.xml")).text();
    const entries = assertValidAtom(xml);
    const xss = entries.find((e) => text(children(e, "content")[0]).includes("alert(1)"));
    expect(xss).toBeDefined();
    const content = text(children(xss!, "content")[0]);
    // type="html": the element's text is HTML, in which the payload must appear only escaped.
    expect(content).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(content).not.toMatch(/<script|<img|<b>/i);
    expect(xml).not.toMatch(/<script/i);
    for (const e of entries) expect(text(children(e, "title")[0])).not.toMatch(/[<>]/);
  });

  it("filters /feed.xml with the timeline's parameters and rejects bad ones", async () => {
    const entries = assertValidAtom(await (await call(eventsFeed, "/feed.xml?type=release")).text());
    for (const e of entries) expect(children(e, "category")[0].attributes?.term).toBe("release");
    expect((await call(eventsFeed, "/feed.xml?type=nope")).status).toBe(400);
    expect((await call(eventsFeed, "/feed.xml?cursor=k1")).status).toBe(400);
  });

  it("serves per-vendor and per-model feeds, with or without .xml, and 404 for unknown ones", async () => {
    for (const slug of ["tencent", "tencent.xml"]) {
      const res = await call(vendorFeed, `/feeds/vendors/${slug}`, { slug });
      expect(res.status).toBe(200);
      const entries = assertValidAtom(await res.text());
      expect(entries.length).toBeGreaterThan(0);
    }
    const model = await call(modelFeed, "/feeds/models/hunyuan.xml", { slug: "hunyuan.xml" });
    const xml = await model.text();
    assertValidAtom(xml);
    expect(xml).toContain("混元");
    expect((await call(modelFeed, "/feeds/models/nope", { slug: "nope" })).status).toBe(404);
    expect((await call(vendorFeed, "/feeds/vendors/nope.xml", { slug: "nope.xml" })).status).toBe(404);
    expect((await call(vendorFeed, "/feeds/vendors/%3Cx%3E", { slug: "<x>" })).status).toBe(400);
  });
});
