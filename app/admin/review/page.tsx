import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { getLocale } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import { listReviewQueue, type ReviewItem } from "@/lib/admin/review";
import { LogoutButton } from "../_components/logout-button";
import { requireAdminPage } from "../_components/session";
import { adminStrings, type AdminStrings } from "../_components/strings";

export const metadata: Metadata = { title: "Admin · review" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : undefined);

export default async function AdminReviewPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireAdminPage("/admin/review");
  const t = adminStrings(await getLocale());
  const sp = await searchParams;
  const includeConfirmed = one(sp.include) === "confirmed";
  const queue = await listReviewQueue({ includeConfirmed });
  const done = one(sp.done);
  const error = one(sp.error);
  return (
    <>
      <SubPageHeader
        parent={{ href: "/admin", label: t.title }}
        title={t.review}
        subtitle={t.reviewHelp}
        actions={<LogoutButton label={t.logout} />}
      />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-ok-soft px-3 py-2 text-sm text-ink">
          {t.done}: {done} {one(sp.slug)}
          {done === "merge" ? ` → ${one(sp.into)}` : ""}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-4 rounded-md bg-warn-soft px-3 py-2 text-sm text-warn">
          {t.failed}: {error}
        </p>
      ) : null}
      <p className="mb-4 text-sm">
        <Link
          href={includeConfirmed ? "/admin/review" : "/admin/review?include=confirmed"}
          className="text-brand hover:underline"
        >
          {includeConfirmed ? `${t.discovered} only` : `+ ${t.confirmed}`}
        </Link>
      </p>
      {(["model", "organization"] as const).map((kind) => (
        <datalist key={kind} id={`${kind}-targets`}>
          {queue.targets[kind].map((e) => (
            <option key={e.slug} value={e.slug}>
              {e.nameZh}
            </option>
          ))}
        </datalist>
      ))}
      <div className="space-y-6">
        <Queue title={t.models} items={queue.models} t={t} />
        <Queue title={t.organizations} items={queue.organizations} t={t} />
      </div>
    </>
  );
}

function Queue({ title, items, t }: { title: string; items: ReviewItem[]; t: AdminStrings }) {
  return (
    <Card>
      <CardHeader title={`${title} (${items.length})`} />
      <CardBody>
        {items.length === 0 ? (
          <p className="text-sm text-ink-3">{t.emptyQueue}</p>
        ) : (
          <ul className="divide-y divide-line">
            {items.map((item) => (
              <li key={item.slug} className="py-4" data-testid={`review-${item.kind}-${item.slug}`}>
                <ReviewRow item={item} t={t} />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

const input = "h-10 rounded-md border border-line-strong bg-surface px-2 text-sm text-ink";
const button =
  "h-10 rounded-md border border-line-strong px-3 text-sm font-medium text-ink hover:border-brand hover:text-brand";

function ReviewRow({ item, t }: { item: ReviewItem; t: AdminStrings }) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-baseline gap-x-2">
        <span className="font-semibold text-ink" lang="zh-CN">
          {item.names.zh}
        </span>
        {item.names.en ? <span className="text-ink-2">{item.names.en}</span> : null}
        <code className="text-xs text-ink-3">{item.slug}</code>
        <span className="text-xs text-ink-3">
          [{item.status === "confirmed" ? t.confirmed : t.discovered}] · {item.mentionCount} {t.mentions}
          {item.confidence !== null ? ` · ${t.confidence} ${Math.round(item.confidence * 100)}%` : ""}
          {item.vendor ? ` · ${t.vendor}: ${item.vendor.nameZh}` : ""}
        </span>
      </div>
      {item.aliases.length ? <p className="text-xs text-ink-3">{item.aliases.join(" · ")}</p> : null}
      {item.example ? (
        <blockquote lang="zh-CN" className="border-l-2 border-brand/50 pl-2 text-sm text-ink-2">
          {item.example.sentence}{" "}
          <Link href={`/articles/${item.example.articleId}`} className="text-xs text-brand hover:underline">
            {item.example.articleTitle}
          </Link>
        </blockquote>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        {item.status === "discovered" ? <ReviewAction item={item} action="confirm" label={t.confirm} /> : null}
        <ReviewAction item={item} action="rename" label={t.rename}>
          <Field label={t.nameZh}>
            <input
              name="nameZh"
              required
              defaultValue={item.names.zh}
              maxLength={100}
              className={`${input} block w-36`}
            />
          </Field>
          <Field label={t.nameEn}>
            <input name="nameEn" defaultValue={item.names.en ?? ""} maxLength={100} className={`${input} block w-36`} />
          </Field>
        </ReviewAction>
        <ReviewAction item={item} action="merge" label={t.merge}>
          <Field label={t.mergeInto}>
            <input
              name="into"
              required
              list={`${item.kind}-targets`}
              pattern={"[a-z0-9][a-z0-9\\-]*"}
              className={`${input} block w-44`}
              aria-label={`${t.merge} (${item.slug})`}
            />
          </Field>
        </ReviewAction>
      </div>
    </div>
  );
}

/** One action on an item: a form posting the item's kind and slug, the action, its fields and a submit button. */
function ReviewAction({
  item,
  action,
  label,
  children,
}: {
  item: ReviewItem;
  action: "confirm" | "rename" | "merge";
  label: string;
  children?: ReactNode;
}) {
  return (
    <form method="post" action="/api/admin/review" className={children ? "flex flex-wrap items-end gap-2" : undefined}>
      <input type="hidden" name="kind" value={item.kind} />
      <input type="hidden" name="slug" value={item.slug} />
      <input type="hidden" name="action" value={action} />
      {children}
      <button type="submit" className={button}>
        {label}
      </button>
    </form>
  );
}

/** A labelled input of a review form. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="text-xs text-ink-3">
      {label}
      {children}
    </label>
  );
}
