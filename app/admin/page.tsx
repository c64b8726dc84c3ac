import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardBody } from "@/components/ui/card";
import { LogoutButton } from "./_components/logout-button";
import { hasAdminSession } from "./_components/session";
import { adminStrings } from "./_components/strings";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = adminStrings(await getLocale());
  const [to, th] = await Promise.all([getTranslations("overrides"), getTranslations("history")]);
  const loggedIn = await hasAdminSession();
  const sp = await searchParams;
  const next = typeof sp.next === "string" && /^\/admin(\/[a-z-]*)?$/.test(sp.next) ? sp.next : "/admin";
  if (!loggedIn) {
    return (
      <>
        <PageHeader title={t.loginTitle} subtitle={t.loginHelp} />
        <Card className="max-w-md">
          <CardBody>
            <form method="post" action="/api/admin/login" className="space-y-4">
              <input type="hidden" name="next" value={next} />
              <label className="block text-sm font-medium text-ink">
                {t.token}
                <input
                  name="token"
                  type="password"
                  required
                  autoComplete="current-password"
                  className="mt-1 block h-11 w-full rounded-md border border-line-strong bg-surface px-3 text-ink"
                />
              </label>
              <label className="block text-sm font-medium text-ink">
                {to("editorName")}
                <input
                  name="editor"
                  type="text"
                  maxLength={40}
                  autoComplete="name"
                  className="mt-1 block h-11 w-full rounded-md border border-line-strong bg-surface px-3 text-ink"
                />
              </label>
              {sp.error ? (
                <p role="alert" className="text-sm text-warn">
                  {t.loginFailed}
                </p>
              ) : null}
              <button
                type="submit"
                className="h-11 rounded-md bg-brand px-4 font-medium text-on-brand hover:bg-brand-strong"
              >
                {t.login}
              </button>
            </form>
          </CardBody>
        </Card>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t.title} subtitle={t.subtitle} actions={<LogoutButton label={t.logout} />} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {[
          { href: "/admin/ingest", title: t.ingest, help: t.ingestHelp },
          { href: "/admin/review", title: t.review, help: to("factsHelp") },
          { href: "/admin/history", title: to("history"), help: th("subtitle") },
        ].map((area) => (
          <Card key={area.href}>
            <CardBody>
              <h2 className="text-lg font-semibold">
                <Link href={area.href} className="text-brand hover:underline">
                  {area.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-ink-2">{area.help}</p>
            </CardBody>
          </Card>
        ))}
      </div>
    </>
  );
}
