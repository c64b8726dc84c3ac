// A checksum of a database's content that does not depend on the order rows were written in:
// serial ids are replaced by the natural keys they point to (article url, entity slug, event and
// claim key), ingestion timestamps and the IngestRun log are left out. Two databases with equal
// checksums hold the same articles, entities, events, claims and evidence.
import type { SqlRunner } from "@/lib/db/migrations";

const ENTITY = `COALESCE(mo.slug, og.slug, ind.slug, te.slug, pe.slug)`;

/** One query per table, each row rendered as text with ids replaced by natural keys. */
const CONTENT_QUERIES: Record<string, string> = {
  Article: `SELECT a.url, a.title, a.body, a."rawBody", a.keywords, a.technologies, a.industries, a."eventSummary",
              a."extraFields", a.byline, a."photoCredits", a."contentHash", a."sourceFile", a."extractorVersion", a."searchTerms"::text
            FROM "Article" a`,
  Organization: `SELECT o.slug, o."nameZh", o."nameEn", o.aliases, o."searchTerms"::text, o.kind, o.roles, o.status, o."sourceUrl"
                 FROM "Organization" o`,
  Model: `SELECT m.slug, m."nameZh", m."nameEn", m.pinyin, m.aliases, m."searchTerms"::text, v.slug vendor, m.family, m.version,
            m.status, m."sourceUrl", m.confidence, m."reviewedAt", m."reviewedBy" FROM "Model" m LEFT JOIN "Organization" v ON v.id = m."vendorId"`,
  Industry: `SELECT slug, "nameZh", "nameEn", aliases, "searchTerms"::text FROM "Industry"`,
  Technology: `SELECT slug, "nameZh", "nameEn", aliases FROM "Technology"`,
  Person: `SELECT p.slug, p.name, p.title, o.slug org FROM "Person" p LEFT JOIN "Organization" o ON o.id = p."organizationId"`,
  Mention: `SELECT a.url, x.kind, ${ENTITY} entity, x.text, x.start, x."end", x.sentence, x."sentenceStart", x."sentenceEnd", x.confidence
            FROM "Mention" x JOIN "Article" a ON a.id = x."articleId"
            LEFT JOIN "Model" mo ON mo.id = x."modelId" LEFT JOIN "Organization" og ON og.id = x."organizationId"
            LEFT JOIN "Industry" ind ON ind.id = x."industryId" LEFT JOIN "Technology" te ON te.id = x."technologyId"
            LEFT JOIN "Person" pe ON pe.id = x."personId"`,
  Event: `SELECT e.key, e.type, e.date, e.precision, e."dateInferred", e."dateText", m.slug model, o.slug org, e.confidence,
            e."reviewedAt", e."reviewedBy"
          FROM "Event" e LEFT JOIN "Model" m ON m.id = e."modelId" LEFT JOIN "Organization" o ON o.id = e."organizationId"`,
  EventSource: `SELECT e.key, a.url, s.quote, s."sentenceStart", s."sentenceEnd", s.confidence
                FROM "EventSource" s JOIN "Event" e ON e.id = s."eventId" JOIN "Article" a ON a.id = s."articleId"`,
  Claim: `SELECT c.key, c.metric, c.value, c.unit, c.bound, c."asOf", c."asOfPrecision", c."asOfInferred", c."asOfText", c.scope,
            m.slug model, o.slug org, s.slug stated, c.confidence, c."reviewedAt", c."reviewedBy"
          FROM "Claim" c LEFT JOIN "Model" m ON m.id = c."subjectModelId"
          LEFT JOIN "Organization" o ON o.id = c."subjectOrganizationId" LEFT JOIN "Organization" s ON s.id = c."statedById"`,
  ClaimSource: `SELECT c.key, a.url, s.quote, s."sentenceStart", s."sentenceEnd", s.confidence
                FROM "ClaimSource" s JOIN "Claim" c ON c.id = s."claimId" JOIN "Article" a ON a.id = s."articleId"`,
  IndustryLink: `SELECT i.slug, m.slug model, o.slug org, a.url, l.quote, l."sentenceStart", l."sentenceEnd"
                 FROM "IndustryLink" l JOIN "Industry" i ON i.id = l."industryId" JOIN "Article" a ON a.id = l."articleId"
                 LEFT JOIN "Model" m ON m.id = l."modelId" LEFT JOIN "Organization" o ON o.id = l."organizationId"`,
  ArticleIndustry: `SELECT a.url, i.slug, x."fromField", x."fromBody" FROM "ArticleIndustry" x
                    JOIN "Article" a ON a.id = x."articleId" JOIN "Industry" i ON i.id = x."industryId"`,
  ArticleTechnology: `SELECT a.url, t.slug FROM "ArticleTechnology" x
                      JOIN "Article" a ON a.id = x."articleId" JOIN "Technology" t ON t.id = x."technologyId"`,
  Override: `SELECT kind, key, "articleUrl", action, "values", previous, "resultKey", sentence, reason, editor, "createdAt",
               "revokedAt", "revokedBy", stale FROM "Override"`,
  OverrideMatch: `SELECT o.kind, o.key, o."createdAt", a.url FROM "OverrideMatch" m
                  JOIN "Override" o ON o.id = m."overrideId" JOIN "Article" a ON a.id = m."articleId"`,
  Quote: `SELECT p.slug, a.url, q.text, q.sentence, q."sentenceStart", q."sentenceEnd"
          FROM "Quote" q JOIN "Person" p ON p.id = q."personId" JOIN "Article" a ON a.id = q."articleId"`,
};

export interface TableChecksum {
  rows: number;
  md5: string;
}

/** Per-table row count and md5 of the sorted row texts (computed in the database). */
export async function contentChecksum(sql: SqlRunner): Promise<Record<string, TableChecksum>> {
  const out: Record<string, TableChecksum> = {};
  for (const [table, query] of Object.entries(CONTENT_QUERIES)) {
    const { rows } = await sql.query<{ rows: string; md5: string | null }>(
      `SELECT count(*)::text AS rows, md5(string_agg(t.line, E'\\n' ORDER BY t.line COLLATE "C")) AS md5
       FROM (SELECT q::text AS line FROM (${query}) q) t`,
    );
    out[table] = { rows: Number(rows[0].rows), md5: rows[0].md5 ?? "" };
  }
  return out;
}
