// GET /feeds/vendors/{slug} (or {slug}.xml) – Atom feed of one organization's events and its models' events.
import { NotFoundError } from "@/lib/api/errors";
import { atomResponse, eventsAtom, FEED_SIZE } from "@/lib/api/feeds";
import { baseUrlFor } from "@/lib/api/public-url";
import { handler, parseParams } from "@/lib/api/http";
import { getOrganizationRef } from "@/lib/queries/api-entities";
import { latestEvents } from "@/lib/queries/events";
import { slugParamSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (request, { params }: { params: Promise<{ slug: string }> }) => {
  const raw = (await params).slug;
  const { slug } = parseParams(slugParamSchema, { slug: raw.replace(/\.xml$/, "") });
  const vendor = await getOrganizationRef(slug);
  if (!vendor) throw new NotFoundError("vendor");
  const origin = baseUrlFor(request);
  const events = await latestEvents({ vendor: slug }, FEED_SIZE);
  return atomResponse(
    eventsAtom(
      {
        self: `${origin}/feeds/vendors/${slug}.xml`,
        alternate: `${origin}/vendors/${slug}`,
        origin,
        title: `${vendor.names.zh}${vendor.names.en ? ` / ${vendor.names.en}` : ""} · 大模型观察`,
        subtitle: `${vendor.names.zh}及其模型的事件`,
      },
      events,
    ),
  );
});
