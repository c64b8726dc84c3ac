// Contract tests for the JSON API: every endpoint's shape (checked against the zod schemas the
// OpenAPI document is generated from), its filters, cursor pagination, and 400 / 404 answers.
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as schemas from "@/lib/api/schemas";
import { GET as listModels } from "@/app/api/models/route";
import { GET as getModel } from "@/app/api/models/[slug]/route";
import { GET as listVendors } from "@/app/api/vendors/route";
import { GET as getVendor } from "@/app/api/vendors/[slug]/route";
import { GET as listIndustries } from "@/app/api/industries/route";
import { GET as getIndustry } from "@/app/api/industries/[slug]/route";
import { GET as listEvents } from "@/app/api/events/route";
import { GET as listClaims } from "@/app/api/claims/route";
import { GET as listArticles } from "@/app/api/articles/route";
import { GET as getArticle } from "@/app/api/articles/[id]/route";
import { callJson, seededSuite, type RouteHandler } from "../support/api";

seededSuite(); // the handlers read it through getDb()

type Page<T> = { items: T[]; nextCursor: string | null };

/** Parses with the schema and fails with the zod issues when the response does not fit. */
function conforms<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const result = schema.safeParse(body);
  if (!result.success)
    throw new Error(`response does not match the schema: ${JSON.stringify(result.error.issues.slice(0, 5))}`);
  return result.data;
}

