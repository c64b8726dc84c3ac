import { getTranslations } from "next-intl/server";
import { valueSelect } from "@/components/list/filter-fields";
import { ListPage, listPageMetadata } from "@/components/list/list-page";
import { ListResults } from "@/components/list/list-results";
import { TableSkeleton } from "@/components/ui/table-skeleton";
import { Badge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityName } from "@/components/ui/entity-name";
import { vendorHref } from "@/components/ui/hrefs";
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

// Alike across the list pages by design: each declares its own filters and their options; ListPage is the shared frame.
export const generateMetadata = listPageMetadata("vendors");

export default async function VendorsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const filters = parseFilters(vendorsFilterSchema, await searchParams);
  const [t, tr, tk] = await Promise.all([
    getTranslations("vendors"),
    getTranslations("orgRole"),
    getTranslations("orgKind"),
  ]);
  return (
    <ListPage
      section="vendors"
      filters={filters}
      fields={[
        valueSelect("role", t("filterRole"), filters.role, ORG_ROLES, (r) => tr(r)),
        valueSelect("kind", t("filterKind"), filters.kind, ORG_KINDS, (k) => tk(k)),
      ]}
      fallback={<TableSkeleton />}
    >
      <VendorResults filters={filters} />
    </ListPage>
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
    <ListResults path="/vendors" filters={filters} page={page} empty={<EmptyState title={t("empty")} />}>
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
    </ListResults>
  );
}
