import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import type { Locale } from "@/lib/i18n/config";
import { displayName, type Names } from "@/lib/i18n/format";
import type { EntityStatus } from "@/lib/queries/common";

type Section = "models" | "vendors" | "industries" | "articles";

/** The header of a detail page, with a link back to its section's index above the title. */
export function DetailHeader({
  section,
  title,
  subtitle,
  children,
}: {
  section: Section;
  title: ReactNode;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  const t = useTranslations(section);
  return (
    <PageHeader
      eyebrow={
        <Link href={`/${section}`} className="hover:text-brand hover:underline">
          ← {t("title")}
        </Link>
      }
      title={title}
      subtitle={subtitle}
    >
      {children}
    </PageHeader>
  );
}

/** The header of a model or vendor page: its name in the reader's language and its status, the other name below. */
export function EntityHeader({ section, names, status }: { section: Section; names: Names; status: EntityStatus }) {
  const locale = useLocale() as Locale;
  const { primary, secondary } = displayName(names, locale);
  const lang = locale === "en" && names.en ? "en" : "zh-CN";
  return (
    <DetailHeader
      section={section}
      title={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <span lang={lang}>{primary}</span>
          <StatusBadge status={status} />
        </span>
      }
      subtitle={secondary ? <span lang={lang === "en" ? "zh-CN" : "en"}>{secondary}</span> : undefined}
    />
  );
}

/** The columns of a detail page: a narrow side column and a main column twice as wide, in the order given. */
export function DetailGrid({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">{children}</div>;
}

/** The wide column of a detail page. */
export function MainColumn({ children }: { children: ReactNode }) {
  return <div className="min-w-0 space-y-6 lg:col-span-2">{children}</div>;
}

/** The narrow column of a detail page. */
export function SideColumn({ children, as: Tag = "div" }: { children: ReactNode; as?: "div" | "aside" }) {
  return <Tag className="min-w-0 space-y-6">{children}</Tag>;
}
