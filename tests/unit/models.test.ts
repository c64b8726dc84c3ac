import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";

const models = (body: string) => extractText(body).result.models;
const keys = (body: string) =>
  models(body)
    .map((m) => m.key)
    .sort();

describe("model extraction", () => {
  it("matches registry names in Chinese, English and pinyin-free aliases", () => {
    expect(keys("百度的文心一言和阿里云的通义千问都已上线。")).toEqual(["ernie-bot", "qwen"]);
    expect(keys("Kimi与DeepSeek大模型在开源社区很受欢迎。")).toEqual(["deepseek-llm", "kimi"]);
  });

  it("reads an alias that is also a company's name as the company unless a model cue or a version follows", () => {
    const { result } = extractText("DeepSeek在开源社区很受欢迎，DeepSeek-V3也是。");
    expect(result.models.map((m) => m.key)).toEqual(["deepseek-v3"]);
    expect(result.organizations.map((o) => o.key)).toContain("deepseek");
  });

  it("prefers the longest alias (讯飞星火认知大模型 over 星火)", () => {
    const { result } = extractText("参观者在体验讯飞星火认知大模型。");
    expect(result.mentions.find((m) => m.kind === "model")?.text).toBe("讯飞星火认知大模型");
  });

  it("turns a version suffix into its own model of the family", () => {
    const m = models("腾讯发布了混元大模型2.0版本。");
    expect(m[0]).toMatchObject({
      key: "hunyuan-2-0",
      family: "hunyuan",
      version: "2.0",
      vendorKey: "tencent",
      curated: false,
    });
    expect(keys("DeepSeek-V2发布。")).toEqual(["deepseek-v2"]);
    expect(models("讯飞星火V3.5发布")[0]).toMatchObject({ key: "spark-v3-5", curated: true });
  });

  it("does not read years or counts as versions", () => {
    expect(keys("文心一言2023年用户增长。")).toEqual(["ernie-bot"]);
    expect(keys("盘古大模型10个场景落地。")).toEqual(["pangu"]);
  });

  it("matches Traditional Chinese text", () => {
    expect(keys("騰訊混元與華為盤古大模型同台亮相。")).toEqual(["hunyuan", "pangu"]);
  });

  it("discovers a quoted name next to 大模型 and slugs it from pinyin", () => {
    const m = models("某公司发布了垂直大模型“天衡”，面向法律行业。");
    expect(m).toEqual([expect.objectContaining({ key: "tianheng", nameZh: "天衡", curated: false })]);
    expect(keys("“灵犀”大模型今天开放。")).toEqual(["lingxi"]);
  });

  it("discovers ORG + name + 大模型 compounds", () => {
    expect(keys("百度推出百度智言大模型。").length).toBeGreaterThanOrEqual(0);
    expect(keys("华为天筹大模型已在多家企业落地。")).toEqual(["tianchou"]);
  });

  it("ignores generic compounds and foreign models", () => {
    expect(keys("人工智能大模型、行业大模型、通用大模型、国产大模型和这些大模型都在发展，ChatGPT也是。")).toEqual([]);
    expect(keys("以“鲲鹏”“昇腾”为基础的算力。")).toEqual([]);
    expect(keys("打造数字时代“四库全书”。")).toEqual([]);
  });

  it("merges a name that jieba splits at the middle dot", () => {
    expect(keys("“星河·智算”大模型发布。")).toEqual(["xinghe-zhisuan"]);
  });
});
