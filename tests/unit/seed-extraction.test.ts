import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArticleFile } from "@/lib/ingest/parse";
import { cleanBody } from "@/lib/ingest/clean";
import { extractArticle } from "@/lib/extract";

function extractSeed() {
  const r = parseArticleFile(
    "000_fd29859c59ce52f4.txt",
    readFileSync(path.join(process.cwd(), "seeds/000_fd29859c59ce52f4.txt")),
  );
  if (!r.ok) throw new Error(r.error.message);
  const cleaned = cleanBody(r.article.body);
  return { cleaned, result: extractArticle(r.article, cleaned) };
}

describe("extraction of the seed article", () => {
  const { cleaned, result } = extractSeed();
  const model = (key: string) => result.models.find((m) => m.key === key);

  it("finds exactly the six models named, each with its vendor (plus the 盘古 family)", () => {
    const pairs = result.models.map((m) => [m.key, m.vendorKey]).sort();
    expect(pairs).toEqual(
      [
        ["ernie-bot", "baidu"],
        ["hunyuan", "tencent"],
        ["pangu", "huawei"],
        ["pangu-3-0", "huawei"],
        ["pengcheng-naohai", "peng-cheng-lab"],
        ["spark", "iflytek"],
        ["xiaoke", "cetc"],
      ].sort(),
    );
  });

  it("reads 盘古大模型3.0 as version 3.0 of the pangu family", () => {
    expect(model("pangu-3-0")).toMatchObject({ family: "pangu", version: "3.0", vendorKey: "huawei", curated: true });
  });

  it("discovers 小可 (not in the registry) and attributes it to CETC", () => {
    expect(model("xiaoke")).toMatchObject({ nameZh: "小可", curated: false, vendorKey: "cetc", pinyin: "xiaoke" });
  });

  it("keeps 鹏城·脑海 whole", () => {
    expect(model("pengcheng-naohai")).toMatchObject({ nameZh: "鹏城·脑海", vendorKey: "peng-cheng-lab" });
    expect(result.mentions.some((m) => m.kind === "model" && m.text === "鹏城·脑海")).toBe(true);
  });

  it("dates the three dated events", () => {
    const ev = (type: string, key: string) => result.events.find((e) => e.type === type && e.modelKey === key);
    expect(ev("open_public", "ernie-bot")?.date).toMatchObject({ value: "2023-08-31", precision: "day" });
    expect(ev("release", "pangu-3-0")?.date).toMatchObject({ value: "2023-07", precision: "month" });
    expect(ev("release", "xiaoke")?.date).toMatchObject({ value: "2023-06", precision: "month", text: "6月初" });
    expect(ev("release", "xiaoke")?.organizationKey).toBe("cetc");
    expect(ev("announcement", "pengcheng-naohai")).toBeDefined();
  });

  it("keeps the undated showcase, rated below the dated events", () => {
    const showcase = result.events.find((e) => e.type === "showcase" && e.modelKey === "hunyuan");
    expect(showcase?.date.value).toBeNull();
    const dated = result.events.find((e) => e.type === "open_public" && e.modelKey === "ernie-bot")!;
    expect(showcase!.confidence).toBeLessThan(dated.confidence);
  });

  it("reads the 130-models claim as of 2023-07, stated by CCID Consulting", () => {
    const c = result.claims.find((x) => x.value === 130);
    expect(c).toMatchObject({
      metric: "models_released",
      unit: "models",
      bound: "exact",
      scope: "China",
      statedByKey: "ccid-consulting",
      asOf: { value: "2023-07", precision: "month" },
    });
    expect(result.organizations.find((o) => o.key === "ccid-consulting")?.roles).toContain("report_author");
  });

  it("reads the other counts with their bounds", () => {
    expect(result.claims.find((x) => x.value === 50)).toMatchObject({
      unit: "apps",
      bound: "lower",
      subjectModelKey: "hunyuan",
    });
    expect(result.claims.find((x) => x.value === 10)).toMatchObject({
      unit: "mines",
      bound: "upper",
      subjectModelKey: "pangu",
    });
  });

  it("finds the industries, including finance, biomedicine, manufacturing and mining", () => {
    const keys = result.industries.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(["finance", "biomedicine", "manufacturing", "mining"]));
    expect(result.industries.find((i) => i.key === "finance")?.from).toBe("both");
    const links = result.industryLinks.map((l) => `${l.modelKey}x${l.industryKey}`);
    expect(links).toEqual(
      expect.arrayContaining([
        "panguxmining",
        "pengcheng-naohaixgovernment",
        "pengcheng-naohaixfinance",
        "pengcheng-naohaixmanufacturing",
      ]),
    );
  });

  it("gives organisations their roles", () => {
    const roles = Object.fromEntries(result.organizations.map((o) => [o.key, o.roles]));
    expect(roles.xinhua).toContain("media");
    expect(roles.tsinghua).toContain("research");
    expect(roles.tencent).toContain("vendor");
    expect(roles.cetc).toContain("vendor");
  });

  it("finds the people quoted, with their titles", () => {
    const people = Object.fromEntries(result.people.map((p) => [p.name, p]));
    expect(people["汤道生"]).toMatchObject({
      title: "腾讯集团高级执行副总裁、云与智慧产业事业群CEO",
      organizationKey: "tencent",
    });
    expect(people["邓志东"]).toMatchObject({
      title: "清华大学人工智能研究院视觉智能研究中心主任",
      organizationKey: "tsinghua",
    });
    expect(people["邬贺铨"]).toMatchObject({ title: "中国工程院院士" });
    expect(Object.keys(people).sort()).toEqual(["汤道生", "邓志东", "邬贺铨"].sort());
  });

  it("records every mention with exact offsets into the cleaned body", () => {
    expect(result.mentions.length).toBeGreaterThan(20);
    for (const m of result.mentions) {
      expect(cleaned.body.slice(m.start, m.end)).toBe(m.text);
      expect(cleaned.body.slice(m.evidence.start, m.evidence.end)).toBe(m.evidence.sentence);
      expect(m.start >= m.evidence.start && m.end <= m.evidence.end).toBe(true);
    }
  });
});
