"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** Main navigation; the current section is marked with aria-current. Scrolls sideways on phones. */
export function NavLinks({ items, label }: { items: { href: string; label: string }[]; label: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="-mb-px overflow-x-auto scrollbar-thin">
      <ul className="flex min-w-max gap-1">
        {items.map((item) => {
          const active =
            item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={
                  "inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium transition-colors " +
                  (active
                    ? "border-brand text-brand"
                    : "border-transparent text-ink-2 hover:border-line-strong hover:text-ink")
                }
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
