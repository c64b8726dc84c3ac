// GET /api/industries/{slug} – one industry with the models and vendors serving it, and its articles.
import { NotFoundError } from "@/lib/api/errors";
import { handler, json, parseParams } from "@/lib/api/http";
import { getIndustryBySlug } from "@/lib/queries/industries";
import { slugParamSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = parseParams(slugParamSchema, await params);
  const industry = await getIndustryBySlug(slug);
  if (!industry) throw new NotFoundError("industry");
  return json(industry);
});
