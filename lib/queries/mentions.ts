// Every sentence that names an entity, paged (model, organization and industry pages).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clampLimit, type Page } from "./common";
import { cachedQuery } from "@/lib/db/query-cache";

export interface MentionItem {
  id: number;
  /** the surface form in the text, e.g. "腾讯混元大模型" */
  text: string;
  start: number;
  end: number;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
  article: { id: number; title: string; url: string };
}

export type MentionTarget = { modelSlug: string } | { organizationSlug: string } | { industrySlug: string };

/** The entity's id as a Mention filter (null: no such entity), so that the page is read from
 *  Mention(modelId | organizationId | industryId, id) newest first, a page at a time. */
async function targetWhere(
  db: Awaited<ReturnType<typeof getDb>>,
  t: MentionTarget,
): Promise<Prisma.MentionWhereInput | null> {
  const select = { id: true } as const;
  if ("modelSlug" in t) {
    const r = await db.model.findUnique({ where: { slug: t.modelSlug }, select });
    return r && { modelId: r.id };
  }
  if ("organizationSlug" in t) {
    const r = await db.organization.findUnique({ where: { slug: t.organizationSlug }, select });
    return r && { organizationId: r.id };
  }
  const r = await db.industry.findUnique({ where: { slug: t.industrySlug }, select });
  return r && { industryId: r.id };
}

/** Mentions of one entity, newest article first; cursor is the last mention id ("m123"). */
export const listMentions = cachedQuery(
  "mentions.listMentions",
  async function listMentions(
    target: MentionTarget,
    opts: { cursor?: string; limit?: number } = {},
  ): Promise<Page<MentionItem>> {
    const db = await getDb();
    const limit = clampLimit(opts.limit, 20);
    const m = /^m(\d{1,10})$/.exec(opts.cursor ?? "");
    const where = await targetWhere(db, target);
    if (!where) return { items: [], nextCursor: null };
    const rows = await db.mention.findMany({
      where: { AND: [where, m ? { id: { lt: Number(m[1]) } } : {}] },
      orderBy: { id: "desc" },
      take: limit + 1,
      select: {
        id: true,
        text: true,
        start: true,
        end: true,
        sentence: true,
        sentenceStart: true,
        sentenceEnd: true,
        article: { select: { id: true, title: true, url: true } },
      },
    });
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? `m${items[items.length - 1].id}` : null };
  },
);
