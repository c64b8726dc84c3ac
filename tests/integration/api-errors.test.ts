// When the database cannot be reached, the API answers 503 with JSON (not a hang, not a stack).
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { openDatabase, type DbHandle } from "@/lib/db/client";
import { GET as listModels } from "@/app/api/models/route";
import { GET as getModel } from "@/app/api/models/[slug]/route";
import { GET as eventsCsv } from "@/app/api/export/events.csv/route";
import { GET as feed } from "@/app/feed.xml/route";
import { call } from "../support/api";
import { releaseDatabase, useDatabase } from "../support/use-db";

let down: DbHandle;
beforeAll(async () => {
  // Nothing listens on port 1: every query fails to connect.
  down = await openDatabase({ url: "postgresql://postgres@127.0.0.1:1/none", migrate: false });
  useDatabase(down);
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterAll(async () => {
  releaseDatabase();
  await down?.close();
  vi.restoreAllMocks();
});

it("answers 503 JSON from lists, items, exports and feeds", async () => {
  for (const res of [
    await call(listModels, "/api/models"),
    await call(getModel, "/api/models/hunyuan", { slug: "hunyuan" }),
    await call(eventsCsv, "/api/export/events.csv"),
    await call(feed, "/feed.xml"),
  ]) {
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: "database unavailable, try again later" });
  }
});

it("still answers 400 for bad parameters before touching the database", async () => {
  expect((await call(listModels, "/api/models?limit=-1")).status).toBe(400);
});
