// Once per integration run: check DATABASE_URL is local and migrate it; build the embedded template
// (in a directory of this run's own, so that concurrent runs cannot delete each other's).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "@/lib/db/client";
import { assertLocalDatabase } from "./test-db";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

let templateRoot: string | undefined;

export async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    assertLocalDatabase(process.env.DATABASE_URL);
    await (await openDatabase({ url: process.env.DATABASE_URL })).close();
  }
  templateRoot = mkdtempSync(path.join(os.tmpdir(), "moxing-template-"));
  const template = path.join(templateRoot, "pglite");
  await (await openDatabase({ url: null, dataDir: template })).close();
  project.provide("pgliteTemplate", template);
}

export function teardown() {
  if (templateRoot) rmSync(templateRoot, { recursive: true, force: true });
}
