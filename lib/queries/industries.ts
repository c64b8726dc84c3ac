// Industries: which models and vendors serve each one, and the model x industry matrix.
import "server-only";
import { getDb } from "@/lib/db";
import {
  citationArticleSelect,
  clampLimit,
  industryRefSelect,
  modelRefSelect,
  namedSelect,
  readOffsetPage,
  toCitation,
  toEntityRef,
  toIndustryRef,
  toModelRef,
  toNamed,
  type Citation,
  type EntityRef,
  type IndustryRef,
  type ModelRef,
  type Named,
  type Page,
} from "./common";
import { firstIndustryLinks } from "./industry-links";
import { cachedQuery } from "@/lib/db/query-cache";

export interface IndustryListItem extends Named {
  modelCount: number;
  vendorCount: number;
  articleCount: number;
}

interface IndustryServer extends ModelRef {
  citation: Citation;
}

export interface IndustryDetail extends Named {
  id: number;
  models: IndustryServer[];
  vendors: (EntityRef & { citation: Citation | null })[];
  articles: { id: number; title: string; url: string; fromField: boolean; fromBody: boolean }[];
  articleCount: number;
  mentionCount: number;
}

export interface IndustryMatrix {
  industries: IndustryRef[];
  models: ModelRef[];
  /** number of sentences linking the model to the industry (absent cells: none) */
  cells: { model: string; industry: string; count: number }[];
}

/** Industries with how many models, vendors and articles touch them, most-served first. */
export const listIndustries = cachedQuery(
  "industries.listIndustries",
  async function listIndustries(opts: { cursor?: string; limit?: number } = {}): Promise<Page<IndustryListItem>> {
    const db = await getDb();
    // Reads the trigger-kept pair tables and counters: the cost is bounded by industries x the
    // entities linked to them, not by the number of articles or sentences. A link names a model or
    // an organization, never both, so the vendors are the organizations named directly plus the
    // vendors of the models named.
    return readOffsetPage(
      opts.cursor,
      clampLimit(opts.limit, 50),
      (skip, take) => db.$queryRaw<
        {
          slug: string;
          nameZh: string;
          nameEn: string;
          aliases: string[];
          models: number;
          vendors: number;
          articles: number;
        }[]
      >`
    SELECT i.slug, i."nameZh", i."nameEn", i.aliases,
      (SELECT count(*) FROM "IndustryModel" p WHERE p."industryId" = i.id)::int AS models,
      (SELECT count(DISTINCT v) FROM (
         SELECT p."organizationId" AS v FROM "IndustryOrganization" p WHERE p."industryId" = i.id
         UNION ALL
         SELECT m."vendorId" FROM "IndustryModel" p JOIN "Model" m ON m.id = p."modelId" WHERE p."industryId" = i.id) x)::int AS vendors,
      i."articleCount" AS articles
    FROM "Industry" i
    ORDER BY models DESC, articles DESC, i.id ASC
    LIMIT ${take} OFFSET ${skip}`,
      (r) => ({ ...toNamed(r), modelCount: r.models, vendorCount: r.vendors, articleCount: r.articles }),
    );
  },
);

