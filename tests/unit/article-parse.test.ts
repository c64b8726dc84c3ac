import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatRejection } from "@/lib/ingest/run";
import { parseArticleFile } from "@/lib/ingest/parse";

const root = process.cwd();
const bytes = (s: string) => new TextEncoder().encode(s);
const fixture = (dir: string, name: string) => readFileSync(path.join(root, "tests/fixtures", dir, name));

describe("parseArticleFile", () => {
  it("reads the seed article's fields, lists and line numbers", () => {
    const r = parseArticleFile("000.txt", readFileSync(path.join(root, "seeds/000_fd29859c59ce52f4.txt")));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe("国产大模型密集“上新”迸发新机遇");
    expect(r.article.url).toMatch(/^https:\/\/baijiahao\.baidu\.com\//);
    expect(r.article.keywords).toEqual(["人工智能大模型", "算力基础设施数据联盟"]);
    expect(r.article.technologies).toEqual(["大模型生成技术", "深度神经网络", "注意力机制"]);
    expect(r.article.industries).toEqual(["金融科技", "生物医药", "工业制造"]);
    expect(r.article.eventSummary).toMatch(/^这篇文章报道了/);
    expect(r.article.fieldLines).toMatchObject({ title: 1, url: 2, body: 3, industries: 6 });
  });

  it("accepts CRLF, full-width colons, reordered fields and keeps unknown fields in extra", () => {
    const r = parseArticleFile("doubao.txt", fixture("articles", "bytedance-doubao-crlf.txt"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.extra).toEqual({ 来源: "科技日报", 发布时间: "2024-05-15 20:31" });
    expect(r.article.industries).toEqual(["汽车", "手机", "零售"]);
    expect(r.article.keywords).toEqual(["豆包大模型", "火山引擎", "价格"]);
    expect(r.article.body).not.toMatch(/\r/);
    expect(r.article.fieldLines.url).toBe(6);
  });

  it("matches Traditional Chinese field names and keeps values as written", () => {
    const r = parseArticleFile("tw.txt", fixture("articles", "sensetime-sensenova-tw.txt"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe("商湯發佈日日新5.0大模型");
    expect(r.article.industries).toEqual(["醫療", "金融", "政務"]);
    expect(r.article.technologies).toEqual(["混合專家模型", "多模態"]);
  });

  it("strips a BOM and continues a value over following lines", () => {
    const r = parseArticleFile(
      "bom.txt",
      bytes("\uFEFF标题: 标题\n链接: http://example.com/x\n总结: 第一段。\n第二段。\n行业: 金融；教育、医疗\n"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.title).toBe("标题");
    expect(r.article.body).toBe("第一段。\n第二段。");
    expect(r.article.industries).toEqual(["金融", "教育", "医疗"]);
    expect(r.article.eventSummary).toBeNull();
  });

  it("keeps byline labels and enumerations inside the body instead of starting fields", () => {
    const r = parseArticleFile(
      "b.txt",
      bytes("标题: t\n链接: https://e.com\n总结: 正文。\n第一：要点。\n责编：于璐\n关键词: a\n"),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.article.body).toBe("正文。\n第一：要点。\n责编：于璐");
    expect(r.article.extra).toEqual({});
  });

  it("rejects an empty file", () => {
    const r = parseArticleFile("empty.txt", fixture("malformed", "empty.txt"));
    expect(r).toMatchObject({ ok: false, error: { file: "empty.txt", line: null } });
  });

  it("rejects a missing 链接 naming the field", () => {
    const r = parseArticleFile("missing-link.txt", fixture("malformed", "missing-link.txt"));
    expect(r).toMatchObject({ ok: false, error: { file: "missing-link.txt", field: "链接" } });
    if (!r.ok) expect(formatRejection(r.error)).toMatch(/^missing-link\.txt(:\d+)?: 链接: /);
  });

  it("rejects a URL without http(s) with the line of the field", () => {
    const r = parseArticleFile("bad-url.txt", fixture("malformed", "bad-url.txt"));
    expect(r).toMatchObject({ ok: false, error: { field: "链接", line: 2 } });
  });

  it("reports the line of the first invalid UTF-8 byte", () => {
    const r = parseArticleFile("invalid-utf8.txt", fixture("malformed", "invalid-utf8.txt"));
    expect(r).toMatchObject({ ok: false, error: { line: 3 } });
    if (!r.ok) expect(r.error.message).toMatch(/UTF-8/);
  });

  it("rejects a GBK-encoded file as not UTF-8", () => {
    const r = parseArticleFile("gbk.txt", fixture("malformed", "gbk-encoded.txt"));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/UTF-8/);
  });

  it("rejects binary content (NUL and control bytes)", () => {
    const r = parseArticleFile("binary.txt", fixture("malformed", "binary.txt"));
    expect(r).toMatchObject({ ok: false, error: { line: 2 } });
    if (!r.ok) expect(r.error.message).toMatch(/binary/);
  });

  it("rejects a duplicated field at its second line", () => {
    const r = parseArticleFile("dup.txt", fixture("malformed", "duplicate-field.txt"));
    expect(r).toMatchObject({ ok: false, error: { field: "标题", line: 4 } });
  });

  it("rejects text before the first field", () => {
    const r = parseArticleFile("x.txt", bytes("hello\n标题: t\n链接: https://e.com\n总结: b\n"));
    expect(r).toMatchObject({ ok: false, error: { line: 1 } });
  });

  it("never throws, whatever the bytes", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % 256;
    for (let n = 0; n < 200; n++) {
      const arr = new Uint8Array(n * 3);
      for (let i = 0; i < arr.length; i++) arr[i] = rand();
      expect(() => parseArticleFile("r.bin", arr)).not.toThrow();
    }
  });
});
