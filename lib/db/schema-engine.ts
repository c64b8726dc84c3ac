// Prisma's WebAssembly schema engine, loaded by hand: its package imports the .wasm file as an
// ES module, which Node does not do. Used for `npm run db:diff` and the drift test only; the
// CLI's native engine cannot be downloaded here.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { listMigrations, MIGRATIONS_DIR } from "./migrations";

type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
};
/** The wasm-bindgen glue of @prisma/schema-engine-wasm (it ships no types). */
interface EngineBindings {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (params: unknown, log: () => void, adapter: unknown) => Promise<Engine> };
}

const require = createRequire(import.meta.url);

async function loadEngine(schemaPath: string, schema: string, pglite: PGlite): Promise<Engine> {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = (await import(path.join(pkgDir, "schema_engine_bg.js"))) as EngineBindings;
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  // The engine speaks to adapters through Prisma's Result-wrapped binding, as the CLI does.
  // The PGlite adapter's executeScript does not await PGlite, so a failing script would pass
  // unseen: run scripts ourselves. The shadow database is an in-memory PGlite of its own.
  const shadow = new PGlite();
  const awaitScripts = <T extends object>(conn: T, db: PGlite): T =>
    Object.assign(Object.create(conn) as T, {
      executeScript: async (script: string) => void (await db.exec(script)),
    });
  const factory = {
    provider: "postgres" as const,
    adapterName: "pglite",
    connect: async () => awaitScripts(await new PrismaPGlite(pglite).connect(), pglite),
    connectToShadowDb: async () => awaitScripts(await new PrismaPGlite(shadow).connect(), shadow),
  };
  const log = () => {};
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, bindMigrationAwareSqlAdapterFactory(factory));
}

/**
 * SQL that takes a database built from prisma/migrations to what schema.prisma describes.
 * An empty string means they agree (no drift).
 */
export async function diffMigrationsToSchema(
  schemaPath = path.join(process.cwd(), "prisma", "schema.prisma"),
  migrationsDir = MIGRATIONS_DIR,
): Promise<string> {
  const schema = readFileSync(schemaPath, "utf8");
  const pglite = new PGlite();
  try {
    const engine = await loadEngine(schemaPath, schema, pglite);
    const migrations = listMigrations(migrationsDir);
    const result = await engine.diff({
      from: {
        tag: "migrations",
        baseDir: migrationsDir,
        lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
        shadowDbInitScript: "",
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
        })),
      },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    return sql === "-- This is an empty migration." ? "" : sql;
  } finally {
    await pglite.close();
  }
}
