// POST /api/admin/login – the login form: checks the token and sets the session cookie (with the editor's
// name, when given, for the history of corrections), then back to the admin page.
import { adminToken, createSession, editorName, sessionCookie, tokensEqual } from "@/lib/admin/auth";
import { assertSameOrigin, rateLimit } from "@/lib/admin/guard";
import { FAILED_AUTH_COST } from "@/lib/admin/rate-limit";
import { HttpError } from "@/lib/api/errors";
import { handler } from "@/lib/api/http";

export const dynamic = "force-dynamic";

/** Only our own admin pages are valid places to return to. */
function safeNext(value: FormDataEntryValue | null): string {
  return typeof value === "string" && /^\/admin(\/[a-z-]*)?$/.test(value) ? value : "/admin";
}

export const POST = handler(async (request) => {
  rateLimit(request);
  const token = adminToken();
  if (!token) throw new HttpError(404, "not found");
  assertSameOrigin(request);
  const form = await request.formData().catch(() => {
    throw new HttpError(400, "send the token as a form field `token`");
  });
  const given = form.get("token");
  const next = safeNext(form.get("next"));
  if (typeof given !== "string" || !tokensEqual(given.trim(), token)) {
    rateLimit(request, FAILED_AUTH_COST - 1);
    return new Response(null, {
      status: 303,
      headers: { Location: `/admin?error=1&next=${encodeURIComponent(next)}` },
    });
  }
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return new Response(null, {
    status: 303,
    headers: {
      Location: next,
      "Set-Cookie": sessionCookie(createSession(token, Date.now(), editorName(form.get("editor"))), secure),
    },
  });
});
