// GET /api/admin/review/facts – one kind of fact to review (events, claims, industry links, mentions), the least
// confident first, optionally of one article, with the keys the correction endpoints take.
import { listClaimQueue, listEventQueue, listLinkQueue, listMentionQueue } from "@/lib/admin/fact-queue";
import { requireAdmin } from "@/lib/admin/guard";
import { factQueueQuerySchema } from "@/lib/admin/override-schema";
import { handler, json, parseQuery } from "@/lib/api/http";

export const dynamic = "force-dynamic";

const LISTS = { event: listEventQueue, claim: listClaimQueue, industry_link: listLinkQueue, mention: listMentionQueue };

export const GET = handler(async (request) => {
  requireAdmin(request);
  const { kind, ...filter } = parseQuery(factQueueQuerySchema, request);
  return json(await LISTS[kind](filter));
});
