// The OpenAPI document: structurally valid 3.1 (as far as can be checked without the official
// validator), every route documented, every reference resolvable, served by /api/openapi.json.
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { GET } from "@/app/api/openapi.json/route";

const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
        responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }
    >
  >;
  components: { schemas: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
};
const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

function walk(value: unknown, visit: (node: Record<string, unknown>, path: string) => void, path = "#") {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, visit, `${path}/${i}`));
  else if (value && typeof value === "object") {
    visit(value as Record<string, unknown>, path);
    for (const [k, v] of Object.entries(value)) walk(v, visit, `${path}/${k}`);
  }
}

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with info and paths", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    for (const p of Object.keys(doc.paths)) expect(p.startsWith("/")).toBe(true);
  });

  it("documents every public endpoint, export, feed and admin endpoint", () => {
    const ops = Object.entries(doc.paths).flatMap(([p, item]) =>
      Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        "GET /api/models",
        "GET /api/models/{slug}",
        "GET /api/vendors",
        "GET /api/vendors/{slug}",
        "GET /api/industries",
        "GET /api/industries/{slug}",
        "GET /api/events",
        "GET /api/claims",
        "GET /api/articles",
        "GET /api/articles/{id}",
        "GET /api/funding",
        "GET /api/listings",
        "GET /api/prices",
        "GET /api/filings",
        "GET /api/open-source",
        "GET /api/export/models.csv",
        "GET /api/export/events.csv",
        "GET /api/export/claims.csv",
        "GET /api/export/funding.csv",
        "GET /api/export/prices.csv",
        "GET /api/export/filings.csv",
        "GET /api/export/open-source.csv",
        "GET /feed.xml",
        "GET /feeds/funding.xml",
        "GET /feeds/vendors/{slug}",
        "GET /feeds/models/{slug}",
        "POST /api/admin/preview",
        "POST /api/admin/ingest",
        "GET /api/admin/review",
        "POST /api/admin/review",
        "GET /api/admin/review/facts",
        "GET /api/admin/overrides",
        "POST /api/admin/overrides/reject",
        "POST /api/admin/overrides/set",
        "POST /api/admin/overrides/confirm",
        "POST /api/admin/overrides/split",
        "POST /api/admin/overrides/{id}/undo",
      ]),
    );
  });

  it("has unique operation ids, a success response for each, and declared path parameters", () => {
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        expect(METHODS.has(method)).toBe(true);
        expect(op.operationId).toBeTruthy();
        expect(ids.has(op.operationId!)).toBe(false);
        ids.add(op.operationId!);
        expect(Object.keys(op.responses).some((c) => /^2\d\d$/.test(c))).toBe(true);
        const params = op.parameters ?? [];
        const inPath = params.filter((x) => x.in === "path");
        expect(inPath.map((x) => x.name).sort()).toEqual(templated);
        for (const x of inPath) expect(x.required).toBe(true);
        for (const x of params) {
          expect(["query", "path", "header", "cookie"]).toContain(x.in);
          expect(x.schema).toBeDefined();
        }
        const names = params.map((x) => `${x.in}:${x.name}`);
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });

  it("resolves every $ref and uses no OpenAPI 3.0-only keywords", () => {
    walk(doc, (node, path) => {
      if (typeof node.$ref === "string") {
        const m = /^#\/components\/(schemas|securitySchemes)\/(.+)$/.exec(node.$ref);
        expect(m, `${path}: ${node.$ref}`).not.toBeNull();
        expect(doc.components[m![1] as "schemas"]?.[m![2]], `${path}: ${node.$ref}`).toBeDefined();
      }
      expect(node.nullable, path).toBeUndefined();
    });
  });

  it("describes lists as { items, nextCursor } and events and claims with their evidence", () => {
    const schemas = doc.components.schemas as Record<
      string,
      { properties?: Record<string, unknown>; required?: string[] }
    >;
    for (const page of [
      "ModelPage",
      "VendorPage",
      "IndustryPage",
      "EventPage",
      "ClaimPage",
      "ArticlePage",
      "FundingRoundPage",
      "ListingPage",
      "PricePointPage",
      "FilingSeriesPage",
      "OpenSourceReleasePage",
    ]) {
      expect(schemas[page].required).toEqual(expect.arrayContaining(["items", "nextCursor"]));
    }
    expect(schemas.Evidence.required).toEqual(expect.arrayContaining(["articleId", "articleUrl", "quote"]));
    expect(JSON.stringify(schemas.Event.properties?.sources)).toContain("#/components/schemas/Evidence");
    expect(JSON.stringify(schemas.Claim.properties?.sources)).toContain("#/components/schemas/Evidence");
    for (const row of ["FundingRound", "Listing", "PricePoint", "OpenSourceRelease"])
      expect(JSON.stringify(schemas[row].properties?.source), row).toContain("#/components/schemas/Evidence");
    expect(schemas.Names.required).toEqual(["zh", "en"]);
    expect(schemas.DateAtPrecision.required).toEqual(expect.arrayContaining(["value", "precision"]));
    const listEvents = doc.paths["/api/events"].get;
    expect(JSON.stringify(listEvents.responses["200"])).toContain("#/components/schemas/EventPage");
    expect(Object.keys(listEvents.responses)).toEqual(expect.arrayContaining(["200", "400"]));
    expect(doc.components.securitySchemes?.adminToken).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("is served as JSON at /api/openapi.json", async () => {
    const res = await GET(new Request("http://127.0.0.1/api/openapi.json"), {});
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    // the same document, its server the one the client reached
    expect(await res.json()).toEqual({ ...doc, servers: [{ url: "http://127.0.0.1" }] });
  });

  it("says of every operation who may call it: public reads, admin operations under the token or the session", () => {
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as Record<string, { security?: unknown }>).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(20);
    for (const { path, op } of ops) {
      if (path.startsWith("/api/admin/")) expect(op.security).toEqual([{ adminToken: [] }, { adminSession: [] }]);
      else expect(op.security, path).toEqual([]);
    }
    expect(doc.components.securitySchemes?.adminSession).toMatchObject({ type: "apiKey", in: "cookie" });
  });
});
