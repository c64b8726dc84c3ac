// Cheap look-ups by unique key (name only), so pages can title themselves and answer 404
// before they start streaming. Memoised per request with React's cache(), kept between writes by cachedQuery.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { cachedQuery } from "@/lib/db/query-cache";
import { names, type Names } from "./common";

type Db = Awaited<ReturnType<typeof getDb>>;
const pick = { nameZh: true, nameEn: true } as const;

/** One kind's names by slug, as `find` reads the row; null when there is none. */
function namesBySlug(
  name: string,
  find: (db: Db, slug: string) => Promise<{ nameZh: string; nameEn: string | null } | null>,
) {
  return cache(
    cachedQuery(name, async (slug: string): Promise<Names | null> => {
      const r = await find(await getDb(), slug);
      return r ? names(r.nameZh, r.nameEn) : null;
    }),
  );
}

export const findModelName = namesBySlug("exists.findModelName", (db, slug) =>
  db.model.findUnique({ where: { slug }, select: pick }),
);

export const findOrganizationName = namesBySlug("exists.findOrganizationName", (db, slug) =>
  db.organization.findUnique({ where: { slug }, select: pick }),
);

export const findIndustryName = namesBySlug("exists.findIndustryName", (db, slug) =>
  db.industry.findUnique({ where: { slug }, select: pick }),
);

export const findArticleTitle = cache(
  cachedQuery("exists.findArticleTitle", async (id: number): Promise<string | null> => {
    if (!Number.isSafeInteger(id) || id < 1 || id > 2147483647) return null;
    const r = await (await getDb()).article.findUnique({ where: { id }, select: { title: true } });
    return r?.title ?? null;
  }),
);
