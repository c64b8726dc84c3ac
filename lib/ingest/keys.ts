// Natural keys of derived facts: the same fact read from two articles (or twice from one) has one
// key, so it is one row. Overrides (lib/ingest/overrides.ts) are keyed by them too.
import type { ExtractedIndustryLink, ExtractedMention, ExtractionResult } from "@/lib/extract/types";

export function eventKey(
  e: Pick<ExtractionResult["events"][number], "type" | "modelKey" | "organizationKey" | "date">,
): string {
  return [e.type, e.modelKey ?? "", e.organizationKey ?? "", e.date.precision === "unknown" ? "" : e.date.value].join(
    "|",
  );
}

export function claimKey(
  c: Pick<
    ExtractionResult["claims"][number],
    "metric" | "scope" | "subjectModelKey" | "subjectOrganizationKey" | "bound" | "value" | "unit" | "asOf"
  >,
): string {
  const asOf = c.asOf.precision === "unknown" ? "" : c.asOf.value;
  return [
    c.metric,
    c.scope ?? "",
    c.subjectModelKey ?? "",
    c.subjectOrganizationKey ?? "",
    c.bound,
    c.value,
    c.unit,
    asOf,
  ].join("|");
}

/** An industry link within its article: industry|model|organization. */
export function industryLinkKey(
  l: Pick<ExtractedIndustryLink, "industryKey" | "modelKey" | "organizationKey">,
): string {
  return [l.industryKey, l.modelKey ?? "", l.organizationKey ?? ""].join("|");
}

/** A mention within one version of its article: contentHash|start|end (an edit of the text moves spans). */
export function mentionKey(contentHash: string, m: Pick<ExtractedMention, "start" | "end">): string {
  return [contentHash, m.start, m.end].join("|");
}
