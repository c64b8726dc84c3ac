import type { ReactNode } from "react";
import { seriesColor, seriesGlyph } from "./series-style";

/** The key of a TimeSeriesChart in HTML: each series' marker, name and (optionally) what it counts. */
export function SeriesLegend({
  items,
  label,
}: {
  items: { key: string; label: ReactNode; description?: ReactNode }[];
  label: string;
}) {
  return (
    <ul aria-label={label} className="mt-3 grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {items.map((item, i) => (
        <li key={item.key} className="flex min-w-0 gap-2">
          <span aria-hidden="true" className="shrink-0 leading-5" style={{ color: seriesColor(i) }}>
            {seriesGlyph(i)}
          </span>
          <span className="min-w-0">
            <span className="font-medium text-ink">{item.label}</span>
            {item.description ? <span className="block text-xs text-ink-3">{item.description}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}
