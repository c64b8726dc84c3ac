import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { IndustryMatrixTable } from "@/components/industries/industry-matrix";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { industryHref } from "@/components/ui/hrefs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { industryMatrix, listIndustries } from "@/lib/queries/industries";
import { detailParamsSchema, parseFilters, type RawSearchParams } from "@/lib/validations/filters";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("industries"))("title") };
}

const pageSchema = detailParamsSchema.extend({
  cursor: z
    .string()
    .regex(/^o\d{1,7}$/)
    .optional()
    .catch(undefined),
});

const MATRIX = { models: 20, industries: 12 };

export default async function IndustriesPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { cursor } = parseFilters(pageSchema, await searchParams);
  const [matrix, page, t] = await Promise.all([
    industryMatrix(MATRIX),
    listIndustries({ cursor, limit: 48 }),
    getTranslations("industries"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <section aria-labelledby="matrix-title" className="mb-10">
        <h2 id="matrix-title" className="mb-1 text-lg font-semibold text-ink">
          {t("matrix")}
        </h2>
        <p className="mb-3 text-sm text-ink-3">
          {t("matrixCaption", { models: matrix.models.length, industries: matrix.industries.length })}
        </p>
        {matrix.models.length ? <IndustryMatrixTable matrix={matrix} /> : <EmptyState title={t("matrixEmpty")} />}
      </section>
      <section aria-labelledby="list-title">
        <h2 id="list-title" className="mb-3 text-lg font-semibold text-ink">
          {t("list")}
        </h2>
        {page.items.length ? (
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {page.items.map((i) => (
              <li key={i.slug}>
                <Card as="div" className="h-full p-4 transition-colors hover:border-brand/60">
                  <EntityName names={i.names} href={industryHref(i.slug)} className="text-[15px]" />
                  <p className="mt-2 flex flex-wrap gap-x-3 gap-y-0.5 text-xs text-ink-3">
                    <span>{t("modelCount", { count: i.modelCount })}</span>
                    <span>{t("vendorCount", { count: i.vendorCount })}</span>
                    <span>{t("articleCount", { count: i.articleCount })}</span>
                  </p>
                </Card>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title={t("empty")} />
        )}
        <Pagination path="/industries" params={{ cursor }} nextCursor={page.nextCursor} />
      </section>
    </>
  );
}
