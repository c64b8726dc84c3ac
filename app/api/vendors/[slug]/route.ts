// GET /api/vendors/{slug} – one organization with its models, events, industries and claims.
import { detailRoute } from "@/lib/api/entity-routes";
import { getVendorBySlug } from "@/lib/queries/organizations";

export const dynamic = "force-dynamic";

export const GET = detailRoute("vendor", getVendorBySlug);
