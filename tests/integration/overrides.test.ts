// Editors' corrections (lib/admin/overrides.ts): each kind of correction is applied at once and
// holds when an edited article is ingested again and when a new extractor version re-derives
// everything; a rejected fact never comes back from the same evidence; undo restores what the
// extractor read; a correction whose evidence is gone is kept and flagged stale; saving one leaves
// exactly what a later re-derivation leaves. The endpoints refuse without the token and across sites.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { adminLimiter } from "@/lib/admin/rate-limit";
import { listOverrides, saveOverride, splitModel, undoOverride } from "@/lib/admin/overrides";
import { applyReviewAction } from "@/lib/admin/review";
import {
  confirmRequestSchema,
  rejectRequestSchema,
  setRequestSchema,
  splitRequestSchema,
} from "@/lib/admin/override-schema";
import type { DbHandle } from "@/lib/db/client";
import { reextractArticles } from "@/lib/ingest/reextract";
import { ingestFiles, listArticleFiles } from "@/lib/ingest/run";
import { listEvents } from "@/lib/queries/events";
import { listClaims } from "@/lib/queries/claims";
import { getModelBySlug } from "@/lib/queries/models";
import { GET as listHistory } from "@/app/api/admin/overrides/route";
import { POST as rejectRoute } from "@/app/api/admin/overrides/reject/route";
import { POST as setRoute } from "@/app/api/admin/overrides/set/route";
import { POST as confirmRoute } from "@/app/api/admin/overrides/confirm/route";
import { POST as undoRoute } from "@/app/api/admin/overrides/[id]/undo/route";
import { GET as factQueue } from "@/app/api/admin/review/facts/route";
import { POST as login } from "@/app/api/admin/login/route";
import { GET as apiEvents } from "@/app/api/events/route";
import { GET as eventsCsv } from "@/app/api/export/events.csv/route";
import { ORIGIN, type RouteHandler } from "../support/api";
import { contentChecksum } from "../support/db-checksum";
import { backends, freshDatabase, primaryBackend } from "../support/test-db";
import { releaseDatabase, useDatabase } from "../support/use-db";

const ARTICLE_A = [
  "标题: 百川智能发布Turbo大模型",
  "链接: https://example.com/overrides/a",
  "总结: 2024年6月18日，百川智能发布了Turbo大模型，并向企业用户开放服务。截至2024年6月，百川智能已服务超过200家企业客户。" +
    "百川智能表示，2024年6月，Turbo大模型已在金融行业落地。2022年，百川智能推出了“半成品”模型。",
  "",
].join("\n");
const ARTICLE_B = [
  "标题: Turbo大模型向企业开放",
  "链接: https://example.com/overrides/b",
  "总结: 2024年6月18日，百川智能的Turbo大模型向企业用户开放服务。同日，腾讯发布了混元大模型的新版本。",
  "",
].join("\n");
/** The same article, edited after the corrections: a sentence more at the end. */
const edited = (text: string) => text.replace(/\n$/, "另据介绍，该公司计划年内推出更多产品。\n");
const FALSE_MODEL_SENTENCE = "2022年，百川智能推出了“半成品”模型。";

const OPENED = "open_public|turbo|baichuan|2024-06-18";
const DEPLOYED = "deployment|turbo|baichuan|2024-06";
const CUSTOMERS = "organizations_supported|||baichuan|lower|200|organizations|2024-06";

type Fields = Record<string, string | number | null>;
const reject = (fields: Fields, editor = "editor-a") =>
  saveOverride({ ...rejectRequestSchema.parse(fields), action: "reject" }, editor);
const set = (fields: Fields, editor = "editor-a") =>
  saveOverride({ ...setRequestSchema.parse(fields), action: "set" }, editor);
const confirm = (fields: Fields, editor = "editor-a") =>
  saveOverride({ ...confirmRequestSchema.parse(fields), action: "confirm" }, editor);
const split = (fields: Record<string, unknown>, editor = "editor-a") =>
  splitModel(splitRequestSchema.parse(fields), editor);

