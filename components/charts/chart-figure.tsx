import type { ReactNode } from "react";

/**
 * A chart with its text alternative: a caption, and the same numbers as a table the reader
 * can open (and that screen readers and no-JavaScript readers get in full).
 */
export function ChartFigure({
  caption,
  tableLabel,
  columns,
  rows,
  children,
  note,
}: {
  caption: ReactNode;
  tableLabel: string;
  columns: [string, string];
  rows: { label: ReactNode; value: ReactNode; key: string }[];
  children: ReactNode;
  note?: ReactNode;
}) {
  return (
    <figure className="m-0">
      {children}
      <figcaption className="mt-2 text-xs text-ink-3">
        {caption}
        {note ? <> {note}</> : null}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer select-none text-xs font-medium text-ink-2 hover:text-brand">
          {tableLabel}
        </summary>
        <div className="mt-2 max-h-64 overflow-auto rounded-lg border border-line">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-subtle text-xs text-ink-2">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  {columns[0]}
                </th>
                <th scope="col" className="px-3 py-1.5 text-right font-medium">
                  {columns[1]}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-line">
                  <th scope="row" className="px-3 py-1.5 font-normal text-ink-2">
                    {r.label}
                  </th>
                  <td className="px-3 py-1.5 text-right text-ink">{r.value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
