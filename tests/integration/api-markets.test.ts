// Funding rounds, listings, prices, filing series and open-source releases through the JSON API, the
// CSV exports, the funding feed and the query helpers the pages use, on facts written by hand (with
// their details and the sentences they cite), so the checks do not depend on what the extractor finds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { xml2js, type Element } from "xml-js";
import type { z } from "zod";
import * as schemas from "@/lib/api/schemas";
import type { DbHandle } from "@/lib/db/client";
import METRICS from "@/lib/extract/data/metrics.json";
import type { Prisma } from "@/lib/generated/prisma/client";
import { GET as fundingApi } from "@/app/api/funding/route";
import { GET as listingsApi } from "@/app/api/listings/route";
import { GET as pricesApi } from "@/app/api/prices/route";
import { GET as filingsApi } from "@/app/api/filings/route";
import { GET as openSourceApi } from "@/app/api/open-source/route";
import { GET as fundingCsv } from "@/app/api/export/funding.csv/route";
import { GET as pricesCsv } from "@/app/api/export/prices.csv/route";
import { GET as filingsCsv } from "@/app/api/export/filings.csv/route";
import { GET as openSourceCsv } from "@/app/api/export/open-source.csv/route";
import { GET as fundingFeed } from "@/app/feeds/funding.xml/route";
import { GET as openApi } from "@/app/api/openapi.json/route";
import { fundingOptions, fundingPerQuarter, organizationFunding } from "@/lib/queries/funding";
import { modelPriceHistory, priceChart, pricedModelOptions } from "@/lib/queries/prices";
import { filingOptions, listFilingSeries } from "@/lib/queries/filings";
import { openSourceLicences } from "@/lib/queries/open-source";
import { call, callJson, ORIGIN, type RouteHandler } from "../support/api";
import { csvRecords } from "../support/csv-parse";
import { claimCitingSentence, eventCitingSentence, plainArticle } from "../support/facts";
import { backends, freshDatabase } from "../support/test-db";
import { releaseDatabase, useDatabase } from "../support/use-db";

type Page<T> = { items: T[]; nextCursor: string | null };

// The sentences the facts cite, in two articles.
const S = {
  moonshotB: "2024年2月，月之暗面完成超10亿美元B轮融资，阿里巴巴领投，红杉中国跟投，投后估值25亿美元。",
  moonshotA: "2023年，月之暗面完成3亿元A轮融资。",
  zhipuC: "5月20日，智谱AI宣布完成约50亿元C轮融资，腾讯领投，阿里巴巴跟投。",
  zhipuOld: "2023年10月，智谱AI再获融资。",
  zhipuUndated: "智谱AI获得一笔战略投资。",
  zhipuIpo: "2025年1月10日，智谱AI在香港交易所挂牌上市，募资40亿港元。",
  qwenOpen: "6月7日，阿里巴巴开源通义千问Qwen2系列模型，包括0.5B、7B和72B，采用Apache 2.0协议。",
  deepseekOpen: "2024年5月，深度求索开源DeepSeek-V2，采用MIT协议。",
  glmOpen: "智谱AI开源了GLM-4-9B模型。",
  glmRelease: "智谱AI发布GLM-4。",
  dsPrice: "DeepSeek-V2的API定价为每百万tokens输入1元、输出2元。",
  dsCut: "9月，DeepSeek-V2输入价格降价50%，从每百万tokens 1元降至0.5元。",
  qwenUsd: "Qwen2的海外API价格为每百万tokens 0.3美元。",
  qwenUndated: "Qwen2每百万tokens 2元。",
  ccid: "赛迪顾问数据显示，截至2023年7月，我国累计已经发布130个大模型。",
  cac2024: "截至2024年12月31日，共302款生成式人工智能服务在国家网信办完成备案。",
  cac2025: "截至2025年3月31日，共346款生成式人工智能服务完成备案。",
  users: "智谱清言用户数超过2500万。",
};

const ARTICLES = {
  funding: { url: "https://news.example.org/markets/funding", title: "大模型公司融资与上市一览" },
  models: { url: "https://news.example.org/markets/models", title: "大模型开源、价格与备案" },
};

interface Ids {
  org: Record<string, number>;
  model: Record<string, number>;
  article: { funding: number; models: number };
}

