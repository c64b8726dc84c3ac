import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "@/lib/db/client";
import { formatRejection, ingestFiles, listArticleFiles, MAX_FILE_BYTES, type IngestSummary } from "@/lib/ingest/run";
import { mulberry32, syntheticArticle } from "../../bench/corpus";
import { runIngestCli, siblingDatabase } from "../support/reliability";
import { freshDatabase, primaryBackend, snapshot } from "../support/test-db";

const seed = readFileSync(path.join(process.cwd(), "seeds", "000_fd29859c59ce52f4.txt"), "utf8");
const synthetic = (i: number) => syntheticArticle(90_000 + i).text;

const PAYLOAD = `'); DROP TABLE "Article"; -- <script>alert(1)</script> \${process.exit(1)} {{7*7}} %s%n ../../etc/passwd`;
const injection = [
  `标题: Robert'); DROP TABLE "Article"; -- <script>alert('标题')</script>`,
  `constructor: {"polluted": true}`,
  `toString: x`,
  `链接: https://evil.example/a?q=%27%20OR%20%271%27=%271&x=%3Cscript%3E#'; DROP TABLE "Model"; --`,
  `总结: ${PAYLOAD}。近日，腾讯发布了“混元”大模型'; DELETE FROM "Organization"; --，<img src=x onerror=alert(1)>。$1 $$ \\x00 \\'`,
  `关键词: '); DROP TABLE "Industry"; --, <svg onload=alert(1)>, \${jndi:ldap://x}`,
  `AI技术: 注意力机制'); TRUNCATE "Technology"; --`,
  `行业: 金融'; DELETE FROM "Industry" WHERE '1'='1`,
  `重大事件摘要: \\'; SELECT pg_sleep(10); --`,
  "",
].join("\n");

/** Every hostile file of the batch, with the rejection it must get (null: stored safely). */
function hostileBatch(): [name: string, content: string | Buffer, expected: RegExp | null][] {
  const rand = mulberry32(7);
  const binary = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(rand() * 256)));
  binary[10] = 0;
  const withLink = (text: string, url: string) => text.replace(/^链接: .*$/m, `链接: ${url}`);
  return [
    ["good-seed.txt", seed, null],
    ["good-1.txt", synthetic(1), null],
    ["good-2.txt", synthetic(2), null],
    ["empty.txt", "", /empty file/],
    ["blank.txt", " \n\t\n　\n", /empty file \(only whitespace\)/],
    ["binary.txt", binary, /binary content/],
    ["png.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary content/],
    // 标题: in GBK, then a GBK body: not UTF-8
    [
      "gbk.txt",
      Buffer.concat([
        Buffer.from([0xb1, 0xea, 0xcc, 0xe2]),
        Buffer.from(": x\n链接: https://a.example/gbk\n总结: "),
        Buffer.from([0xc4, 0xe3, 0xba, 0xc3]),
      ]),
      /not valid UTF-8/,
    ],
    [
      "utf16.txt",
      Buffer.from("\ufeff标题: x\n链接: https://a.example/u16\n总结: 正文\n", "utf16le"),
      /binary content|not valid UTF-8/,
    ],
    ["huge.txt", "", /over the 5242880-byte limit/], // written below: 50 MB
    ["no-title.txt", synthetic(3).replace(/^标题: .*\n/m, ""), /missing required field "标题"/],
    ["no-link.txt", synthetic(4).replace(/^链接: .*\n/m, ""), /missing required field "链接"/],
    ["no-body.txt", synthetic(5).replace(/^总结: .*\n/m, ""), /missing required field "总结"/],
    ["empty-title.txt", synthetic(6).replace(/^标题: .*$/m, "标题: "), /required field "标题" is empty/],
    ["js-link.txt", withLink(synthetic(7), "javascript:alert(document.cookie)"), /bad URL/],
    ["no-fields.txt", "just some text without any field\n", /text before the first field/],
    ["twice-title.txt", `标题: a\n${synthetic(8)}`, /duplicated field "标题"/],
    ["dup-a.txt", withLink(synthetic(9), "https://dup.example/same"), null],
    [
      "dup-b.txt",
      withLink(synthetic(10), "https://dup.example/same"),
      /duplicate link https:\/\/dup\.example\/same: .*dup-a\.txt/,
    ],
    ["dup-c.txt", withLink(synthetic(9), "https://dup.example/same"), null], // same link, same content: unchanged
    ["injection.txt", injection, null],
    // odd file names, each holding a valid article
    [" spaced  name .txt", synthetic(11), null],
    ["文章（一）.txt", synthetic(12), null],
    ["-rf --no-preserve-root.txt", synthetic(13), null],
    [`a'; DROP TABLE "Article"; --.txt`, synthetic(14), null],
    ["line\nbreak.txt", synthetic(15), null],
    [`${"长".repeat(80)}.txt`, synthetic(16), null],
    [".hidden.txt", synthetic(17), null],
    ["emoji-🤖.txt", synthetic(18), null],
    ["$(touch pwned).txt", synthetic(19), null],
    // derived facts that cannot be stored never cost the article
    [
      "impossible-dates.txt",
      withLink(synthetic(20), "https://a.example/impossible").replace(
        /^总结: /m,
        "总结: 截至2023年2月30日，腾讯发布了“混元”大模型，累计用户999999999999999999999个。2023年13月，又推出新版本。",
      ),
      null,
    ],
    // invisible format characters: stripped from what is shown, offsets of the body kept
    [
      "bidi-title.txt",
      withLink(synthetic(21), "https://a.example/bi\u200bdi").replace(
        /^标题: .*$/m,
        "标题: 腾讯\u202e发布\u200b混元\u200d新版\u2066本\u2069",
      ),
      null,
    ],
    [
      "long-link.txt",
      withLink(synthetic(22), `https://a.example/${"x".repeat(2100)}`),
      /link is 2118 characters long, over the 2048-character limit/,
    ],
  ];
}

