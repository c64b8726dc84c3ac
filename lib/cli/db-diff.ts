// npm run db:diff -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql from the
// difference between the committed migrations and schema.prisma (offline `prisma migrate dev`).
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffMigrationsToSchema } from "../db/schema-engine";
import { MIGRATIONS_DIR } from "../db/migrations";

const name = (process.argv[2] ?? "change").replace(/[^a-z0-9_]+/gi, "_");
const sql = await diffMigrationsToSchema();
if (!sql) {
  console.log("schema.prisma and prisma/migrations agree: nothing to write");
} else {
  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
