import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";

describe("industry and technology extraction", () => {
  it("maps field values onto the taxonomy", () => {
    const { result } = extractText("正文。", {
      industries: ["金融科技", "生物医药", "工业制造", "煤矿", "数字政务", "城市发展", "科学研究", "未知行业"],
    });
    expect(result.industries.map((i) => i.key).sort()).toEqual(
      ["biomedicine", "finance", "government", "manufacturing", "mining", "research", "smart-city"].sort(),
    );
    expect(result.industries.every((i) => i.from === "field")).toBe(true);
  });

  it("maps Traditional field values", () => {
    const { result } = extractText("正文。", { industries: ["醫療", "金融"] });
    expect(result.industries.map((i) => i.key).sort()).toEqual(["finance", "healthcare"]);
  });

  it("links a model to the industries its sentence says it serves", () => {
    const { result } = extractText("华为盘古大模型实现了对煤矿的全覆盖。另一句提到金融。");
    expect(result.industryLinks.map((l) => [l.modelKey, l.industryKey])).toEqual([["pangu", "mining"]]);
  });

  it("reads data security as a concern, not as the cybersecurity sector", () => {
    const keys = (body: string) => extractText(body).result.industries.map((i) => i.key);
    expect(keys("企业私有化部署大模型，最担心的是数据安全。")).not.toContain("cybersecurity");
    expect(keys("奇安信发布网络安全大模型，服务网络安全行业。")).toContain("cybersecurity");
    // the people of a field are not the field served
    expect(keys("清华大学科研团队发布了一款对话大模型。")).not.toContain("research");
  });

  it("keeps unknown technology field values under a pinyin slug", () => {
    const { result } = extractText("采用注意力机制。", { technologies: ["注意力机制", "量子退火"] });
    expect(result.technologies.map((t) => [t.key, t.from])).toEqual([
      ["attention", "both"],
      ["liangzituihuo", "field"],
    ]);
  });

  it("does not read a sector inside an organisation's name, nor in a sentence that is not about models", () => {
    const keys = (body: string) => extractText(body).result.industries.map((i) => i.key);
    expect(keys("某工业大学的团队发布了“天枢”大模型。")).not.toContain("manufacturing");
    expect(keys("工业和信息化部发布通知，推动大模型发展。")).not.toContain("manufacturing");
    expect(keys("该市的交通状况良好。")).toEqual([]);
    expect(keys("大模型已在交通领域落地。")).toEqual(["transportation"]);
  });
});
