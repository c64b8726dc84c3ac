// The correction forms of the review queue: plain HTML forms posting to /api/admin/overrides/*
// (they work without JavaScript and from the keyboard; the API sends the editor back with the outcome).
import type { ReactNode } from "react";

/** What a form names: the fact's kind and key, or its article and span (hidden fields). */
export type Target = Record<string, string | number | null>;

export const inputClass =
  "block h-10 w-full rounded-md border border-line-strong bg-surface px-2 text-sm text-ink focus-visible:outline-2 focus-visible:outline-brand";
export const buttonClass =
  "inline-flex h-10 cursor-pointer items-center rounded-md border border-line-strong px-3 text-sm font-medium text-ink hover:border-brand hover:text-brand focus-visible:outline-2 focus-visible:outline-brand";
const warnButton =
  "inline-flex h-10 cursor-pointer items-center rounded-md border border-warn/60 px-3 text-sm font-medium text-warn hover:bg-warn-soft focus-visible:outline-2 focus-visible:outline-warn";

function Hidden({ target, back }: { target: Target; back: string }) {
  return (
    <>
      {Object.entries(target).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value ?? ""} />
      ))}
      <input type="hidden" name="back" value={back} />
    </>
  );
}

export function ConfirmForm({ target, back, label }: { target: Target; back: string; label: string }) {
  return (
    <form method="post" action="/api/admin/overrides/confirm">
      <Hidden target={target} back={back} />
      <button type="submit" className={buttonClass}>
        {label}
      </button>
    </form>
  );
}

/** Reject, with the reason the history keeps (required). */
export function RejectForm({
  target,
  back,
  label,
  placeholder,
  what,
}: {
  target: Target;
  back: string;
  label: string;
  placeholder: string;
  /** what is rejected, for the reason field's accessible name */
  what: string;
}) {
  return (
    <form method="post" action="/api/admin/overrides/reject" className="flex w-full flex-wrap gap-2 sm:w-auto">
      <Hidden target={target} back={back} />
      <input
        name="reason"
        required
        maxLength={500}
        placeholder={placeholder}
        aria-label={`${placeholder}: ${what}`}
        className={`${inputClass} min-w-0 flex-1 sm:w-56`}
      />
      <button type="submit" className={warnButton}>
        {label}
      </button>
    </form>
  );
}

/** Edit: a disclosure (keyboard: Enter or Space on its summary) holding the set form. */
export function EditForm({
  target,
  back,
  label,
  save,
  reason,
  children,
}: {
  target: Target;
  back: string;
  label: string;
  save: string;
  reason: string;
  children: ReactNode;
}) {
  return (
    <details className="group open:w-full">
      <summary className={`${buttonClass} w-fit list-none select-none [&::-webkit-details-marker]:hidden`}>
        {label}
        <span aria-hidden="true" className="ml-1 text-ink-3 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <form
        method="post"
        action="/api/admin/overrides/set"
        className="mt-2 grid grid-cols-1 gap-3 rounded-lg border border-line bg-subtle p-3 sm:grid-cols-2 lg:grid-cols-3"
      >
        <Hidden target={target} back={back} />
        {children}
        <Field label={reason}>
          <input name="reason" maxLength={500} className={inputClass} />
        </Field>
        <div className="flex items-end">
          <button type="submit" className={buttonClass}>
            {save}
          </button>
        </div>
      </form>
    </details>
  );
}

/** A labelled field of a correction form. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block min-w-0 text-xs text-ink-3">
      <span className="mb-1 block">{label}</span>
      {children}
    </label>
  );
}

/** The sentence a fact came from, and its article. */
export function Sentence({
  source,
  empty,
}: {
  source: { articleId: number; articleTitle: string; sentence: string } | null;
  empty: string;
}) {
  if (!source) return <p className="text-sm text-ink-3">{empty}</p>;
  return (
    <blockquote lang="zh-CN" className="border-l-2 border-brand/50 pl-2 text-sm break-words text-ink-2">
      {source.sentence}{" "}
      <a href={`/articles/${source.articleId}`} className="text-xs text-brand hover:underline">
        {source.articleTitle}
      </a>
    </blockquote>
  );
}
