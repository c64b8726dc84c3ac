import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";

const people = (body: string) => extractText(body).result.people.map((p) => [p.name, p.title, p.organizationKey]);

describe("people extraction", () => {
  it("reads title and name before 表示/认为", () => {
    expect(people("腾讯集团高级执行副总裁、云与智慧产业事业群CEO汤道生表示，大模型很重要。")).toEqual([
      ["汤道生", "腾讯集团高级执行副总裁、云与智慧产业事业群CEO", "tencent"],
    ]);
    expect(people("中国工程院院士邬贺铨也认为，要落地。")).toEqual([["邬贺铨", "中国工程院院士", "cae"]]);
  });

  it("reads the quoted form “…”X说。", () => {
    const { result } = extractText("“大模型会深刻地改变世界。”李彦宏说。");
    expect(result.people[0]).toMatchObject({ name: "李彦宏", quote: "大模型会深刻地改变世界。", key: "liyanhong" });
  });

  it("does not take generic subjects for names", () => {
    expect(people("受访专家表示，要加快布局。记者调研发现，算力不足。业内人士认为，前景广阔。")).toEqual([]);
  });

  it("reads Traditional Chinese, keeping the name as written", () => {
    expect(people("商湯科技董事長兼首席執行官徐立表示，模型已落地。")).toEqual([
      ["徐立", "商湯科技董事長兼首席執行官", "sensetime"],
    ]);
  });
});
