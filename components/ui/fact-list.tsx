import type { ReactNode } from "react";

/** A definition list of label/value rows (entity metadata). */
export function FactList({ rows }: { rows: { label: ReactNode; value: ReactNode; key: string }[] }) {
  return (
    <dl className="divide-y divide-line text-sm">
      {rows.map((r) => (
        <div
          key={r.key}
          className="grid grid-cols-[7rem_minmax(0,1fr)] gap-3 py-2 first:pt-0 last:pb-0 sm:grid-cols-[8rem_minmax(0,1fr)]"
        >
          <dt className="text-ink-3">{r.label}</dt>
          <dd className="min-w-0 text-ink">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
