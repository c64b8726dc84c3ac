// Industries: which models and vendors serve each one, and the model x industry matrix.
import "server-only";
import { getDb } from "@/lib/db";
import {
  citationArticleSelect,
  clampLimit,
  decodeOffset,
  entityRefSelect,
  names,
  offsetPage,
  toCitation,
  toEntityRef,
  type Citation,
  type EntityRef,
  type Names,
  type Page,
} from "./common";

export interface IndustryListItem {
  slug: string;
  names: Names;
  aliases: string[];
  modelCount: number;
  vendorCount: number;
  articleCount: number;
}

export interface IndustryServer extends EntityRef {
  citation: Citation;
  vendor: EntityRef | null;
}

export interface IndustryDetail {
  id: number;
  slug: string;
  names: Names;
  aliases: string[];
  models: IndustryServer[];
  vendors: (EntityRef & { citation: Citation | null })[];
  articles: { id: number; title: string; url: string; fromField: boolean; fromBody: boolean }[];
  articleCount: number;
  mentionCount: number;
}

export interface IndustryMatrix {
  industries: { slug: string; names: Names }[];
  models: (EntityRef & { vendor: EntityRef | null })[];
  /** number of sentences linking the model to the industry (absent cells: none) */
  cells: { model: string; industry: string; count: number }[];
}

/** Industries with how many models, vendors and articles touch them, most-served first. */
export async function listIndustries(opts: { cursor?: string; limit?: number } = {}): Promise<Page<IndustryListItem>> {
  const db = await getDb();
  const limit = clampLimit(opts.limit, 50);
  const offset = decodeOffset(opts.cursor);
  const rows = await db.$queryRaw<
    { slug: string; nameZh: string; nameEn: string; aliases: string[]; models: number; vendors: number; articles: number }[]
  >`
    SELECT i.slug, i."nameZh", i."nameEn", i.aliases,
      (SELECT count(DISTINCT l."modelId") FROM "IndustryLink" l WHERE l."industryId" = i.id)::int AS models,
      (SELECT count(DISTINCT coalesce(l."organizationId", m."vendorId"))
         FROM "IndustryLink" l LEFT JOIN "Model" m ON m.id = l."modelId"
        WHERE l."industryId" = i.id)::int AS vendors,
      (SELECT count(*) FROM "ArticleIndustry" a WHERE a."industryId" = i.id)::int AS articles
    FROM "Industry" i
    ORDER BY models DESC, articles DESC, i.id ASC
    LIMIT ${limit + 1} OFFSET ${offset}`;
  return offsetPage(
    rows.map((r) => ({
      slug: r.slug,
      names: names(r.nameZh, r.nameEn),
      aliases: r.aliases,
      modelCount: r.models,
      vendorCount: r.vendors,
      articleCount: r.articles,
    })),
    offset,
    limit,
  );
}

export async function getIndustryBySlug(slug: string): Promise<IndustryDetail | null> {
  const db = await getDb();
  const i = await db.industry.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      nameZh: true,
      nameEn: true,
      aliases: true,
      _count: { select: { mentions: true, articles: true } },
    },
  });
  if (!i) return null;
  const linkSelect = {
    quote: true,
    sentenceStart: true,
    sentenceEnd: true,
    article: { select: citationArticleSelect },
  } as const;
  const [modelLinks, orgLinks, articles] = await Promise.all([
    db.industryLink.findMany({
      where: { industryId: i.id, modelId: { not: null } },
      distinct: ["modelId"],
      orderBy: { id: "asc" },
      take: 60,
      select: { ...linkSelect, model: { select: { ...entityRefSelect, vendor: { select: entityRefSelect } } } },
    }),
    db.industryLink.findMany({
      where: { industryId: i.id, organizationId: { not: null } },
      distinct: ["organizationId"],
      orderBy: { id: "asc" },
      take: 60,
      select: { ...linkSelect, organization: { select: entityRefSelect } },
    }),
    db.articleIndustry.findMany({
      where: { industryId: i.id },
      orderBy: { articleId: "desc" },
      take: 20,
      select: { fromField: true, fromBody: true, article: { select: citationArticleSelect } },
    }),
  ]);
  const models = modelLinks.map((l) => ({
    ...toEntityRef(l.model!),
    vendor: l.model!.vendor ? toEntityRef(l.model!.vendor) : null,
    citation: toCitation(l),
  }));
  // Vendors: named with the industry directly, or through one of their models.
  const vendors = new Map<string, EntityRef & { citation: Citation | null }>();
  for (const l of orgLinks) vendors.set(l.organization!.slug, { ...toEntityRef(l.organization!), citation: toCitation(l) });
  for (const m of models) {
    if (m.vendor && !vendors.has(m.vendor.slug)) vendors.set(m.vendor.slug, { ...m.vendor, citation: m.citation });
  }
  return {
    id: i.id,
    slug: i.slug,
    names: names(i.nameZh, i.nameEn),
    aliases: i.aliases,
    models,
    vendors: [...vendors.values()],
    articles: articles.map((a) => ({ ...a.article, fromField: a.fromField, fromBody: a.fromBody })),
    articleCount: i._count.articles,
    mentionCount: i._count.mentions,
  };
}

