// Cheap look-ups by unique key (name only), so pages can title themselves and answer 404
// before they start streaming. Memoised per request with React's cache(), kept between writes by cachedQuery.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { cachedQuery } from "@/lib/db/query-cache";
import { names, type Names } from "./common";

const pick = { nameZh: true, nameEn: true } as const;

export const findModelName = cache(
  cachedQuery("exists.findModelName", async (slug: string): Promise<Names | null> => {
    const r = await (await getDb()).model.findUnique({ where: { slug }, select: pick });
    return r ? names(r.nameZh, r.nameEn) : null;
  }),
);

export const findOrganizationName = cache(
  cachedQuery("exists.findOrganizationName", async (slug: string): Promise<Names | null> => {
    const r = await (await getDb()).organization.findUnique({ where: { slug }, select: pick });
    return r ? names(r.nameZh, r.nameEn) : null;
  }),
);

export const findIndustryName = cache(
  cachedQuery("exists.findIndustryName", async (slug: string): Promise<Names | null> => {
    const r = await (await getDb()).industry.findUnique({ where: { slug }, select: pick });
    return r ? names(r.nameZh, r.nameEn) : null;
  }),
);

export const findArticleTitle = cache(
  cachedQuery("exists.findArticleTitle", async (id: number): Promise<string | null> => {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2147483647) return null;
    const r = await (await getDb()).article.findUnique({ where: { id }, select: { title: true } });
    return r?.title ?? null;
  }),
);
