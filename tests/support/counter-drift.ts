// Every trigger-maintained counter compared with a COUNT over its base table: one row per counter
// that differs (none when the triggers kept up). Plain SQL, so it runs on both backends and in psql.
export const COUNTER_DRIFT_SQL = `
WITH expected AS (
  SELECT 'Model.mentionCount' AS counter, m.slug AS key, m."mentionCount" AS stored,
         (SELECT count(*) FROM "Mention" x WHERE x."modelId" = m.id)::int AS actual FROM "Model" m
  UNION ALL SELECT 'Model.eventCount', m.slug, m."eventCount",
         (SELECT count(*) FROM "Event" x WHERE x."modelId" = m.id)::int FROM "Model" m
  UNION ALL SELECT 'Model.claimCount', m.slug, m."claimCount",
         (SELECT count(*) FROM "Claim" x WHERE x."subjectModelId" = m.id)::int FROM "Model" m
  UNION ALL SELECT 'Organization.mentionCount', o.slug, o."mentionCount",
         (SELECT count(*) FROM "Mention" x WHERE x."organizationId" = o.id)::int FROM "Organization" o
  UNION ALL SELECT 'Organization.modelCount', o.slug, o."modelCount",
         (SELECT count(*) FROM "Model" x WHERE x."vendorId" = o.id)::int FROM "Organization" o
  UNION ALL SELECT 'Organization.eventCount', o.slug, o."eventCount",
         (SELECT count(*) FROM "Event" x WHERE x."organizationId" = o.id)::int FROM "Organization" o
  UNION ALL SELECT 'Organization.claimCount', o.slug, o."claimCount",
         (SELECT count(*) FROM "Claim" x WHERE x."subjectOrganizationId" = o.id)::int FROM "Organization" o
  UNION ALL SELECT 'Industry.mentionCount', i.slug, i."mentionCount",
         (SELECT count(*) FROM "Mention" x WHERE x."industryId" = i.id)::int FROM "Industry" i
  UNION ALL SELECT 'Industry.articleCount', i.slug, i."articleCount",
         (SELECT count(*) FROM "ArticleIndustry" x WHERE x."industryId" = i.id)::int FROM "Industry" i
  UNION ALL SELECT 'Technology.articleCount', t.slug, t."articleCount",
         (SELECT count(*) FROM "ArticleTechnology" x WHERE x."technologyId" = t.id)::int FROM "Technology" t
  UNION ALL SELECT 'Event.sourceCount', e.key, e."sourceCount",
         (SELECT count(*) FROM "EventSource" x WHERE x."eventId" = e.id)::int FROM "Event" e
  UNION ALL SELECT 'Claim.sourceCount', c.key, c."sourceCount",
         (SELECT count(*) FROM "ClaimSource" x WHERE x."claimId" = c.id)::int FROM "Claim" c
  UNION ALL SELECT 'IndustryModel.links', coalesce(p."industryId", l."industryId") || ':' || coalesce(p."modelId", l."modelId"),
         coalesce(p.links, 0), coalesce(l.n, 0)
    FROM "IndustryModel" p
    FULL JOIN (SELECT "industryId", "modelId", count(*)::int n FROM "IndustryLink" WHERE "modelId" IS NOT NULL GROUP BY 1, 2) l
      ON l."industryId" = p."industryId" AND l."modelId" = p."modelId"
  UNION ALL SELECT 'IndustryOrganization.links', coalesce(p."industryId", l."industryId") || ':' || coalesce(p."organizationId", l."organizationId"),
         coalesce(p.links, 0), coalesce(l.n, 0)
    FROM "IndustryOrganization" p
    FULL JOIN (SELECT "industryId", "organizationId", count(*)::int n FROM "IndustryLink" WHERE "organizationId" IS NOT NULL GROUP BY 1, 2) l
      ON l."industryId" = p."industryId" AND l."organizationId" = p."organizationId"
  UNION ALL SELECT 'Tally', t.metric, coalesce((SELECT sum(value) FROM "Tally" x WHERE x.metric = t.metric), 0)::int, t.n
    FROM (SELECT 'articles' AS metric, count(*)::int n FROM "Article"
          UNION ALL SELECT 'models', count(*)::int FROM "Model"
          UNION ALL SELECT 'events', count(*)::int FROM "Event"
          UNION ALL SELECT 'vendors', count(*)::int FROM "Organization" o
            WHERE 'vendor' = ANY(o.roles) OR EXISTS (SELECT 1 FROM "Model" m WHERE m."vendorId" = o.id)) t
)
SELECT counter, key, stored, actual FROM expected WHERE stored IS DISTINCT FROM actual ORDER BY counter, key`;

/** A few facts about the sizes involved, to show a check was not vacuous. */
export const COUNTER_TOTALS_SQL = `
SELECT (SELECT sum("mentionCount") FROM "Model")::int + (SELECT sum("mentionCount") FROM "Organization")::int AS mentions,
       (SELECT sum("sourceCount") FROM "Event")::int AS "eventSources",
       (SELECT sum("sourceCount") FROM "Claim")::int AS "claimSources",
       (SELECT sum(links) FROM "IndustryModel")::int + (SELECT coalesce(sum(links), 0) FROM "IndustryOrganization")::int AS "industryLinks",
       (SELECT sum(value) FROM "Tally" WHERE metric = 'vendors')::int AS vendors`;
