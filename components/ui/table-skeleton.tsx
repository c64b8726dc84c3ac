import { Skeleton } from "./skeleton";

/** Rows only (inside a page whose header and filters are already shown). */
export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="space-y-px overflow-hidden rounded-xl border border-line bg-surface">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex gap-4 border-b border-line px-4 py-4 last:border-0">
          <Skeleton className="h-4 w-1/4" />
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="ml-auto h-4 w-10" />
        </div>
      ))}
    </div>
  );
}

/** Cards of text lines (articles, events, search results). */
export function ListSkeleton({ items = 4 }: { items?: number }) {
  return (
    <div aria-busy="true" className="space-y-3">
      {Array.from({ length: items }, (_, i) => (
        <div key={i} className="space-y-2 rounded-xl border border-line bg-surface p-5">
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ))}
    </div>
  );
}
