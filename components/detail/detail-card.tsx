import Link from "next/link";
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** A titled section of a detail page; `empty` stands in for the content when that is null. */
export function DetailCard({
  id,
  title,
  description,
  action,
  empty,
  footer,
  bodyClassName,
  children,
}: {
  /** the heading's id, which also names the section */
  id: string;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  empty?: ReactNode;
  footer?: ReactNode;
  bodyClassName?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id}>
      <CardHeader id={id} title={title} description={description} action={action} />
      <CardBody className={bodyClassName}>
        {children ?? <p className="text-sm text-ink-3">{empty}</p>}
        {footer}
      </CardBody>
    </Card>
  );
}

/** The "view all" link in a section's header, to the filtered list of what it shows a few of. */
export function ViewAllLink({ href }: { href: string }) {
  const t = useTranslations("common");
  return (
    <Link className="text-brand hover:underline" href={href}>
      {t("viewAll")}
    </Link>
  );
}
