// Server-side checks for the admin pages: off without ADMIN_TOKEN (404), login required otherwise.
import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { ADMIN_COOKIE, adminEnabled, verifySession } from "@/lib/admin/auth";

export async function hasAdminSession(): Promise<boolean> {
  if (!adminEnabled()) notFound();
  return verifySession((await cookies()).get(ADMIN_COOKIE)?.value);
}

/** For pages behind the login: back to the login form (and then here) without a session. */
export async function requireAdminPage(path: string): Promise<void> {
  if (!(await hasAdminSession())) redirect(`/admin?next=${encodeURIComponent(path)}`);
}
