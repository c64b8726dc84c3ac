// Models for the JSON API and CSV export: the /models filters plus a text query (`q`).
// Same item shape and order as listModels (./models.ts); without `q` it simply delegates to it.
import "server-only";
import { getDb } from "@/lib/db";
import type { ModelsFilter } from "@/lib/validations/filters";
import { clampLimit, decodeOffset, entityRefSelect, industryRefSelect, names, offsetPage, toEntityRef, toIndustryRef, type Page } from "./common";
import { listModels, modelWhere, type ModelListItem } from "./models";
import { textMatchIds } from "./api-search";

export type ModelsApiFilter = Partial<ModelsFilter> & { q?: string };

/** Models matching the filters and (when given) the text query, most-mentioned first. */
export async function listModelsWithText(filters: ModelsApiFilter, opts: { limit?: number } = {}): Promise<Page<ModelListItem>> {
  const { q, ...rest } = filters;
  if (!q) return listModels(rest, opts);
  const ids = await textMatchIds("Model", q);
  if (!ids.length) return { items: [], nextCursor: null };
  const db = await getDb();
  const limit = clampLimit(opts.limit);
  const offset = decodeOffset(filters.cursor);
  const rows = await db.model.findMany({
    where: { AND: [modelWhere(rest), { id: { in: ids } }] },
    orderBy: [{ mentions: { _count: "desc" } }, { nameZh: "asc" }, { id: "asc" }],
    skip: offset,
    take: limit + 1,
    select: {
      slug: true,
      nameZh: true,
      nameEn: true,
      aliases: true,
      status: true,
      family: true,
      version: true,
      vendor: { select: entityRefSelect },
      industryLinks: { select: { industry: { select: industryRefSelect } }, distinct: ["industryId"], take: 6 },
      _count: { select: { mentions: true, events: true } },
    },
  });
  return offsetPage(
    rows.map((m) => ({
      slug: m.slug,
      names: names(m.nameZh, m.nameEn),
      aliases: m.aliases,
      status: m.status,
      vendor: m.vendor ? toEntityRef(m.vendor) : null,
      family: m.family,
      version: m.version,
      industries: m.industryLinks.map((l) => toIndustryRef(l.industry)),
      mentionCount: m._count.mentions,
      eventCount: m._count.events,
    })),
    offset,
    limit,
  );
}
