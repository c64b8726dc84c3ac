// Admin access: one shared token from the environment (ADMIN_TOKEN). API clients send it as
// `Authorization: Bearer <token>`; the browser logs in once and then carries a signed, expiring
// session cookie (httpOnly, SameSite=Strict) that may carry the name the editor gave at login, so
// that the history of corrections says who made each. No token configured: the admin area is off.
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

function sign(token: string, issuedAt: number, name = ""): string {
  return createHmac("sha256", token)
    .update(`moxing-admin-session:${issuedAt}${name ? `:${name}` : ""}`)
    .digest("base64url");
}

/** What an editor may call themselves: a short line of visible text. */
export function editorName(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const name = [...value.replace(/\p{C}/gu, "").trim()].slice(0, 40).join("").trim();
  return name || null;
}

/**
 * A session cookie value: when it was issued, the editor's name (base64url, when given), and a
 * signature of both only the token's holder can make.
 */
export function createSession(token: string, now = Date.now(), editor: string | null = null): string {
  const issuedAt = Math.floor(now / 1000);
  const name = editor ? Buffer.from(editor, "utf8").toString("base64url") : "";
  return name ? `${issuedAt}.${name}.${sign(token, issuedAt, name)}` : `${issuedAt}.${sign(token, issuedAt)}`;
}

/** The session in `value` when it is signed with the configured token and not expired, else null. */
function readSession(value: string | undefined | null, now = Date.now()): { editor: string | null } | null {
  const token = adminToken();
  if (!token || !value) return null;
  const m = /^(\d{1,12})(?:\.([A-Za-z0-9_-]{1,200}))?\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!m) return null;
  const issuedAt = Number(m[1]);
  const age = Math.floor(now / 1000) - issuedAt;
  if (age < -60 || age > SESSION_SECONDS) return null;
  if (!tokensEqual(m[3], sign(token, issuedAt, m[2] ?? ""))) return null;
  return { editor: m[2] ? editorName(Buffer.from(m[2], "base64url").toString("utf8")) : null };
}

/** True when `value` is a session signed with the configured token and not expired. */
export function verifySession(value: string | undefined | null, now = Date.now()): boolean {
  return readSession(value, now) !== null;
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
  { ok: true; via: "bearer" | "cookie"; editor: string } | { ok: false; reason: "disabled" | "missing" | "invalid" };

/** Who the history names for an API client (one shared token: no one in particular). */
const TOKEN_EDITOR = "token";
/** ... and for a browser session whose editor gave no name at login. */
export const SESSION_EDITOR = "admin";

/** Who is asking: a bearer token (API), a session cookie (browser), or nobody. */
export function authenticate(request: Request): AdminAuth {
  const token = adminToken();
  if (!token) return { ok: false, reason: "disabled" };
  const header = request.headers.get("authorization");
  if (header) {
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    return m && tokensEqual(m[1].trim(), token)
      ? { ok: true, via: "bearer", editor: TOKEN_EDITOR }
      : { ok: false, reason: "invalid" };
  }
  const cookie = readCookie(request.headers.get("cookie"), ADMIN_COOKIE);
  if (!cookie) return { ok: false, reason: "missing" };
  const session = readSession(cookie);
  return session
    ? { ok: true, via: "cookie", editor: session.editor ?? SESSION_EDITOR }
    : { ok: false, reason: "invalid" };
}
