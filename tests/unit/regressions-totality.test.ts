// Regressions from the pipeline's property tests and hostile inputs: each names the general
// behaviour it pins, so that the case that found it can never come back.
import { describe, expect, it } from "vitest";
import { parseDatePhrase } from "@/lib/extract/dates";
import { MAX_MENTIONS_PER_ENTITY } from "@/lib/extract";
import { cleanBody, MAX_SENTENCE_LENGTH } from "@/lib/ingest/clean";
import { MAX_URL_LENGTH, parseArticleFile } from "@/lib/ingest/parse";
import { analyseFile } from "@/lib/ingest/run";
import { extractText } from "./helpers/article";

const file = (lines: string[]) => new TextEncoder().encode(lines.join("\n"));

describe("dates that do not exist", () => {
  it("read a day that is not in its month at month precision, never as an invalid date", () => {
    expect(parseDatePhrase("2023年2月30日")).toMatchObject({ value: "2023-02", precision: "month" });
    expect(parseDatePhrase("截至2023年4月31日")).toMatchObject({ value: "2023-04", precision: "month" });
    expect(parseDatePhrase("2024年2月29日")).toMatchObject({ value: "2024-02-29", precision: "day" });
    expect(parseDatePhrase("2023-02-29")).toMatchObject({ value: "2023-02", precision: "month" });
  });

  it("keep the article whose text states them, with valid facts only", () => {
    const a = analyseFile(
      "x.txt",
      file(["标题: 测试", "链接: https://example.com/a", "总结: 截至2023年2月30日，腾讯发布了“混元”大模型。"]),
    );
    expect(a.ok).toBe(true);
    if (a.ok) for (const e of a.analysed.extraction.events) expect(e.date.value ?? "").not.toContain("02-30");
  });
});

describe("numbers beyond any count in the news", () => {
  it("are not claims", () => {
    const { result } = extractText("平台累计用户超过999999999999999999999个，模型达到12345678901234567890亿个。");
    for (const c of result.claims) expect(Math.abs(c.value)).toBeLessThanOrEqual(1e15);
  });
});

describe("text with no sentence ends", () => {
  it("is cut into sentences of bounded length at clause marks, offsets exact", () => {
    const body = "腾讯发布混元大模型，".repeat(4000);
    const c = cleanBody(body);
    expect(c.sentences.length).toBeGreaterThan(1);
    for (const s of c.sentences) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
      expect(c.body.slice(s.start, s.end)).toBe(s.text);
      expect(s.text.endsWith("，")).toBe(true);
    }
  });

  it("never splits a character outside the basic plane", () => {
    const c = cleanBody("𠮷".repeat(3000));
    for (const s of c.sentences) expect(s.text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});

describe("a name repeated thousands of times", () => {
  it("yields a bounded number of mentions per entity", () => {
    const { result } = extractText("腾讯混元大模型。".repeat(3000));
    const counts = new Map<string, number>();
    for (const m of result.mentions) counts.set(`${m.kind}:${m.key}`, (counts.get(`${m.kind}:${m.key}`) ?? 0) + 1);
    expect(Math.max(...counts.values())).toBe(MAX_MENTIONS_PER_ENTITY);
  });
});

describe("text that disguises itself", () => {
  it("loses bidi controls and zero-width characters in the title, the link and list fields, not in the body", () => {
    const r = parseArticleFile(
      "x.txt",
      file([
        "标题: 腾讯\u202e发布\u200b混元\u200d新\u2066版\u2069",
        "链接: https://exa\u200bmple.com/a",
        "关键词: 混\u200b元, \u202e腾讯",
        "总结: 腾讯\u202e发布。",
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe("腾讯发布混元新版");
    expect(r.article.url).toBe("https://example.com/a");
    expect(r.article.keywords).toEqual(["混元", "腾讯"]);
    expect(r.article.body).toBe("腾讯\u202e发布。");
  });

  it("refuses a link longer than the limit, naming the line and the field", () => {
    const r = parseArticleFile(
      "x.txt",
      file(["标题: t", `链接: https://example.com/${"a".repeat(MAX_URL_LENGTH)}`, "总结: 正文。"]),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        line: 2,
        field: "链接",
        message: expect.stringMatching(/over the 2048-character limit/),
      });
  });

  it("refuses a title made only of invisible characters", () => {
    const r = parseArticleFile("x.txt", file(["标题: \u202e\u200b", "链接: https://example.com/a", "总结: 正文。"]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ line: 1, field: "标题" });
  });
});
