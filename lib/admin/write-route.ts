// The admin write endpoints' shape: the guard (token, or session + same origin), a JSON or form
// body checked by a zod schema, then JSON for API clients and, for a browser form, a redirect back
// to the admin page it came from with the outcome (or the error) in the query.
import { ZodError, type z } from "zod";
import { HttpError } from "@/lib/api/errors";
import { handler, json } from "@/lib/api/http";
import { requireAdmin } from "./guard";

/** The body as an object: a form's text fields (a repeated one as a list), or JSON (anything else: 415). */
export async function readBody(request: Request): Promise<{ input: unknown; isForm: boolean }> {
  const type = request.headers.get("content-type") ?? "";
  if (/^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(type)) {
    const input: Record<string, string | string[]> = {};
    for (const [k, v] of (await request.formData()).entries())
      if (typeof v === "string") input[k] = k in input ? [input[k], v].flat() : v;
    return { input, isForm: true };
  }
  if (/^application\/json/i.test(type)) {
    const input: unknown = await request.json().catch(() => {
      throw new HttpError(400, "the body is not valid JSON");
    });
    return { input, isForm: false };
  }
  throw new HttpError(415, "send JSON or a form");
}

const BACK = /^\/admin\/(review|history)(\?[\w=&%.:+-]*)?$/;

/** Back to the page a form named (an admin page only), with `params` added to its query. */
function redirectBack(request: Request, input: unknown, params: Record<string, string>): Response {
  const back = (input as { back?: unknown } | null)?.back;
  const url = new URL(typeof back === "string" && BACK.test(back) ? back : "/admin/review", request.url);
  for (const key of ["done", "error", "id"]) url.searchParams.delete(key);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return new Response(null, { status: 303, headers: { Location: `${url.pathname}${url.search}` } });
}

const issuesText = (e: ZodError) =>
  e.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");

/**
 * A POST handler: `run(input, editor, params)` with the parsed body; its result is answered as JSON
 * (`status`), or a form is sent back with `done=<label>&id=<id>` (or `error=`).
 */
export function adminWrite<S extends z.ZodType, P, R extends { id: number }>(
  schema: S,
  label: string,
  run: (input: z.infer<S>, editor: string, params: P) => Promise<R>,
  status = 200,
) {
  return handler(async (request: Request, context: { params: Promise<P> }) => {
    const auth = requireAdmin(request);
    const params = await context.params;
    const { input, isForm } = await readBody(request);
    if (isForm && auth.via === "cookie") {
      try {
        const result = await run(schema.parse(input), auth.editor, params);
        return redirectBack(request, input, { done: label, id: String(result.id) });
      } catch (error) {
        if (error instanceof HttpError || error instanceof ZodError)
          return redirectBack(request, input, {
            error: error instanceof ZodError ? issuesText(error) : error.message,
          });
        throw error;
      }
    }
    return json(await run(schema.parse(input), auth.editor, params), { status });
  });
}
