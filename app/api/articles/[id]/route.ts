// GET /api/articles/{id} – one article: cleaned body, sentences, mentions, and the facts read from it.
import { NotFoundError } from "@/lib/api/errors";
import { handler, publicJson, parseParams } from "@/lib/api/http";
import { getArticleById } from "@/lib/queries/articles";
import { articleIdParamSchema } from "@/lib/validations/api";

export const dynamic = "force-dynamic";

export const GET = handler(async (_request, { params }: { params: Promise<{ id: string }> }) => {
  const { id } = parseParams(articleIdParamSchema, await params);
  const article = await getArticleById(Number(id));
  if (!article) throw new NotFoundError("article");
  return publicJson(article);
});