/** The most-linked models x the most-linked industries, with link counts (bounded both ways). */
export async function industryMatrix(opts: { models?: number; industries?: number } = {}): Promise<IndustryMatrix> {
  const db = await getDb();
  const [topIndustries, topModels] = await Promise.all([
    db.industryLink.groupBy({
      by: ["industryId"],
      where: { modelId: { not: null } },
      _count: { _all: true },
      orderBy: [{ _count: { industryId: "desc" } }, { industryId: "asc" }],
      take: clampLimit(opts.industries, 12),
    }),
    db.industryLink.groupBy({
      by: ["modelId"],
      where: { modelId: { not: null } },
      _count: { _all: true },
      orderBy: [{ _count: { modelId: "desc" } }, { modelId: "asc" }],
      take: clampLimit(opts.models, 20),
    }),
  ]);
  const industryIds = topIndustries.map((g) => g.industryId);
  const modelIds = topModels.map((g) => g.modelId!);
  if (!industryIds.length || !modelIds.length) return { industries: [], models: [], cells: [] };
  const [industries, models, cells] = await Promise.all([
    db.industry.findMany({ where: { id: { in: industryIds } }, select: { id: true, slug: true, nameZh: true, nameEn: true } }),
    db.model.findMany({
      where: { id: { in: modelIds } },
      select: { id: true, ...entityRefSelect, vendor: { select: entityRefSelect } },
    }),
    db.industryLink.groupBy({
      by: ["modelId", "industryId"],
      where: { modelId: { in: modelIds }, industryId: { in: industryIds } },
      _count: { _all: true },
    }),
  ]);
  const industryById = new Map(industries.map((i) => [i.id, i]));
  const modelById = new Map(models.map((m) => [m.id, m]));
  return {
    industries: industryIds.flatMap((id) => {
      const i = industryById.get(id);
      return i ? [{ slug: i.slug, names: names(i.nameZh, i.nameEn) }] : [];
    }),
    models: modelIds.flatMap((id) => {
      const m = modelById.get(id);
      return m ? [{ ...toEntityRef(m), vendor: m.vendor ? toEntityRef(m.vendor) : null }] : [];
    }),
    cells: cells.flatMap((c) => {
      const m = modelById.get(c.modelId!);
      const i = industryById.get(c.industryId);
      return m && i ? [{ model: m.slug, industry: i.slug, count: c._count._all }] : [];
    }),
  };
}

/** Industries for filter menus (bounded, by name). */
export async function industryOptions(limit = 200): Promise<{ slug: string; names: Names }[]> {
  const db = await getDb();
  const rows = await db.industry.findMany({
    orderBy: { nameZh: "asc" },
    take: Math.min(Math.max(1, limit), 500),
    select: { slug: true, nameZh: true, nameEn: true },
  });
  return rows.map((r) => ({ slug: r.slug, names: names(r.nameZh, r.nameEn) }));
}
