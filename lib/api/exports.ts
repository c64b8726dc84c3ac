// The CSV exports of models, events and claims: which columns, read through the same helpers
// (and so the same filters) as the pages and the JSON API.
import "server-only";
import { listClaimsPage } from "@/lib/queries/api-claims";
import { listModelsWithText, type ModelsApiFilter } from "@/lib/queries/api-models";
import type { ClaimFilter, ClaimItem } from "@/lib/queries/claims";
import type { Citation, EntityRef } from "@/lib/queries/common";
import { listEvents, type EventItem } from "@/lib/queries/events";
import type { ModelListItem } from "@/lib/queries/models";
import type { TimelineFilter } from "@/lib/validations/filters";
import { collectPages, toCsv, type Column } from "./csv";

/** Rows in one export at most. */
const MAX_EXPORT_ROWS = 10_000;
const PAGE = 100;

function ref<T>(prefix: string, get: (row: T) => EntityRef | null | undefined): Column<T>[] {
  return [
    { header: `${prefix}_slug`, value: (r) => get(r)?.slug },
    { header: `${prefix}_zh`, value: (r) => get(r)?.names.zh },
    { header: `${prefix}_en`, value: (r) => get(r)?.names.en },
  ];
}

/** The columns of one export, for a site whose links start at `base` (see lib/api/public-url.ts). */
type Columns<T> = (base: string) => Column<T>[];

function evidence<T>(base: string, get: (row: T) => Citation | undefined): Column<T>[] {
  const page = (c: Citation | undefined) => c && `${base}/articles/${c.articleId}#s-${c.sentenceStart}`;
  return [
    { header: "article_id", value: (r) => get(r)?.articleId },
    { header: "evidence_page", value: (r) => page(get(r)) },
    { header: "article_url", value: (r) => get(r)?.articleUrl },
    { header: "article_title", value: (r) => get(r)?.articleTitle },
    { header: "quote", value: (r) => get(r)?.quote },
  ];
}

const modelColumns: Columns<ModelListItem> = (base) => [
  { header: "slug", value: (m) => m.slug },
  { header: "page", value: (m) => `${base}/models/${m.slug}` },
  { header: "name_zh", value: (m) => m.names.zh },
  { header: "name_en", value: (m) => m.names.en },
  { header: "status", value: (m) => m.status },
  ...ref("vendor", (m: ModelListItem) => m.vendor),
  { header: "family", value: (m) => m.family },
  { header: "version", value: (m) => m.version },
  { header: "aliases", value: (m) => m.aliases.join("; ") },
  { header: "industries", value: (m) => m.industries.map((i) => i.slug).join("; ") },
  { header: "mentions", value: (m) => m.mentionCount },
  { header: "events", value: (m) => m.eventCount },
];

const eventColumns: Columns<EventItem> = (base) => [
  { header: "id", value: (e) => e.id },
  { header: "type", value: (e) => e.type },
  { header: "date", value: (e) => e.date.value },
  { header: "precision", value: (e) => e.date.precision },
  { header: "date_inferred", value: (e) => e.date.inferred },
  { header: "date_text", value: (e) => e.date.text },
  ...ref("model", (e: EventItem) => e.model),
  ...ref("organization", (e: EventItem) => e.organization),
  ...ref("vendor", (e: EventItem) => e.model?.vendor),
  ...evidence(base, (e: EventItem) => e.sources[0]),
  { header: "source_count", value: (e) => e.sourceCount },
];

const claimColumns: Columns<ClaimItem> = (base) => [
  { header: "id", value: (c) => c.id },
  { header: "metric", value: (c) => c.metric },
  { header: "value", value: (c) => c.value },
  { header: "unit", value: (c) => c.unit },
  { header: "bound", value: (c) => c.bound },
  { header: "as_of", value: (c) => c.asOf.value },
  { header: "precision", value: (c) => c.asOf.precision },
  { header: "as_of_text", value: (c) => c.asOf.text },
  { header: "scope", value: (c) => c.scope },
  ...ref("subject_model", (c: ClaimItem) => c.subjectModel),
  ...ref("subject_organization", (c: ClaimItem) => c.subjectOrganization),
  ...ref("stated_by", (c: ClaimItem) => c.statedBy),
  ...evidence(base, (c: ClaimItem) => c.sources[0]),
  { header: "source_count", value: (c) => c.sourceCount },
];

export async function modelsCsv(filters: Omit<ModelsApiFilter, "cursor">, base: string): Promise<string> {
  const rows = await collectPages(
    (cursor) => listModelsWithText({ ...filters, cursor }, { limit: PAGE }),
    MAX_EXPORT_ROWS,
  );
  return toCsv(rows, modelColumns(base));
}

export async function eventsCsv(filters: Omit<Partial<TimelineFilter>, "cursor">, base: string): Promise<string> {
  const rows = await collectPages((cursor) => listEvents({ ...filters, cursor }, { limit: PAGE }), MAX_EXPORT_ROWS);
  return toCsv(rows, eventColumns(base));
}

export async function claimsCsv(filter: ClaimFilter, base: string): Promise<string> {
  const rows = await collectPages((cursor) => listClaimsPage({ ...filter, cursor }, { limit: PAGE }), MAX_EXPORT_ROWS);
  return toCsv(rows, claimColumns(base));
}
