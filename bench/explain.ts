// npx tsx bench/explain.ts [N] [--db name]: runs the query helpers behind the hot routes against
// moxing_bench_<N> (or the named database) with Prisma's query log on, then EXPLAIN (ANALYZE, BUFFERS)
// on every SQL statement they sent, with the same parameters. Writes bench/out/explain-<N or name>.md,
// headed by a table of each statement's execution time.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { urlFor } from "./lib/pg";

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 100_000);
const dbArg = args.indexOf("--db");
const dbName = dbArg >= 0 ? args[dbArg + 1] : `moxing_bench_${n}`;
if (!/^[a-z0-9_]+$/.test(dbName)) throw new Error(`bad database name ${dbName}`);
const url = urlFor(dbName);
const pool = new pg.Pool({ connectionString: url, max: 4 });
const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
const captured: { label: string; query: string; params: unknown[]; ms: number }[] = [];
let label = "";
prisma.$on("query" as never, (e: { query: string; params: string; duration: number }) => {
  captured.push({ label, query: e.query, params: JSON.parse(e.params || "[]") as unknown[], ms: e.duration });
});
// the query helpers read the process-wide client: hand them this one
(globalThis as { moxingDb?: unknown }).moxingDb = Promise.resolve({ prisma, kind: "postgres" });

const { listEvents, latestEvents, eventsPerMonth } = await import("@/lib/queries/events");
const { getModelBySlug } = await import("@/lib/queries/models");
const { listMentions } = await import("@/lib/queries/mentions");
const { search } = await import("@/lib/queries/search");
const { getOverviewCounts } = await import("@/lib/queries/overview");
const { getHeadlineClaim } = await import("@/lib/queries/claims");
const { listModels, modelsPerVendor, vendorLandscape } = await import("@/lib/queries/models");
const { listVendors, getVendorBySlug } = await import("@/lib/queries/organizations");
const { listIndustries, industryMatrix, getIndustryBySlug } = await import("@/lib/queries/industries");
const { listArticles, countArticles } = await import("@/lib/queries/articles");
const { countEvents } = await import("@/lib/queries/events");

const hot: [string, () => Promise<unknown>][] = [
  [
    "/api/events?vendor=tencent, /timeline: listEvents({ vendor })",
    () => listEvents({ vendor: "tencent" }, { limit: 50 }),
  ],
  ["/timeline: eventsPerMonth({ vendor })", () => eventsPerMonth({ vendor: "tencent" })],
  ["/: latestEvents()", () => latestEvents({}, 6)],
  ["/: getOverviewCounts()", () => getOverviewCounts()],
  ["/: getHeadlineClaim()", () => getHeadlineClaim()],
  ["/models/hunyuan: getModelBySlug", () => getModelBySlug("hunyuan")],
  ["/models/hunyuan: listMentions({ modelSlug })", () => listMentions({ modelSlug: "hunyuan" }, { limit: 20 })],
  ["/search?q=混元: search", () => search("混元")],
  ["/timeline?vendor=tencent: countEvents({ vendor })", () => countEvents({ vendor: "tencent" })],
  ["/: modelsPerVendor", () => modelsPerVendor(8)],
  ["/: vendorLandscape", () => vendorLandscape(10, 6)],
  ["/, /industries: listIndustries", () => listIndustries({ limit: 48 })],
  ["/industries: industryMatrix", () => industryMatrix({})],
  ["/models: listModels", () => listModels({}, {})],
  ["/vendors: listVendors", () => listVendors({}, {})],
  ["/vendors/tencent: getVendorBySlug", () => getVendorBySlug("tencent")],
  ["/industries/finance: getIndustryBySlug", () => getIndustryBySlug("finance")],
  ["/articles: listArticles + countArticles", () => Promise.all([listArticles({}), countArticles({})])],
];
for (const [l, fn] of hot) {
  label = l;
  const before = captured.length;
  await fn(); // warm
  captured.length = before;
  await fn();
}
await new Promise((r) => setTimeout(r, 100));

const client = new pg.Client({ connectionString: url });
await client.connect();
const lines: string[] = [];
const summary: string[] = ["| ms | helper | statement |", "|---|---|---|"];
const seen = new Set<string>();
let settingsOf: string | null = null;
for (const c of captured) {
  // A helper's transaction-local planner settings (search rules out other plans) apply to the
  // statements that follow it: made session-wide here, until the next helper's statements.
  if (settingsOf !== c.label) {
    await client.query("RESET ALL");
    settingsOf = c.label;
  }
  if (/^\s*SELECT set_config\(/.test(c.query)) {
    await client.query(c.query.replace(/, true\)/g, ", false)"));
    continue;
  }
  const key = c.query + JSON.stringify(c.params);
  if (seen.has(key)) continue;
  seen.add(key);
  // Prisma's adapter sends typed parameters; pg infers types from the statement, which is enough here
  const params = c.params.map((p) =>
    p !== null && typeof p === "object" && !Array.isArray(p) ? JSON.stringify(p) : p,
  );
  let plan: string;
  try {
    const r = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${c.query}`, params);
    plan = r.rows.map((x) => x["QUERY PLAN"]).join("\n");
    const ms = /Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? "?";
    summary.push(`| ${ms} | ${c.label} | \`${c.query.replace(/\s+/g, " ").slice(0, 90).replace(/\|/g, "\\|")}\` |`);
  } catch (error) {
    plan = `(could not explain: ${(error as Error).message})`;
  }
  lines.push(
    `## ${c.label}`,
    "",
    "```sql",
    c.query.length > 1500 ? c.query.slice(0, 1500) + " …" : c.query,
    "```",
    "",
    "```",
    plan,
    "```",
    "",
  );
}
await client.end();
const file = path.join("bench", "out", `explain-${dbArg >= 0 ? dbName : n}.md`);
const head = [
  `# EXPLAIN ANALYZE of the hot queries (${dbName}, ${new Date().toISOString().slice(0, 10)})`,
  "",
  ...summary,
  "",
];
writeFileSync(file, [...head, ...lines].join("\n"));
console.log(`wrote ${file} (${seen.size} statements)`);
await prisma.$disconnect();
await pool.end();
