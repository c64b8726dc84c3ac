"use client";
// Filters as a GET form: the URL holds the state (shareable; back button works). Selects apply
// on change; without JavaScript the Apply button submits the same form.
import Form from "next/form";
import Link from "next/link";
import { useRef } from "react";

export interface SelectField {
  kind: "select";
  name: string;
  label: string;
  value?: string;
  allLabel: string;
  options: { value: string; label: string }[];
}

export interface TextField {
  kind: "text";
  name: string;
  label: string;
  value?: string;
  placeholder?: string;
  pattern?: string;
}

export function FilterBar({
  action,
  fields,
  applyLabel,
  resetLabel,
  legend,
  active,
}: {
  action: string;
  fields: (SelectField | TextField)[];
  applyLabel: string;
  resetLabel: string;
  legend: string;
  active: boolean;
}) {
  const form = useRef<HTMLFormElement>(null);
  return (
    <Form
      ref={form}
      action={action}
      onSubmit={(e) => {
        // Leave empty fields out of the URL (?vendor=baidu, not ?vendor=baidu&model=&type=...).
        const disabled: (HTMLInputElement | HTMLSelectElement)[] = [];
        for (const el of Array.from(e.currentTarget.elements)) {
          if ((el instanceof HTMLInputElement || el instanceof HTMLSelectElement) && el.name && !el.value) {
            el.disabled = true;
            disabled.push(el);
          }
        }
        setTimeout(() => disabled.forEach((el) => (el.disabled = false)), 0);
      }}
      className="mb-6 rounded-xl border border-line bg-surface p-3 sm:p-4"
      aria-label={legend}
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fit,minmax(11rem,1fr))]">
        {fields.map((f) => (
          <label key={f.name} className="flex min-w-0 flex-col gap-1 text-xs font-medium text-ink-2">
            {f.label}
            {f.kind === "select" ? (
              <select
                name={f.name}
                defaultValue={f.value ?? ""}
                onChange={() => form.current?.requestSubmit()}
                className="h-9 w-full min-w-0 rounded-lg border border-line-strong bg-surface px-2 text-sm text-ink"
              >
                <option value="">{f.allLabel}</option>
                {f.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                name={f.name}
                defaultValue={f.value ?? ""}
                placeholder={f.placeholder}
                pattern={f.pattern}
                inputMode="numeric"
                className="h-9 w-full min-w-0 rounded-lg border border-line-strong bg-surface px-2 text-sm text-ink placeholder:text-ink-3"
              />
            )}
          </label>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-3">
        <button
          type="submit"
          className="h-9 rounded-lg bg-brand px-4 text-sm font-medium text-on-brand hover:bg-brand-strong"
        >
          {applyLabel}
        </button>
        {active ? (
          <Link href={action} className="text-sm text-ink-2 underline-offset-4 hover:text-brand hover:underline">
            {resetLabel}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
