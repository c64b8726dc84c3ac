// Stores one analysed article, idempotently, in one transaction. Entities, events and claims are
// upserted by natural key (slug, event key, claim key), so the same event reported by two
// articles is one row with two sources. Re-ingesting an edited article first removes what was
// derived from its previous version, then drops events, claims and discovered entities that no
// article supports any more.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { RawArticle } from "@/lib/validations/article-file";
import type { DatePoint, ExtractionResult } from "@/lib/extract/types";
import { indexTerms, pinyinTerms } from "@/lib/search/terms";

export type StoreOutcome = "created" | "updated" | "unchanged";

export interface AnalysedArticle {
  sourceFile: string;
  contentHash: string;
  article: RawArticle;
  cleaned: { body: string; byline: string | null; photoCredits: string[] };
  extraction: ExtractionResult;
}

type Tx = Prisma.TransactionClient;

const json = (value: unknown) => JSON.stringify(value);

/** First day of the period a DatePoint names, as YYYY-MM-DD, or null. */
export function periodStart(point: DatePoint): string | null {
  if (!point.value || point.precision === "unknown") return null;
  const [y, m = "01", d = "01"] = point.value.split("-");
  return `${y}-${m}-${d}`;
}

export function eventKey(e: ExtractionResult["events"][number]): string {
  return [e.type, e.modelKey ?? "", e.organizationKey ?? "", e.date.precision === "unknown" ? "" : e.date.value].join("|");
}

export function claimKey(c: ExtractionResult["claims"][number]): string {
  const asOf = c.asOf.precision === "unknown" ? "" : c.asOf.value;
  return [c.metric, c.scope ?? "", c.subjectModelKey ?? "", c.subjectOrganizationKey ?? "", c.bound, c.value, c.unit, asOf].join("|");
}

