// The CSV exports of models, events, claims, funding rounds, prices, filings and open-source releases: which columns, read through the same helpers
// (and so the same filters) as the pages and the JSON API.
import "server-only";
import { listClaimsPage } from "@/lib/queries/api-claims";
import { listModelsWithText, type ModelsApiFilter } from "@/lib/queries/api-models";
import type { ClaimFilter, ClaimItem } from "@/lib/queries/claims";
import type { Citation, EntityRef } from "@/lib/queries/common";
import { listEvents, type EventItem } from "@/lib/queries/events";
import { listFilingSeries, type FilingPoint, type FilingSeries } from "@/lib/queries/filings";
import { listFundingRounds, type FundingRound } from "@/lib/queries/funding";
import type { Money } from "@/lib/queries/market-common";
import { listOpenSourceReleases, type OpenSourceRelease } from "@/lib/queries/open-source";
import { listPrices, type PricePoint } from "@/lib/queries/prices";
import type { ModelListItem } from "@/lib/queries/models";
import type {
  FilingsFilter,
  FundingFilter,
  OpenSourceFilter,
  PricesFilter,
  TimelineFilter,
} from "@/lib/validations/filters";
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
  // an editor's confirm or correction (empty: as extracted)
  { header: "reviewed_at", value: (e) => e.reviewedAt },
  { header: "reviewed_by", value: (e) => e.reviewedBy },
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
  { header: "reviewed_at", value: (c) => c.reviewedAt },
  { header: "reviewed_by", value: (c) => c.reviewedBy },
];

/** An amount as three columns: value (base units), currency, bound. */
function money<T>(prefix: string, get: (row: T) => Money | null): Column<T>[] {
  return [
    { header: prefix, value: (r) => get(r)?.value },
    { header: `${prefix}_currency`, value: (r) => get(r)?.currency },
    { header: `${prefix}_bound`, value: (r) => get(r)?.bound },
  ];
}

/** The page of an organization (vendors/…) or a model (models/…), when there is one. */
const vendorPage = (base: string, ref: EntityRef | null | undefined) => ref && `${base}/vendors/${ref.slug}`;
const modelPage = (base: string, ref: EntityRef | null | undefined) => ref && `${base}/models/${ref.slug}`;

const fundingColumns: Columns<FundingRound> = (base) => [
  { header: "id", value: (f) => f.id },
  { header: "date", value: (f) => f.date.value },
  { header: "precision", value: (f) => f.date.precision },
  { header: "date_text", value: (f) => f.date.text },
  ...ref("company", (f: FundingRound) => f.company),
  { header: "page", value: (f) => vendorPage(base, f.company) },
  { header: "round", value: (f) => f.round },
  ...money("amount", (f: FundingRound) => f.amount),
  ...money("valuation", (f: FundingRound) => f.valuation),
  { header: "valuation_basis", value: (f) => f.valuation?.basis },
  { header: "investors", value: (f) => f.investors.map((i) => i.name).join("; ") },
  // slugs only of the investors found as organisations; the names column has every one
  { header: "investor_slugs", value: (f) => f.investors.flatMap((i) => (i.key ? [i.key] : [])).join("; ") },
  { header: "lead_investors", value: (f) => f.investors.flatMap((i) => (i.lead ? [i.name] : [])).join("; ") },
  ...evidence(base, (f: FundingRound) => f.source ?? undefined),
  { header: "source_count", value: (f) => f.sourceCount },
  { header: "confidence", value: (f) => f.confidence },
];

const priceColumns: Columns<PricePoint> = (base) => [
  { header: "id", value: (p) => p.id },
  { header: "metric", value: (p) => p.metric },
  { header: "value", value: (p) => p.value },
  { header: "unit", value: (p) => p.unit },
  { header: "currency", value: (p) => p.currency },
  { header: "bound", value: (p) => p.bound },
  { header: "as_of", value: (p) => p.asOf.value },
  { header: "precision", value: (p) => p.asOf.precision },
  { header: "as_of_text", value: (p) => p.asOf.text },
  ...ref("model", (p: PricePoint) => p.model),
  ...ref("vendor", (p: PricePoint) => p.model?.vendor),
  ...ref("organization", (p: PricePoint) => p.organization),
  { header: "page", value: (p) => modelPage(base, p.model) ?? vendorPage(base, p.organization) },
  { header: "price_before", value: (p) => p.priceBefore },
  { header: "price_after", value: (p) => p.priceAfter },
  { header: "price_unit", value: (p) => p.priceUnit },
  ...evidence(base, (p: PricePoint) => p.source ?? undefined),
  { header: "source_count", value: (p) => p.sourceCount },
  { header: "confidence", value: (p) => p.confidence },
];

