// Admin access: one shared token from the environment (ADMIN_TOKEN). API clients send it as
// `Authorization: Bearer <token>`; the browser logs in once and then carries a signed, expiring
// session cookie (httpOnly, SameSite=Strict). No token configured: the admin area is off.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const ADMIN_COOKIE = "moxing_admin";
/** How long a browser session lasts. */
export const SESSION_SECONDS = 8 * 60 * 60;

/** The configured token, or null when the admin area is off. */
export function adminToken(): string | null {
  const token = process.env.ADMIN_TOKEN?.trim();
  return token ? token : null;
}

export function adminEnabled(): boolean {
  return adminToken() !== null;
}

/** Constant-time comparison: both sides are hashed first, so lengths never leak or short-circuit. */
export function tokensEqual(given: string, expected: string): boolean {
  const a = createHash("sha256").update(given, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}

function sign(token: string, issuedAt: number): string {
  return createHmac("sha256", token).update(`moxing-admin-session:${issuedAt}`).digest("base64url");
}

/** A session cookie value: when it was issued, and a signature only the token's holder can make. */
export function createSession(token: string, now = Date.now()): string {
  const issuedAt = Math.floor(now / 1000);
  return `${issuedAt}.${sign(token, issuedAt)}`;
}

/** True when `value` is a session signed with the configured token and not expired. */
export function verifySession(value: string | undefined | null, now = Date.now()): boolean {
  const token = adminToken();
  if (!token || !value) return false;
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return false;
  const issuedAt = Number(m[1]);
  const age = Math.floor(now / 1000) - issuedAt;
  if (age < -60 || age > SESSION_SECONDS) return false;
  return tokensEqual(m[2], sign(token, issuedAt));
}

export function sessionCookie(value: string, secure: boolean): string {
  return [
    `${ADMIN_COOKIE}=${value}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Strict",
    `Max-Age=${SESSION_SECONDS}`,
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(): string {
  return `${ADMIN_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}

/** The value of one cookie in a Cookie header. */
function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return null;
}

export type AdminAuth =
  { ok: true; via: "bearer" | "cookie" } | { ok: false; reason: "disabled" | "missing" | "invalid" };

/** Who is asking: a bearer token (API), a session cookie (browser), or nobody. */
export function authenticate(request: Request): AdminAuth {
  const token = adminToken();
  if (!token) return { ok: false, reason: "disabled" };
  const header = request.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    return m && tokensEqual(m[1].trim(), token) ? { ok: true, via: "bearer" } : { ok: false, reason: "invalid" };
  }
  const cookie = readCookie(request.headers.get("cookie"), ADMIN_COOKIE);
  if (!cookie) return { ok: false, reason: "missing" };
  return verifySession(cookie) ? { ok: true, via: "cookie" } : { ok: false, reason: "invalid" };
}
