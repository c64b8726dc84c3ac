// GET /api/industries/{slug} – one industry with the models and vendors serving it, and its articles.
import { detailRoute } from "@/lib/api/entity-routes";
import { getIndustryBySlug } from "@/lib/queries/industries";

export const dynamic = "force-dynamic";

export const GET = detailRoute("industry", getIndustryBySlug);
