// The OpenAPI 3.1 document of the JSON API, exports and feeds, generated from the same zod schemas
// that validate the parameters (lib/validations/api.ts) and describe the responses (./schemas.ts).
import {
  extendZodWithOpenApi,
  OpenAPIRegistry,
  OpenApiGeneratorV31,
  type RouteConfig,
} from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ADMIN_COOKIE } from "@/lib/admin/auth";
import {
  confirmRequestSchema,
  factQueueQuerySchema,
  overrideItemSchema,
  overrideListQuerySchema,
  overridePageSchema,
  rejectRequestSchema,
  setRequestSchema,
  splitRequestSchema,
  undoParamsSchema,
} from "@/lib/admin/override-schema";
import { reviewActionSchema } from "@/lib/admin/review-schema";
import {
  articleIdParamSchema,
  articlesQuerySchema,
  claimsExportQuerySchema,
  claimsQuerySchema,
  eventsExportQuerySchema,
  eventsQuerySchema,
  feedQuerySchema,
  filingsExportQuerySchema,
  filingsQuerySchema,
  fundingExportQuerySchema,
  fundingFeedQuerySchema,
  fundingQuerySchema,
  industriesQuerySchema,
  listingsQuerySchema,
  modelsExportQuerySchema,
  modelsQuerySchema,
  openSourceExportQuerySchema,
  openSourceQuerySchema,
  pricesExportQuerySchema,
  pricesQuerySchema,
  slugParamSchema,
  vendorsQuerySchema,
} from "@/lib/validations/api";
import * as s from "./schemas";

extendZodWithOpenApi(z);

const errors = {
  400: {
    description: "Invalid parameters: the zod issues say which and why.",
    content: { "application/json": { schema: s.errorSchema } },
  },
  500: {
    description: "Unexpected error (no details are exposed).",
    content: { "application/json": { schema: s.errorSchema } },
  },
  503: {
    description: "The database is unreachable; retry later.",
    content: { "application/json": { schema: s.errorSchema } },
  },
} as const;
const notFound = {
  404: { description: "No item with this slug or id.", content: { "application/json": { schema: s.errorSchema } } },
} as const;

function ok(description: string, schema: z.ZodType) {
  return { 200: { description, content: { "application/json": { schema } } } };
}

/** Every documented operation, in the order the API page lists them: one declaration per endpoint,
 *  alike by design (each reads on its own, as the API page shows it). */
