// Once per integration run: check DATABASE_URL is local and migrate it; build the embedded template.
import { rmSync } from "node:fs";
import { openDatabase } from "@/lib/db/client";
import { assertLocalDatabase, TEMPLATE_DIR } from "./test-db";

export async function setup() {
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    await (await openDatabase({ url: process.env.DATABASE_URL })).close();
  }
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  await (await openDatabase({ url: null, dataDir: TEMPLATE_DIR })).close();
}

export async function teardown() {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
}
