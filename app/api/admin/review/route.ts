// GET /api/admin/review – the review queue (discovered models and organizations);
// POST /api/admin/review – confirm, rename or merge one (JSON for API clients; the page's forms get a redirect back).
import { requireAdmin } from "@/lib/admin/guard";
import { applyReviewAction, listReviewQueue, reviewActionSchema } from "@/lib/admin/review";
import { readBody } from "@/lib/admin/write-route";
import { HttpError } from "@/lib/api/errors";
import { handler, json } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = handler(async (request) => {
  requireAdmin(request);
  const all = new URL(request.url).searchParams.get("include") === "confirmed";
  return json(await listReviewQueue({ includeConfirmed: all }));
});

export const POST = handler(async (request) => {
  const auth = requireAdmin(request);
  const { input, isForm } = await readBody(request);
  const action = reviewActionSchema.parse(input);
  // A browser form (cookie session) goes back to the queue with the outcome; API clients get JSON.
  if (isForm && auth.via === "cookie") {
    try {
      const result = await applyReviewAction(action, auth.editor);
      return redirect(request, { done: result.action, slug: result.slug, into: result.into });
    } catch (error) {
      if (error instanceof HttpError) return redirect(request, { error: error.message });
      throw error;
    }
  }
  return json(await applyReviewAction(action, auth.editor));
});

function redirect(request: Request, params: Record<string, string>): Response {
  const url = new URL("/admin/review", request.url);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}` } });
}