// Opens like the other *BySlug details by design: one cached read by slug, null when missing, then its parts.
export const getIndustryBySlug = cachedQuery(
  "industries.getIndustryBySlug",
  async function getIndustryBySlug(slug: string): Promise<IndustryDetail | null> {
    const db = await getDb();
    const i = await db.industry.findUnique({
      where: { slug },
      select: { id: true, ...namedSelect, mentionCount: true, articleCount: true },
    });
    if (!i) return null;
    const [modelLinks, orgLinks, articles] = await Promise.all([
      firstIndustryLinks({ industryModels: i.id }, 60),
      firstIndustryLinks({ industryOrganizations: i.id }, 60),
      // ArticleIndustry(industryId, articleId): the newest 20 straight from the index
      db.articleIndustry.findMany({
        where: { industryId: i.id },
        orderBy: { articleId: "desc" },
        take: 20,
        select: { fromField: true, fromBody: true, article: { select: citationArticleSelect } },
      }),
    ]);
    const models = modelLinks.map((l) => ({ ...toModelRef(l.model!), citation: toCitation(l) }));
    // Vendors: named with the industry directly, or through one of their models.
    const vendors = new Map<string, EntityRef & { citation: Citation | null }>();
    for (const l of orgLinks)
      vendors.set(l.organization!.slug, { ...toEntityRef(l.organization!), citation: toCitation(l) });
    for (const m of models) {
      if (m.vendor && !vendors.has(m.vendor.slug)) vendors.set(m.vendor.slug, { ...m.vendor, citation: m.citation });
    }
    return {
      id: i.id,
      ...toNamed(i),
      models,
      vendors: [...vendors.values()],
      articles: articles.map((a) => ({ ...a.article, fromField: a.fromField, fromBody: a.fromBody })),
      articleCount: i.articleCount,
      mentionCount: i.mentionCount,
    };
  },
);

/** The most-linked models x the most-linked industries, with link counts (bounded both ways). */
export const industryMatrix = cachedQuery(
  "industries.industryMatrix",
  async function industryMatrix(opts: { models?: number; industries?: number } = {}): Promise<IndustryMatrix> {
    const db = await getDb();
    // Sums over the (industry, model) pair table: bounded by the number of pairs (entities), not by
    // the number of linking sentences, which grows with the articles.
    const [topIndustries, topModels] = await Promise.all([
      db.industryModel.groupBy({
        by: ["industryId"],
        _sum: { links: true },
        orderBy: [{ _sum: { links: "desc" } }, { industryId: "asc" }],
        take: clampLimit(opts.industries, 12),
      }),
      db.industryModel.groupBy({
        by: ["modelId"],
        _sum: { links: true },
        orderBy: [{ _sum: { links: "desc" } }, { modelId: "asc" }],
        take: clampLimit(opts.models, 20),
      }),
    ]);
    const industryIds = topIndustries.map((g) => g.industryId);
    const modelIds = topModels.map((g) => g.modelId);
    if (!industryIds.length || !modelIds.length) return { industries: [], models: [], cells: [] };
    const [industries, models, cells] = await Promise.all([
      db.industry.findMany({
        where: { id: { in: industryIds } },
        select: { id: true, ...industryRefSelect },
      }),
      db.model.findMany({
        where: { id: { in: modelIds } },
        select: { id: true, ...modelRefSelect },
      }),
      db.industryModel.findMany({
        where: { modelId: { in: modelIds }, industryId: { in: industryIds } },
        select: { modelId: true, industryId: true, links: true },
      }),
    ]);
    const industryById = new Map(industries.map((i) => [i.id, i]));
    const modelById = new Map(models.map((m) => [m.id, m]));
    return {
      industries: industryIds.flatMap((id) => {
        const i = industryById.get(id);
        return i ? [toIndustryRef(i)] : [];
      }),
      models: modelIds.flatMap((id) => {
        const m = modelById.get(id);
        return m ? [toModelRef(m)] : [];
      }),
      cells: cells.flatMap((c) => {
        const m = modelById.get(c.modelId);
        const i = industryById.get(c.industryId);
        return m && i ? [{ model: m.slug, industry: i.slug, count: c.links }] : [];
      }),
    };
  },
);

/** Industries for filter menus (bounded, by name). */
export const industryOptions = cachedQuery(
  "industries.industryOptions",
  async function industryOptions(limit: number = 200): Promise<IndustryRef[]> {
    const db = await getDb();
    const rows = await db.industry.findMany({
      orderBy: { nameZh: "asc" },
      take: Math.min(Math.max(1, limit), 500),
      select: industryRefSelect,
    });
    return rows.map(toIndustryRef);
  },
);
