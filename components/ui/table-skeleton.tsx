import { Skeleton } from "./skeleton";

/** A busy container of `count` alike placeholders, each a box of bars with the given classes. */
function Placeholders({
  count,
  className,
  itemClassName,
  bars,
}: {
  count: number;
  className: string;
  itemClassName: string;
  bars: string[];
}) {
  return (
    <div aria-busy="true" className={className}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className={itemClassName}>
          {bars.map((bar) => (
            <Skeleton key={bar} className={bar} />
          ))}
        </div>
      ))}
    </div>
  );
}

// TableSkeleton and ListSkeleton are alike by design: two presets of Placeholders.

/** Rows only (inside a page whose header and filters are already shown). */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Placeholders
      count={rows}
      className="space-y-px overflow-hidden rounded-xl border border-line bg-surface"
      itemClassName="flex gap-4 border-b border-line px-4 py-4 last:border-0"
      bars={["h-4 w-1/4", "h-4 w-1/3", "ml-auto h-4 w-10"]}
    />
  );
}

/** Cards of text lines (articles, events, search results). */
export function ListSkeleton({ items = 4 }: { items?: number }) {
  return (
    <Placeholders
      count={items}
      className="space-y-3"
      itemClassName="space-y-2 rounded-xl border border-line bg-surface p-5"
      bars={["h-5 w-2/3", "h-4 w-full", "h-4 w-1/2"]}
    />
  );
}
