// GET /feeds/vendors/{slug} (or {slug}.xml) – Atom feed of one organization's events and its models' events.
import { feedRoute } from "@/lib/api/entity-routes";
import { findOrganizationName } from "@/lib/queries/exists";

export const dynamic = "force-dynamic";

export const GET = feedRoute({
  path: "vendors",
  what: "vendor",
  find: findOrganizationName,
  events: (slug) => ({ vendor: slug }),
  subtitle: (name) => `${name}及其模型的事件`,
});
