import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/events/route";
import { closeDb, openDatabase, type DbHandle } from "@/lib/db/client";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { canRunOwnServer, ownServer } from "../support/reliability";
import { releaseDatabase, useDatabase } from "../support/use-db";

const request = () => events(new Request("http://127.0.0.1/api/events?vendor=tencent"), undefined);

// The API's own process keeps running while its PostgreSQL server goes away and comes back.
describe.skipIf(!canRunOwnServer())("the database going down and coming back", () => {
  let server: Awaited<ReturnType<typeof ownServer>>;
  let db: DbHandle;

  beforeAll(async () => {
    server = await ownServer();
    db = await openDatabase({ url: server.url });
    await ingestFiles(db.prisma, await listArticleFiles([path.join(process.cwd(), "seeds")]));
    useDatabase(db);
  }, 120_000);
  afterAll(async () => {
    releaseDatabase();
    await db?.close().catch(() => {});
    await closeDb();
    server?.destroy();
  });

  it("answers 503 with a JSON error while the server is down, then recovers without a restart", async () => {
    const up = await request();
    expect(up.status).toBe(200);
    expect((await up.json()).items.length).toBeGreaterThan(0);

    server.stop();
    // pg_ctl ran synchronously: let the pool see its idle connections close, as a live server's
    // event loop would (a query caught mid-flight by the shutdown is another matter: see docs)
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      const down = await request();
      expect(down.status).toBe(503);
      expect(down.headers.get("content-type")).toMatch(/application\/json/);
      expect(await down.json()).toEqual({ error: expect.stringMatching(/database unavailable/) });
      expect(Date.now() - started).toBeLessThan(10_000);
    }

    server.start();
    await new Promise((r) => setTimeout(r, 200));
    const again = await request();
    expect(again.status).toBe(200);
    expect((await again.json()).items.length).toBeGreaterThan(0);
  });
});
