// The app's entry to the database (server-only). CLIs and tests import lib/db/client.ts directly.
// getDb() reads (from the replica when DATABASE_READ_URL is set); getWriteDb() writes to the primary.
import "server-only";

export { getDb, getWriteDb } from "./db/client";
