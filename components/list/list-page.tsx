import type { Metadata } from "next";
import { Suspense, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import type { ListField } from "./filter-fields";

/** The list pages: each is at `/<section>` and has its words in the `<section>` messages. */
type ListSection = "articles" | "models" | "timeline" | "vendors" | "funding" | "prices" | "filings" | "open-source";

/** A list page's generateMetadata: its heading as the document title. */
export function listPageMetadata(section: ListSection) {
  return async (): Promise<Metadata> => ({ title: (await getTranslations(section))("title") });
}

/**
 * A list page: heading, the filter form and the results, which stream in again whenever the
 * filters change. Any filter but the cursor counts as active (and offers a reset).
 */
export async function ListPage({
  section,
  filters,
  fields,
  fallback,
  children,
}: {
  section: ListSection;
  filters: Record<string, string | undefined>;
  fields: ListField[];
  fallback: ReactNode;
  children: ReactNode;
}) {
  const [t, tc] = await Promise.all([getTranslations(section), getTranslations("common")]);
  const { cursor: _cursor, ...criteria } = filters;
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar
        action={`/${section}`}
        legend={tc("filters")}
        applyLabel={tc("apply")}
        resetLabel={tc("reset")}
        active={Object.values(criteria).some(Boolean)}
        fields={fields.map((f) => (f.kind === "select" ? { ...f, allLabel: tc("all") } : f))}
      />
      <Suspense key={JSON.stringify(filters)} fallback={fallback}>
        {children}
      </Suspense>
    </>
  );
}
