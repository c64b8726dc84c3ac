import type { ReactNode } from "react";
import { cn } from "./cn";

/** A table that scrolls sideways inside its card on narrow screens instead of overflowing the page. */
export function DataTable({
  caption,
  children,
  className,
}: {
  caption?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn("overflow-x-auto rounded-xl border border-line bg-surface", className)}
      tabIndex={0}
      role="region"
      aria-label={typeof caption === "string" ? caption : undefined}
    >
      <table className="w-full min-w-[36rem] border-collapse text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export const th = "whitespace-nowrap border-b border-line bg-subtle px-4 py-2.5 text-xs font-semibold text-ink-2";
export const td = "border-b border-line px-4 py-3 align-top";
