// Security headers for every page, with a fresh script nonce per request for the
// Content-Security-Policy (Next reads it from the request's CSP header and applies it to its
// scripts). A render the page cache asked for (lib/server/page-cache.ts, with this process's secret)
// gets no nonce: it is served to every reader under a policy of the hashes of what was rendered,
// which the cache sets. API routes, exports and feeds set their own headers (lib/api/headers.ts) and
// stay out of here, so that uploads are not buffered twice.
import { NextResponse, type NextRequest } from "next/server";
import { baseSecurityHeaders, pageCsp, SHARED_RENDER_HEADER } from "@/lib/api/headers";

export function proxy(request: NextRequest) {
  const secret = process.env.MOXING_SHARED_RENDER_SECRET;
  if (secret && request.headers.get(SHARED_RENDER_HEADER) === secret) {
    const response = NextResponse.next();
    for (const [k, v] of Object.entries(baseSecurityHeaders())) response.headers.set(k, v);
    return response;
  }
  const nonce = btoa(crypto.randomUUID());
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  const csp = pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(baseSecurityHeaders())) response.headers.set(k, v);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|feed.xml|feeds/).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
