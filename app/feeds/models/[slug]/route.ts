// GET /feeds/models/{slug} (or {slug}.xml) – Atom feed of one model's events.
import { NotFoundError } from "@/lib/api/errors";
import { atomResponse, eventsAtom, FEED_SIZE } from "@/lib/api/feeds";
import { baseUrlFor } from "@/lib/api/public-url";
import { handler, parseParams } from "@/lib/api/http";
import { getModelRef } from "@/lib/queries/api-entities";
import { latestEvents } from "@/lib/queries/events";
import { slugParamSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const raw = (await params).slug;
  const { slug } = parseParams(slugParamSchema, { slug: raw.replace(/\.xml$/, "") });
  const model = await getModelRef(slug);
  if (!model) throw new NotFoundError("model");
  const origin = baseUrlFor(request);
  const events = await latestEvents({ model: slug }, FEED_SIZE);
  return atomResponse(
    eventsAtom(
      {
        self: `${origin}/feeds/models/${slug}.xml`,
        alternate: `${origin}/models/${slug}`,
        origin,
        title: `${model.names.zh}${model.names.en ? ` / ${model.names.en}` : ""} · 大模型观察`,
        subtitle: `${model.names.zh}的事件`,
      },
      events,
    ),
  );
});
