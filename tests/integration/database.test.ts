import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/db/client";
import { applyMigrations, listMigrations } from "@/lib/db/migrations";
import { diffMigrationsToSchema } from "@/lib/db/schema-engine";
import { assertLocalDatabase, backends, freshDatabase } from "../support/test-db";

describe("the database layer", () => {
  it("has committed migrations that agree with schema.prisma (no drift)", async () => {
    expect(listMigrations().length).toBeGreaterThan(0);
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it.each(backends())("applies migrations once on %s and records them as Prisma does", async (backend) => {
    const handle = await freshDatabase(backend);
    try {
      const again = await handle.session((sql) => applyMigrations(sql));
      expect(again).toEqual([]);
      const { rows } = await handle.sql.query<{ migration_name: string; finished_at: Date | null }>(
        `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(listMigrations().map((m) => m.name));
      expect(rows.every((r) => r.finished_at !== null)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("refuses a database URL on another host", () => {
    expect(() => assertLocalDatabase("postgresql://u@db.example.com:5432/x")).toThrow(/only run against a local/);
    expect(() => assertLocalDatabase("postgresql://u@127.0.0.1:5432/x")).not.toThrow();
  });

  it("reports a server that cannot be reached as an error, not a hang", async () => {
    await expect(openDatabase({ url: "postgresql://postgres@127.0.0.1:1/none" })).rejects.toThrow();
  });
});
