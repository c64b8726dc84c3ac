// The gate in front of every admin route handler: rate limit, then authentication, then (for
// browser sessions) a same-origin check on writes. Failures are HttpErrors, answered by lib/api/errors.ts.
import { HttpError } from "@/lib/api/errors";
import { authenticate, type AdminAuth } from "./auth";
import { adminLimiter, clientKey, FAILED_AUTH_COST } from "./rate-limit";

export function rateLimit(request: Request, cost = 1): void {
  const taken = adminLimiter.take(clientKey(request), cost);
  if (!taken.ok) throw new HttpError(429, "too many requests", { "Retry-After": String(taken.retryAfter) });
}

/** Throws unless the request carries the admin token or a valid session. */
export function requireAdmin(request: Request): Extract<AdminAuth, { ok: true }> {
  rateLimit(request);
  const auth = authenticate(request);
  if (auth.ok) {
    if (auth.via === "cookie" && request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
    return auth;
  }
  if (auth.reason === "disabled") throw new HttpError(404, "not found");
  rateLimit(request, FAILED_AUTH_COST - 1);
  throw new HttpError(401, auth.reason === "missing" ? "authentication required" : "invalid credentials", {
    "WWW-Authenticate": 'Bearer realm="moxing-admin"',
  });
}

/** A cookie-authenticated write must come from our own pages (SameSite=Strict is the first line). */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none")
    throw new HttpError(403, "cross-site request refused");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    throw new HttpError(403, "cross-site request refused");
  }
  if (originHost !== host) throw new HttpError(403, "cross-site request refused");
}