type FilingRow = { series: FilingSeries; point: FilingPoint };

const filingColumns: Columns<FilingRow> = (base) => [
  { header: "series", value: (r) => r.series.key },
  { header: "metric", value: (r) => r.series.metric.key },
  { header: "metric_zh", value: (r) => r.series.metric.label.zh },
  { header: "metric_en", value: (r) => r.series.metric.label.en },
  { header: "definition_zh", value: (r) => r.series.metric.definition.zh },
  { header: "definition_en", value: (r) => r.series.metric.definition.en },
  ...ref("stated_by", (r: FilingRow) => r.series.statedBy),
  { header: "page", value: (r) => vendorPage(base, r.series.statedBy) },
  { header: "id", value: (r) => r.point.id },
  { header: "value", value: (r) => r.point.value },
  { header: "unit", value: (r) => r.point.unit },
  { header: "bound", value: (r) => r.point.bound },
  { header: "as_of", value: (r) => r.point.asOf.value },
  { header: "precision", value: (r) => r.point.asOf.precision },
  { header: "as_of_text", value: (r) => r.point.asOf.text },
  { header: "scope", value: (r) => r.point.scope },
  ...evidence(base, (r: FilingRow) => r.point.source ?? undefined),
  { header: "source_count", value: (r) => r.point.sourceCount },
  { header: "confidence", value: (r) => r.point.confidence },
];

const openSourceColumns: Columns<OpenSourceRelease> = (base) => [
  { header: "id", value: (o) => o.id },
  { header: "date", value: (o) => o.date.value },
  { header: "precision", value: (o) => o.date.precision },
  { header: "date_text", value: (o) => o.date.text },
  ...ref("model", (o: OpenSourceRelease) => o.model),
  ...ref("vendor", (o: OpenSourceRelease) => o.model?.vendor ?? o.organization),
  { header: "page", value: (o) => modelPage(base, o.model) ?? vendorPage(base, o.organization) },
  { header: "licence", value: (o) => o.licence },
  { header: "sizes", value: (o) => o.sizes.join("; ") },
  ...evidence(base, (o: OpenSourceRelease) => o.source ?? undefined),
  { header: "source_count", value: (o) => o.sourceCount },
  { header: "confidence", value: (o) => o.confidence },
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

export async function fundingCsv(filters: Omit<Partial<FundingFilter>, "cursor">, base: string): Promise<string> {
  const rows = await collectPages(
    (cursor) => listFundingRounds({ ...filters, cursor }, { limit: PAGE }),
    MAX_EXPORT_ROWS,
  );
  return toCsv(rows, fundingColumns(base));
}

export async function pricesCsv(filters: Omit<Partial<PricesFilter>, "cursor">, base: string): Promise<string> {
  const rows = await collectPages((cursor) => listPrices({ ...filters, cursor }, { limit: PAGE }), MAX_EXPORT_ROWS);
  return toCsv(rows, priceColumns(base));
}

/** One row per point, each with its series' metric, definition and author. */
export async function filingsCsv(filters: Partial<FilingsFilter>, base: string): Promise<string> {
  const series = await listFilingSeries(filters);
  const rows = series.flatMap((s) => s.points.map((point) => ({ series: s, point }))).slice(0, MAX_EXPORT_ROWS);
  return toCsv(rows, filingColumns(base));
}

export async function openSourceCsv(filters: Omit<Partial<OpenSourceFilter>, "cursor">, base: string): Promise<string> {
  const rows = await collectPages(
    (cursor) => listOpenSourceReleases({ ...filters, cursor }, { limit: PAGE }),
    MAX_EXPORT_ROWS,
  );
  return toCsv(rows, openSourceColumns(base));
}
