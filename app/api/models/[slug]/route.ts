// GET /api/models/{slug} – one model with its vendor, family, events, industries and claims.
import { NotFoundError } from "@/lib/api/errors";
import { handler, json, parseParams } from "@/lib/api/http";
import { getModelBySlug } from "@/lib/queries/models";
import { slugParamSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (_request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = parseParams(slugParamSchema, await params);
  const model = await getModelBySlug(slug);
  if (!model) throw new NotFoundError("model");
  return json(model);
});
