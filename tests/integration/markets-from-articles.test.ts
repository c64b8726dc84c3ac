// From the article to the API and the CSV: the fixture articles about a funding round, a listing,
// a price war, the filing totals and an open-source release, ingested through the whole pipeline
// on each backend, each fact cited by its sentence (the extractor's own output, not hand-built facts).
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import type { DbHandle } from "@/lib/db/client";
import { ingestFiles } from "@/lib/ingest/run";
import * as schemas from "@/lib/api/schemas";
import { GET as fundingApi } from "@/app/api/funding/route";
import { GET as listingsApi } from "@/app/api/listings/route";
import { GET as pricesApi } from "@/app/api/prices/route";
import { GET as filingsApi } from "@/app/api/filings/route";
import { GET as openSourceApi } from "@/app/api/open-source/route";
import { GET as fundingCsv } from "@/app/api/export/funding.csv/route";
import { GET as filingsCsv } from "@/app/api/export/filings.csv/route";
import { call, callJson, type RouteHandler } from "../support/api";
import { csvRecords as parseCsv } from "../support/csv-parse";
import { backends, freshDatabase } from "../support/test-db";
import { releaseDatabase, useDatabase } from "../support/use-db";

const fixture = (name: string) => path.join(process.cwd(), "tests", "fixtures", "articles", `${name}.txt`);
const FILES = [
  "moonshot-b-round-funding",
  "zhipu-hkex-listing",
  "price-war-may-2024",
  "genai-filings-q1-2025",
  "qwen25-open-source",
].map(fixture);

async function items<S extends z.ZodType<{ items: unknown[] }>>(schema: S, handler: RouteHandler, url: string) {
  const { status, body } = await callJson(handler, url);
  expect(status, url).toBe(200);
  return schema.parse(body).items as z.infer<S>["items"];
}

describe.each(backends())("facts beyond launches, from the article to the API (%s)", (backend) => {
  let db: DbHandle;
  beforeAll(async () => {
    db = await freshDatabase(backend);
    useDatabase(db);
    expect(await ingestFiles(db.prisma, FILES)).toMatchObject({ created: FILES.length, rejected: 0 });
  });
  afterAll(async () => {
    releaseDatabase();
    await db.close();
  });

  it("shows the funding round with its amount, valuation and investors, citing its sentence", async () => {
    const rounds = await items(schemas.fundingPageSchema, fundingApi, "/api/funding?company=moonshot");
    const b = rounds.find((r) => r.round === "B");
    expect(b).toMatchObject({
      amount: { value: 1e9, currency: "USD", bound: "lower" },
      valuation: { value: 2.5e9, currency: "USD", basis: "post" },
      date: { value: "2024-02" },
    });
    expect(b!.investors.filter((i) => i.lead).map((i) => i.name)).toEqual(["阿里巴巴"]);
    expect(b!.source?.quote).toContain("10亿美元");
    // the same round in the CSV, with the same filter
    const rows = parseCsv(await (await call(fundingCsv, "/api/export/funding.csv?company=moonshot")).text());
    expect(rows.some((r) => r.round === "B" && Number(r.amount) === 1e9 && r.amount_currency === "USD")).toBe(true);
  });

  it("shows the listing with its exchange", async () => {
    const listings = await items(schemas.listingPageSchema, listingsApi, "/api/listings");
    expect(listings.find((l) => l.company?.slug === "zhipu")).toMatchObject({ exchange: "HKEX" });
  });

  it("shows prices per million tokens and a cut linked to the prices before and after", async () => {
    const prices = await items(schemas.pricePageSchema, pricesApi, "/api/prices?limit=100");
    expect(prices.some((p) => p.model?.slug === "deepseek-v2" && p.metric === "price_input" && p.value === 1)).toBe(
      true,
    );
    const cut = prices.find((p) => p.metric === "price_cut_percent" && p.value === 97);
    expect(cut).toMatchObject({ priceBefore: 20, priceAfter: 0.5 });
    expect(cut?.source?.quote).toMatch(/97%/);
  });

  it("keeps the regulator's filed services and a research count of released models apart, with definitions", async () => {
    const series = await items(schemas.filingSeriesPageSchema, filingsApi, "/api/filings");
    const filed = series.find((s) => s.metric.key === "services_filed" && s.statedBy?.slug === "cac");
    expect(filed?.points.map((p) => [p.asOf.value, p.value])).toEqual([
      ["2024-12-31", 302],
      ["2025-03-31", 346],
    ]);
    expect(filed?.metric.definition.en).toMatch(/filing/i);
    const released = series.filter((s) => s.metric.key === "models_released");
    expect(released.length).toBeGreaterThan(0);
    expect(released.flatMap((s) => s.points).some((p) => p.value === 346 || p.value === 302)).toBe(false);
    const rows = parseCsv(await (await call(filingsCsv, "/api/export/filings.csv")).text());
    expect(rows.filter((r) => r.metric === "services_filed").map((r) => Number(r.value))).toEqual(
      expect.arrayContaining([302, 346]),
    );
  });

  it("shows the open-source release with its licence and sizes", async () => {
    const releases = await items(schemas.openSourcePageSchema, openSourceApi, "/api/open-source?licence=Apache-2.0");
    const qwen = releases.find((r) => r.model?.slug.startsWith("qwen-2-5"));
    expect(qwen).toMatchObject({ licence: "Apache-2.0" });
    expect(qwen!.sizes).toEqual(expect.arrayContaining(["7B", "72B"]));
  });
});
