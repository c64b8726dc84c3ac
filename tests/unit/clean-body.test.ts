import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cleanBody } from "@/lib/ingest/clean";
import { parseArticleFile } from "@/lib/ingest/parse";

function seedBody(): string {
  const r = parseArticleFile("seed", readFileSync(path.join(process.cwd(), "seeds/000_fd29859c59ce52f4.txt")));
  if (!r.ok) throw new Error(r.error.message);
  return r.article.body;
}

describe("cleanBody", () => {
  it("keeps a doubled heading once, as its own paragraph", () => {
    const c = cleanBody("第一句。破解痛点打开思路破解痛点打开思路当前，大模型很重要。");
    expect(c.body).toBe("第一句。\n破解痛点打开思路\n当前，大模型很重要。");
    expect(c.paragraphs).toHaveLength(3);
  });

  it("removes trailing page furniture", () => {
    expect(cleanBody("正文结束。责编：于璐举报/反馈").body).toBe("正文结束。");
    expect(cleanBody("正文结束。\n编辑：张三\n来源：新华网").body).toBe("正文结束。");
    expect(cleanBody("正文结束。【纠错】责任编辑：李四").body).toBe("正文结束。");
  });

  it("lifts the byline and photo credits out of the body", () => {
    const c = cleanBody("参观者在体验大模型。新华社记者 王全超 摄下一段开始。（记者 陈宇轩 深圳报道）责编：于璐");
    expect(c.byline).toBe("记者 陈宇轩 深圳报道");
    expect(c.photoCredits).toEqual(["新华社记者 王全超 摄"]);
    expect(c.body).toBe("参观者在体验大模型。\n下一段开始。");
  });

  it("cleans the seed: three headings, byline, credit, no furniture", () => {
    const c = cleanBody(seedBody());
    const paragraphs = c.paragraphs.map((p) => c.body.slice(p.start, p.end));
    expect(paragraphs).toContain("呈爆发式增长态势");
    expect(paragraphs).toContain("破解痛点打开思路");
    expect(paragraphs).toContain("加快布局夯实根基");
    expect(c.body).not.toContain("破解痛点打开思路破解痛点打开思路");
    expect(c.body).not.toMatch(/责编|举报|王全超|陈宇轩/);
    expect(c.byline).toBe("记者 陈宇轩 深圳报道");
    expect(c.photoCredits).toEqual(["新华社记者 王全超 摄"]);
  });

  it("splits sentences at 。！？； and keeps closing quotes, with exact offsets", () => {
    const c = cleanBody("他说：“大模型会改变世界。”随后离开。真的吗？是的；当然！\n第二段");
    expect(c.sentences.map((s) => s.text)).toEqual([
      "他说：“大模型会改变世界。”",
      "随后离开。",
      "真的吗？",
      "是的；",
      "当然！",
      "第二段",
    ]);
    for (const s of c.sentences) expect(c.body.slice(s.start, s.end)).toBe(s.text);
  });

  it("keeps offsets exact on the seed", () => {
    const c = cleanBody(seedBody());
    expect(c.sentences.length).toBeGreaterThan(30);
    for (const s of c.sentences) expect(c.body.slice(s.start, s.end)).toBe(s.text);
    for (const p of c.paragraphs) expect(c.body.slice(p.start, p.end).trim()).toBe(c.body.slice(p.start, p.end));
  });
});