async function storeFacts(db: DbHandle): Promise<Ids> {
  const p = db.prisma;
  const orgs: [string, string, string | null, Prisma.OrganizationCreateInput["kind"]][] = [
    ["moonshot", "月之暗面", "Moonshot AI", "company"],
    ["zhipu", "智谱AI", "Zhipu AI", "company"],
    ["alibaba", "阿里巴巴", "Alibaba", "company"],
    ["tencent", "腾讯", "Tencent", "company"],
    ["hongshan", "红杉中国", "HongShan", "company"],
    ["deepseek", "深度求索", "DeepSeek", "company"],
    ["ccid", "赛迪顾问", "CCID Consulting", "consultancy"],
    ["cac", "国家网信办", "Cyberspace Administration of China", "government"],
  ];
  const org: Record<string, number> = {};
  for (const [slug, nameZh, nameEn, kind] of orgs)
    org[slug] = (await p.organization.create({ data: { slug, nameZh, nameEn, kind, status: "curated" } })).id;
  const model: Record<string, number> = {};
  for (const [slug, nameZh, vendor] of [
    ["qwen2", "通义千问Qwen2", "alibaba"],
    ["deepseek-v2", "DeepSeek-V2", "deepseek"],
    ["glm-4-9b", "GLM-4-9B", "zhipu"],
  ])
    model[slug] = (await p.model.create({ data: { slug, nameZh, vendorId: org[vendor], status: "curated" } })).id;
  const body = (keys: (keyof typeof S)[]) => keys.map((k) => S[k]).join("");
  const funding = await plainArticle(p, {
    ...ARTICLES.funding,
    body: body(["moonshotB", "moonshotA", "zhipuC", "zhipuOld", "zhipuUndated", "zhipuIpo"]),
  });
  const models = await plainArticle(p, {
    ...ARTICLES.models,
    body: body([
      "qwenOpen",
      "deepseekOpen",
      "glmOpen",
      "glmRelease",
      "dsPrice",
      "dsCut",
      "qwenUsd",
      "qwenUndated",
      "ccid",
      "cac2024",
      "cac2025",
      "users",
    ]),
  });

  const event = (
    key: string,
    data: Omit<Prisma.EventUncheckedCreateInput, "key">,
    quote: keyof typeof S,
    articleId: number,
  ) => eventCitingSentence(p, { key, confidence: 0.9, ...data }, { articleId, quote: S[quote] });
  const month = (m: string) => ({ date: new Date(`${m}-01T00:00:00Z`), precision: "month" as const });
  const day = (d: string) => ({ date: new Date(`${d}T00:00:00Z`), precision: "day" as const });

  await event(
    "funding|moonshot|2024-02",
    {
      type: "funding",
      organizationId: org.moonshot,
      ...month("2024-02"),
      details: {
        kind: "funding",
        round: "B",
        amount: { value: 1e9, currency: "USD", bound: "lower" },
        valuation: { value: 2.5e9, currency: "USD", bound: "exact", basis: "post" },
        investors: [
          { key: "alibaba", name: "阿里巴巴", lead: true },
          { key: "hongshan", name: "红杉中国", lead: false },
        ],
      },
    },
    "moonshotB",
    funding.id,
  );
  await event(
    "funding|moonshot|2023",
    {
      type: "funding",
      organizationId: org.moonshot,
      date: new Date("2023-01-01T00:00:00Z"),
      precision: "year",
      details: {
        kind: "funding",
        round: "A",
        amount: { value: 3e8, currency: "CNY", bound: "exact" },
        valuation: null,
        investors: [],
      },
    },
    "moonshotA",
    funding.id,
  );
  await event(
    "funding|zhipu|2024-05-20",
    {
      type: "funding",
      organizationId: org.zhipu,
      ...day("2024-05-20"),
      confidence: 0.8,
      details: {
        kind: "funding",
        round: "C",
        amount: { value: 5e9, currency: "CNY", bound: "approx" },
        valuation: null,
        investors: [
          { key: "tencent", name: "腾讯", lead: true },
          { key: "alibaba", name: "阿里巴巴", lead: false },
          // a slug the database has no organisation for, and a name not found as an organisation
          { key: "some-fund", name: "某基金", lead: false },
          { key: null, name: "多家机构", lead: false },
        ],
      },
    },
    "zhipuC",
    funding.id,
  );
  // a row stored before events had details
  await event(
    "funding|zhipu|2023-10",
    { type: "funding", organizationId: org.zhipu, ...month("2023-10") },
    "zhipuOld",
    funding.id,
  );
  await event(
    "funding|zhipu|",
    {
      type: "funding",
      organizationId: org.zhipu,
      precision: "unknown",
      details: { kind: "funding", round: "strategic", amount: null, valuation: null, investors: [] },
    },
    "zhipuUndated",
    funding.id,
  );
  await event(
    "listing|zhipu|2025-01-10",
    {
      type: "listing",
      organizationId: org.zhipu,
      ...day("2025-01-10"),
      details: { kind: "listing", exchange: "HKEX", amount: { value: 4e9, currency: "HKD", bound: "exact" } },
    },
    "zhipuIpo",
    funding.id,
  );
  await event(
    "open_source|qwen2|alibaba|2024-06-07",
    {
      type: "open_source",
      modelId: model.qwen2,
      organizationId: org.alibaba,
      ...day("2024-06-07"),
      details: { kind: "open_source", licence: "Apache-2.0", sizes: ["0.5B", "7B", "72B"] },
    },
    "qwenOpen",
    models.id,
  );
  await event(
    "open_source|deepseek-v2|deepseek|2024-05",
    {
      type: "open_source",
      modelId: model["deepseek-v2"],
      organizationId: org.deepseek,
      ...month("2024-05"),
      details: { kind: "open_source", licence: "MIT", sizes: ["236B"] },
    },
    "deepseekOpen",
    models.id,
  );
  await event(
    "open_source|glm-4-9b||2024-06",
    // details that do not fit their schema (a hand-edited row): shown as the bare event
    {
      type: "open_source",
      modelId: model["glm-4-9b"],
      ...month("2024-06"),
      details: { kind: "open_source", licence: 42, sizes: "9B" },
    },
    "glmOpen",
    models.id,
  );
  await event(
    "release|glm-4-9b|zhipu|2024-01",
    { type: "release", modelId: model["glm-4-9b"], organizationId: org.zhipu, ...month("2024-01") },
    "glmRelease",
    models.id,
  );

  const claim = (
    key: string,
    data: Omit<Prisma.ClaimUncheckedCreateInput, "key" | "bound" | "asOfPrecision"> &
      Partial<Pick<Prisma.ClaimUncheckedCreateInput, "bound" | "asOfPrecision">>,
    quote: keyof typeof S,
  ) =>
    claimCitingSentence(
      p,
      { key, bound: "exact", asOfPrecision: "unknown", confidence: 0.85, ...data },
      { articleId: models.id, quote: S[quote] },
    );
  const asOfMonth = (m: string) => ({ asOf: new Date(`${m}-01T00:00:00Z`), asOfPrecision: "month" as const });
  const asOfDay = (d: string) => ({ asOf: new Date(`${d}T00:00:00Z`), asOfPrecision: "day" as const });
  const ds = model["deepseek-v2"];
  await claim(
    "price_input|ds|2024-05",
    { metric: "price_input", value: 1, unit: "cny_per_million_tokens", subjectModelId: ds, ...asOfMonth("2024-05") },
    "dsPrice",
  );
  // the unit as an older extractor wrote it
  await claim(
    "price_output|ds|2024-05",
    { metric: "price_output", value: 2, unit: "CNY_per_million_tokens", subjectModelId: ds, ...asOfMonth("2024-05") },
    "dsPrice",
  );
  await claim(
    "price_input|ds|2024-09",
    { metric: "price_input", value: 0.5, unit: "cny_per_million_tokens", subjectModelId: ds, ...asOfMonth("2024-09") },
    "dsCut",
  );
  await claim(
    "price_cut_percent|ds|2024-09",
    {
      metric: "price_cut_percent",
      value: 50,
      unit: "percent",
      subjectModelId: ds,
      ...asOfMonth("2024-09"),
      details: { priceBefore: 1, priceAfter: 0.5, priceUnit: "CNY_per_million_tokens" },
    },
    "dsCut",
  );
  await claim(
    "price|qwen2|2024-07",
    {
      metric: "price",
      value: 0.3,
      unit: "usd_per_million_tokens",
      subjectModelId: model.qwen2,
      ...asOfMonth("2024-07"),
    },
    "qwenUsd",
  );
  await claim(
    "price|qwen2|",
    { metric: "price", value: 2, unit: "cny_per_million_tokens", subjectModelId: model.qwen2 },
    "qwenUndated",
  );
  await claim(
    "models_released|ccid|2023-07",
    {
      metric: "models_released",
      value: 130,
      unit: "models",
      scope: "China",
      statedById: org.ccid,
      ...asOfMonth("2023-07"),
    },
    "ccid",
  );
  // stored out of order: the series orders its points by as-of date
  await claim(
    "services_filed|cac|2025-03-31",
    { metric: "services_filed", value: 346, unit: "services", statedById: org.cac, ...asOfDay("2025-03-31") },
    "cac2025",
  );
  await claim(
    "services_filed|cac|2024-12-31",
    { metric: "services_filed", value: 302, unit: "services", statedById: org.cac, ...asOfDay("2024-12-31") },
    "cac2024",
  );
  await claim("users|zhipu", { metric: "users_count", value: 2.5e7, unit: "users", bound: "lower" }, "users");
  return { org, model, article: { funding: funding.id, models: models.id } };
}