export async function storeArticle(prisma: PrismaClient, input: AnalysedArticle): Promise<StoreOutcome> {
  return prisma.$transaction(
    async (tx) => {
      // Serialise concurrent ingestions of the same link: check-then-write happens under this lock.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${input.article.url}))`;
      const existing = await tx.article.findUnique({
        where: { url: input.article.url },
        select: { id: true, contentHash: true },
      });
      if (existing?.contentHash === input.contentHash) return "unchanged";

      let articleId: number;
      if (existing) {
        await removeDerived(tx, existing.id);
        await tx.article.update({ where: { id: existing.id }, data: articleData(input) });
        articleId = existing.id;
      } else {
        articleId = (await tx.article.create({ data: articleData(input), select: { id: true } })).id;
      }
      await storeDerived(tx, articleId, input);
      if (existing) await collectOrphans(tx);
      return existing ? "updated" : "created";
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}

function articleData(input: AnalysedArticle) {
  const { article, cleaned } = input;
  return {
    url: article.url,
    title: article.title,
    body: cleaned.body,
    rawBody: article.body,
    keywords: article.keywords,
    technologies: article.technologies,
    industries: article.industries,
    eventSummary: article.eventSummary,
    extraFields: article.extra,
    byline: cleaned.byline,
    photoCredits: cleaned.photoCredits,
    contentHash: input.contentHash,
    sourceFile: input.sourceFile,
    lastIngestedAt: new Date(),
  };
}

async function removeDerived(tx: Tx, articleId: number) {
  await tx.mention.deleteMany({ where: { articleId } });
  await tx.eventSource.deleteMany({ where: { articleId } });
  await tx.claimSource.deleteMany({ where: { articleId } });
  await tx.industryLink.deleteMany({ where: { articleId } });
  await tx.articleIndustry.deleteMany({ where: { articleId } });
  await tx.articleTechnology.deleteMany({ where: { articleId } });
  await tx.quote.deleteMany({ where: { articleId } });
}

/** Drops rows that no article supports any more after an edit removed their last source. */
async function collectOrphans(tx: Tx) {
  await tx.$executeRaw`DELETE FROM "Event" e WHERE NOT EXISTS (SELECT 1 FROM "EventSource" s WHERE s."eventId" = e.id)`;
  await tx.$executeRaw`DELETE FROM "Claim" c WHERE NOT EXISTS (SELECT 1 FROM "ClaimSource" s WHERE s."claimId" = c.id)`;
  await tx.$executeRaw`DELETE FROM "Model" m WHERE m.status = 'discovered'
    AND NOT EXISTS (SELECT 1 FROM "Mention" x WHERE x."modelId" = m.id)
    AND NOT EXISTS (SELECT 1 FROM "Event" x WHERE x."modelId" = m.id)
    AND NOT EXISTS (SELECT 1 FROM "Claim" x WHERE x."subjectModelId" = m.id)`;
  await tx.$executeRaw`DELETE FROM "Person" p WHERE NOT EXISTS (SELECT 1 FROM "Quote" q WHERE q."personId" = p.id)
    AND NOT EXISTS (SELECT 1 FROM "Mention" x WHERE x."personId" = p.id)`;
  await tx.$executeRaw`DELETE FROM "Organization" o WHERE o.status = 'discovered'
    AND NOT EXISTS (SELECT 1 FROM "Mention" x WHERE x."organizationId" = o.id)
    AND NOT EXISTS (SELECT 1 FROM "Model" x WHERE x."vendorId" = o.id)
    AND NOT EXISTS (SELECT 1 FROM "Event" x WHERE x."organizationId" = o.id)
    AND NOT EXISTS (SELECT 1 FROM "Claim" x WHERE x."statedById" = o.id OR x."subjectOrganizationId" = o.id)
    AND NOT EXISTS (SELECT 1 FROM "Person" x WHERE x."organizationId" = o.id)`;
  await tx.$executeRaw`DELETE FROM "Industry" i WHERE NOT EXISTS (SELECT 1 FROM "ArticleIndustry" a WHERE a."industryId" = i.id)
    AND NOT EXISTS (SELECT 1 FROM "IndustryLink" a WHERE a."industryId" = i.id)
    AND NOT EXISTS (SELECT 1 FROM "Mention" a WHERE a."industryId" = i.id)`;
  await tx.$executeRaw`DELETE FROM "Technology" t WHERE NOT EXISTS (SELECT 1 FROM "ArticleTechnology" a WHERE a."technologyId" = t.id)
    AND NOT EXISTS (SELECT 1 FROM "Mention" a WHERE a."technologyId" = t.id)`;
}

async function storeDerived(tx: Tx, articleId: number, input: AnalysedArticle) {
  const x = input.extraction;

  // Entities: one upsert statement per kind. Registry facts win over discovered ones; aliases,
  // roles and search terms accumulate across articles.
  if (x.organizations.length) {
    const rows = x.organizations.map((o) => ({
      ...o,
      status: o.curated ? "curated" : "discovered",
      terms: [...indexTerms(o.nameZh, o.nameEn, ...o.aliases), ...pinyinTerms(o.nameZh, ...o.aliases)],
    }));
    await tx.$executeRaw`
      INSERT INTO "Organization" (slug, "nameZh", "nameEn", aliases, kind, roles, status, "sourceUrl", "searchTerms")
      SELECT r.key, r."nameZh", r."nameEn", r.aliases, r.kind::"OrgKind", r.roles::"OrgRole"[],
             r.status::"EntityStatus", r."sourceUrl", array_to_tsvector(r.terms)
      FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(key text, "nameZh" text, "nameEn" text, aliases text[],
           kind text, roles text[], status text, "sourceUrl" text, terms text[])
      ON CONFLICT (slug) DO UPDATE SET
        "nameZh" = CASE WHEN EXCLUDED.status = 'curated' THEN EXCLUDED."nameZh" ELSE "Organization"."nameZh" END,
        "nameEn" = CASE WHEN EXCLUDED.status = 'curated' THEN EXCLUDED."nameEn" ELSE COALESCE("Organization"."nameEn", EXCLUDED."nameEn") END,
        aliases = ARRAY(SELECT DISTINCT a FROM unnest("Organization".aliases || EXCLUDED.aliases) a ORDER BY a),
        kind = CASE WHEN EXCLUDED.status = 'curated' OR "Organization".kind = 'other' THEN EXCLUDED.kind ELSE "Organization".kind END,
        roles = ARRAY(SELECT DISTINCT r FROM unnest("Organization".roles || EXCLUDED.roles) r ORDER BY r),
        status = CASE WHEN EXCLUDED.status = 'curated' THEN 'curated'::"EntityStatus" ELSE "Organization".status END,
        "sourceUrl" = COALESCE(EXCLUDED."sourceUrl", "Organization"."sourceUrl"),
        "searchTerms" = COALESCE("Organization"."searchTerms", ''::tsvector) || EXCLUDED."searchTerms"`;
  }

  if (x.models.length) {
    const rows = x.models.map((m) => ({
      ...m,
      status: m.curated ? "curated" : "discovered",
      terms: [
        ...indexTerms(m.nameZh, m.nameEn, m.pinyin, ...m.aliases),
        ...pinyinTerms(m.nameZh, ...m.aliases),
      ],
    }));
    await tx.$executeRaw`
      INSERT INTO "Model" (slug, "nameZh", "nameEn", pinyin, aliases, "vendorId", family, version, status, "sourceUrl", "searchTerms")
      SELECT r.key, r."nameZh", r."nameEn", r.pinyin, r.aliases,
             (SELECT o.id FROM "Organization" o WHERE o.slug = r."vendorKey"),
             r.family, r.version, r.status::"EntityStatus", r."sourceUrl", array_to_tsvector(r.terms)
      FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(key text, "nameZh" text, "nameEn" text, pinyin text,
           aliases text[], "vendorKey" text, family text, version text, status text, "sourceUrl" text, terms text[])
      ON CONFLICT (slug) DO UPDATE SET
        "nameZh" = CASE WHEN EXCLUDED.status = 'curated' THEN EXCLUDED."nameZh" ELSE "Model"."nameZh" END,
        "nameEn" = CASE WHEN EXCLUDED.status = 'curated' THEN EXCLUDED."nameEn" ELSE COALESCE("Model"."nameEn", EXCLUDED."nameEn") END,
        pinyin = COALESCE(EXCLUDED.pinyin, "Model".pinyin),
        aliases = ARRAY(SELECT DISTINCT a FROM unnest("Model".aliases || EXCLUDED.aliases) a ORDER BY a),
        "vendorId" = CASE WHEN EXCLUDED.status = 'curated' THEN EXCLUDED."vendorId" ELSE COALESCE("Model"."vendorId", EXCLUDED."vendorId") END,
        family = COALESCE(EXCLUDED.family, "Model".family),
        version = COALESCE(EXCLUDED.version, "Model".version),
        status = CASE WHEN EXCLUDED.status = 'curated' THEN 'curated'::"EntityStatus" ELSE "Model".status END,
        "sourceUrl" = COALESCE(EXCLUDED."sourceUrl", "Model"."sourceUrl"),
        "searchTerms" = COALESCE("Model"."searchTerms", ''::tsvector) || EXCLUDED."searchTerms"`;
  }

  if (x.industries.length) {
    const rows = x.industries.map((i) => ({
      ...i,
      terms: [...indexTerms(i.nameZh, i.nameEn, ...i.aliases), ...pinyinTerms(i.nameZh)],
    }));
    await tx.$executeRaw`
      INSERT INTO "Industry" (slug, "nameZh", "nameEn", aliases, "searchTerms")
      SELECT r.key, r."nameZh", r."nameEn", r.aliases, array_to_tsvector(r.terms)
      FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(key text, "nameZh" text, "nameEn" text, aliases text[], terms text[])
      ON CONFLICT (slug) DO UPDATE SET
        aliases = ARRAY(SELECT DISTINCT a FROM unnest("Industry".aliases || EXCLUDED.aliases) a ORDER BY a),
        "searchTerms" = COALESCE("Industry"."searchTerms", ''::tsvector) || EXCLUDED."searchTerms"`;
    await tx.$executeRaw`
      INSERT INTO "ArticleIndustry" ("articleId", "industryId", "fromField", "fromBody")
      SELECT ${articleId}, i.id, r."from" IN ('field', 'both'), r."from" IN ('body', 'both')
      FROM jsonb_to_recordset(${json(x.industries)}::jsonb) AS r(key text, "from" text)
      JOIN "Industry" i ON i.slug = r.key
      ON CONFLICT DO NOTHING`;
  }

  if (x.technologies.length) {
    await tx.$executeRaw`
      INSERT INTO "Technology" (slug, "nameZh", "nameEn", aliases)
      SELECT r.key, r."nameZh", r."nameEn", r.aliases
      FROM jsonb_to_recordset(${json(x.technologies)}::jsonb) AS r(key text, "nameZh" text, "nameEn" text, aliases text[])
      ON CONFLICT (slug) DO UPDATE SET
        aliases = ARRAY(SELECT DISTINCT a FROM unnest("Technology".aliases || EXCLUDED.aliases) a ORDER BY a)`;
    await tx.$executeRaw`
      INSERT INTO "ArticleTechnology" ("articleId", "technologyId")
      SELECT ${articleId}, t.id FROM jsonb_to_recordset(${json(x.technologies)}::jsonb) AS r(key text)
      JOIN "Technology" t ON t.slug = r.key
      ON CONFLICT DO NOTHING`;
  }

  if (x.people.length) {
    await tx.$executeRaw`
      INSERT INTO "Person" (slug, name, title, "organizationId")
      SELECT DISTINCT ON (r.key) r.key, r.name, r.title, (SELECT o.id FROM "Organization" o WHERE o.slug = r."organizationKey")
      FROM jsonb_to_recordset(${json(x.people)}::jsonb) AS r(key text, name text, title text, "organizationKey" text)
      ON CONFLICT (slug) DO UPDATE SET
        title = COALESCE(EXCLUDED.title, "Person".title),
        "organizationId" = COALESCE(EXCLUDED."organizationId", "Person"."organizationId")`;
    const quotes = x.people.map((p) => ({
      key: p.key,
      text: p.quote,
      sentence: p.evidence.sentence,
      start: p.evidence.start,
      end: p.evidence.end,
    }));
    await tx.$executeRaw`
      INSERT INTO "Quote" ("personId", "articleId", text, sentence, "sentenceStart", "sentenceEnd")
      SELECT p.id, ${articleId}, r.text, r.sentence, r.start, r."end"
      FROM jsonb_to_recordset(${json(quotes)}::jsonb) AS r(key text, text text, sentence text, start int, "end" int)
      JOIN "Person" p ON p.slug = r.key`;
  }

  if (x.mentions.length) {
    const rows = x.mentions.map((m) => ({
      kind: m.kind,
      key: m.key,
      text: m.text,
      start: m.start,
      end: m.end,
      sentence: m.evidence.sentence,
      sStart: m.evidence.start,
      sEnd: m.evidence.end,
    }));
    await tx.$executeRaw`
      INSERT INTO "Mention" ("articleId", kind, "modelId", "organizationId", "industryId", "technologyId", "personId",
                             text, start, "end", sentence, "sentenceStart", "sentenceEnd")
      SELECT ${articleId}, r.kind::"EntityKind",
        CASE WHEN r.kind = 'model' THEN (SELECT id FROM "Model" WHERE slug = r.key) END,
        CASE WHEN r.kind = 'organization' THEN (SELECT id FROM "Organization" WHERE slug = r.key) END,
        CASE WHEN r.kind = 'industry' THEN (SELECT id FROM "Industry" WHERE slug = r.key) END,
        CASE WHEN r.kind = 'technology' THEN (SELECT id FROM "Technology" WHERE slug = r.key) END,
        CASE WHEN r.kind = 'person' THEN (SELECT id FROM "Person" WHERE slug = r.key) END,
        r.text, r.start, r."end", r.sentence, r."sStart", r."sEnd"
      FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(kind text, key text, text text, start int, "end" int,
           sentence text, "sStart" int, "sEnd" int)`;
  }

  if (x.events.length) {
    const rows = x.events.map((e) => ({
      key: eventKey(e),
      type: e.type,
      date: periodStart(e.date),
      precision: e.date.precision,
      inferred: e.date.inferred,
      dateText: e.date.text,
      modelKey: e.modelKey,
      orgKey: e.organizationKey,
      quote: e.evidence.sentence,
      start: e.evidence.start,
      end: e.evidence.end,
    }));
    await tx.$executeRaw`
      WITH r AS (
        SELECT * FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(key text, type text, date date, precision text,
          inferred boolean, "dateText" text, "modelKey" text, "orgKey" text, quote text, start int, "end" int)
      ), e AS (
        INSERT INTO "Event" (key, type, date, precision, "dateInferred", "dateText", "modelId", "organizationId")
        SELECT DISTINCT ON (r.key) r.key, r.type::"EventType", r.date, r.precision::"DatePrecision", r.inferred, r."dateText",
          (SELECT id FROM "Model" WHERE slug = r."modelKey"), (SELECT id FROM "Organization" WHERE slug = r."orgKey")
        FROM r
        ON CONFLICT (key) DO UPDATE SET
          -- an explicit date from any source beats an inferred one
          "dateInferred" = "Event"."dateInferred" AND EXCLUDED."dateInferred"
        RETURNING id, key
      )
      INSERT INTO "EventSource" ("eventId", "articleId", quote, "sentenceStart", "sentenceEnd")
      SELECT DISTINCT ON (e.id) e.id, ${articleId}, r.quote, r.start, r."end"
      FROM e JOIN r ON r.key = e.key
      ORDER BY e.id, r.start
      ON CONFLICT DO NOTHING`;
  }

  if (x.claims.length) {
    const rows = x.claims.map((c) => ({
      key: claimKey(c),
      metric: c.metric,
      value: c.value,
      unit: c.unit,
      bound: c.bound,
      asOf: periodStart(c.asOf),
      precision: c.asOf.precision,
      inferred: c.asOf.inferred,
      asOfText: c.asOf.text,
      scope: c.scope,
      modelKey: c.subjectModelKey,
      orgKey: c.subjectOrganizationKey,
      statedBy: c.statedByKey,
      quote: c.evidence.sentence,
      start: c.evidence.start,
      end: c.evidence.end,
    }));
    await tx.$executeRaw`
      WITH r AS (
        SELECT * FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(key text, metric text, value float8, unit text,
          bound text, "asOf" date, precision text, inferred boolean, "asOfText" text, scope text, "modelKey" text,
          "orgKey" text, "statedBy" text, quote text, start int, "end" int)
      ), c AS (
        INSERT INTO "Claim" (key, metric, value, unit, bound, "asOf", "asOfPrecision", "asOfInferred", "asOfText",
                             scope, "subjectModelId", "subjectOrganizationId", "statedById")
        SELECT DISTINCT ON (r.key) r.key, r.metric, r.value, r.unit, r.bound::"ClaimBound", r."asOf",
          r.precision::"DatePrecision", r.inferred, r."asOfText", r.scope,
          (SELECT id FROM "Model" WHERE slug = r."modelKey"),
          (SELECT id FROM "Organization" WHERE slug = r."orgKey"),
          (SELECT id FROM "Organization" WHERE slug = r."statedBy")
        FROM r
        ON CONFLICT (key) DO UPDATE SET
          "statedById" = COALESCE("Claim"."statedById", EXCLUDED."statedById")
        RETURNING id, key
      )
      INSERT INTO "ClaimSource" ("claimId", "articleId", quote, "sentenceStart", "sentenceEnd")
      SELECT DISTINCT ON (c.id) c.id, ${articleId}, r.quote, r.start, r."end"
      FROM c JOIN r ON r.key = c.key
      ORDER BY c.id, r.start
      ON CONFLICT DO NOTHING`;
  }

  if (x.industryLinks.length) {
    const rows = x.industryLinks.map((l) => ({
      industry: l.industryKey,
      model: l.modelKey,
      org: l.organizationKey,
      quote: l.evidence.sentence,
      start: l.evidence.start,
      end: l.evidence.end,
    }));
    await tx.$executeRaw`
      INSERT INTO "IndustryLink" ("industryId", "modelId", "organizationId", "articleId", quote, "sentenceStart", "sentenceEnd")
      SELECT i.id, (SELECT id FROM "Model" WHERE slug = r.model), (SELECT id FROM "Organization" WHERE slug = r.org),
             ${articleId}, r.quote, r.start, r."end"
      FROM jsonb_to_recordset(${json(rows)}::jsonb) AS r(industry text, model text, org text, quote text, start int, "end" int)
      JOIN "Industry" i ON i.slug = r.industry`;
  }

  // Article search terms: its own text plus the other-language and pinyin names of what it mentions,
  // so "hunyuan" or "ERNIE" find the Chinese articles.
  const names = [...x.models, ...x.organizations].flatMap((e) => [e.nameEn, ...e.aliases]);
  const terms = [
    ...indexTerms(input.article.title, input.cleaned.body, ...input.article.keywords, ...names),
    ...pinyinTerms(...x.models.map((m) => m.nameZh), ...x.organizations.map((o) => o.nameZh)),
  ];
  await tx.$executeRaw`UPDATE "Article" SET "searchTerms" = array_to_tsvector(${[...new Set(terms)]}::text[]) WHERE id = ${articleId}`;
}
