// The app's entry to the database (server-only). CLIs and tests import lib/db/client.ts directly.
import "server-only";

export { getDb, getDbHandle } from "./db/client";
export type { Db } from "./db/client";
