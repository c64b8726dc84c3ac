import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A titled part of a market page (rounds, listings, a series' points), named by its heading. */
export function MarketSection({
  id,
  title,
  description,
  className,
  children,
}: {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className={cn("min-w-0", className)}>
      <h2 id={id} className="text-xl font-bold text-ink">
        {title}
      </h2>
      {description ? <p className="mt-1 text-sm text-ink-3">{description}</p> : null}
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** Cards of rows, one column on phones and two on wide screens (one when `narrow`). */
export function CardGrid({ children, narrow = false }: { children: ReactNode; narrow?: boolean }) {
  return <ul className={cn("grid grid-cols-1 gap-4", !narrow && "xl:grid-cols-2")}>{children}</ul>;
}
