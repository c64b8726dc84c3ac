// POST /api/admin/logout – ends the browser session.
import { clearedSessionCookie } from "@/lib/admin/auth";
import { assertSameOrigin } from "@/lib/admin/guard";
import { handler } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const POST = handler((request) => {
  assertSameOrigin(request);
  return new Response(null, { status: 303, headers: { Location: "/admin", "Set-Cookie": clearedSessionCookie() } });
});