/** Walks every page of a list with a small limit; returns all items. */
async function walk<T>(handler: RouteHandler, url: string, limit = 2): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const sep = url.includes("?") ? "&" : "?";
    const { status, body }: { status: number; body: Page<T> } = await callJson<Page<T>>(
      handler,
      `${url}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(status).toBe(200);
    expect(body.items.length).toBeLessThanOrEqual(limit);
    items.push(...body.items);
    if (!body.nextCursor) return items;
    cursor = body.nextCursor;
  }
  throw new Error("pagination did not end");
}

function expectIsoAtPrecision(date: { value: string | null; precision: string }) {
  if (date.value === null) return;
  const re = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ }[
    date.precision as "year" | "month" | "day"
  ];
  expect(date.value).toMatch(re);
}

async function expect400(handler: RouteHandler, url: string, field: string, params?: Record<string, string>) {
  const { status, body, headers } = await callJson<{ error: string; issues: { path: (string | number)[] }[] }>(
    handler,
    url,
    params,
  );
  expect(status).toBe(400);
  expect(headers.get("content-type")).toMatch(/application\/json/);
  conforms(schemas.errorSchema, body);
  expect(body.issues.map((i) => i.path.join("."))).toContain(field);
  expect(JSON.stringify(body)).not.toMatch(/at .*\(|\.ts:\d+/); // no stack trace
}

describe("GET /api/models", () => {
  it("returns a page of models with names in both languages", async () => {
    const { status, body, headers } = await callJson(listModels, "/api/models");
    expect(status).toBe(200);
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    const page = conforms(schemas.modelPageSchema, body);
    expect(page.items.length).toBeGreaterThan(5);
    const hunyuan = page.items.find((m) => m.slug === "hunyuan")!;
    expect(hunyuan.names).toEqual({ zh: "混元", en: "Hunyuan" });
    expect(hunyuan.vendor?.slug).toBe("tencent");
  });

  it("pages through every model with a cursor, each once", async () => {
    const all = await walk<{ slug: string }>(listModels, "/api/models", 3);
    const { body } = await callJson<Page<{ slug: string }>>(listModels, "/api/models?limit=100");
    expect(all.map((m) => m.slug)).toEqual(body.items.map((m) => m.slug));
    expect(new Set(all.map((m) => m.slug)).size).toBe(all.length);
  });

  it("filters by vendor, industry and text", async () => {
    const byVendor = conforms(schemas.modelPageSchema, (await callJson(listModels, "/api/models?vendor=tencent")).body);
    expect(byVendor.items.length).toBeGreaterThan(0);
    expect(byVendor.items.every((m) => m.vendor?.slug === "tencent")).toBe(true);

    const byIndustry = conforms(
      schemas.modelPageSchema,
      (await callJson(listModels, "/api/models?industry=finance")).body,
    );
    expect(byIndustry.items.length).toBeGreaterThan(0);
    for (const m of byIndustry.items) {
      const detail = conforms(
        schemas.modelDetailSchema,
        (await callJson(getModel, `/api/models/${m.slug}`, { slug: m.slug })).body,
      );
      expect(detail.industries.map((i) => i.slug)).toContain("finance");
    }

    for (const q of ["混元", "hunyuan", "Hunyuan"]) {
      const byText = conforms(
        schemas.modelPageSchema,
        (await callJson(listModels, `/api/models?q=${encodeURIComponent(q)}`)).body,
      );
      expect(byText.items.map((m) => m.slug)).toContain("hunyuan");
      expect(byText.items.map((m) => m.slug)).not.toContain("qwen");
    }
    const nothing = (await callJson<Page<unknown>>(listModels, "/api/models?q=zzzzqqq")).body;
    expect(nothing).toEqual({ items: [], nextCursor: null });
    const none = (await callJson<Page<unknown>>(listModels, "/api/models?vendor=no-such-vendor")).body;
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it("answers 400 with the zod issues for bad parameters", async () => {
    await expect400(listModels, "/api/models?limit=0", "limit");
    await expect400(listModels, "/api/models?limit=101", "limit");
    await expect400(listModels, "/api/models?limit=ten", "limit");
    await expect400(listModels, "/api/models?vendor=Tencent!", "vendor");
    await expect400(listModels, "/api/models?status=deleted", "status");
    await expect400(listModels, "/api/models?cursor=k2023-01-01.3", "cursor");
    await expect400(listModels, "/api/models?vendors=tencent", "");
  });
});

describe("GET /api/models/{slug}", () => {
  it("returns the model with events and claims carrying their evidence", async () => {
    const { status, body } = await callJson(getModel, "/api/models/hunyuan", { slug: "hunyuan" });
    expect(status).toBe(200);
    const model = conforms(schemas.modelDetailSchema, body);
    expect(model.events.length).toBeGreaterThan(0);
    for (const e of model.events) {
      expect(e.sources.length).toBeGreaterThan(0);
      for (const s of e.sources) {
        expect(s.articleId).toBeGreaterThan(0);
        expect(s.articleUrl).toMatch(/^https?:\/\//);
        expect(s.quote.length).toBeGreaterThan(0);
      }
      expectIsoAtPrecision(e.date);
    }
  });

  it("answers 404 for an unknown slug and 400 for a malformed one", async () => {
    const { status, body } = await callJson(getModel, "/api/models/no-such-model", { slug: "no-such-model" });
    expect(status).toBe(404);
    expect(body).toEqual({ error: "model not found" });
    await expect400(getModel, "/api/models/%3Cscript%3E", "slug", { slug: "<script>" });
  });
});

describe("GET /api/vendors and /api/vendors/{slug}", () => {
  it("lists organizations, filters by role, and pages", async () => {
    const page = conforms(schemas.vendorPageSchema, (await callJson(listVendors, "/api/vendors")).body);
    expect(page.items.map((v) => v.slug)).toContain("tencent");
    const vendors = conforms(
      schemas.vendorPageSchema,
      (await callJson(listVendors, "/api/vendors?role=vendor&limit=100")).body,
    );
    expect(vendors.items.every((v) => v.roles.includes("vendor"))).toBe(true);
    const all = await walk<{ slug: string }>(listVendors, "/api/vendors", 4);
    expect(new Set(all.map((v) => v.slug)).size).toBe(all.length);
    await expect400(listVendors, "/api/vendors?role=king", "role");
  });

  it("returns one organization, or 404", async () => {
    const tencent = conforms(
      schemas.vendorDetailSchema,
      (await callJson(getVendor, "/api/vendors/tencent", { slug: "tencent" })).body,
    );
    expect(tencent.names.zh).toBe("腾讯");
    expect(tencent.models.map((m) => m.slug)).toContain("hunyuan");
    expect((await callJson(getVendor, "/api/vendors/nobody", { slug: "nobody" })).status).toBe(404);
  });
});

describe("GET /api/industries and /api/industries/{slug}", () => {
  it("lists industries and pages", async () => {
    const page = conforms(schemas.industryPageSchema, (await callJson(listIndustries, "/api/industries")).body);
    expect(page.items.map((i) => i.slug)).toContain("finance");
    const all = await walk<{ slug: string }>(listIndustries, "/api/industries", 3);
    expect(all.length).toBe(page.items.length);
    await expect400(listIndustries, "/api/industries?cursor=abc", "cursor");
  });

  it("returns one industry with cited models, or 404", async () => {
    const finance = conforms(
      schemas.industryDetailSchema,
      (await callJson(getIndustry, "/api/industries/finance", { slug: "finance" })).body,
    );
    expect(finance.names.en).toBeTruthy();
    for (const m of finance.models) expect(m.citation.quote.length).toBeGreaterThan(0);
    expect((await callJson(getIndustry, "/api/industries/astrology", { slug: "astrology" })).status).toBe(404);
  });
});

describe("GET /api/events", () => {
  it("returns events newest first, each with evidence and a date at its precision", async () => {
    const page = conforms(schemas.eventPageSchema, (await callJson(listEvents, "/api/events?limit=100")).body);
    expect(page.items.length).toBeGreaterThan(3);
    const dated = page.items.filter((e) => e.date.value);
    const starts = dated.map((e) => e.date.value!.padEnd(10, "-01").slice(0, 10));
    expect([...starts].sort().reverse()).toEqual(starts);
    for (const e of page.items) {
      expectIsoAtPrecision(e.date);
      expect(e.sources[0]).toMatchObject({
        articleId: expect.any(Number),
        articleUrl: expect.stringMatching(/^https?:/),
        quote: expect.any(String),
      });
    }
    const wenxin = page.items.find((e) => e.model?.slug === "ernie-bot" || e.model?.names.zh === "文心一言");
    expect(wenxin?.date).toMatchObject({ value: "2023-08-31", precision: "day" });
    const pangu = page.items.find((e) => e.model?.names.zh === "盘古大模型3.0");
    expect(pangu?.date).toMatchObject({ value: "2023-07", precision: "month" });
  });

  it("filters by vendor, model, industry, type and period", async () => {
    const get = async (q: string) =>
      conforms(schemas.eventPageSchema, (await callJson(listEvents, `/api/events?limit=100&${q}`)).body).items;
    const tencent = await get("vendor=tencent");
    expect(tencent.length).toBeGreaterThan(0);
    expect(tencent.every((e) => e.organization?.slug === "tencent" || e.model?.vendor?.slug === "tencent")).toBe(true);
    const hunyuan = await get("model=hunyuan");
    expect(hunyuan.length).toBeGreaterThan(0);
    expect(hunyuan.every((e) => e.model?.slug === "hunyuan")).toBe(true);
    const releases = await get("type=release");
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.every((e) => e.type === "release")).toBe(true);
    const july = await get("from=2023-07&to=2023-07");
    expect(july.length).toBeGreaterThan(0);
    expect(july.every((e) => e.date.value?.startsWith("2023-07"))).toBe(true);
    const in2023 = await get("from=2023&to=2023");
    expect(in2023.every((e) => e.date.value?.startsWith("2023"))).toBe(true);
    const finance = await get("industry=finance");
    expect(finance.length).toBeGreaterThan(0);
  });

  it("pages through dated then undated events without repeats", async () => {
    const all = await walk<{ id: number }>(listEvents, "/api/events", 2);
    const once = conforms(schemas.eventPageSchema, (await callJson(listEvents, "/api/events?limit=100")).body).items;
    expect(all.map((e) => e.id)).toEqual(once.map((e) => e.id));
  });

  it("answers 400 for bad filters", async () => {
    await expect400(listEvents, "/api/events?type=launch", "type");
    await expect400(listEvents, "/api/events?from=2023-13", "from");
    await expect400(listEvents, "/api/events?from=2024&to=2023", "from");
    await expect400(listEvents, "/api/events?cursor=o12", "cursor");
  });
});

describe("GET /api/claims", () => {
  it("returns claims with evidence, filtered by metric, model and vendor", async () => {
    const page = conforms(schemas.claimPageSchema, (await callJson(listClaims, "/api/claims?limit=100")).body);
    const headline = page.items.find((c) => c.metric === "models_released");
    expect(headline).toMatchObject({ value: 130, unit: "models", asOf: { value: "2023-07", precision: "month" } });
    expect(headline!.sources[0].quote).toContain("130");
    expect(headline!.sources[0].articleUrl).toMatch(/^https:\/\//);
    const byMetric = conforms(
      schemas.claimPageSchema,
      (await callJson(listClaims, "/api/claims?metric=models_released")).body,
    );
    expect(byMetric.items.every((c) => c.metric === "models_released")).toBe(true);
    const byVendor = conforms(
      schemas.claimPageSchema,
      (await callJson(listClaims, "/api/claims?vendor=ccid-consulting")).body,
    );
    for (const c of byVendor.items)
      expect([c.statedBy?.slug, c.subjectOrganization?.slug]).toContain("ccid-consulting");
    const all = await walk<{ id: number }>(listClaims, "/api/claims", 2);
    expect(all.map((c) => c.id)).toEqual(page.items.map((c) => c.id));
    await expect400(listClaims, "/api/claims?metric=DROP%20TABLE", "metric");
  });
});

describe("GET /api/articles and /api/articles/{id}", () => {
  it("lists articles and filters by text, vendor and industry", async () => {
    const page = conforms(schemas.articlePageSchema, (await callJson(listArticles, "/api/articles?limit=100")).body);
    expect(page.items.length).toBeGreaterThan(5);
    const byText = conforms(
      schemas.articlePageSchema,
      (await callJson(listArticles, `/api/articles?q=${encodeURIComponent("混元")}`)).body,
    );
    expect(byText.items.length).toBeGreaterThan(0);
    expect(byText.items.length).toBeLessThan(page.items.length);
    const byVendor = conforms(
      schemas.articlePageSchema,
      (await callJson(listArticles, "/api/articles?vendor=moonshot")).body,
    );
    expect(byVendor.items.map((a) => a.url)).toContain("http://example.com/article/kimi-2m");
    const byIndustry = conforms(
      schemas.articlePageSchema,
      (await callJson(listArticles, "/api/articles?industry=legal")).body,
    );
    expect(byIndustry.items.length).toBeGreaterThan(0);
    expect(byIndustry.items.every((a) => a.industries.some((i) => i.slug === "legal"))).toBe(true);
    const all = await walk<{ id: number }>(listArticles, "/api/articles", 3);
    expect(all.map((a) => a.id)).toEqual(page.items.map((a) => a.id));
  });

  it("returns one article with its facts, or 404 / 400", async () => {
    const { body: list } = await callJson<Page<{ id: number; title: string }>>(listArticles, "/api/articles?limit=100");
    const seed = list.items.find((a) => a.title.includes("国产大模型"))!;
    const article = conforms(
      schemas.articleDetailSchema,
      (await callJson(getArticle, `/api/articles/${seed.id}`, { id: String(seed.id) })).body,
    );
    expect(article.events.length).toBeGreaterThan(0);
    for (const e of article.events) expect(article.body.slice(e.sentenceStart, e.sentenceEnd)).toBe(e.quote);
    expect((await callJson(getArticle, "/api/articles/999999", { id: "999999" })).status).toBe(404);
    await expect400(getArticle, "/api/articles/abc", "id", { id: "abc" });
    await expect400(getArticle, "/api/articles/0", "id", { id: "0" });
    await expect400(getArticle, "/api/articles/99999999999", "id", { id: "99999999999" });
  });

  it("returns article text as data, never as markup", async () => {
    const { body } = await callJson<Page<{ id: number; title: string }>>(listArticles, "/api/articles?limit=100");
    const xss = body.items.find((a) => a.title.includes("<script>"));
    expect(xss?.title).toBe("<script>alert(1)</script>大模型安全测试<img src=x onerror=alert(2)>");
  });
});
