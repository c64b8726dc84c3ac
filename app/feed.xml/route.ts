// GET /feed.xml – Atom feed of the latest dated events; takes the timeline's filters (vendor, model, industry, type, from, to).
import { atomResponse, eventsAtom, FEED_SIZE } from "@/lib/api/feeds";
import { baseUrlFor } from "@/lib/api/public-url";
import { handler, parseQuery } from "@/lib/api/http";
import { latestEvents } from "@/lib/queries/events";
import { feedQuerySchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  const filters = parseQuery(feedQuerySchema, request);
  const origin = baseUrlFor(request);
  const query = new URL(request.url).search;
  const events = await latestEvents(filters, FEED_SIZE);
  return atomResponse(
    eventsAtom(
      {
        self: `${origin}/feed.xml${query}`,
        alternate: `${origin}/timeline${query}`,
        origin,
        title: "大模型观察 · 事件 / Moxing events",
        subtitle: "中国大模型的发布、开放与落地，每条都附原文句子",
      },
      events,
    ),
  );
});