function register(registry: OpenAPIRegistry) {
  // Every read is public: `security: []` says so, where no security at all would leave it unsaid.
  const get = (config: Omit<RouteConfig, "method">) =>
    registry.registerPath({ method: "get", security: [], ...config });

  get({
    path: "/api/models",
    operationId: "listModels",
    tags: ["Models"],
    summary: "Models, most mentioned first",
    request: { query: modelsQuerySchema },
    responses: { ...ok("One page of models.", s.modelPageSchema), ...errors },
  });
  get({
    path: "/api/models/{slug}",
    operationId: "getModel",
    tags: ["Models"],
    summary: "One model with its vendor, family, events (with evidence), industries and claims",
    request: { params: slugParamSchema },
    responses: { ...ok("The model.", s.modelDetailSchema), ...notFound, ...errors },
  });
  get({
    path: "/api/vendors",
    operationId: "listVendors",
    tags: ["Vendors"],
    summary: "Organizations (vendors, labs, report authors…), those with most models first",
    request: { query: vendorsQuerySchema },
    responses: { ...ok("One page of organizations.", s.vendorPageSchema), ...errors },
  });
  get({
    path: "/api/vendors/{slug}",
    operationId: "getVendor",
    tags: ["Vendors"],
    summary: "One organization with its models, events, industries and claims",
    request: { params: slugParamSchema },
    responses: { ...ok("The organization.", s.vendorDetailSchema), ...notFound, ...errors },
  });
  get({
    path: "/api/industries",
    operationId: "listIndustries",
    tags: ["Industries"],
    summary: "Industries, most served first",
    request: { query: industriesQuerySchema },
    responses: { ...ok("One page of industries.", s.industryPageSchema), ...errors },
  });
  get({
    path: "/api/industries/{slug}",
    operationId: "getIndustry",
    tags: ["Industries"],
    summary: "One industry with the models and vendors serving it (with the sentences that say so)",
    request: { params: slugParamSchema },
    responses: { ...ok("The industry.", s.industryDetailSchema), ...notFound, ...errors },
  });
  get({
    path: "/api/events",
    operationId: "listEvents",
    tags: ["Events"],
    summary: "Events, newest first (undated last), each with its evidence",
    request: { query: eventsQuerySchema },
    responses: { ...ok("One page of events.", s.eventPageSchema), ...errors },
  });
  get({
    path: "/api/claims",
    operationId: "listClaims",
    tags: ["Claims"],
    summary: "Quantitative claims, latest as-of date first, each with its evidence",
    request: { query: claimsQuerySchema },
    responses: { ...ok("One page of claims.", s.claimPageSchema), ...errors },
  });
  get({
    path: "/api/funding",
    operationId: "listFundingRounds",
    tags: ["Funding"],
    summary: "Funding rounds, newest first (undated last): round, amount, valuation, investors, each with its evidence",
    request: { query: fundingQuerySchema },
    responses: { ...ok("One page of funding rounds.", s.fundingPageSchema), ...errors },
  });
  get({
    path: "/api/listings",
    operationId: "listListings",
    tags: ["Funding"],
    summary: "Listings (IPOs), newest first (undated last): exchange and amount raised, each with its evidence",
    request: { query: listingsQuerySchema },
    responses: { ...ok("One page of listings.", s.listingPageSchema), ...errors },
  });
  get({
    path: "/api/prices",
    operationId: "listPrices",
    tags: ["Prices"],
    summary: "Prices per million tokens and price cuts, latest as-of date first, each with its evidence",
    request: { query: pricesQuerySchema },
    responses: { ...ok("One page of prices.", s.pricePageSchema), ...errors },
  });
  get({
    path: "/api/filings",
    operationId: "listFilingSeries",
    tags: ["Filings"],
    summary: "Filing counts as series, one per metric and stating organization, with the metric's definition",
    request: { query: filingsQuerySchema },
    responses: { ...ok("One page of series.", s.filingSeriesPageSchema), ...errors },
  });
  get({
    path: "/api/open-source",
    operationId: "listOpenSourceReleases",
    tags: ["Open source"],
    summary: "Open-source releases, newest first (undated last), with licence and sizes, each with its evidence",
    request: { query: openSourceQuerySchema },
    responses: { ...ok("One page of open-source releases.", s.openSourcePageSchema), ...errors },
  });
  get({
    path: "/api/articles",
    operationId: "listArticles",
    tags: ["Articles"],
    summary: "Articles, most recently ingested first",
    request: { query: articlesQuerySchema },
    responses: { ...ok("One page of articles.", s.articlePageSchema), ...errors },
  });
  get({
    path: "/api/articles/{id}",
    operationId: "getArticle",
    tags: ["Articles"],
    summary: "One article: cleaned body, sentences, mentions and the facts read from it",
    request: { params: articleIdParamSchema },
    responses: { ...ok("The article.", s.articleDetailSchema), ...notFound, ...errors },
  });

  const csv = (description: string) => ({
    200: {
      description,
      content: {
        "text/csv": { schema: z.string().meta({ description: "UTF-8 with a byte-order mark; CRLF line ends" }) },
      },
    },
  });
  get({
    path: "/api/export/models.csv",
    operationId: "exportModels",
    tags: ["Exports"],
    summary: "Models as CSV, with the /models page's filters (unknown parameters are ignored)",
    request: { query: modelsExportQuerySchema },
    responses: { ...csv("Models, one a row."), ...errors },
  });
  get({
    path: "/api/export/events.csv",
    operationId: "exportEvents",
    tags: ["Exports"],
    summary: "Events as CSV (first evidence of each), with the timeline's filters",
    request: { query: eventsExportQuerySchema },
    responses: { ...csv("Events, one a row."), ...errors },
  });
  get({
    path: "/api/export/claims.csv",
    operationId: "exportClaims",
    tags: ["Exports"],
    summary: "Claims as CSV (first evidence of each)",
    request: { query: claimsExportQuerySchema },
    responses: { ...csv("Claims, one a row."), ...errors },
  });

  get({
    path: "/api/export/funding.csv",
    operationId: "exportFunding",
    tags: ["Exports"],
    summary: "Funding rounds as CSV (first evidence of each), with the funding filters",
    request: { query: fundingExportQuerySchema },
    responses: { ...csv("Funding rounds, one a row."), ...errors },
  });
  get({
    path: "/api/export/prices.csv",
    operationId: "exportPrices",
    tags: ["Exports"],
    summary: "Prices and price cuts as CSV (first evidence of each), with the price filters",
    request: { query: pricesExportQuerySchema },
    responses: { ...csv("Prices, one a row."), ...errors },
  });
  get({
    path: "/api/export/filings.csv",
    operationId: "exportFilings",
    tags: ["Exports"],
    summary: "Filing counts as CSV, one row per point with its series' metric, definition and author",
    request: { query: filingsExportQuerySchema },
    responses: { ...csv("Filing points, one a row."), ...errors },
  });
  get({
    path: "/api/export/open-source.csv",
    operationId: "exportOpenSource",
    tags: ["Exports"],
    summary: "Open-source releases as CSV (first evidence of each), with the open-source filters",
    request: { query: openSourceExportQuerySchema },
    responses: { ...csv("Open-source releases, one a row."), ...errors },
  });

  const atom = {
    200: {
      description: "An Atom 1.0 feed of dated events.",
      content: { "application/atom+xml": { schema: z.string() } },
    },
  };
  get({
    path: "/feed.xml",
    operationId: "eventsFeed",
    tags: ["Feeds"],
    summary: "Atom feed of events (timeline filters)",
    request: { query: feedQuerySchema },
    responses: { ...atom, ...errors },
  });
  get({
    path: "/feeds/vendors/{slug}",
    operationId: "vendorFeed",
    tags: ["Feeds"],
    summary: "Atom feed of one organization's events (`{slug}.xml` also works)",
    request: { params: slugParamSchema },
    responses: { ...atom, ...notFound, ...errors },
  });
  get({
    path: "/feeds/models/{slug}",
    operationId: "modelFeed",
    tags: ["Feeds"],
    summary: "Atom feed of one model's events (`{slug}.xml` also works)",
    request: { params: slugParamSchema },
    responses: { ...atom, ...notFound, ...errors },
  });

  get({
    path: "/feeds/funding.xml",
    operationId: "fundingFeed",
    tags: ["Feeds"],
    summary: "Atom feed of funding rounds, newest first, each citing its sentence (funding filters)",
    request: { query: fundingFeedQuerySchema },
    responses: {
      200: {
        description: "An Atom 1.0 feed of dated funding rounds.",
        content: { "application/atom+xml": { schema: z.string() } },
      },
      ...errors,
    },
  });

  const bearer = registry.registerComponent("securitySchemes", "adminToken", {
    type: "http",
    scheme: "bearer",
    description: "The server's ADMIN_TOKEN. Without one configured, the admin endpoints answer 404.",
  });
  const cookie = registry.registerComponent("securitySchemes", "adminSession", {
    type: "apiKey",
    in: "cookie",
    name: ADMIN_COOKIE,
    description:
      "The browser session that signing in at /admin sets (httpOnly, SameSite=Strict); writes also need a same-origin request.",
  });
  // either one guards every admin operation
  const adminSecurity = [{ [bearer.name]: [] }, { [cookie.name]: [] }];
  const adminErrors = {
    401: { description: "Missing or wrong token.", content: { "application/json": { schema: s.errorSchema } } },
    404: {
      description: "The admin area is off (no ADMIN_TOKEN configured).",
      content: { "application/json": { schema: s.errorSchema } },
    },
    413: { description: "Upload too large.", content: { "application/json": { schema: s.errorSchema } } },
    429: {
      description: "Too many requests; see Retry-After.",
      content: { "application/json": { schema: s.errorSchema } },
    },
  };
  const upload = {
    body: {
      content: {
        "multipart/form-data": {
          schema: z.object({
            files: z
              .array(z.string().meta({ format: "binary" }))
              .optional()
              .meta({ description: "article files in the seed format (≤ 1 MB each, ≤ 20)" }),
            text: z.string().optional().meta({ description: "one pasted article" }),
          }),
        },
      },
    },
  };
  registry.registerPath({
    method: "post",
    path: "/api/admin/preview",
    operationId: "previewUpload",
    tags: ["Admin"],
    summary: "What the files would store (nothing is written): models, vendors, events and claims with their quotes",
    security: adminSecurity,
    request: upload,
    responses: {
      200: { description: "One entry per file: accepted (with the extraction) or rejected (with the CLI's message)." },
      ...adminErrors,
    },
  });
  registry.registerPath({
    method: "post",
    path: "/api/admin/ingest",
    operationId: "ingestUpload",
    tags: ["Admin"],
    summary: "Store the files as `npm run ingest` would",
    security: adminSecurity,
    request: upload,
    responses: {
      200: { description: "Counts of created, updated, unchanged and rejected files, with each rejection." },
      ...adminErrors,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/admin/review",
    operationId: "reviewQueue",
    tags: ["Admin"],
    summary: "Discovered models and organizations awaiting review",
    security: adminSecurity,
    responses: { 200: { description: "The queue." }, ...adminErrors },
  });
  registry.registerPath({
    method: "post",
    path: "/api/admin/review",
    operationId: "reviewAction",
    tags: ["Admin"],
    summary: "Confirm, rename, or merge one entity into another (its mentions, events and claims move along)",
    security: adminSecurity,
    request: { body: { content: { "application/json": { schema: reviewActionSchema } } } },
    responses: {
      200: { description: "What was done." },
      409: {
        description: "Not allowed (a curated entity, a missing target).",
        content: { "application/json": { schema: s.errorSchema } },
      },
      ...adminErrors,
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/admin/review/facts",
    operationId: "reviewFacts",
    tags: ["Admin"],
    summary: "Events, claims, industry links or mentions to review, the least confident first, with their keys",
    security: adminSecurity,
    request: { query: factQueueQuerySchema },
    responses: {
      200: { description: "`{ items, total }`: each with its sentence and the key a correction takes." },
      400: errors[400],
      ...adminErrors,
    },
  });

  // Corrections: JSON for API clients; the admin pages post the same fields as a form and are sent back.
  const correction = (schema: z.ZodType) => ({
    body: {
      content: { "application/json": { schema }, "application/x-www-form-urlencoded": { schema } },
    },
  });
  const saved = {
    201: {
      description: "The correction, saved and already applied to the stored facts.",
      content: { "application/json": { schema: overrideItemSchema } },
    },
    400: errors[400],
    404: { description: "No such fact (or article).", content: { "application/json": { schema: s.errorSchema } } },
    409: {
      description: "Nothing to change, or a model or organization named that does not exist.",
      content: { "application/json": { schema: s.errorSchema } },
    },
    ...Object.fromEntries(Object.entries(adminErrors).filter(([code]) => code !== "404")),
  };
  for (const [action, schema, summary] of [
    [
      "reject",
      rejectRequestSchema,
      "Reject a model, organization, event, claim, industry link or mention, with a reason: it is not stored from this evidence again",
    ],
    [
      "set",
      setRequestSchema,
      "Correct a model's vendor, family or version, an event's type, model, organization or date, a claim's value, unit, bound, metric or as-of",
    ],
    ["confirm", confirmRequestSchema, "Confirm any fact as extracted: it is shown as reviewed"],
  ] as const) {
    registry.registerPath({
      method: "post",
      path: `/api/admin/overrides/${action}`,
      operationId: `${action}Fact`,
      tags: ["Admin"],
      summary,
      description:
        "Kept as an override keyed by what it corrects, applied on every later ingestion and re-extraction; see GET /api/admin/overrides.",
      security: adminSecurity,
      request: correction(schema),
      responses: saved,
    });
  }
  registry.registerPath({
    method: "post",
    path: "/api/admin/overrides/split",
    operationId: "splitModel",
    tags: ["Admin"],
    summary:
      "Split a model read under one name for two: the chosen mentions (and their sentences' facts) go to another",
    description: "One mention override per chosen mention, each in the history and undoable on its own.",
    security: adminSecurity,
    request: correction(splitRequestSchema),
    responses: {
      ...saved,
      201: {
        description: "The corrections, saved and applied.",
        content: {
          "application/json": {
            schema: z.object({ id: z.number().int(), into: z.string(), overrides: z.array(overrideItemSchema) }),
          },
        },
      },
    },
  });
  registry.registerPath({
    method: "get",
    path: "/api/admin/overrides",
    operationId: "listOverrides",
    tags: ["Admin"],
    summary: "The history of corrections, newest first: who, when, why, and the values before and after",
    security: adminSecurity,
    request: { query: overrideListQuerySchema },
    responses: { ...ok("One page of corrections.", overridePageSchema), 400: errors[400], ...adminErrors },
  });
  registry.registerPath({
    method: "post",
    path: "/api/admin/overrides/{id}/undo",
    operationId: "undoOverride",
    tags: ["Admin"],
    summary: "Undo a correction: the facts it changed are read again as extracted",
    security: adminSecurity,
    request: { params: undoParamsSchema },
    responses: {
      ...ok("The correction, revoked.", overrideItemSchema),
      409: { description: "Already undone.", content: { "application/json": { schema: s.errorSchema } } },
      ...adminErrors,
    },
  });
}

const TAGS = [
  ["Models", "Large models named in the news: registry entries and discovered names, each with its vendor and family."],
  ["Vendors", "Organizations: the companies and labs that make models, and the consultancies and regulators cited."],
  ["Industries", "The industries models are said to serve, with the models and vendors seen in each."],
  ["Events", "Dated events (releases, updates, open-source releases, price changes, filings, funding…) with evidence."],
  ["Claims", "Quantitative claims (counts, prices, amounts) with their unit, bound, as-of date and evidence."],
  ["Funding", "Funding rounds (round, amount, valuation, investors) and listings (exchange, amount raised)."],
  [
    "Prices",
    "Prices per million tokens, per model, in the currency stated, and price cuts with the prices before and after.",
  ],
  [
    "Filings",
    "Running totals such as filed generative AI services: one series per metric and per organization that states it.",
  ],
  ["Open source", "Open-source releases with their licence and the parameter sizes released."],
  ["Articles", "The stored articles, as parsed, with what was extracted from each."],
  ["Exports", "The same lists as CSV (UTF-8 with a BOM), with the same filters."],
  ["Feeds", "Atom feeds of events, overall, per model and per vendor, and of funding rounds."],
  [
    "Admin",
    "Upload, preview, review, and corrections of any fact (kept, applied on every ingestion, undoable); only when the server has an ADMIN_TOKEN.",
  ],
] as const;

type OpenApiDocument = ReturnType<OpenApiGeneratorV31["generateDocument"]>;
let cached: OpenApiDocument | null = null;

/** The document for a server at `origin` (built once per process; only `servers` differs). */
export function openApiDocument(origin?: string): OpenApiDocument {
  cached ??= build();
  return origin ? { ...cached, servers: [{ url: origin }] } : cached;
}

function build(): OpenApiDocument {
  const registry = new OpenAPIRegistry();
  register(registry);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Moxing 大模型观察 API",
      version: "1.0.0",
      // an SPDX reference of our own: the code is not open, and every quote is its publisher's
      license: {
        name: "Proprietary. Quoted sentences belong to the publishers of the linked articles.",
        identifier: "LicenseRef-Moxing-Proprietary",
      },
      description:
        "China's large-language-model landscape, read from news articles. Every event and claim carries its evidence: " +
        "the article id, the original URL and the quoted sentence. Names are `{ zh, en }`; dates are ISO 8601 at their " +
        "precision (2023, 2023-07, 2023-08-31) with a `precision` field. Lists return `{ items, nextCursor }`; pass " +
        "`nextCursor` back as `cursor`. Filters take slugs. Errors are JSON: 400 with zod `issues`, 404, 503.",
    },
    servers: [{ url: "/" }],
    tags: TAGS.map(([name, description]) => ({ name, description })),
  });
}
