-- DropIndex
DROP INDEX "ArticleIndustry_industryId_idx";

-- DropIndex
DROP INDEX "ArticleTechnology_technologyId_idx";

-- DropIndex
DROP INDEX "IndustryLink_modelId_idx";

-- DropIndex
DROP INDEX "IndustryLink_organizationId_idx";

-- DropIndex
DROP INDEX "Mention_industryId_idx";

-- DropIndex
DROP INDEX "Mention_modelId_idx";

-- DropIndex
DROP INDEX "Mention_organizationId_idx";

-- DropIndex
DROP INDEX "Model_vendorId_idx";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "sourceCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "sourceCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Industry" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mentionCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Model" ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "eventCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mentionCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "claimCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "eventCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mentionCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "modelCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Technology" ADD COLUMN     "articleCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "IndustryModel" (
    "industryId" INTEGER NOT NULL,
    "modelId" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,

    CONSTRAINT "IndustryModel_pkey" PRIMARY KEY ("industryId","modelId")
);

-- CreateTable
CREATE TABLE "IndustryOrganization" (
    "industryId" INTEGER NOT NULL,
    "organizationId" INTEGER NOT NULL,
    "links" INTEGER NOT NULL,

    CONSTRAINT "IndustryOrganization_pkey" PRIMARY KEY ("industryId","organizationId")
);

-- CreateTable
CREATE TABLE "Tally" (
    "metric" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Tally_pkey" PRIMARY KEY ("metric","slot")
);

-- CreateIndex
CREATE INDEX "IndustryModel_modelId_idx" ON "IndustryModel"("modelId");

-- CreateIndex
CREATE INDEX "IndustryOrganization_organizationId_idx" ON "IndustryOrganization"("organizationId");

-- CreateIndex
CREATE INDEX "ArticleIndustry_industryId_articleId_idx" ON "ArticleIndustry"("industryId", "articleId");

-- CreateIndex
CREATE INDEX "ArticleTechnology_technologyId_articleId_idx" ON "ArticleTechnology"("technologyId", "articleId");

-- CreateIndex
CREATE INDEX "IndustryLink_modelId_industryId_id_idx" ON "IndustryLink"("modelId", "industryId", "id");

-- CreateIndex
CREATE INDEX "IndustryLink_organizationId_industryId_id_idx" ON "IndustryLink"("organizationId", "industryId", "id");

-- CreateIndex
CREATE INDEX "Mention_modelId_id_idx" ON "Mention"("modelId", "id");

-- CreateIndex
CREATE INDEX "Mention_organizationId_id_idx" ON "Mention"("organizationId", "id");

-- CreateIndex
CREATE INDEX "Mention_industryId_id_idx" ON "Mention"("industryId", "id");

-- CreateIndex
CREATE INDEX "Model_vendorId_mentionCount_idx" ON "Model"("vendorId", "mentionCount" DESC);

-- CreateIndex
CREATE INDEX "Model_mentionCount_nameZh_id_idx" ON "Model"("mentionCount" DESC, "nameZh", "id");

-- CreateIndex
CREATE INDEX "Organization_modelCount_mentionCount_id_idx" ON "Organization"("modelCount" DESC, "mentionCount" DESC, "id");

-- AddForeignKey
ALTER TABLE "IndustryModel" ADD CONSTRAINT "IndustryModel_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryModel" ADD CONSTRAINT "IndustryModel_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "Model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryOrganization" ADD CONSTRAINT "IndustryOrganization_industryId_fkey" FOREIGN KEY ("industryId") REFERENCES "Industry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndustryOrganization" ADD CONSTRAINT "IndustryOrganization_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Counters ------------------------------------------------------------------------------------
-- The counter columns above, the IndustryModel / IndustryOrganization pair tables and Tally are
-- maintained here, by statement-level AFTER triggers with transition tables, so that every write
-- path (ingestion, the admin merge, FK cascades) keeps them exact and pages read them instead of
-- counting child rows. A trigger with transition tables has one event, hence one trigger each for
-- INSERT, UPDATE and DELETE, sharing one function per table. PostgreSQL allows no column list
-- (UPDATE OF ...) on a trigger with transition tables, so the UPDATE triggers fire for every update
-- and add new-minus-old per parent: an update that moves no row to another parent (e.g. of a
-- counter) nets to zero and writes nothing. Each statement's rows are aggregated per parent first;
-- the parents' rows are then locked in id order (concurrent writers queue instead of deadlocking)
-- and updated once.
-- Counters are only ever UPDATEd: a parent deleted in the same statement (an FK cascade) is
-- simply not there any more.

