// npm run db:migrate: applies pending migrations to the configured database
// (DATABASE_URL, else the embedded one), offline.
import { openDatabase } from "../db/client";
import { applyMigrations, listMigrations } from "../db/migrations";

const handle = await openDatabase({ migrate: false });
try {
  const applied = await handle.session((sql) => applyMigrations(sql));
  const where = handle.kind === "embedded" ? "embedded database" : "PostgreSQL";
  console.log(
    applied.length
      ? `applied ${applied.length} migration(s) to the ${where}: ${applied.join(", ")}`
      : `${where}: all ${listMigrations().length} migration(s) already applied`,
  );
} finally {
  await handle.close();
}
