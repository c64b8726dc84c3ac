// GET /api/vendors/{slug} – one organization with its models, events, industries and claims.
import { NotFoundError } from "@/lib/api/errors";
import { handler, json, parseParams } from "@/lib/api/http";
import { getVendorBySlug } from "@/lib/queries/organizations";
import { slugParamSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = parseParams(slugParamSchema, await params);
  const vendor = await getVendorBySlug(slug);
  if (!vendor) throw new NotFoundError("vendor");
  return json(vendor);
});
