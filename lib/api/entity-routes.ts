// Route handlers for one entity by slug, shared by the per-kind routes: its JSON detail and its Atom feed.
import type { Names } from "@/lib/queries/common";
import { latestEvents } from "@/lib/queries/events";
import type { TimelineFilter } from "@/lib/validations/filters";
import { slugParamSchema } from "@/lib/validations/api";
import { NotFoundError } from "./errors";
import { atomResponse, eventsAtom, FEED_SIZE } from "./feeds";
import { handler, publicJson, parseParams } from "./http";
import { baseUrlFor } from "./public-url";

interface SlugContext {
  params: Promise<{ slug: string }>;
}

/** GET `/api/<kind>/{slug}`: what `read` returns, as JSON; a 404 naming `what` when it returns null. */
export function detailRoute(what: string, read: (slug: string) => Promise<object | null>) {
  return handler(async (_request, { params }: SlugContext) => {
    const { slug } = parseParams(slugParamSchema, await params);
    const detail = await read(slug);
    if (!detail) throw new NotFoundError(what);
    return publicJson(detail);
  });
}

interface EntityFeed {
  /** the URL segment of the entity's pages and feeds: /<path>/{slug}, /feeds/<path>/{slug}.xml */
  path: "models" | "vendors";
  /** names the 404 */
  what: string;
  /** the entity's names; null when there is no such entity */
  find: (slug: string) => Promise<Names | null>;
  /** the events the feed carries */
  events: (slug: string) => Partial<TimelineFilter>;
  subtitle: (nameZh: string) => string;
}

/** GET `/feeds/<path>/{slug}` (or `{slug}.xml`): the Atom feed of one entity's events. */
export function feedRoute(feed: EntityFeed) {
  return handler(async (request, { params }: SlugContext) => {
    const raw = (await params).slug;
    const { slug } = parseParams(slugParamSchema, { slug: raw.replace(/\.xml$/, "") });
    const names = await feed.find(slug);
    if (!names) throw new NotFoundError(feed.what);
    const origin = baseUrlFor(request);
    const events = await latestEvents(feed.events(slug), FEED_SIZE);
    return atomResponse(
      eventsAtom(
        {
          self: `${origin}/feeds/${feed.path}/${slug}.xml`,
          alternate: `${origin}/${feed.path}/${slug}`,
          origin,
          title: `${names.zh}${names.en ? ` / ${names.en}` : ""} · 大模型观察`,
          subtitle: feed.subtitle(names.zh),
        },
        events,
      ),
    );
  });
}
