import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SubPageHeader } from "@/components/ui/sub-page-header";
import {
  listClaimQueue,
  listEventQueue,
  listLinkQueue,
  listMentionQueue,
  listQueueArticles,
  type QueuePage,
} from "@/lib/admin/fact-queue";
import { listReviewQueue, type ReviewItem } from "@/lib/admin/review";
import METRICS from "@/lib/extract/data/metrics.json";
import { OVERRIDE_KINDS, type OverrideKind } from "@/lib/validations/overrides";
import { ClaimRow, Confidence, EventRow, LinkRow, MentionRow, ReviewedMark } from "../_components/fact-rows";
import { LogoutButton } from "../_components/logout-button";
import { ConfirmForm, EditForm, Field, inputClass, RejectForm, Sentence } from "../_components/override-forms";
import { requireAdminPage } from "../_components/session";
import { adminStrings, type AdminStrings } from "../_components/strings";

export const metadata: Metadata = { title: "Admin · review" };

type SP = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 200) : undefined);
const count = (v: string | undefined) => (v && /^\d{1,7}$/.test(v) ? Number(v) : undefined);
/** Per kind on the page of all kinds; on one kind's page, per page. */
const PREVIEW = 10;
const PAGE = 50;

export default async function AdminReviewPage({ searchParams }: { searchParams: Promise<SP> }) {
  await requireAdminPage("/admin/review");
  const locale = await getLocale();
  const t = adminStrings(locale);
  const to = await getTranslations("overrides");
  const sp = await searchParams;
  const kindParam = one(sp.kind);
  const kind = OVERRIDE_KINDS.find((k) => k === kindParam);
  const article = count(one(sp.article)) || undefined;
  const page = kind ? (count(one(sp.page)) ?? 0) : 0;
  const includeConfirmed = one(sp.include) === "confirmed";
  const href = (params: { kind?: OverrideKind; article?: number; page?: number; include?: boolean }) => {
    const q = new URLSearchParams();
    if (params.kind) q.set("kind", params.kind);
    if (params.article) q.set("article", String(params.article));
    if (params.page) q.set("page", String(params.page));
    if (params.include) q.set("include", "confirmed");
    const s = q.toString();
    return s ? `/admin/review?${s}` : "/admin/review";
  };
  const here = { kind, article, page, include: includeConfirmed };
  const back = href(here);
  const filter = { article, offset: page * PAGE, limit: kind ? PAGE : PREVIEW };
  const shows = (k: OverrideKind) => !kind || kind === k;
  const none = Promise.resolve(null);
  const [queue, events, claims, links, mentions, articles] = await Promise.all([
    listReviewQueue({ includeConfirmed, article }),
    shows("event") ? listEventQueue(filter) : none,
    shows("claim") ? listClaimQueue(filter) : none,
    shows("industry_link") ? listLinkQueue(filter) : none,
    shows("mention") ? listMentionQueue(filter) : none,
    listQueueArticles(),
  ]);
  const done = one(sp.done);
  const error = one(sp.error);
  const actionLabel = (a: string) =>
    ["reject", "set", "confirm", "undo", "split"].includes(a) ? to(`action.${a}`) : a;

  /** A kind's card: its rows, and a link to all of them (all kinds) or the pages (one kind). */
  const section = <T,>(
    k: OverrideKind,
    data: QueuePage<T> | null,
    row: (item: T) => ReactNode,
    key: (item: T) => string,
  ) =>
    data ? (
      <Card key={k} aria-labelledby={`queue-${k}`}>
        <CardHeader
          id={`queue-${k}`}
          title={`${to(`kind.${k}`)} (${data.total})`}
          action={
            !kind && data.total > data.items.length ? (
              <Link href={href({ ...here, kind: k, page: 0 })} className="text-sm text-brand hover:underline">
                {to("showAll", { count: data.total })} →
              </Link>
            ) : null
          }
        />
        <CardBody>
          {data.items.length === 0 ? (
            <p className="text-sm text-ink-3">{to("empty")}</p>
          ) : (
            <ul className="divide-y divide-line">
              {data.items.map((item) => (
                <li key={key(item)} className="py-4 first:pt-0 last:pb-0">
                  {row(item)}
                </li>
              ))}
            </ul>
          )}
          {kind === k ? <Pager page={page} total={data.total} href={(p) => href({ ...here, page: p })} /> : null}
        </CardBody>
      </Card>
    ) : null;

  return (
    <>
      <SubPageHeader
        parent={{ href: "/admin", label: t.title }}
        title={t.review}
        subtitle={to("factsHelp")}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link
              href="/admin/history"
              className="inline-flex h-10 items-center rounded-md border border-line-strong px-3 text-sm text-ink-2 hover:text-ink"
            >
              {to("history")}
            </Link>
            <LogoutButton label={t.logout} />
          </div>
        }
      />
      {done ? (
        <p role="status" className="mb-4 rounded-md bg-ok-soft px-3 py-2 text-sm text-ink">
          {to("done", { action: actionLabel(done) })}
          {one(sp.slug) ? ` ${one(sp.slug)}` : ""}
          {done === "merge" ? ` → ${one(sp.into)}` : ""}
          {one(sp.id) ? (
            <>
              {" · "}
              <Link href="/admin/history" className="text-brand hover:underline">
                {to("seeHistory")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="mb-4 rounded-md bg-warn-soft px-3 py-2 text-sm break-words text-warn">
          {to("failed", { message: error })}
        </p>
      ) : null}

      <nav aria-label={to("kindLabel")} className="mb-3 flex flex-wrap gap-2 text-sm">
        {[undefined, ...OVERRIDE_KINDS].map((k) => (
          <Link
            key={k ?? "all"}
            href={href({ kind: k, article, include: includeConfirmed })}
            aria-current={k === kind ? "page" : undefined}
            className="rounded-full border border-line-strong px-3 py-1.5 text-ink-2 hover:border-brand hover:text-brand aria-[current=page]:border-brand aria-[current=page]:bg-brand-soft aria-[current=page]:text-brand"
          >
            {k ? to(`kind.${k}`) : to("allKinds")}
          </Link>
        ))}
      </nav>
      <form method="get" action="/admin/review" className="mb-4 flex flex-wrap items-end gap-2">
        {kind ? <input type="hidden" name="kind" value={kind} /> : null}
        {includeConfirmed ? <input type="hidden" name="include" value="confirmed" /> : null}
        <label className="min-w-0 flex-1 text-xs text-ink-3 sm:max-w-md">
          <span className="mb-1 block">{to("articleLabel")}</span>
          <select name="article" defaultValue={article ? String(article) : ""} className={inputClass}>
            <option value="">{to("allArticles")}</option>
            {articles.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
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
        {!article ? (
          <Link
            href={href({ ...here, page: 0, include: !includeConfirmed })}
            className="inline-flex h-10 items-center text-sm text-brand hover:underline"
          >
            {includeConfirmed ? `${t.discovered} only` : `+ ${t.confirmed}`}
          </Link>
        ) : null}
      </form>

      {(["model", "organization"] as const).map((k) => (
        <datalist key={k} id={`${k}-targets`}>
          {queue.targets[k].map((e) => (
            <option key={e.slug} value={e.slug}>
              {e.nameZh}
            </option>
          ))}
        </datalist>
      ))}
      <datalist id="metric-options">
        {Object.keys(METRICS.metrics).map((m) => (
          <option key={m} value={m} />
        ))}
      </datalist>

      <div className="space-y-6">
        {shows("model") ? <Queue kind="model" items={queue.models} t={t} back={back} /> : null}
        {shows("organization") ? <Queue kind="organization" items={queue.organizations} t={t} back={back} /> : null}
        {section(
          "event",
          events,
          (e) => (
            <EventRow item={e} back={back} />
          ),
          (e) => `e${e.id}`,
        )}
        {section(
          "claim",
          claims,
          (c) => (
            <ClaimRow item={c} back={back} />
          ),
          (c) => `c${c.id}`,
        )}
        {section(
          "industry_link",
          links,
          (l) => (
            <LinkRow item={l} back={back} />
          ),
          (l) => `l${l.id}`,
        )}
        {section(
          "mention",
          mentions,
          (m) => (
            <MentionRow item={m} back={back} />
          ),
          (m) => `m${m.id}`,
        )}
      </div>
    </>
  );
}

function Pager({ page, total, href }: { page: number; total: number; href: (page: number) => string }) {
  const t = useTranslations("overrides");
  const last = Math.max(0, Math.ceil(total / PAGE) - 1);
  if (last === 0) return null;
  return (
    <nav aria-label={t("total", { count: total })} className="mt-4 flex items-center gap-3 text-sm">
      {page > 0 ? (
        <Link href={href(page - 1)} className="text-brand hover:underline">
          ← {t("previousPage")}
        </Link>
      ) : null}
      <span className="text-ink-3 tabular-nums">
        {page + 1} / {last + 1}
      </span>
      {page < last ? (
        <Link href={href(page + 1)} className="text-brand hover:underline">
          {t("nextPage")} →
        </Link>
      ) : null}
    </nav>
  );
}

/** Models or organizations: confirm, rename, merge (the review queue's own actions), reject, and a model's set. */
function Queue({
  kind,
  items,
  t,
  back,
}: {
  kind: "model" | "organization";
  items: ReviewItem[];
  t: AdminStrings;
  back: string;
}) {
  const to = useTranslations("overrides");
  return (
    <Card aria-labelledby={`queue-${kind}`}>
      <CardHeader id={`queue-${kind}`} title={`${to(`kind.${kind}`)} (${items.length})`} />
      <CardBody>
        {items.length === 0 ? (
          <p className="text-sm text-ink-3">{t.emptyQueue}</p>
        ) : (
          <ul className="divide-y divide-line">
            {items.map((item) => (
              <li
                key={item.slug}
                className="py-4 first:pt-0 last:pb-0"
                data-testid={`review-${item.kind}-${item.slug}`}
              >
                <ReviewRow item={item} t={t} back={back} />
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}

const button =
  "inline-flex h-10 cursor-pointer items-center rounded-md border border-line-strong px-3 text-sm font-medium text-ink hover:border-brand hover:text-brand focus-visible:outline-2 focus-visible:outline-brand";

function ReviewRow({ item, t, back }: { item: ReviewItem; t: AdminStrings; back: string }) {
  const to = useTranslations("overrides");
  const target = { kind: item.kind, key: item.slug };
  const status = item.status === "confirmed" ? t.confirmed : item.status === "curated" ? t.curated : t.discovered;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="font-semibold text-ink" lang="zh-CN">
          {item.names.zh}
        </span>
        {item.names.en ? <span className="text-ink-2">{item.names.en}</span> : null}
        <code className="text-xs text-ink-3">{item.slug}</code>
        <span className="text-xs text-ink-3">
          [{status}] · {item.mentionCount} {t.mentions}
          {item.vendor ? ` · ${t.vendor}: ${item.vendor.nameZh}` : ""}
        </span>
        <Confidence value={item.confidence} />
        <ReviewedMark reviewed={item.reviewed} />
      </div>
      {item.aliases.length ? <p className="text-xs text-ink-3">{item.aliases.join(" · ")}</p> : null}
      <Sentence
        source={
          item.example
            ? {
                articleId: item.example.articleId,
                articleTitle: item.example.articleTitle,
                sentence: item.example.sentence,
              }
            : null
        }
        empty={to("noSentence")}
      />
      <div className="flex flex-wrap items-end gap-2">
        {item.status === "discovered" ? (
          <ReviewAction item={item} action="confirm" label={t.confirm} />
        ) : (
          <ConfirmForm target={target} back={back} label={to("confirm")} />
        )}
        {item.status !== "curated" ? (
          <>
            <ReviewAction item={item} action="rename" label={t.rename}>
              <Field label={t.nameZh}>
                <input
                  name="nameZh"
                  required
                  defaultValue={item.names.zh}
                  maxLength={100}
                  className={`${inputClass} sm:w-36`}
                />
              </Field>
              <Field label={t.nameEn}>
                <input
                  name="nameEn"
                  defaultValue={item.names.en ?? ""}
                  maxLength={100}
                  className={`${inputClass} sm:w-36`}
                />
              </Field>
            </ReviewAction>
            <ReviewAction item={item} action="merge" label={t.merge}>
              <Field label={t.mergeInto}>
                <input
                  name="into"
                  required
                  list={`${item.kind}-targets`}
                  pattern={"[a-z0-9][a-z0-9\\-]*"}
                  className={`${inputClass} sm:w-44`}
                  aria-label={`${t.merge} (${item.slug})`}
                />
              </Field>
            </ReviewAction>
          </>
        ) : null}
        <RejectForm
          target={target}
          back={back}
          label={to("reject")}
          placeholder={to("reasonRequired")}
          what={item.names.zh}
        />
        {item.kind === "model" && item.mentions.length > 1 ? <SplitForm item={item} back={back} /> : null}
        {item.kind === "model" ? (
          <EditForm target={target} back={back} label={to("edit")} save={to("saveEdit")} reason={to("reasonOptional")}>
            <Field label={to("fields.vendor")}>
              <input
                name="vendor"
                defaultValue={item.vendor?.slug ?? ""}
                list="organization-targets"
                className={inputClass}
              />
            </Field>
            <Field label={to("fields.family")}>
              <input name="family" defaultValue={item.family ?? ""} className={inputClass} />
            </Field>
            <Field label={to("fields.version")}>
              <input name="version" defaultValue={item.version ?? ""} maxLength={60} className={inputClass} />
            </Field>
          </EditForm>
        ) : null}
      </div>
    </div>
  );
}

/** A model read under one name for two: tick the mentions that name the other one. */
function SplitForm({ item, back }: { item: ReviewItem; back: string }) {
  const to = useTranslations("overrides");
  return (
    <details className="group open:w-full">
      <summary className={`${button} w-fit list-none select-none [&::-webkit-details-marker]:hidden`}>
        {to("split")}
        <span aria-hidden="true" className="ml-1 text-ink-3 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form
        method="post"
        action="/api/admin/overrides/split"
        className="mt-2 space-y-3 rounded-lg border border-line bg-subtle p-3"
      >
        <input type="hidden" name="kind" value="model" />
        <input type="hidden" name="key" value={item.slug} />
        <input type="hidden" name="back" value={back} />
        <p className="text-xs text-ink-3">{to("splitHelp")}</p>
        <fieldset>
          <legend className="mb-1 text-xs text-ink-3">{to("splitMentions")}</legend>
          <ul className="space-y-1.5">
            {item.mentions.map((m) => {
              const at = m.start - m.sentenceStart;
              const fits = at >= 0 && m.sentence.slice(at, at + m.end - m.start) === m.text;
              return (
                <li key={`${m.articleId}:${m.start}`}>
                  <label className="flex items-start gap-2 text-sm text-ink-2">
                    <input
                      type="checkbox"
                      name="mentions"
                      value={`${m.articleId}:${m.start}:${m.end}`}
                      className="mt-1 h-4 w-4 shrink-0"
                    />
                    <span lang="zh-CN" className="min-w-0 break-words">
                      {fits ? (
                        <>
                          {m.sentence.slice(0, at)}
                          <mark className="rounded bg-brand-soft px-0.5 text-ink">{m.text}</mark>
                          {m.sentence.slice(at + m.end - m.start)}
                        </>
                      ) : (
                        m.sentence
                      )}{" "}
                      <span className="text-xs text-ink-3">· {m.articleTitle}</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
          <Field label={to("fields.into")}>
            <input name="into" required list="model-targets" pattern={"[a-z0-9][a-z0-9\\-]*"} className={inputClass} />
          </Field>
          <Field label={to("fields.nameZh")}>
            <input name="nameZh" maxLength={100} defaultValue={item.names.zh} className={inputClass} />
          </Field>
          <Field label={to("fields.nameEn")}>
            <input name="nameEn" maxLength={100} defaultValue={item.names.en ?? ""} className={inputClass} />
          </Field>
          <Field label={to("fields.vendor")}>
            <input name="vendor" list="organization-targets" className={inputClass} />
          </Field>
          <Field label={to("reasonOptional")}>
            <input name="reason" maxLength={500} className={inputClass} />
          </Field>
          <div className="flex items-end">
            <button type="submit" className={button}>
              {to("split")}
            </button>
          </div>
        </div>
      </form>
    </details>
  );
}

/** One of the queue's own actions: a form posting the item's kind and slug, the action, its fields and a submit button. */
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
