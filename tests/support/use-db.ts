// Points the app's process-wide database (getDb() in lib/db/client.ts) at a test database, so that
// route handlers and query helpers called directly in a test read and write it.
import type { DbHandle } from "@/lib/db/client";

const slot = globalThis as unknown as { moxingDb?: Promise<DbHandle>; moxingReadDb?: Promise<DbHandle> };

/** From now on getDb() and getWriteDb() return this handle's client (reads too, even with DATABASE_READ_URL). */
export function useDatabase(handle: DbHandle): void {
  slot.moxingDb = Promise.resolve(handle);
  slot.moxingReadDb = slot.moxingDb;
}

/** Forgets the handle (the test still closes it). */
export function releaseDatabase(): void {
  slot.moxingDb = undefined;
  slot.moxingReadDb = undefined;
}