describe(`hostile input (${primaryBackend})`, () => {
  let db: DbHandle;
  let dir: string;
  let first: IngestSummary;
  const batch = hostileBatch();
  const rejectedByName = () => new Map(first.rejections.map((r) => [path.basename(r.file), formatRejection(r)]));

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "moxing-hostile-"));
    for (const [name, content] of batch) writeFileSync(path.join(dir, name), content);
    // 50 MB of valid-looking text: must be refused unread, not parsed
    writeFileSync(path.join(dir, "huge.txt"), Buffer.alloc(50 * 1024 * 1024, "大模型。"));
    db = await freshDatabase(primaryBackend);
    first = await ingestFiles(db.prisma, await listArticleFiles([dir]), {
      concurrency: primaryBackend === "postgres" ? 4 : 1,
    });
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("rejects each bad file with a message naming the file and the reason", () => {
    const rejected = rejectedByName();
    for (const [name, , expected] of batch) {
      if (expected) {
        expect(rejected.get(name), name).toMatch(expected);
        expect(rejected.get(name)).toContain(name);
      } else {
        expect(rejected.has(name), `${name}: ${rejected.get(name)}`).toBe(false);
      }
    }
    expect(MAX_FILE_BYTES).toBeLessThan(50 * 1024 * 1024);
  });

  it("stores every valid file of the batch, whatever its name", async () => {
    const valid = batch.filter(([, , e]) => e === null).map(([n]) => n);
    // dup-c repeats dup-a exactly: one article for the two
    expect(first.created).toBe(valid.length - 1);
    expect(first.unchanged).toBe(1);
    const files = (await db.prisma.article.findMany({ select: { sourceFile: true } })).map((a) => a.sourceFile).sort();
    expect(files).toEqual(valid.filter((n) => n !== "dup-c.txt").sort());
    expect(await db.prisma.model.count({ where: { slug: "hunyuan" } })).toBe(1);
  });

  it("stores injection payloads verbatim, as data", async () => {
    const a = await db.prisma.article.findFirstOrThrow({ where: { sourceFile: "injection.txt" } });
    expect(a.title).toBe(`Robert'); DROP TABLE "Article"; -- <script>alert('标题')</script>`);
    expect(a.url).toContain(`#'; DROP TABLE "Model"; --`);
    expect(a.body).toContain(PAYLOAD);
    // list fields split at , ， 、 ; ；: the pieces are kept as written
    const list = (field: string) =>
      field
        .split(/[,，、;；]+/)
        .map((x) => x.trim())
        .filter(Boolean);
    expect(a.keywords).toEqual(list(`'); DROP TABLE "Industry"; --, <svg onload=alert(1)>, \${jndi:ldap://x}`));
    expect(a.technologies).toEqual(list(`注意力机制'); TRUNCATE "Technology"; --`));
    expect(a.industries).toEqual(list(`金融'; DELETE FROM "Industry" WHERE '1'='1`));
    expect(a.eventSummary).toBe(`\\'; SELECT pg_sleep(10); --`);
    expect(a.extraFields).toMatchObject({ toString: "x" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // nothing was dropped or emptied
    expect(await db.prisma.organization.count()).toBeGreaterThan(3);
    expect(await db.prisma.industry.count()).toBeGreaterThan(0);
    expect(await db.prisma.technology.count()).toBeGreaterThan(0);
  });

  it("stores an article whose text states impossible dates and numbers, with only valid derived facts", async () => {
    const a = await db.prisma.article.findFirstOrThrow({ where: { sourceFile: "impossible-dates.txt" } });
    expect(a.body).toContain("2023年2月30日");
    const { rows } = await db.sql.query<{ bad: number }>(
      `SELECT (SELECT count(*) FROM "Claim" WHERE value = 'NaN' OR value IN ('Infinity', '-Infinity') OR abs(value) > 1e15)::int
            + (SELECT count(*) FROM "Event" WHERE date < '1900-01-01' OR date > '2100-12-31')::int AS bad`,
    );
    expect(rows[0].bad).toBe(0);
    const events = await db.prisma.event.findMany({ where: { sources: { some: { articleId: a.id } } } });
    for (const e of events) if (e.dateText?.includes("2月30日")) expect(e.precision).toBe("month");
  });

  it("shows titles and links without invisible format characters, and keeps body offsets exact", async () => {
    const a = await db.prisma.article.findFirstOrThrow({ where: { sourceFile: "bidi-title.txt" } });
    expect(a.title).toBe("腾讯发布混元新版本");
    expect(a.url).toBe("https://a.example/bidi");
    const names = await db.prisma.model.findMany({ select: { nameZh: true, aliases: true } });
    for (const n of names.flatMap((m) => [m.nameZh, ...m.aliases])) expect(n).not.toMatch(/\p{Cf}/u);
  });

  it("keeps an extra field named like an Object.prototype member", async () => {
    const a = await db.prisma.article.findFirstOrThrow({ where: { sourceFile: "injection.txt" } });
    expect(a.extraFields).toMatchObject({ constructor: `{"polluted": true}` });
  });

  it("keeps the first of two files with the same link and different content", async () => {
    const a = await db.prisma.article.findUniqueOrThrow({ where: { url: "https://dup.example/same" } });
    expect(a.sourceFile).toBe("dup-a.txt");
    const mentions = await db.prisma.mention.findMany({ where: { articleId: a.id } });
    for (const m of mentions) expect(a.body.slice(m.start, m.end)).toBe(m.text);
  });

  it("changes nothing and rejects the same files when the batch is ingested again", async () => {
    const before = await snapshot(db);
    const again = await ingestFiles(db.prisma, await listArticleFiles([dir]));
    expect(again.created + again.updated).toBe(0);
    expect(again.rejected).toBe(first.rejected);
    expect(await snapshot(db)).toEqual(before);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "exits 1 from the CLI with one line per rejected file, never crashing",
    async () => {
      const target = await siblingDatabase("hostile_cli");
      try {
        const { done } = runIngestCli([dir], { DATABASE_URL: target.url });
        const r = await done;
        expect(r.signal).toBeNull();
        expect(r.code).toBe(1);
        const expectedRejections = batch.filter(([, , e]) => e !== null).length;
        expect(r.stderr.match(/^rejected: /gm)?.length).toBe(expectedRejections);
        expect(r.stdout).toMatch(
          new RegExp(`${first.created} new, 0 updated, 1 unchanged, ${expectedRejections} rejected`),
        );
      } finally {
        await target.drop();
      }
    },
  );
});
