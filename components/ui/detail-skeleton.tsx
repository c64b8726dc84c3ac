import { Skeleton, SkeletonLines } from "./skeleton";

/** Loading state of an entity detail page: header, a side column and a main column. */
export function DetailSkeleton() {
  return (
    <div aria-busy="true">
      <Skeleton className="h-4 w-20" />
      <Skeleton className="mt-3 h-9 w-64 max-w-full" />
      <Skeleton className="mt-2 h-4 w-40" />
      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6">
          <div className="rounded-xl border border-line bg-surface p-5">
            <SkeletonLines lines={6} />
          </div>
          <div className="rounded-xl border border-line bg-surface p-5">
            <SkeletonLines lines={4} />
          </div>
        </div>
        <div className="space-y-6 lg:col-span-2">
          <div className="rounded-xl border border-line bg-surface p-5">
            <SkeletonLines lines={8} />
          </div>
          <div className="rounded-xl border border-line bg-surface p-5">
            <SkeletonLines lines={5} />
          </div>
        </div>
      </div>
    </div>
  );
}
