-- Every statement that writes a table the dashboard reads sends NOTIFY moxing_data_changed, so that
-- servers drop the query results they keep between writes (lib/db/query-cache.ts). PostgreSQL folds
-- identical notifications of one transaction into one, delivered at commit, and none on rollback.
CREATE FUNCTION moxing_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('moxing_data_changed', '');
  RETURN NULL;
END $$;

-- One statement-level trigger per table ("<table>_notify"); a test checks that every table has one,
-- so a later migration that adds a table must add its trigger too.
DO $$
DECLARE t text;
BEGIN
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename LOOP
    EXECUTE format(
      'CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION moxing_notify_change()',
      t || '_notify', t);
  END LOOP;
END $$;
