// GET /feeds/models/{slug} (or {slug}.xml) – Atom feed of one model's events.
import { feedRoute } from "@/lib/api/entity-routes";
import { findModelName } from "@/lib/queries/exists";

export const dynamic = "force-dynamic";

// Alike the vendor feed by design: feedRoute takes only what differs between the two.
export const GET = feedRoute({
  path: "models",
  what: "model",
  find: findModelName,
  events: (slug) => ({ model: slug }),
  subtitle: (name) => `${name}的事件`,
});
