// Claims one page at a time (JSON API, CSV export); listClaims (./claims.ts) serves the pages'
// bounded lists. Same item shape and order: latest as-of date first, undated last.
import "server-only";
import { getDb } from "@/lib/db";
import { clampLimit, readOffsetPage, type Page } from "./common";
import { claimSelect, claimWhere, toClaimItem, type ClaimFilter, type ClaimItem } from "./claims";
import { cachedQuery } from "@/lib/db/query-cache";

/** Claims matching the filter, `limit` at a time; cursor "o<offset>". */
export const listClaimsPage = cachedQuery(
  "api-claims.listClaimsPage",
  async function listClaimsPage(
    filter: ClaimFilter & { cursor?: string },
    opts: { limit?: number } = {},
  ): Promise<Page<ClaimItem>> {
    const db = await getDb();
    return readOffsetPage(
      filter.cursor,
      clampLimit(opts.limit, 50),
      (skip, take) =>
        db.claim.findMany({
          where: claimWhere(filter),
          orderBy: [{ asOf: { sort: "desc", nulls: "last" } }, { id: "desc" }],
          skip,
          take,
          select: claimSelect,
        }),
      toClaimItem,
    );
  },
);
