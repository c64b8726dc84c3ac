// The schema's tables in an order that respects its foreign keys (referencing tables first), for
// the tools that empty or copy a whole database: tests, benchmarks.

/** Rows that belong to one article's reading: they go when the article is read again. */
export const ARTICLE_CHILD_TABLES = [
  "Mention",
  "EventSource",
  "ClaimSource",
  "IndustryLink",
  "ArticleIndustry",
  "ArticleTechnology",
  "Quote",
  // which overrides applied to the article's last reading (the overrides themselves stay)
  "OverrideMatch",
] as const;

/** Every table, referencing tables before the ones they reference. */
export const TABLES_CHILDREN_FIRST = [
  ...ARTICLE_CHILD_TABLES,
  "Event",
  "Claim",
  "Person",
  "Model",
  "Organization",
  "Industry",
  "Technology",
  // editors' corrections: never deleted by ingestion, only revoked
  "Override",
  "Article",
  "IngestRun",
] as const;
