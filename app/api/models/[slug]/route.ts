// GET /api/models/{slug} – one model with its vendor, family, events, industries and claims.
import { detailRoute } from "@/lib/api/entity-routes";
import { getModelBySlug } from "@/lib/queries/models";

export const dynamic = "force-dynamic";

export const GET = detailRoute("model", getModelBySlug);
