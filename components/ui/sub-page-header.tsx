import Link from "next/link";
import type { ComponentProps } from "react";
import { PageHeader } from "./page-header";

/** A page header whose eyebrow links up to the parent page. */
export function SubPageHeader({
  parent,
  ...header
}: { parent: { href: string; label: string } } & Omit<ComponentProps<typeof PageHeader>, "eyebrow">) {
  return (
    <PageHeader
      eyebrow={
        <Link href={parent.href} className="hover:underline">
          {parent.label}
        </Link>
      }
      {...header}
    />
  );
}
