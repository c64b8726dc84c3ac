import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { FilterBar } from "@/components/ui/filter-bar";
import { vendorHref } from "@/components/ui/hrefs";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { DataTable, td, th } from "@/components/ui/table";
import { listVendors } from "@/lib/queries/organizations";
import {
  ORG_KINDS,
  ORG_ROLES,
  parseFilters,
  vendorsFilterSchema,
  type RawSearchParams,
  type VendorsFilter,
} from "@/lib/validations/filters";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("vendors"))("title") };
}

export default async function VendorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(vendorsFilterSchema, await searchParams);
  const [t, tc, tr, tk] = await Promise.all([
    getTranslations("vendors"),
    getTranslations("common"),
    getTranslations("orgRole"),
    getTranslations("orgKind"),
  ]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <FilterBar
        action="/vendors"
        legend={tc("filters")}
        applyLabel={tc("apply")}
        resetLabel={tc("reset")}
        active={Boolean(filters.role || filters.kind)}
        fields={[
          {
            kind: "select",
            name: "role",
            label: t("filterRole"),
            value: filters.role,
            allLabel: tc("all"),
            options: ORG_ROLES.map((r) => ({ value: r, label: tr(r) })),
          },
          {
            kind: "select",
            name: "kind",
            label: t("filterKind"),
            value: filters.kind,
            allLabel: tc("all"),
            options: ORG_KINDS.map((k) => ({ value: k, label: tk(k) })),
          },
        ]}
      />
      <Suspense key={JSON.stringify(filters)} fallback={<TableSkeleton />}>
        <VendorResults filters={filters} />
      </Suspense>
    </>
  );
}

async function VendorResults({ filters }: { filters: VendorsFilter }) {
  const [page, t, tc, tr, tk] = await Promise.all([
    listVendors(filters, { limit: 30 }),
    getTranslations("vendors"),
    getTranslations("common"),
    getTranslations("orgRole"),
    getTranslations("orgKind"),
  ]);
  return (
    <>
      {page.items.length ? (
        <DataTable caption={t("title")}>
          <thead>
            <tr>
              <th scope="col" className={th}>
                {t("title")}
              </th>
              <th scope="col" className={th}>
                {t("roles")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {tc("models")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {tc("events")}
              </th>
              <th scope="col" className={`${th} text-right`}>
                {tc("mentions")}
              </th>
              <th scope="col" className={th}>
                {tc("status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((o) => (
              <tr key={o.slug} className="hover:bg-subtle/60" data-testid="vendor-row">
                <td className={td}>
                  <EntityName names={o.names} href={vendorHref(o.slug)} />
                  <span className="block text-xs text-ink-3">{tk(o.kind)}</span>
                </td>
                <td className={td}>
                  <span className="flex flex-wrap gap-1">
                    {o.roles.map((r) => (
                      <Badge key={r} tone={r === "vendor" ? "brand" : "neutral"}>
                        {tr(r)}
                      </Badge>
                    ))}
                  </span>
                </td>
                <td className={`${td} text-right tabular-nums`}>{o.modelCount}</td>
                <td className={`${td} text-right tabular-nums`}>{o.eventCount}</td>
                <td className={`${td} text-right tabular-nums`}>{o.mentionCount}</td>
                <td className={td}>
                  <StatusBadge status={o.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <EmptyState title={t("empty")} />
      )}
      <Pagination
        path="/vendors"
        params={{ role: filters.role, kind: filters.kind, cursor: filters.cursor }}
        nextCursor={page.nextCursor}
      />
    </>
  );
}
