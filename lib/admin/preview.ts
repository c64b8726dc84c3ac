// What an upload would store, without storing it: each file parsed, cleaned and extracted as the
// CLI does (analyseFile), with the facts and their quotes, and whether it is new, an update or unchanged.
import "server-only";
import { getDb } from "@/lib/db";
import type { DatePoint } from "@/lib/extract/types";
import { analyseFile, formatRejection, type Rejection } from "@/lib/ingest/run";
import type { Upload } from "./upload";

type Names = { zh: string; en: string | null };
type Ref = { key: string; names: Names } | null;

interface PreviewRejected {
  file: string;
  ok: false;
  error: Rejection;
  /** the CLI's wording: "file:line: field: message" */
  message: string;
}

interface PreviewAccepted {
  file: string;
  ok: true;
  /** what saving would do with it */
  outcome: "new" | "update" | "unchanged";
  article: { title: string; url: string; keywords: string[]; industries: string[]; technologies: string[] };
  models: { key: string; names: Names; vendor: Ref; curated: boolean }[];
  organizations: { key: string; names: Names; kind: string; roles: string[]; curated: boolean }[];
  industries: { key: string; names: Names }[];
  events: { type: string; model: Ref; organization: Ref; date: DatePoint; quote: string }[];
  claims: {
    metric: string;
    value: number;
    unit: string;
    bound: string;
    asOf: DatePoint;
    scope: string | null;
    subject: Ref;
    statedBy: Ref;
    quote: string;
  }[];
}

export type PreviewFile = PreviewAccepted | PreviewRejected;

function rejected(error: Rejection): PreviewRejected {
  return { file: error.file, ok: false, error, message: formatRejection(error) };
}

/** Analyses every upload (no writes) and looks up which articles already exist. */
export async function previewUploads(uploads: Upload[], earlier: Rejection[] = []): Promise<PreviewFile[]> {
  const analysed = uploads.map((u) => ({ name: u.name, analysis: analyseFile(u.name, u.bytes) }));
  const urls = analysed.flatMap((a) => (a.analysis.ok ? [a.analysis.analysed.article.url] : []));
  const db = await getDb();
  const existing = urls.length
    ? await db.article.findMany({ where: { url: { in: urls } }, select: { url: true, contentHash: true } })
    : [];
  const hashByUrl = new Map(existing.map((e) => [e.url, e.contentHash]));

  const out: PreviewFile[] = earlier.map(rejected);
  for (const { name, analysis } of analysed) {
    if (!analysis.ok) {
      out.push(rejected(analysis.error));
      continue;
    }
    const { article, extraction: x, contentHash } = analysis.analysed;
    const names = new Map<string, Names>();
    for (const m of x.models) names.set(`m:${m.key}`, { zh: m.nameZh, en: m.nameEn });
    for (const o of x.organizations) names.set(`o:${o.key}`, { zh: o.nameZh, en: o.nameEn });
    const ref = (kind: "m" | "o", key: string | null): Ref =>
      key ? { key, names: names.get(`${kind}:${key}`) ?? { zh: key, en: null } } : null;
    const known = hashByUrl.get(article.url);
    out.push({
      file: name,
      ok: true,
      outcome: known === undefined ? "new" : known === contentHash ? "unchanged" : "update",
      article: {
        title: article.title,
        url: article.url,
        keywords: article.keywords,
        industries: article.industries,
        technologies: article.technologies,
      },
      models: x.models.map((m) => ({
        key: m.key,
        names: { zh: m.nameZh, en: m.nameEn },
        vendor: ref("o", m.vendorKey),
        curated: m.curated,
      })),
      organizations: x.organizations.map((o) => ({
        key: o.key,
        names: { zh: o.nameZh, en: o.nameEn },
        kind: o.kind,
        roles: o.roles,
        curated: o.curated,
      })),
      industries: x.industries.map((i) => ({ key: i.key, names: { zh: i.nameZh, en: i.nameEn } })),
      events: x.events.map((e) => ({
        type: e.type,
        model: ref("m", e.modelKey),
        organization: ref("o", e.organizationKey),
        date: e.date,
        quote: e.evidence.sentence,
      })),
      claims: x.claims.map((c) => ({
        metric: c.metric,
        value: c.value,
        unit: c.unit,
        bound: c.bound,
        asOf: c.asOf,
        scope: c.scope,
        subject: c.subjectModelKey ? ref("m", c.subjectModelKey) : ref("o", c.subjectOrganizationKey),
        statedBy: ref("o", c.statedByKey),
        quote: c.evidence.sentence,
      })),
    });
  }
  return out;
}