for (const backend of backends()) {
  describe(`editors' corrections (${backend})`, { timeout: 300_000 }, () => {
    let db: DbHandle;
    let dir: string;
    const write = (name: string, content: string) => writeFileSync(path.join(dir, name), content);
    const ingest = async () => ingestFiles(db.prisma, await listArticleFiles([dir]));
    /** What a new extractor version does: every article derived again. */
    const reextract = async () => {
      await db.sql.exec(`UPDATE "Article" SET "extractorVersion" = 'older'`);
      return reextractArticles(db.prisma);
    };
    /** `check` holds now, after the articles are edited and ingested again, and after a re-extraction. */
    const survives = async (check: () => Promise<void>) => {
      await check();
      write("a.txt", edited(ARTICLE_A));
      write("b.txt", edited(ARTICLE_B));
      expect(await ingest()).toMatchObject({ updated: 2, rejected: 0 });
      await check();
      expect(await reextract()).toMatchObject({ rederived: 2 });
      await check();
    };
    const event = (key: string) => db.prisma.event.findUnique({ where: { key }, include: { sources: true } });
    const claim = (key: string) => db.prisma.claim.findUnique({ where: { key }, include: { sources: true } });
    const override = (id: number) => db.prisma.override.findUniqueOrThrow({ where: { id } });

    beforeEach(async () => {
      db = await freshDatabase(backend);
      useDatabase(db);
      dir = mkdtempSync(path.join(os.tmpdir(), "moxing-overrides-"));
      write("a.txt", ARTICLE_A);
      write("b.txt", ARTICLE_B);
      expect(await ingest()).toMatchObject({ created: 2, rejected: 0 });
    });
    afterEach(async () => {
      releaseDatabase();
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("rejects a false model with its mentions and events, and it never comes back from the same text", async () => {
      expect(await db.prisma.model.findUnique({ where: { slug: "banchengpin" } })).not.toBeNull();
      const saved = await reject({ kind: "model", key: "banchengpin", reason: "a quoted word, not a model" });
      expect(saved).toMatchObject({ kind: "model", action: "reject", editor: "editor-a", stale: false, matches: 1 });
      expect(saved.sentence).toContain("半成品");
      expect(saved.previous).toMatchObject({ nameZh: "半成品", status: "discovered", vendor: "baichuan" });
      await survives(async () => {
        expect(await db.prisma.model.findUnique({ where: { slug: "banchengpin" } })).toBeNull();
        expect(await db.prisma.mention.count({ where: { text: "半成品" } })).toBe(0);
        expect(await event("release|banchengpin|baichuan|2022")).toBeNull();
        // the rest of the article is untouched
        expect(await event(DEPLOYED)).not.toBeNull();
        expect((await override(saved.id)).stale).toBe(false);
      });
    });

    it("re-dates an event: the new key holds, the override stays keyed by what the extractor read", async () => {
      const saved = await set({ kind: "event", key: DEPLOYED, date: "2023-11", reason: "dated from a later sentence" });
      const moved = "deployment|turbo|baichuan|2023-11";
      expect(saved).toMatchObject({
        key: DEPLOYED,
        resultKey: moved,
        values: { date: { value: "2023-11", precision: "month" } },
      });
      expect(saved.previous).toMatchObject({ date: { value: "2024-06", precision: "month" } });
      await survives(async () => {
        expect(await event(DEPLOYED)).toBeNull();
        const e = await event(moved);
        expect(e).toMatchObject({ precision: "month", dateInferred: false, reviewedBy: "editor-a" });
        expect(e!.date!.toISOString().slice(0, 10)).toBe("2023-11-01");
        expect(e!.reviewedAt).not.toBeNull();
        expect(e!.sources).toHaveLength(1);
      });
      // the public API says it was reviewed, and when
      const page = await listEvents({ model: "turbo" });
      const item = page.items.find((i) => i.type === "deployment")!;
      expect(item).toMatchObject({ reviewed: true, reviewedBy: "editor-a", date: { value: "2023-11" } });
      expect(item.reviewedAt).toBe((await override(saved.id)).createdAt.toISOString());
    });

    it("fixes a misread number and its bound; undo restores the extracted value", async () => {
      const saved = await set({ kind: "claim", key: CUSTOMERS, value: "300", bound: "exact" });
      const fixed = "organizations_supported|||baichuan|exact|300|organizations|2024-06";
      await survives(async () => {
        expect(await claim(CUSTOMERS)).toBeNull();
        expect(await claim(fixed)).toMatchObject({ value: 300, bound: "exact", reviewedBy: "editor-a" });
      });
      const [shown] = await listClaims({ organizationSlug: "baichuan" });
      expect(shown).toMatchObject({ value: 300, reviewed: true });

      const undone = await undoOverride(saved.id, "editor-b");
      expect(undone).toMatchObject({ revokedBy: "editor-b" });
      expect(undone.revokedAt).not.toBeNull();
      expect(await claim(fixed)).toBeNull();
      expect(await claim(CUSTOMERS)).toMatchObject({ value: 200, bound: "lower", reviewedAt: null, reviewedBy: null });
      await expect(undoOverride(saved.id, "editor-b")).rejects.toMatchObject({ status: 409 });
      // and it stays undone
      expect(await reextract()).toMatchObject({ rederived: 2 });
      expect(await claim(CUSTOMERS)).toMatchObject({ value: 200, reviewedAt: null });
    });

    it("re-attributes a model to another vendor, and undo gives it back", async () => {
      const saved = await set({ kind: "model", key: "turbo", vendor: "tencent" });
      const vendor = async () =>
        (await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo" }, include: { vendor: true } })).vendor?.slug;
      await survives(async () => {
        expect(await vendor()).toBe("tencent");
        const m = await getModelBySlug("turbo");
        expect(m).toMatchObject({
          vendor: { slug: "tencent" },
          reviewed: true,
          reviewedBy: "editor-a",
          status: "confirmed",
        });
        expect((await db.prisma.organization.findUniqueOrThrow({ where: { slug: "tencent" } })).modelCount).toBe(2);
      });
      await expect(set({ kind: "model", key: "turbo", vendor: "no-such-org" })).rejects.toMatchObject({ status: 409 });
      await expect(set({ kind: "model", key: "turbo", vendor: "tencent" })).rejects.toMatchObject({ status: 409 });
      await undoOverride(saved.id, "editor-a");
      expect(await vendor()).toBe("baichuan");
      expect(await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo" } })).toMatchObject({
        status: "discovered",
        reviewedAt: null,
      });
    });

    it("keeps a rejected event away from every article that reports it, new ones included", async () => {
      expect((await event(OPENED))!.sources).toHaveLength(2);
      const saved = await reject({ kind: "event", key: OPENED, reason: "the opening was announced, not made" });
      expect(saved.matches).toBe(2);
      await survives(async () => expect(await event(OPENED)).toBeNull());
      // another outlet reprints the same sentence: the same evidence, still rejected
      write("c.txt", ARTICLE_B.replace("https://example.com/overrides/b", "https://example.com/overrides/c"));
      expect(await ingest()).toMatchObject({ created: 1 });
      expect(await event(OPENED)).toBeNull();
      expect((await listOverrides({})).items[0]).toMatchObject({ id: saved.id, matches: 3, stale: false });
      // undo: back from all three
      await undoOverride(saved.id, "editor-a");
      expect((await event(OPENED))!.sources).toHaveLength(3);
    });

    it("counts the matches of two ingestions at once that meet the same correction", async () => {
      const saved = await reject({ kind: "event", key: OPENED, reason: "x" });
      const dirs = ["c", "d"].map((name) => {
        const d = mkdtempSync(path.join(os.tmpdir(), "moxing-overrides-"));
        writeFileSync(
          path.join(d, `${name}.txt`),
          ARTICLE_B.replace("https://example.com/overrides/b", `https://example.com/overrides/${name}`),
        );
        return d;
      });
      try {
        const runs = await Promise.all(dirs.map(async (d) => ingestFiles(db.prisma, await listArticleFiles([d]))));
        expect(runs.map((r) => r.created)).toEqual([1, 1]);
      } finally {
        for (const d of dirs) rmSync(d, { recursive: true, force: true });
      }
      expect(await event(OPENED)).toBeNull();
      expect(await db.prisma.overrideMatch.count({ where: { overrideId: saved.id } })).toBe(4);
      expect(await override(saved.id)).toMatchObject({ stale: false });
    });

    it("rejects one article's industry link, and confirms an event and an organization", async () => {
      const article = await db.prisma.article.findUniqueOrThrow({ where: { url: "https://example.com/overrides/a" } });
      expect(await db.prisma.industryLink.count({ where: { articleId: article.id } })).toBe(1);
      await reject({
        kind: "industry_link",
        article: article.id,
        industry: "finance",
        model: "turbo",
        reason: "a plan",
      });
      const confirmed = await confirm({ kind: "event", key: OPENED });
      await confirm({ kind: "organization", key: "baichuan" });
      await survives(async () => {
        expect(await db.prisma.industryLink.count({ where: { article: { url: article.url } } })).toBe(0);
        expect(await event(OPENED)).toMatchObject({ reviewedBy: "editor-a" });
        expect((await event(OPENED))!.reviewedAt!.toISOString()).toBe(confirmed.createdAt);
      });
      await expect(
        reject({ kind: "industry_link", article: article.id, industry: "finance", model: "turbo", reason: "again" }),
      ).rejects.toMatchObject({ status: 404 });
    });

    it("keeps an override whose evidence is gone, flagged stale, and applies it again when the text returns", async () => {
      const saved = await reject({ kind: "model", key: "banchengpin", reason: "a quoted word" });
      write("a.txt", ARTICLE_A.replace(FALSE_MODEL_SENTENCE, ""));
      expect(await ingest()).toMatchObject({ updated: 1 });
      expect(await override(saved.id)).toMatchObject({ stale: true, revokedAt: null });
      expect((await listOverrides({ state: "stale" })).items.map((o) => o.id)).toEqual([saved.id]);
      expect((await listOverrides({ state: "active" })).items).toEqual([]);

      write("a.txt", ARTICLE_A);
      await ingest();
      expect(await override(saved.id)).toMatchObject({ stale: false });
      expect(await db.prisma.model.findUnique({ where: { slug: "banchengpin" } })).toBeNull();
    });

    it("rejects a mention of one version of an article: stale once the text changes", async () => {
      const article = await db.prisma.article.findUniqueOrThrow({
        where: { url: "https://example.com/overrides/a" },
        include: { mentions: { where: { text: "百川智能" }, orderBy: { start: "asc" } } },
      });
      const [first, second] = article.mentions;
      const saved = await reject({
        kind: "mention",
        article: article.id,
        start: second.start,
        end: second.end,
        reason: "x",
      });
      const spans = async () =>
        (await db.prisma.mention.findMany({ where: { articleId: article.id, text: "百川智能" } })).map((m) => m.start);
      expect(await spans()).not.toContain(second.start);
      expect(await spans()).toContain(first.start);
      expect(await reextract()).toMatchObject({ rederived: 2 });
      expect(await spans()).not.toContain(second.start);
      write("a.txt", edited(ARTICLE_A));
      await ingest();
      expect(await spans()).toContain(second.start);
      expect(await override(saved.id)).toMatchObject({ stale: true });
    });

    it("splits a model read under one name for two: the chosen mentions and their sentences' facts move", async () => {
      const b = await db.prisma.article.findUniqueOrThrow({
        where: { url: "https://example.com/overrides/b" },
        include: { mentions: { where: { kind: "model", text: "Turbo" } } },
      });
      const [mention] = b.mentions;
      const { overrides } = await split({
        kind: "model",
        key: "turbo",
        mentions: `${b.id}:${mention.start}:${mention.end}`,
        into: "turbo-b",
        nameZh: "Turbo",
        vendor: "tencent",
        reason: "another company's Turbo",
      });
      expect(overrides).toHaveLength(1);
      expect(overrides[0]).toMatchObject({
        kind: "mention",
        action: "set",
        previous: { entity: "turbo", model: "turbo" },
      });
      const other = "open_public|turbo-b|baichuan|2024-06-18";
      const check = async () => {
        const m = await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo-b" }, include: { vendor: true } });
        expect(m).toMatchObject({ nameZh: "Turbo", status: "discovered", mentionCount: 1 });
        expect(m.vendor?.slug).toBe("tencent");
        expect((await event(other))!.sources.map((s) => s.articleId)).toEqual([b.id]);
        expect((await event(OPENED))!.sources).toHaveLength(1); // article a's report stays Turbo's
        expect(await db.prisma.mention.count({ where: { articleId: b.id, model: { slug: "turbo" } } })).toBe(0);
      };
      await check();
      expect(await reextract()).toMatchObject({ rederived: 2 });
      await check();
      // a mention is of one version of its article: after an edit it is Turbo's again, the split listed as stale
      write("b.txt", edited(ARTICLE_B));
      await ingest();
      expect(await db.prisma.model.findUnique({ where: { slug: "turbo-b" } })).toBeNull();
      expect(await override(overrides[0].id)).toMatchObject({ stale: true });
      await expect(
        split({ kind: "model", key: "turbo", mentions: `${b.id}:0:1`, into: "turbo-b", nameZh: "x" }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(
        split({ kind: "model", key: "turbo", mentions: `${b.id}:0:1`, into: "turbo" }),
      ).rejects.toMatchObject({ status: 409 });
    });

    it("undoes a split", async () => {
      const b = await db.prisma.article.findUniqueOrThrow({
        where: { url: "https://example.com/overrides/b" },
        include: { mentions: { where: { kind: "model", text: "Turbo" } } },
      });
      const before = await contentChecksum(db.sql);
      const { id } = await split({
        kind: "model",
        key: "turbo",
        mentions: [{ article: b.id, start: b.mentions[0].start, end: b.mentions[0].end }],
        into: "hunyuan",
      });
      // into an existing model: it keeps its names and vendor
      expect(await db.prisma.model.findUniqueOrThrow({ where: { slug: "hunyuan" } })).toMatchObject({ nameZh: "混元" });
      expect(await event("open_public|hunyuan|baichuan|2024-06-18")).not.toBeNull();
      await undoOverride(id, "editor-a");
      const { Override: _o, OverrideMatch: _m, ...after } = await contentChecksum(db.sql);
      const { Override: _p, OverrideMatch: _q, ...was } = before;
      expect(after).toEqual(was);
    });

    it("keeps a merge made in review through re-ingestion and re-extraction, as re-deriving leaves it, and undoes it", async () => {
      const merged = await applyReviewAction(
        { action: "merge", kind: "model", slug: "banchengpin", into: "turbo" },
        "editor-a",
      );
      expect(merged).toMatchObject({ action: "merge", into: "turbo" });
      const corrected = await contentChecksum(db.sql);
      expect(await reextract()).toMatchObject({ rederived: 2 });
      expect(await contentChecksum(db.sql)).toEqual(corrected);
      await survives(async () => {
        expect(await db.prisma.model.findUnique({ where: { slug: "banchengpin" } })).toBeNull();
        expect((await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo" } })).aliases).toContain("半成品");
        expect(await db.prisma.mention.count({ where: { text: "半成品", model: { slug: "turbo" } } })).toBe(1);
        expect(await event("release|banchengpin|baichuan|2022")).toBeNull();
        expect(await event("release|turbo|baichuan|2022")).not.toBeNull();
      });
      const { items } = await listOverrides({ kind: "model" });
      expect(items[0]).toMatchObject({
        action: "set",
        key: "banchengpin",
        values: { into: "turbo" },
        previous: { nameZh: "半成品" },
        resultKey: "turbo",
        stale: false,
      });
      await undoOverride(items[0].id, "editor-a");
      expect(await db.prisma.model.findUnique({ where: { slug: "banchengpin" } })).not.toBeNull();
      expect(await event("release|banchengpin|baichuan|2022")).not.toBeNull();
      expect(await event("release|turbo|baichuan|2022")).toBeNull();
    });

    it("keeps a rename made in review through re-ingestion and re-extraction, and undoes it", async () => {
      const before = await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo" } });
      await applyReviewAction(
        { action: "rename", kind: "model", slug: "turbo", nameZh: "百川涡轮", nameEn: "Baichuan Turbo" },
        "editor-a",
      );
      const corrected = await contentChecksum(db.sql);
      expect(await reextract()).toMatchObject({ rederived: 2 });
      expect(await contentChecksum(db.sql)).toEqual(corrected);
      await survives(async () => {
        const m = await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo" } });
        expect(m).toMatchObject({ nameZh: "百川涡轮", nameEn: "Baichuan Turbo", status: "confirmed" });
        expect(m.aliases).toContain(before.nameZh);
      });
      const { items } = await listOverrides({ kind: "model" });
      await undoOverride(items[0].id, "editor-a");
      const m = await db.prisma.model.findUniqueOrThrow({ where: { slug: "turbo" } });
      expect(m).toMatchObject({ nameZh: before.nameZh, nameEn: before.nameEn, status: "discovered" });
    });

    it("saving corrections leaves what re-deriving everything leaves; undoing them all, what the extractor read", async () => {
      const pristine = await contentChecksum(db.sql);
      const article = await db.prisma.article.findUniqueOrThrow({ where: { url: "https://example.com/overrides/a" } });
      const ids = [
        (await reject({ kind: "model", key: "banchengpin", reason: "a quoted word" })).id,
        (await set({ kind: "event", key: DEPLOYED, type: "announcement", date: "2024" })).id,
        (await set({ kind: "claim", key: CUSTOMERS, value: 300 })).id,
        (await set({ kind: "model", key: "turbo", vendor: "tencent", version: "1.0" })).id,
        (await reject({ kind: "organization", key: "tencent", reason: "test" })).id,
        (await reject({ kind: "industry_link", article: article.id, industry: "finance", model: "turbo", reason: "x" }))
          .id,
        (await confirm({ kind: "event", key: OPENED })).id,
        (await confirm({ kind: "model", key: "hunyuan" })).id,
        (
          await split({
            kind: "model",
            key: "turbo",
            mentions: (
              await db.prisma.mention.findMany({
                where: { model: { slug: "turbo" }, article: { url: { endsWith: "/b" } } },
              })
            ).map((m) => `${m.articleId}:${m.start}:${m.end}`),
            into: "turbo-b",
            nameZh: "Turbo",
          })
        ).id,
      ];
      expect(await db.prisma.organization.findUnique({ where: { slug: "tencent" } })).toBeNull();
      expect(await event("release|hunyuan||2024-06-18")).not.toBeNull(); // its organization rejected, the model's
      const corrected = await contentChecksum(db.sql);
      expect(await reextract()).toMatchObject({ rederived: 2 });
      expect(await contentChecksum(db.sql)).toEqual(corrected);
      expect(await ingest()).toMatchObject({ unchanged: 2, updated: 0 });
      expect(await contentChecksum(db.sql)).toEqual(corrected);

      for (const id of [...ids].reverse()) await undoOverride(id, "editor-a");
      const restored = await contentChecksum(db.sql);
      const { Override: _o, OverrideMatch: _m, ...rest } = restored;
      const { Override: _p, OverrideMatch: _q, ...before } = pristine;
      expect(rest).toEqual(before);
      expect(restored.OverrideMatch.rows).toBe(0);
    });
  });
}

describe(`the correction endpoints (${primaryBackend})`, () => {
  const TOKEN = "test-admin-token-0123456789";
  let db: DbHandle;
  let dir: string;
  const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
  const post = (handler: RouteHandler, url: string, init: RequestInit, params?: Record<string, string>) =>
    handler(new Request(new URL(url, ORIGIN), { method: "POST", ...init }), ctx(params));
  const bearer = { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" };
  const session = async () =>
    (await post(login, "/api/admin/login", { body: new URLSearchParams({ token: TOKEN, editor: "Li Wei" }) })).headers
      .get("set-cookie")!
      .split(";")[0];

  beforeAll(async () => {
    db = await freshDatabase(primaryBackend);
    useDatabase(db);
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-overrides-api-"));
    writeFileSync(path.join(dir, "a.txt"), ARTICLE_A);
    writeFileSync(path.join(dir, "b.txt"), ARTICLE_B);
    await ingestFiles(db.prisma, await listArticleFiles([dir]));
  });
  afterAll(async () => {
    releaseDatabase();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    vi.stubEnv("ADMIN_TOKEN", TOKEN);
    adminLimiter.reset();
  });
  afterEach(() => vi.unstubAllEnvs());

  it("refuses without the token, and answers 404 when the admin area is off", async () => {
    const body = JSON.stringify({ kind: "event", key: OPENED, reason: "x" });
    const none = await post(rejectRoute, "/api/admin/overrides/reject", {
      body,
      headers: { "content-type": "application/json" },
    });
    expect(none.status).toBe(401);
    const wrong = await post(rejectRoute, "/api/admin/overrides/reject", {
      body,
      headers: { ...bearer, authorization: "Bearer wrong" },
    });
    expect(wrong.status).toBe(401);
    expect((await listHistory(new Request(`${ORIGIN}/api/admin/overrides`), ctx())).status).toBe(401);
    expect(
      (
        await post(
          undoRoute,
          "/api/admin/overrides/1/undo",
          { body: "{}", headers: { "content-type": "application/json" } },
          { id: "1" },
        )
      ).status,
    ).toBe(401);
    vi.stubEnv("ADMIN_TOKEN", "");
    expect((await post(setRoute, "/api/admin/overrides/set", { body, headers: bearer })).status).toBe(404);
    expect(await db.prisma.override.count()).toBe(0);
  });

  it("refuses a cookie-authenticated correction from another site", async () => {
    const cookie = await session();
    const form = () => new URLSearchParams({ kind: "event", key: OPENED, reason: "x" });
    const cross = await post(rejectRoute, "/api/admin/overrides/reject", {
      body: form(),
      headers: { cookie, origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
    const crossSite = await post(confirmRoute, "/api/admin/overrides/confirm", {
      body: form(),
      headers: { cookie, "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
    const undo = await post(
      undoRoute,
      "/api/admin/overrides/1/undo",
      { body: new URLSearchParams(), headers: { cookie, origin: "https://evil.example" } },
      { id: "1" },
    );
    expect(undo.status).toBe(403);
    expect(await db.prisma.override.count()).toBe(0);
  });

  it("takes JSON with the token (editor `token`), checks it with zod, and lists and undoes it", async () => {
    const bad = await post(setRoute, "/api/admin/overrides/set", {
      body: JSON.stringify({ kind: "event", key: DEPLOYED, date: "2023-13" }),
      headers: bearer,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).issues[0].path).toEqual(["date"]);
    const missing = await post(rejectRoute, "/api/admin/overrides/reject", {
      body: JSON.stringify({ kind: "event", key: "release|nothing||2024", reason: "x" }),
      headers: bearer,
    });
    expect(missing.status).toBe(404);

    const res = await post(setRoute, "/api/admin/overrides/set", {
      body: JSON.stringify({ kind: "event", key: DEPLOYED, date: "2023-11-05", reason: "the text says so" }),
      headers: bearer,
    });
    expect(res.status).toBe(201);
    const saved = await res.json();
    expect(saved).toMatchObject({ kind: "event", action: "set", editor: "token", reason: "the text says so" });

    const events = await (await apiEvents(new Request(`${ORIGIN}/api/events?model=turbo`), ctx())).json();
    expect(events.items.find((e: { type: string }) => e.type === "deployment")).toMatchObject({
      reviewed: true,
      reviewedBy: "token",
      date: { value: "2023-11-05", precision: "day" },
    });

    // the CSV export says so too
    const csv = await (await eventsCsv(new Request(`${ORIGIN}/api/export/events.csv?model=turbo`), ctx())).text();
    const [header, ...lines] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(header.replace(/"/g, "").split(",").slice(-2)).toEqual(["reviewed_at", "reviewed_by"]);
    expect(lines.find((l) => l.includes("2023-11-05"))).toMatch(/,"?token"?$/);

    const history = await (
      await listHistory(new Request(`${ORIGIN}/api/admin/overrides?kind=event`, { headers: bearer }), ctx())
    ).json();
    expect(history.items.map((o: { id: number }) => o.id)).toContain(saved.id);

    const undo = await post(
      undoRoute,
      `/api/admin/overrides/${saved.id}/undo`,
      { body: "{}", headers: bearer },
      { id: String(saved.id) },
    );
    expect(undo.status).toBe(200);
    expect(await undo.json()).toMatchObject({ id: saved.id, revokedBy: "token" });
    expect(await db.prisma.event.findUnique({ where: { key: DEPLOYED } })).not.toBeNull();
  });

  it("answers a browser form with a redirect back, naming the editor from the login", async () => {
    const cookie = await session();
    const ok = await post(rejectRoute, "/api/admin/overrides/reject", {
      body: new URLSearchParams({
        kind: "model",
        key: "banchengpin",
        reason: "a quoted word",
        back: "/admin/review?kind=model",
      }),
      headers: { cookie, origin: ORIGIN },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toMatch(/^\/admin\/review\?kind=model&done=reject&id=\d+$/);
    const id = /id=(\d+)/.exec(ok.headers.get("location")!)![1];
    expect(await db.prisma.override.findUniqueOrThrow({ where: { id: Number(id) } })).toMatchObject({
      editor: "Li Wei",
    });

    const badDate = await post(setRoute, "/api/admin/overrides/set", {
      body: new URLSearchParams({ kind: "claim", key: CUSTOMERS, asOf: "2024-02-30", back: "https://evil.example/" }),
      headers: { cookie, origin: ORIGIN },
    });
    expect(badDate.status).toBe(303);
    expect(badDate.headers.get("location")).toMatch(/^\/admin\/review\?error=asOf/);

    const undo = await post(
      undoRoute,
      `/api/admin/overrides/${id}/undo`,
      { body: new URLSearchParams({ back: "/admin/history" }), headers: { cookie, origin: ORIGIN } },
      { id },
    );
    expect(undo.headers.get("location")).toBe(`/admin/history?done=undo&id=${id}`);
    const again = await post(
      undoRoute,
      `/api/admin/overrides/${id}/undo`,
      { body: new URLSearchParams({ back: "/admin/history" }), headers: { cookie, origin: ORIGIN } },
      { id },
    );
    expect(again.headers.get("location")).toMatch(/^\/admin\/history\?error=/);
  });

  it("lists facts to review, the least confident first, with the keys the corrections take", async () => {
    const res = await factQueue(new Request(`${ORIGIN}/api/admin/review/facts?kind=event`, { headers: bearer }), ctx());
    const { items, total } = await res.json();
    expect(total).toBeGreaterThanOrEqual(3);
    const unreviewed = items.filter((i: { reviewed: unknown }) => i.reviewed === null);
    const confidences = unreviewed.map((i: { confidence: number }) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b));
    expect(items.map((i: { key: string }) => i.key)).toContain(OPENED);
    expect(items[0].source.sentence).toBeTruthy();
    const article = await db.prisma.article.findUniqueOrThrow({ where: { url: "https://example.com/overrides/b" } });
    const ofB = await (
      await factQueue(
        new Request(`${ORIGIN}/api/admin/review/facts?kind=mention&article=${article.id}`, { headers: bearer }),
        ctx(),
      )
    ).json();
    expect(ofB.items.every((m: { source: { articleId: number } }) => m.source.articleId === article.id)).toBe(true);
    expect(
      (await factQueue(new Request(`${ORIGIN}/api/admin/review/facts?kind=nope`, { headers: bearer }), ctx())).status,
    ).toBe(400);
  });
});
