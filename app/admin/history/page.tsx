import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { countStaleOverrides, listOverrides, type OverrideItem } from "@/lib/admin/overrides";
import { OVERRIDE_KINDS } from "@/lib/validations/overrides";
import { LogoutButton } from "../_components/logout-button";
import { buttonClass, inputClass } from "../_components/override-forms";
import { requireAdminPage } from "../_components/session";
import { adminStrings } from "../_components/strings";

export const metadata: Metadata = { title: "Admin · history" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : undefined);
const STATES = ["active", "stale", "revoked"] as const;

export default async function AdminHistoryPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireAdminPage("/admin/history");
  const t = adminStrings(await getLocale());
  const [th, to] = await Promise.all([getTranslations("history"), getTranslations("overrides")]);
  const sp = await searchParams;
  const kind = OVERRIDE_KINDS.find((k) => k === one(sp.kind));
  const state = STATES.find((s) => s === one(sp.state));
  const cursor = /^\d{1,10}$/.test(one(sp.cursor) ?? "") ? one(sp.cursor) : undefined;
  const [page, stale] = await Promise.all([listOverrides({ kind, state, cursor, limit: 50 }), countStaleOverrides()]);
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ kind, state, ...extra })) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/admin/history?${s}` : "/admin/history";
  };
  const back = query({ cursor });
  const done = one(sp.done);
  const error = one(sp.error);
  return (
    <>
      <SubPageHeader
        parent={{ href: "/admin", label: t.title }}
        title={th("title")}
        subtitle={th("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href="/admin/review"
              className="inline-flex h-10 items-center rounded-md border border-line-strong px-3 text-sm text-ink-2 hover:text-ink"
            >
              {th("review")}
            </Link>
            <LogoutButton label={t.logout} />
          </div>
        }
      />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-ok-soft px-3 py-2 text-sm text-ink">
          {to("done", {
            action: ["reject", "set", "confirm", "undo", "split"].includes(done) ? to(`action.${done}`) : done,
          })}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-4 rounded-md bg-warn-soft px-3 py-2 text-sm break-words text-warn">
          {to("failed", { message: error })}
        </p>
      ) : null}
      {stale > 0 && state !== "stale" ? (
        <p className="mb-4 rounded-md border border-warn/40 bg-warn-soft px-3 py-2 text-sm text-ink" role="note">
          {th("staleNotice", { count: stale })}{" "}
          <Link href={query({ state: "stale", cursor: undefined })} className="font-medium text-warn hover:underline">
            {th("showStale")} →
          </Link>
        </p>
      ) : null}
      <form method="get" action="/admin/history" className="mb-4 flex flex-wrap items-end gap-2">
        <label className="text-xs text-ink-3">
          <span className="mb-1 block">{to("kindLabel")}</span>
          <select name="kind" defaultValue={kind ?? ""} className={`${inputClass} sm:w-44`}>
            <option value="">{to("allKinds")}</option>
            {OVERRIDE_KINDS.map((k) => (
              <option key={k} value={k}>
                {to(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-xs text-ink-3">
          <span className="mb-1 block">{th("state")}</span>
          <select name="state" defaultValue={state ?? ""} className={`${inputClass} sm:w-44`}>
            <option value="">{th("states.all")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {th(`states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="h-10 rounded-md bg-brand px-4 text-sm font-medium text-on-brand hover:bg-brand-strong"
        >
          {to("filter")}
        </button>
      </form>

      {page.items.length === 0 ? (
        <Card>
          <CardBody>
            <p className="text-sm text-ink-3">{th("empty")}</p>
          </CardBody>
        </Card>
      ) : (
        <ol className="space-y-3">
          {page.items.map((o) => (
            <li key={o.id}>
              <HistoryEntry o={o} back={back} />
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor ? (
        <p className="mt-4 text-sm">
          <Link href={query({ cursor: page.nextCursor })} className="text-brand hover:underline">
            {th("older")} →
          </Link>
        </p>
      ) : null}
    </>
  );
}

const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
const actionTone = { reject: "warn", set: "brand", confirm: "ok" } as const;

/** A value of a fact as the history shows it ("—" for none; a date at its precision). */
function shown(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "object" && "value" in v) return (v as { value: string | null }).value ?? "—";
  return typeof v === "string" ? v : JSON.stringify(v);
}

function HistoryEntry({ o, back }: { o: OverrideItem; back: string }) {
  const th = useTranslations("history");
  const to = useTranslations("overrides");
  const fields = Object.keys(o.values ?? {});
  return (
    <Card as="article" aria-label={`${to(`action.${o.action}`)} ${o.key}`}>
      <div className="space-y-2 p-4 sm:p-5" data-testid={`history-${o.id}`}>
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <Badge tone={actionTone[o.action]}>{to(`action.${o.action}`)}</Badge>
          <span className="text-ink-2">{to(`kind.${o.kind}`)}</span>
          <time dateTime={o.createdAt} className="text-ink-3 tabular-nums">
            {when(o.createdAt)}
          </time>
          <span className="text-ink-2">· {o.editor}</span>
          {o.stale && !o.revokedAt ? <Badge tone="warn">{th("staleBadge")}</Badge> : null}
          {!o.revokedAt ? <span className="text-xs text-ink-3">{th("matches", { count: o.matches })}</span> : null}
        </div>
        <p className="text-sm">
          <code className="break-all text-ink">{o.key}</code>
          {o.article ? (
            <>
              {" · "}
              {o.article.id ? (
                <a href={`/articles/${o.article.id}`} className="break-all text-brand hover:underline">
                  {o.article.url}
                </a>
              ) : (
                <span className="break-all text-ink-3">{o.article.url}</span>
              )}
            </>
          ) : null}
        </p>
        {o.sentence ? (
          <blockquote lang="zh-CN" className="border-l-2 border-brand/50 pl-2 text-sm break-words text-ink-2">
            {o.sentence}
          </blockquote>
        ) : null}
        {o.action === "set" ? (
          <table className="w-full max-w-xl text-left text-sm">
            <caption className="sr-only">{th("change")}</caption>
            <thead className="text-xs text-ink-3">
              <tr>
                <th scope="col" className="py-1 pr-3 font-normal"></th>
                <th scope="col" className="py-1 pr-3 font-normal">
                  {th("before")}
                </th>
                <th scope="col" className="py-1 font-normal">
                  {th("after")}
                </th>
              </tr>
            </thead>
            <tbody>
              {fields.map((f) => (
                <tr key={f} className="border-t border-line">
                  <th scope="row" className="py-1 pr-3 font-normal text-ink-3">
                    {to.has(`fields.${f}`) ? to(`fields.${f}`).replace(/（.*|\s*\(.*/, "") : f}
                  </th>
                  <td className="py-1 pr-3 break-all text-ink-2 line-through decoration-ink-3/60">
                    {shown(o.previous?.[f])}
                  </td>
                  <td className="py-1 font-medium break-all text-ink">{shown(o.values?.[f])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-sm text-ink-2">{o.action === "reject" ? th("rejected") : th("confirmed")}</p>
        )}
        {o.reason ? (
          <p className="text-sm text-ink-2">
            <span className="text-ink-3">{th("reason")}:</span> {o.reason}
          </p>
        ) : null}
        {o.revokedAt ? (
          <p className="text-sm text-ink-3">{th("undone", { date: when(o.revokedAt), by: o.revokedBy ?? "—" })}</p>
        ) : (
          <form method="post" action={`/api/admin/overrides/${o.id}/undo`}>
            <input type="hidden" name="back" value={back} />
            <button type="submit" className={buttonClass}>
              {th("undo")}
            </button>
          </form>
        )}
      </div>
    </Card>
  );
}