-- Adds (+1 per id in plus, -1 per id in minus) to rel.col.
CREATE FUNCTION moxing_bump(rel regclass, col text, plus int[], minus int[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ids int[];
  ns int[];
BEGIN
  SELECT array_agg(k ORDER BY k), array_agg(n ORDER BY k) INTO ids, ns
  FROM (
    SELECT k, sum(s)::int AS n
    FROM (SELECT unnest(plus) AS k, 1 AS s UNION ALL SELECT unnest(minus), -1) x
    WHERE k IS NOT NULL
    GROUP BY k
    HAVING sum(s) <> 0
  ) d;
  IF ids IS NULL THEN
    RETURN;
  END IF;
  EXECUTE format('SELECT 1 FROM %s WHERE id = ANY($1) ORDER BY id FOR UPDATE', rel) USING ids;
  EXECUTE format(
    'UPDATE %1$s t SET %2$I = t.%2$I + d.n FROM unnest($1::int[], $2::int[]) AS d(id, n) WHERE t.id = d.id',
    rel, col) USING ids, ns;
END $$;

-- Adds to a Tally metric, in this connection's slot.
CREATE FUNCTION moxing_tally(m text, d int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF d IS NULL OR d = 0 THEN
    RETURN;
  END IF;
  INSERT INTO "Tally" (metric, slot, value) VALUES (m, pg_backend_pid() % 16, d)
  ON CONFLICT (metric, slot) DO UPDATE SET value = "Tally".value + EXCLUDED.value;
END $$;

-- Adds to a pair table ("IndustryModel" / "IndustryOrganization"); a pair whose count reaches 0 goes.
CREATE FUNCTION moxing_bump_pairs(rel text, col text, plus_i int[], plus_e int[], minus_i int[], minus_e int[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  ii int[];
  ee int[];
  ns int[];
BEGIN
  SELECT array_agg(i ORDER BY i, e), array_agg(e ORDER BY i, e), array_agg(n ORDER BY i, e) INTO ii, ee, ns
  FROM (
    SELECT i, e, sum(s)::int AS n
    FROM (SELECT p.i, p.e, 1 AS s FROM unnest(plus_i, plus_e) AS p(i, e)
          UNION ALL SELECT m.i, m.e, -1 FROM unnest(minus_i, minus_e) AS m(i, e)) x
    WHERE i IS NOT NULL AND e IS NOT NULL
    GROUP BY i, e
    HAVING sum(s) <> 0
  ) d;
  IF ii IS NULL THEN
    RETURN;
  END IF;
  EXECUTE format(
    'SELECT 1 FROM %1$I t JOIN unnest($1::int[], $2::int[]) AS d(i, e) ON t."industryId" = d.i AND t.%2$I = d.e
     ORDER BY t."industryId", t.%2$I FOR UPDATE OF t', rel, col) USING ii, ee;
  -- More links: insert or add (the industry and the entity exist: the new links reference them).
  EXECUTE format(
    'INSERT INTO %1$I ("industryId", %2$I, links)
     SELECT d.i, d.e, d.n FROM unnest($1::int[], $2::int[], $3::int[]) AS d(i, e, n) WHERE d.n > 0 ORDER BY d.i, d.e
     ON CONFLICT ("industryId", %2$I) DO UPDATE SET links = %1$I.links + EXCLUDED.links', rel, col) USING ii, ee, ns;
  -- Fewer links: subtract, and drop pairs left with none.
  EXECUTE format(
    'UPDATE %1$I t SET links = t.links + d.n FROM unnest($1::int[], $2::int[], $3::int[]) AS d(i, e, n)
     WHERE d.n < 0 AND t."industryId" = d.i AND t.%2$I = d.e', rel, col) USING ii, ee, ns;
  EXECUTE format(
    'DELETE FROM %1$I t USING unnest($1::int[], $2::int[], $3::int[]) AS d(i, e, n)
     WHERE d.n < 0 AND t."industryId" = d.i AND t.%2$I = d.e AND t.links <= 0', rel, col) USING ii, ee, ns;
END $$;

CREATE FUNCTION moxing_count_mention() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  nm int[]; no int[]; ni int[];
  om int[]; oo int[]; oi int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("modelId"), array_agg("organizationId"), array_agg("industryId") INTO nm, no, ni FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("modelId"), array_agg("organizationId"), array_agg("industryId") INTO om, oo, oi FROM old_rows;
  END IF;
  -- parent tables in one fixed order in every trigger: Organization, Model, Industry, ...
  -- (no Article counters: an article's own mentions and sources are bounded, and counting them on
  -- the article row would rewrite that row, search vector index entries included, per statement)
  PERFORM moxing_bump('"Organization"', 'mentionCount', no, oo);
  PERFORM moxing_bump('"Model"', 'mentionCount', nm, om);
  PERFORM moxing_bump('"Industry"', 'mentionCount', ni, oi);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_event_source() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ne int[]; oe int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("eventId") INTO ne FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("eventId") INTO oe FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Event"', 'sourceCount', ne, oe);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_claim_source() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  nc int[]; oc int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("claimId") INTO nc FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("claimId") INTO oc FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Claim"', 'sourceCount', nc, oc);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_article_industry() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ni int[]; oi int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("industryId") INTO ni FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("industryId") INTO oi FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Industry"', 'articleCount', ni, oi);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_article_technology() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  nt int[]; ot int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("technologyId") INTO nt FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("technologyId") INTO ot FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Technology"', 'articleCount', nt, ot);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_industry_link() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  ni int[]; nm int[]; no int[]; oi int[]; om int[]; oo int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("industryId"), array_agg("modelId"), array_agg("organizationId") INTO ni, nm, no FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("industryId"), array_agg("modelId"), array_agg("organizationId") INTO oi, om, oo FROM old_rows;
  END IF;
  PERFORM moxing_bump_pairs('IndustryOrganization', 'organizationId', ni, no, oi, oo);
  PERFORM moxing_bump_pairs('IndustryModel', 'modelId', ni, nm, oi, om);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  nm int[]; no int[]; om int[]; oo int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("modelId"), array_agg("organizationId") INTO nm, no FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("modelId"), array_agg("organizationId") INTO om, oo FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Organization"', 'eventCount', no, oo);
  PERFORM moxing_bump('"Model"', 'eventCount', nm, om);
  PERFORM moxing_tally('events', coalesce(cardinality(nm), 0) - coalesce(cardinality(om), 0));
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_claim() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  nm int[]; no int[]; om int[]; oo int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("subjectModelId"), array_agg("subjectOrganizationId") INTO nm, no FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("subjectModelId"), array_agg("subjectOrganizationId") INTO om, oo FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Organization"', 'claimCount', no, oo);
  PERFORM moxing_bump('"Model"', 'claimCount', nm, om);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_model() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  nv int[]; ov int[];
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT array_agg("vendorId") INTO nv FROM new_rows;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT array_agg("vendorId") INTO ov FROM old_rows;
  END IF;
  PERFORM moxing_bump('"Organization"', 'modelCount', nv, ov);
  IF TG_OP <> 'UPDATE' THEN
    PERFORM moxing_tally('models', coalesce(cardinality(nv), 0) - coalesce(cardinality(ov), 0));
  END IF;
  RETURN NULL;
END $$;

-- The overview's "vendors": organizations that own a model or have the vendor role. Kept as a
-- Tally from each organization's modelCount and roles before and after, so the overview does not
-- count organizations (their number grows with discovery, not only with curated vendors).
CREATE FUNCTION moxing_count_organization() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  n int := 0;
  o int := 0;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    SELECT count(*) INTO n FROM new_rows WHERE "modelCount" > 0 OR 'vendor' = ANY(roles);
  END IF;
  IF TG_OP <> 'INSERT' THEN
    SELECT count(*) INTO o FROM old_rows WHERE "modelCount" > 0 OR 'vendor' = ANY(roles);
  END IF;
  PERFORM moxing_tally('vendors', n - o);
  RETURN NULL;
END $$;

CREATE FUNCTION moxing_count_article() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  d int;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT count(*) INTO d FROM new_rows;
  ELSE
    SELECT -count(*) INTO d FROM old_rows;
  END IF;
  PERFORM moxing_tally('articles', d);
  RETURN NULL;
END $$;

CREATE TRIGGER "Mention_count_ins" AFTER INSERT ON "Mention" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_mention();
CREATE TRIGGER "Mention_count_upd" AFTER UPDATE ON "Mention"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_mention();
CREATE TRIGGER "Mention_count_del" AFTER DELETE ON "Mention" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_mention();

CREATE TRIGGER "EventSource_count_ins" AFTER INSERT ON "EventSource" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_event_source();
CREATE TRIGGER "EventSource_count_upd" AFTER UPDATE ON "EventSource"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_event_source();
CREATE TRIGGER "EventSource_count_del" AFTER DELETE ON "EventSource" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_event_source();

CREATE TRIGGER "ClaimSource_count_ins" AFTER INSERT ON "ClaimSource" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_claim_source();
CREATE TRIGGER "ClaimSource_count_upd" AFTER UPDATE ON "ClaimSource"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_claim_source();
CREATE TRIGGER "ClaimSource_count_del" AFTER DELETE ON "ClaimSource" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_claim_source();

CREATE TRIGGER "ArticleIndustry_count_ins" AFTER INSERT ON "ArticleIndustry" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article_industry();
CREATE TRIGGER "ArticleIndustry_count_upd" AFTER UPDATE ON "ArticleIndustry"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article_industry();
CREATE TRIGGER "ArticleIndustry_count_del" AFTER DELETE ON "ArticleIndustry" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article_industry();

CREATE TRIGGER "ArticleTechnology_count_ins" AFTER INSERT ON "ArticleTechnology" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article_technology();
CREATE TRIGGER "ArticleTechnology_count_upd" AFTER UPDATE ON "ArticleTechnology"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article_technology();
CREATE TRIGGER "ArticleTechnology_count_del" AFTER DELETE ON "ArticleTechnology" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article_technology();

CREATE TRIGGER "IndustryLink_count_ins" AFTER INSERT ON "IndustryLink" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_industry_link();
CREATE TRIGGER "IndustryLink_count_upd" AFTER UPDATE ON "IndustryLink"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_industry_link();
CREATE TRIGGER "IndustryLink_count_del" AFTER DELETE ON "IndustryLink" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_industry_link();

CREATE TRIGGER "Event_count_ins" AFTER INSERT ON "Event" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_event();
CREATE TRIGGER "Event_count_upd" AFTER UPDATE ON "Event"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_event();
CREATE TRIGGER "Event_count_del" AFTER DELETE ON "Event" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_event();

CREATE TRIGGER "Claim_count_ins" AFTER INSERT ON "Claim" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_claim();
CREATE TRIGGER "Claim_count_upd" AFTER UPDATE ON "Claim"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_claim();
CREATE TRIGGER "Claim_count_del" AFTER DELETE ON "Claim" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_claim();

CREATE TRIGGER "Model_count_ins" AFTER INSERT ON "Model" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_model();
CREATE TRIGGER "Model_count_upd" AFTER UPDATE ON "Model"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_model();
CREATE TRIGGER "Model_count_del" AFTER DELETE ON "Model" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_model();

CREATE TRIGGER "Organization_count_ins" AFTER INSERT ON "Organization" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_organization();
CREATE TRIGGER "Organization_count_upd" AFTER UPDATE ON "Organization"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_organization();
CREATE TRIGGER "Organization_count_del" AFTER DELETE ON "Organization" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_organization();

CREATE TRIGGER "Article_count_ins" AFTER INSERT ON "Article" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article();
CREATE TRIGGER "Article_count_del" AFTER DELETE ON "Article" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION moxing_count_article();

-- Recomputes every counter from the base tables: the backfill below, after a bulk load with
-- triggers off (session_replication_role = replica), and after TRUNCATE (which fires no row events).
CREATE FUNCTION moxing_recount() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Model" t SET "mentionCount" = x.m, "eventCount" = x.e, "claimCount" = x.c
  FROM (SELECT o.id, coalesce(m.n, 0) AS m, coalesce(e.n, 0) AS e, coalesce(c.n, 0) AS c FROM "Model" o
        LEFT JOIN (SELECT "modelId" k, count(*)::int n FROM "Mention" WHERE "modelId" IS NOT NULL GROUP BY 1) m ON m.k = o.id
        LEFT JOIN (SELECT "modelId" k, count(*)::int n FROM "Event" WHERE "modelId" IS NOT NULL GROUP BY 1) e ON e.k = o.id
        LEFT JOIN (SELECT "subjectModelId" k, count(*)::int n FROM "Claim" WHERE "subjectModelId" IS NOT NULL GROUP BY 1) c ON c.k = o.id) x
  WHERE t.id = x.id AND (t."mentionCount", t."eventCount", t."claimCount") IS DISTINCT FROM (x.m, x.e, x.c);

  UPDATE "Organization" t SET "mentionCount" = x.m, "modelCount" = x.mo, "eventCount" = x.e, "claimCount" = x.c
  FROM (SELECT o.id, coalesce(m.n, 0) AS m, coalesce(mo.n, 0) AS mo, coalesce(e.n, 0) AS e, coalesce(c.n, 0) AS c FROM "Organization" o
        LEFT JOIN (SELECT "organizationId" k, count(*)::int n FROM "Mention" WHERE "organizationId" IS NOT NULL GROUP BY 1) m ON m.k = o.id
        LEFT JOIN (SELECT "vendorId" k, count(*)::int n FROM "Model" WHERE "vendorId" IS NOT NULL GROUP BY 1) mo ON mo.k = o.id
        LEFT JOIN (SELECT "organizationId" k, count(*)::int n FROM "Event" WHERE "organizationId" IS NOT NULL GROUP BY 1) e ON e.k = o.id
        LEFT JOIN (SELECT "subjectOrganizationId" k, count(*)::int n FROM "Claim" WHERE "subjectOrganizationId" IS NOT NULL GROUP BY 1) c ON c.k = o.id) x
  WHERE t.id = x.id AND (t."mentionCount", t."modelCount", t."eventCount", t."claimCount") IS DISTINCT FROM (x.m, x.mo, x.e, x.c);

  UPDATE "Industry" t SET "mentionCount" = x.m, "articleCount" = x.a
  FROM (SELECT i.id, coalesce(m.n, 0) AS m, coalesce(a.n, 0) AS a FROM "Industry" i
        LEFT JOIN (SELECT "industryId" k, count(*)::int n FROM "Mention" WHERE "industryId" IS NOT NULL GROUP BY 1) m ON m.k = i.id
        LEFT JOIN (SELECT "industryId" k, count(*)::int n FROM "ArticleIndustry" GROUP BY 1) a ON a.k = i.id) x
  WHERE t.id = x.id AND (t."mentionCount", t."articleCount") IS DISTINCT FROM (x.m, x.a);

  UPDATE "Technology" t SET "articleCount" = x.a
  FROM (SELECT i.id, coalesce(a.n, 0) AS a FROM "Technology" i
        LEFT JOIN (SELECT "technologyId" k, count(*)::int n FROM "ArticleTechnology" GROUP BY 1) a ON a.k = i.id) x
  WHERE t.id = x.id AND t."articleCount" IS DISTINCT FROM x.a;

  UPDATE "Event" t SET "sourceCount" = x.n
  FROM (SELECT e.id, coalesce(s.n, 0) AS n FROM "Event" e
        LEFT JOIN (SELECT "eventId" k, count(*)::int n FROM "EventSource" GROUP BY 1) s ON s.k = e.id) x
  WHERE t.id = x.id AND t."sourceCount" IS DISTINCT FROM x.n;

  UPDATE "Claim" t SET "sourceCount" = x.n
  FROM (SELECT c.id, coalesce(s.n, 0) AS n FROM "Claim" c
        LEFT JOIN (SELECT "claimId" k, count(*)::int n FROM "ClaimSource" GROUP BY 1) s ON s.k = c.id) x
  WHERE t.id = x.id AND t."sourceCount" IS DISTINCT FROM x.n;

  DELETE FROM "IndustryModel";
  INSERT INTO "IndustryModel" ("industryId", "modelId", links)
  SELECT "industryId", "modelId", count(*)::int FROM "IndustryLink" WHERE "modelId" IS NOT NULL GROUP BY 1, 2;
  DELETE FROM "IndustryOrganization";
  INSERT INTO "IndustryOrganization" ("industryId", "organizationId", links)
  SELECT "industryId", "organizationId", count(*)::int FROM "IndustryLink" WHERE "organizationId" IS NOT NULL GROUP BY 1, 2;

  DELETE FROM "Tally";
  INSERT INTO "Tally" (metric, slot, value)
  SELECT 'articles', 0, count(*)::int FROM "Article"
  UNION ALL SELECT 'models', 0, count(*)::int FROM "Model"
  UNION ALL SELECT 'events', 0, count(*)::int FROM "Event"
  UNION ALL SELECT 'vendors', 0, count(*)::int FROM "Organization" WHERE "modelCount" > 0 OR 'vendor' = ANY(roles);
END $$;

CREATE FUNCTION moxing_recount_trigger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM moxing_recount();
  RETURN NULL;
END $$;

CREATE TRIGGER "Article_recount_truncate" AFTER TRUNCATE ON "Article" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "Model_recount_truncate" AFTER TRUNCATE ON "Model" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "Organization_recount_truncate" AFTER TRUNCATE ON "Organization" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "Event_recount_truncate" AFTER TRUNCATE ON "Event" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "Mention_recount_truncate" AFTER TRUNCATE ON "Mention" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "EventSource_recount_truncate" AFTER TRUNCATE ON "EventSource" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "ClaimSource_recount_truncate" AFTER TRUNCATE ON "ClaimSource" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "IndustryLink_recount_truncate" AFTER TRUNCATE ON "IndustryLink" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "ArticleIndustry_recount_truncate" AFTER TRUNCATE ON "ArticleIndustry" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "ArticleTechnology_recount_truncate" AFTER TRUNCATE ON "ArticleTechnology" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();
CREATE TRIGGER "Claim_recount_truncate" AFTER TRUNCATE ON "Claim" FOR EACH STATEMENT EXECUTE FUNCTION moxing_recount_trigger();

-- Backfill from the rows already stored.
SELECT moxing_recount();

-- Counter updates rewrite Event and Claim rows. Their counter columns are not indexed, so with room
-- left on each page the new row version stays there (a HOT update) and no index is touched.
ALTER TABLE "Event" SET (fillfactor = 80);
ALTER TABLE "Claim" SET (fillfactor = 80);
