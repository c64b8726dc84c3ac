// Every sentence that names an entity, paged (model, organization and industry pages).
import "server-only";
import { getDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clampLimit, type Page } from "./common";

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

function targetWhere(t: MentionTarget): Prisma.MentionWhereInput {
  if ("modelSlug" in t) return { model: { slug: t.modelSlug } };
  if ("organizationSlug" in t) return { organization: { slug: t.organizationSlug } };
  return { industry: { slug: t.industrySlug } };
}

/** Mentions of one entity, newest article first; cursor is the last mention id ("m123"). */
export async function listMentions(
  target: MentionTarget,
  opts: { cursor?: string; limit?: number } = {},
): Promise<Page<MentionItem>> {
  const db = await getDb();
  const limit = clampLimit(opts.limit, 20);
  const m = /^m(\d{1,10})$/.exec(opts.cursor ?? "");
  const rows = await db.mention.findMany({
    where: { AND: [targetWhere(target), m ? { id: { lt: Number(m[1]) } } : {}] },
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
}
