// Technologies: the AI技术 field and body mentions mapped onto data/technologies.json. Field values
// the registry does not know are kept under a pinyin slug.
import type { ExtractedTechnology } from "./types";
import type { ArticleContext } from "./context";
import { collectTaxonomy, taxonomyKeysOfField } from "./industries";
import { TECHNOLOGIES } from "./registry";
import { slugify } from "./text";

export function extractTechnologies(ctx: ArticleContext) {
  const { items, mentions } = collectTaxonomy<ExtractedTechnology>(
    ctx,
    "technology",
    ctx.article.technologies,
    TECHNOLOGIES,
    (e, from) => ({ key: e.key, nameZh: e.nameZh, nameEn: e.nameEn, aliases: e.aliases, from }),
  );
  const known = new Set(items.map((i) => i.key));
  for (const v of ctx.article.technologies) {
    if (taxonomyKeysOfField([v], "technology").length) continue;
    const key = slugify(v);
    if (known.has(key)) continue;
    known.add(key);
    items.push({ key, nameZh: v, nameEn: null, aliases: [], from: "field" });
  }
  return { items, mentions };
}
