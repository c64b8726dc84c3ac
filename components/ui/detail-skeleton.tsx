import type { ReactNode } from "react";
import { cn } from "./cn";
import { Skeleton, SkeletonLines } from "./skeleton";

/** Loading state of an entity detail page: header, a side column and a main column. */
export function DetailSkeleton() {
  return (
    <PageSkeleton titleClassName="w-64 max-w-full" subtitleClassName="mt-2 w-40">
      <div className="space-y-6">
        <CardSkeleton lines={6} />
        <CardSkeleton lines={4} />
      </div>
      <div className="space-y-6 lg:col-span-2">
        <CardSkeleton lines={8} />
        <CardSkeleton lines={5} />
      </div>
    </PageSkeleton>
  );
}

/** Loading state of an article page: header, the body and a side column. */
export function ArticleSkeleton() {
  return (
    <PageSkeleton titleClassName="w-3/4" subtitleClassName="mt-3 w-64">
      <CardSkeleton lines={14} className="p-6 lg:col-span-2" />
      <CardSkeleton lines={6} />
    </PageSkeleton>
  );
}

/** A detail page's header placeholders above its three-column grid of `children`. */
function PageSkeleton({
  titleClassName,
  subtitleClassName,
  children,
}: {
  titleClassName: string;
  subtitleClassName: string;
  children: ReactNode;
}) {
  return (
    <div aria-busy="true">
      <Skeleton className="h-4 w-20" />
      <Skeleton className={cn("mt-3 h-9", titleClassName)} />
      <Skeleton className={cn("h-4", subtitleClassName)} />
      <div className="mt-8 grid grid-cols-1 gap-6 lg:grid-cols-3">{children}</div>
    </div>
  );
}

/** A card of placeholder lines; `className` sets its padding and span. */
function CardSkeleton({ lines, className = "p-5" }: { lines: number; className?: string }) {
  return (
    <div className={cn("rounded-xl border border-line bg-surface", className)}>
      <SkeletonLines lines={lines} />
    </div>
  );
}
