// Models for the JSON API and CSV export: the /models filters plus a text query (`q`).
// Same item shape and order as listModels (./models.ts), through the same listModelsWhere.
import "server-only";
import type { ModelsFilter } from "@/lib/validations/filters";
import type { Page } from "./common";
import { listModels, listModelsWhere, modelWhere, type ModelListItem } from "./models";
import { textMatchIds } from "./api-search";
import { cachedQuery } from "@/lib/db/query-cache";

export type ModelsApiFilter = Partial<ModelsFilter> & { q?: string };

// Opens like listArticlesWithText by design: each API list is its page's list plus a text query.
/** Models matching the filters and (when given) the text query, most-mentioned first. */
export const listModelsWithText = cachedQuery(
  "api-models.listModelsWithText",
  async function listModelsWithText(
    filters: ModelsApiFilter,
    opts: { limit?: number } = {},
  ): Promise<Page<ModelListItem>> {
    const { q, ...rest } = filters;
    if (!q) return listModels(rest, opts);
    const ids = await textMatchIds("Model", q);
    if (!ids.length) return { items: [], nextCursor: null };
    return listModelsWhere({ AND: [modelWhere(rest), { id: { in: ids } }] }, filters.cursor, opts);
  },
);
