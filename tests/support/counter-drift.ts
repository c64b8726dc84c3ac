// Every trigger-maintained counter compared with a COUNT over its base table: one row per counter
// that differs (none when the triggers kept up). Plain SQL, so it runs on both backends and in psql.
/** A counter column kept by triggers: [table, its key column, counter, counted table, its reference to table].
 *  One row per counter, alike by design: the table is the list of what the triggers promise. */
const CHILD_COUNTS: [string, string, string, string, string][] = [
  ["Model", "slug", "mentionCount", "Mention", "modelId"],
  ["Model", "slug", "eventCount", "Event", "modelId"],
  ["Model", "slug", "claimCount", "Claim", "subjectModelId"],
  ["Organization", "slug", "mentionCount", "Mention", "organizationId"],
  ["Organization", "slug", "modelCount", "Model", "vendorId"],
  ["Organization", "slug", "eventCount", "Event", "organizationId"],
  ["Organization", "slug", "claimCount", "Claim", "subjectOrganizationId"],
  ["Industry", "slug", "mentionCount", "Mention", "industryId"],
  ["Industry", "slug", "articleCount", "ArticleIndustry", "industryId"],
  ["Technology", "slug", "articleCount", "ArticleTechnology", "technologyId"],
  ["Event", "key", "sourceCount", "EventSource", "eventId"],
  ["Claim", "key", "sourceCount", "ClaimSource", "claimId"],
];

const childCount = ([table, key, counter, child, ref]: (typeof CHILD_COUNTS)[number]) =>
  `SELECT '${table}.${counter}' AS counter, p.${key} AS key, p."${counter}" AS stored,
         (SELECT count(*) FROM "${child}" x WHERE x."${ref}" = p.id)::int AS actual FROM "${table}" p`;

/** The industry pair table of models or organisations against the IndustryLink rows it tallies. */
const pairLinks = (table: string, ref: string) =>
  `SELECT '${table}.links', coalesce(p."industryId", l."industryId") || ':' || coalesce(p."${ref}", l."${ref}"),
         coalesce(p.links, 0), coalesce(l.n, 0)
    FROM "${table}" p
    FULL JOIN (SELECT "industryId", "${ref}", count(*)::int n FROM "IndustryLink" WHERE "${ref}" IS NOT NULL GROUP BY 1, 2) l
      ON l."industryId" = p."industryId" AND l."${ref}" = p."${ref}"`;

export const COUNTER_DRIFT_SQL = `
WITH expected AS (
  ${CHILD_COUNTS.map(childCount).join("\n  UNION ALL ")}
  UNION ALL ${pairLinks("IndustryModel", "modelId")}
  UNION ALL ${pairLinks("IndustryOrganization", "organizationId")}
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