/** Parses with the schema and fails with the zod issues when the response does not fit. */
function conforms<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(`response does not match the schema: ${JSON.stringify(result.error.issues.slice(0, 5))}`);
  return result.data;
}

async function page<S extends z.ZodType>(schema: S, handler: RouteHandler, url: string): Promise<z.infer<S>> {
  const { status, body } = await callJson(handler, url);
  expect(status).toBe(200);
  return conforms(schema, body);
}

/** Every page of a list, `limit` at a time. */
async function walk<T>(handler: RouteHandler, url: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const sep = url.includes("?") ? "&" : "?";
    const { status, body }: { status: number; body: Page<T> } = await callJson<Page<T>>(
      handler,
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    if (!body.nextCursor) return items;
    cursor = body.nextCursor;
  }
  throw new Error("pagination did not end");
}

async function expect400(handler: RouteHandler, url: string, field: string) {
  const { status, body } = await callJson<{ error: string; issues: { path: (string | number)[] }[] }>(handler, url);
  expect(status).toBe(400);
  conforms(schemas.errorSchema, body);
  expect(body.issues.map((i) => i.path.join("."))).toContain(field);
}

async function csvOf(handler: RouteHandler, url: string, fileName: string) {
  const res = await call(handler, url);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${fileName}"`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1);
  return {
    header: text
      .slice(0, text.indexOf("\r\n"))
      .split(",")
      .map((h) => h.replace(/"/g, "")),
    rows: csvRecords(text),
  };
}

const children = (el: Element, name: string) =>
  (el.elements ?? []).filter((e) => e.type === "element" && e.name === name);
const text = (el: Element | undefined) => (el?.elements ?? []).map((e) => e.text ?? e.cdata ?? "").join("");

describe.each(backends())("funding, listings, prices, filings and open-source releases on %s", (backend) => {
  let db: DbHandle;
  let ids: Ids;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    useDatabase(db);
    ids = await storeFacts(db);
  });
  afterAll(async () => {
    releaseDatabase();
    await db?.close();
  });

  const companies = (p: { items: { company: { slug: string } | null; date: { value: string | null } }[] }) =>
    p.items.map((f) => `${f.company?.slug}@${f.date.value}`);

  describe("GET /api/funding", () => {
    it("lists the rounds newest first, undated last, each with its details and the sentence it cites", async () => {
      const body = await page(schemas.fundingPageSchema, fundingApi, "/api/funding");
      expect(companies(body)).toEqual([
        "zhipu@2024-05-20",
        "moonshot@2024-02",
        "zhipu@2023-10",
        "moonshot@2023",
        "zhipu@null",
      ]);
      expect(body.nextCursor).toBeNull();
      const [zhipuC, moonshotB, zhipuOld] = body.items;
      expect(moonshotB).toMatchObject({
        round: "B",
        amount: { value: 1e9, currency: "USD", bound: "lower" },
        valuation: { value: 2.5e9, currency: "USD", bound: "exact", basis: "post" },
        company: { slug: "moonshot", names: { zh: "月之暗面", en: "Moonshot AI" } },
        sourceCount: 1,
        confidence: 0.9,
      });
      expect(moonshotB.investors).toEqual([
        { key: "alibaba", name: "阿里巴巴", lead: true, organization: expect.objectContaining({ slug: "alibaba" }) },
        { key: "hongshan", name: "红杉中国", lead: false, organization: expect.objectContaining({ slug: "hongshan" }) },
      ]);
      expect(moonshotB.source).toMatchObject({
        articleId: ids.article.funding,
        articleTitle: ARTICLES.funding.title,
        articleUrl: ARTICLES.funding.url,
        quote: S.moonshotB,
        sentenceStart: 0,
      });
      expect(zhipuC.investors.find((i) => i.key === "some-fund")).toEqual({
        key: "some-fund",
        name: "某基金",
        lead: false,
        organization: null,
      });
      expect(zhipuC.investors.at(-1)).toEqual({ key: null, name: "多家机构", lead: false, organization: null });
      expect(zhipuC.confidence).toBe(0.8);
      // no details: the bare event, still cited
      expect(zhipuOld).toMatchObject({ round: "unknown", amount: null, valuation: null, investors: [] });
      expect(zhipuOld.source?.quote).toBe(S.zhipuOld);
    });

    it("filters by company, investor (inside the details), round and period", async () => {
      const ask = async (q: string) =>
        companies(await page(schemas.fundingPageSchema, fundingApi, `/api/funding?${q}`));
      expect(await ask("company=moonshot")).toEqual(["moonshot@2024-02", "moonshot@2023"]);
      expect(await ask("investor=alibaba")).toEqual(["zhipu@2024-05-20", "moonshot@2024-02"]);
      expect(await ask("investor=tencent")).toEqual(["zhipu@2024-05-20"]);
      expect(await ask("investor=hongshan&company=zhipu")).toEqual([]);
      expect(await ask("investor=nobody")).toEqual([]);
      expect(await ask("round=B")).toEqual(["moonshot@2024-02"]);
      expect(await ask("round=strategic")).toEqual(["zhipu@null"]);
      expect(await ask("round=unknown")).toEqual(["zhipu@2023-10"]);
      expect(await ask("from=2024")).toEqual(["zhipu@2024-05-20", "moonshot@2024-02"]);
      expect(await ask("from=2023-10&to=2024-02")).toEqual(["moonshot@2024-02", "zhipu@2023-10"]);
      expect(await ask("to=2023")).toEqual(["zhipu@2023-10", "moonshot@2023"]);
      expect(await ask("company=nobody")).toEqual([]);
    });

    it("pages with its cursor through every round once, in the same order", async () => {
      const all = await page(schemas.fundingPageSchema, fundingApi, "/api/funding");
      for (const limit of [1, 2, 3]) {
        const walked = await walk<{ id: number }>(fundingApi, "/api/funding", limit);
        expect(walked.map((f) => f.id)).toEqual(all.items.map((f) => f.id));
      }
      const first = await page(schemas.fundingPageSchema, fundingApi, "/api/funding?limit=2");
      expect(first.nextCursor).toBe("o2");
    });

    it("answers 400 with the zod issues for bad parameters", async () => {
      await expect400(fundingApi, "/api/funding?round=Z", "round");
      await expect400(fundingApi, "/api/funding?investor=Not%20A%20Slug", "investor");
      await expect400(fundingApi, "/api/funding?from=2024-13", "from");
      await expect400(fundingApi, "/api/funding?from=2025&to=2024", "from");
      await expect400(fundingApi, "/api/funding?limit=0", "limit");
      await expect400(fundingApi, "/api/funding?cursor=k2024-01-01.3", "cursor");
      expect((await callJson(fundingApi, "/api/funding?vendor=zhipu")).status).toBe(400);
    });
  });

  describe("funding for the pages", () => {
    it("sums the amounts per quarter and currency, never converting, with the rest counted apart", async () => {
      const chart = await fundingPerQuarter({});
      expect(chart.quarters.map((q) => q.quarter)).toEqual(["2023-Q4", "2024-Q1", "2024-Q2"]);
      const [q4, q1, q2] = chart.quarters;
      expect(q4).toEqual({ quarter: "2023-Q4", rounds: 1, undisclosed: 1, amounts: [] });
      expect(q1.amounts).toEqual([{ currency: "USD", value: 1e9, rounds: 1, exact: false }]);
      expect(q2.amounts).toEqual([{ currency: "CNY", value: 5e9, rounds: 1, exact: false }]);
      expect(chart.currencies).toEqual(["CNY", "USD"]);
      expect(chart).toMatchObject({ yearOnly: 1, undated: 1 });
      const alibaba = await fundingPerQuarter({ investor: "alibaba" });
      expect(alibaba.quarters.map((q) => q.quarter)).toEqual(["2024-Q1", "2024-Q2"]);
      expect(alibaba).toMatchObject({ yearOnly: 0, undated: 0 });
    });

    it("gives an organisation its rounds as the company and as an investor, and its listings", async () => {
      const alibaba = await organizationFunding("alibaba");
      expect(alibaba.raised).toEqual([]);
      expect(alibaba.invested.map((f) => f.company?.slug)).toEqual(["zhipu", "moonshot"]);
      const zhipu = await organizationFunding("zhipu");
      expect(zhipu.raised.map((f) => f.round)).toEqual(["C", "unknown", "strategic"]);
      expect(zhipu.invested).toEqual([]);
      expect(zhipu.listings.map((l) => l.exchange)).toEqual(["HKEX"]);
      const options = await fundingOptions();
      expect(options.companies.map((c) => c.slug).sort()).toEqual(["moonshot", "zhipu"]);
      expect(options.investors.map((c) => c.slug).sort()).toEqual(["alibaba", "hongshan", "tencent"]);
    });
  });

  describe("GET /api/listings", () => {
    it("lists listings with their exchange and the amount raised, filtered by company and period", async () => {
      const body = await page(schemas.listingPageSchema, listingsApi, "/api/listings");
      expect(body.items).toHaveLength(1);
      expect(body.items[0]).toMatchObject({
        company: { slug: "zhipu" },
        date: { value: "2025-01-10", precision: "day" },
        exchange: "HKEX",
        amount: { value: 4e9, currency: "HKD", bound: "exact" },
        source: { quote: S.zhipuIpo },
      });
      expect((await page(schemas.listingPageSchema, listingsApi, "/api/listings?company=moonshot")).items).toEqual([]);
      expect((await page(schemas.listingPageSchema, listingsApi, "/api/listings?to=2024")).items).toEqual([]);
      // strict: a parameter it does not take is a 400, not a silently unfiltered list
      const unknown = await callJson<{ issues: { code: string }[] }>(listingsApi, "/api/listings?exchange=HKEX");
      expect(unknown.status).toBe(400);
      expect(unknown.body.issues.map((i) => i.code)).toEqual(["unrecognized_keys"]);
    });
  });

  describe("GET /api/prices", () => {
    it("lists prices latest first with the unit in lower case and the currency apart", async () => {
      const body = await page(schemas.pricePageSchema, pricesApi, "/api/prices");
      expect(body.items.map((p) => `${p.metric}:${p.value}@${p.asOf.value}`)).toEqual([
        "price_cut_percent:50@2024-09",
        "price_input:0.5@2024-09",
        "price:0.3@2024-07",
        "price_output:2@2024-05",
        "price_input:1@2024-05",
        "price:2@null",
      ]);
      const output = body.items.find((p) => p.metric === "price_output")!;
      expect(output).toMatchObject({
        unit: "cny_per_million_tokens",
        currency: "CNY",
        model: { slug: "deepseek-v2", vendor: { slug: "deepseek" } },
        source: { quote: S.dsPrice, articleUrl: ARTICLES.models.url },
      });
      const cut = body.items[0];
      expect(cut).toMatchObject({
        unit: "percent",
        currency: null,
        priceBefore: 1,
        priceAfter: 0.5,
        priceUnit: "cny_per_million_tokens",
      });
      expect(body.items.find((p) => p.currency === "USD")).toMatchObject({ value: 0.3, model: { slug: "qwen2" } });
      // not a price
      expect(body.items.some((p) => (p.metric as string) === "users_count")).toBe(false);
    });

    it("filters by model, vendor (its models), metric, currency and period", async () => {
      const ask = async (q: string) =>
        (await page(schemas.pricePageSchema, pricesApi, `/api/prices?${q}`)).items.map((p) => `${p.metric}:${p.value}`);
      expect(await ask("model=qwen2")).toEqual(["price:0.3", "price:2"]);
      expect(await ask("vendor=deepseek&metric=price_input")).toEqual(["price_input:0.5", "price_input:1"]);
      expect(await ask("vendor=alibaba&currency=USD")).toEqual(["price:0.3"]);
      expect(await ask("currency=CNY&to=2024-05")).toEqual(["price_output:2", "price_input:1"]);
      expect(await ask("from=2024-06&to=2024-08")).toEqual(["price:0.3"]);
      expect(await ask("model=nope")).toEqual([]);
      await expect400(pricesApi, "/api/prices?metric=models_released", "metric");
      await expect400(pricesApi, "/api/prices?currency=cny", "currency");
    });

    it("draws one line per model, kind of price and currency, oldest first, without the cuts", async () => {
      const chart = await priceChart({});
      expect(chart.series.map((s) => s.key).sort()).toEqual([
        "deepseek-v2|price_input|CNY",
        "deepseek-v2|price_output|CNY",
        "qwen2|price|USD",
      ]);
      const input = chart.series.find((s) => s.key === "deepseek-v2|price_input|CNY")!;
      expect(input.points.map((p) => [p.date, p.value])).toEqual([
        ["2024-05", 1],
        ["2024-09", 0.5],
      ]);
      expect(input.points[1].source?.quote).toBe(S.dsCut);
      expect(chart.undated).toBe(1);
      expect((await priceChart({ currency: "CNY" })).series.every((s) => s.currency === "CNY")).toBe(true);
      expect((await priceChart({ metric: "price_cut_percent" })).series).toEqual([]);
      const history = await modelPriceHistory("deepseek-v2");
      expect(history.map((p) => `${p.metric}@${p.asOf.value}`)).toEqual([
        "price_input@2024-05",
        "price_output@2024-05",
        "price_input@2024-09",
        "price_cut_percent@2024-09",
      ]);
      expect((await pricedModelOptions()).map((m) => m.slug).sort()).toEqual(["deepseek-v2", "qwen2"]);
    });
  });

  describe("GET /api/filings", () => {
    it("keeps counts of different definitions apart: one series per metric and stating organisation", async () => {
      const body = await page(schemas.filingSeriesPageSchema, filingsApi, "/api/filings");
      expect(body.items.map((s) => s.key)).toEqual(["services_filed|cac", "models_released|ccid"]);
      const [filed, released] = body.items;
      expect(filed.metric).toEqual({
        key: "services_filed",
        label: { zh: METRICS.metrics.services_filed.zh, en: METRICS.metrics.services_filed.en },
        definition: {
          zh: METRICS.metrics.services_filed.definitionZh,
          en: METRICS.metrics.services_filed.definitionEn,
        },
      });
      expect(filed.statedBy).toMatchObject({ slug: "cac", names: { zh: "国家网信办" } });
      expect(filed.points.map((p) => [p.asOf.value, p.value])).toEqual([
        ["2024-12-31", 302],
        ["2025-03-31", 346],
      ]);
      expect(filed.points[0].source?.quote).toBe(S.cac2024);
      expect(released).toMatchObject({ unit: "models", statedBy: { slug: "ccid" } });
      expect(released.metric.definition.en).toBe(METRICS.metrics.models_released.definitionEn);
      expect(released.points).toHaveLength(1);
      expect(released.points[0]).toMatchObject({ value: 130, scope: "China", asOf: { value: "2023-07" } });
    });

    it("filters by metric, stating organisation and period, and pages", async () => {
      const keys = async (q: string) =>
        (await page(schemas.filingSeriesPageSchema, filingsApi, `/api/filings?${q}`)).items.map(
          (s) => `${s.key}:${s.points.map((p) => p.value).join("/")}`,
        );
      expect(await keys("metric=services_filed")).toEqual(["services_filed|cac:302/346"]);
      expect(await keys("statedBy=ccid")).toEqual(["models_released|ccid:130"]);
      expect(await keys("from=2025")).toEqual(["services_filed|cac:346"]);
      expect(await keys("metric=price")).toEqual([]); // a metric, but not a filing count
      const walked = await walk<{ key: string }>(filingsApi, "/api/filings", 1);
      expect(walked.map((s) => s.key)).toEqual(["services_filed|cac", "models_released|ccid"]);
      await expect400(filingsApi, "/api/filings?metric=Services", "metric");
      const options = await filingOptions();
      expect(options.statedBy.map((o) => o.slug).sort()).toEqual(["cac", "ccid"]);
      expect(options.metrics.map((m) => m.key)).toContain("services_filed");
      expect(await listFilingSeries({ statedBy: "nobody" })).toEqual([]);
    });
  });

  describe("GET /api/open-source", () => {
    it("lists releases with licence and sizes, filtered by vendor, model, licence and period", async () => {
      const body = await page(schemas.openSourcePageSchema, openSourceApi, "/api/open-source");
      expect(body.items.map((r) => r.model?.slug)).toEqual(["qwen2", "glm-4-9b", "deepseek-v2"]);
      expect(body.items[0]).toMatchObject({
        licence: "Apache-2.0",
        sizes: ["0.5B", "7B", "72B"],
        organization: { slug: "alibaba" },
        model: { vendor: { slug: "alibaba" } },
        source: { quote: S.qwenOpen },
      });
      expect(body.items[1]).toMatchObject({ licence: null, sizes: [], organization: null });
      const ask = async (q: string) =>
        (await page(schemas.openSourcePageSchema, openSourceApi, `/api/open-source?${q}`)).items.map(
          (r) => r.model?.slug,
        );
      expect(await ask("vendor=zhipu")).toEqual(["glm-4-9b"]); // through its model
      expect(await ask("vendor=alibaba")).toEqual(["qwen2"]);
      expect(await ask("licence=MIT")).toEqual(["deepseek-v2"]);
      expect(await ask("model=qwen2&licence=MIT")).toEqual([]);
      expect(await ask("to=2024-05")).toEqual(["deepseek-v2"]);
      await expect400(openSourceApi, "/api/open-source?from=24", "from");
      expect(await openSourceLicences()).toEqual([
        { licence: "Apache-2.0", releases: 1 },
        { licence: "MIT", releases: 1 },
      ]);
    });
  });

  describe("CSV exports", () => {
    it("exports funding rounds with the same filters, the investors, and page and evidence links", async () => {
      const { header, rows } = await csvOf(fundingCsv, "/api/export/funding.csv", "moxing-funding.csv");
      for (const h of ["id", "date", "company_slug", "page", "round", "amount", "amount_currency", "investor_slugs"])
        expect(header).toContain(h);
      for (const h of ["lead_investors", "article_id", "evidence_page", "article_url", "quote", "confidence"])
        expect(header).toContain(h);
      expect(rows).toHaveLength(5);
      const b = rows.find((r) => r.round === "B")!;
      expect(b).toMatchObject({
        company_slug: "moonshot",
        company_zh: "月之暗面",
        page: `${ORIGIN}/vendors/moonshot`,
        amount: "1000000000",
        amount_currency: "USD",
        amount_bound: "lower",
        valuation: "2500000000",
        valuation_basis: "post",
        investors: "阿里巴巴; 红杉中国",
        investor_slugs: "alibaba; hongshan",
        lead_investors: "阿里巴巴",
        quote: S.moonshotB,
        article_url: ARTICLES.funding.url,
        evidence_page: `${ORIGIN}/articles/${ids.article.funding}#s-0`,
      });
      // the page's filters, and the page's other parameters ignored
      const tencent = await csvOf(fundingCsv, "/api/export/funding.csv?investor=tencent&page=2", "moxing-funding.csv");
      expect(tencent.rows.map((r) => r.company_slug)).toEqual(["zhipu"]);
      expect(tencent.rows[0]).toMatchObject({
        investors: "腾讯; 阿里巴巴; 某基金; 多家机构",
        investor_slugs: "tencent; alibaba; some-fund",
      });
      const res = await call(fundingCsv, "/api/export/funding.csv?round=Z");
      expect(res.status).toBe(400);
      expect((await res.json()).issues[0].path).toEqual(["round"]);
    });

    it("exports prices, filing points with their series' definition, and open-source releases", async () => {
      const prices = await csvOf(pricesCsv, "/api/export/prices.csv?model=deepseek-v2", "moxing-prices.csv");
      expect(prices.header).toEqual(
        expect.arrayContaining(["metric", "value", "unit", "currency", "page", "evidence_page"]),
      );
      expect(prices.rows).toHaveLength(4);
      expect(prices.rows.every((r) => r.model_slug === "deepseek-v2" && r.vendor_slug === "deepseek")).toBe(true);
      expect(prices.rows.every((r) => r.page === `${ORIGIN}/models/deepseek-v2`)).toBe(true);
      expect(prices.rows.find((r) => r.metric === "price_output")).toMatchObject({
        unit: "cny_per_million_tokens",
        currency: "CNY",
      });
      expect(prices.rows.find((r) => r.metric === "price_cut_percent")).toMatchObject({
        price_before: "1",
        price_after: "0.5",
        quote: S.dsCut,
      });
      expect((await call(pricesCsv, "/api/export/prices.csv?currency=yen")).status).toBe(400);

      const filings = await csvOf(filingsCsv, "/api/export/filings.csv", "moxing-filings.csv");
      expect(filings.rows.map((r) => [r.series, r.value, r.as_of])).toEqual([
        ["services_filed|cac", "302", "2024-12-31"],
        ["services_filed|cac", "346", "2025-03-31"],
        ["models_released|ccid", "130", "2023-07"],
      ]);
      expect(filings.rows[2]).toMatchObject({
        definition_zh: METRICS.metrics.models_released.definitionZh,
        stated_by_zh: "赛迪顾问",
        page: `${ORIGIN}/vendors/ccid`,
        quote: S.ccid,
      });
      const ccidOnly = await csvOf(filingsCsv, "/api/export/filings.csv?statedBy=ccid", "moxing-filings.csv");
      expect(ccidOnly.rows).toHaveLength(1);

      const open = await csvOf(
        openSourceCsv,
        "/api/export/open-source.csv?licence=Apache-2.0",
        "moxing-open-source.csv",
      );
      expect(open.rows).toEqual([
        expect.objectContaining({
          model_slug: "qwen2",
          vendor_slug: "alibaba",
          licence: "Apache-2.0",
          sizes: "0.5B; 7B; 72B",
        }),
      ]);
    });
  });

  describe("the funding feed", () => {
    it("serves valid Atom of the dated rounds, newest first, each citing its sentence and linking to it", async () => {
      const res = await call(fundingFeed, "/feeds/funding.xml");
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
      const xml = await res.text();
      const doc = xml2js(xml, { compact: false }) as Element;
      const feed = children(doc, "feed")[0];
      expect(feed.attributes?.xmlns).toBe("http://www.w3.org/2005/Atom");
      expect(children(feed, "link").find((l) => l.attributes?.rel === "self")?.attributes?.href).toBe(
        `${ORIGIN}/feeds/funding.xml`,
      );
      expect(text(children(feed, "updated")[0])).toBe("2024-05-20T00:00:00.000Z");
      const entries = children(feed, "entry");
      // the undated round has no place in a feed
      expect(entries.map((e) => text(children(e, "updated")[0]).slice(0, 10))).toEqual([
        "2024-05-20",
        "2024-02-01",
        "2023-10-01",
        "2023-01-01",
      ]);
      const [zhipuC, moonshotB] = entries;
      expect(text(children(moonshotB, "title")[0])).toBe("月之暗面 · B轮 · 超10亿美元 · 2024-02");
      const content = text(children(moonshotB, "content")[0]);
      expect(content).toContain(S.moonshotB);
      expect(content).toContain(`href="${ARTICLES.funding.url}"`);
      expect(content).toContain("阿里巴巴（领投）");
      expect(children(moonshotB, "link")[0].attributes?.href).toBe(`${ORIGIN}/articles/${ids.article.funding}#s-0`);
      const zhipuStart = S.moonshotB.length + S.moonshotA.length;
      expect(children(zhipuC, "link")[0].attributes?.href).toBe(
        `${ORIGIN}/articles/${ids.article.funding}#s-${zhipuStart}`,
      );
      for (const e of entries) {
        expect(children(e, "category").map((c) => c.attributes?.term)).toContain("funding");
        expect(() => new URL(text(children(e, "id")[0]))).not.toThrow();
      }
    });

    it("takes the funding filters and rejects bad ones", async () => {
      const xml = await (await call(fundingFeed, "/feeds/funding.xml?investor=tencent")).text();
      const entries = children(children(xml2js(xml, { compact: false }) as Element, "feed")[0], "entry");
      expect(entries).toHaveLength(1);
      expect(text(children(entries[0], "title")[0])).toContain("智谱AI · C轮 · 约50亿元");
      expect((await call(fundingFeed, "/feeds/funding.xml?round=Z")).status).toBe(400);
      expect((await call(fundingFeed, "/feeds/funding.xml?cursor=o2")).status).toBe(400);
    });
  });

  it("documents every new endpoint in the OpenAPI document", async () => {
    const doc = await (await call(openApi, "/api/openapi.json")).json();
    for (const path of [
      "/api/funding",
      "/api/listings",
      "/api/prices",
      "/api/filings",
      "/api/open-source",
      "/api/export/funding.csv",
      "/api/export/prices.csv",
      "/api/export/filings.csv",
      "/api/export/open-source.csv",
      "/feeds/funding.xml",
    ])
      expect(doc.paths[path]?.get, path).toBeDefined();
    const params = doc.paths["/api/funding"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["company", "investor", "round", "from", "to", "cursor", "limit"]));
  });
});
