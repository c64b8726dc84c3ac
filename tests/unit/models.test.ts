import { describe, it, expect } from "vitest";
import { cleanBody } from "@/lib/ingest/clean";
import { buildContext } from "@/lib/extract/context";
import { modelCandidates } from "@/lib/extract/models";
import { articleOf, extractText } from "./helpers/article";

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

  it("reads a registry name that is also an ordinary word only with context, then every later mention", () => {
    expect(keys("天工开物是一本古籍，九天揽月是一句诗。")).toEqual([]);
    expect(keys("昆仑万维2月6日发布天工2.0，4月17日天工3.0开放公测。")).toEqual(["skywork-2-0", "skywork-3-0"]);
    expect(keys("昆仑万维的天工在榜单上领先。")).toEqual(["skywork"]);
    const jiutian = extractText("中国移动发布了九天大模型。九天已在多个行业落地。").result;
    expect(jiutian.models.map((m) => m.key)).toEqual(["jiutian"]);
    expect(jiutian.mentions.filter((m) => m.kind === "model" && m.key === "jiutian")).toHaveLength(2);
  });

  it("reads versions with a letter (o1, Z1, Q1) and Open as a variant word", () => {
    expect(keys("昆仑万维发布Skywork o1系列，包括Skywork o1 Open和Skywork o1 Lite。")).toEqual([
      "skywork-o1",
      "skywork-o1-lite",
      "skywork-o1-open",
    ]);
  });

  it("keeps the variants of a name the article gives (AndesGPT-Tiny beside AndesGPT)", () => {
    const body = "OPPO发布AndesGPT大模型。AndesGPT分为AndesGPT-Tiny、AndesGPT-Turbo和AndesGPT-Titan三个版本。";
    expect(keys(body)).toEqual(["andesgpt", "andesgpt-tiny", "andesgpt-titan", "andesgpt-turbo"]);
    // alone, a hyphenated token is not evidence enough
    expect(keys("分为AndesGPT-Tiny三个版本。")).toEqual([]);
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
  it("reads a company's name as its model when a list it ends is closed by a model cue", () => {
    expect(keys("政务系统里接入了DeepSeek等开源模型。")).toContain("deepseek-llm");
    expect(keys("DeepSeek在杭州设有办公室。")).not.toContain("deepseek-llm");
  });

  it("proposes quoted names side by side, and the items of a counted list, as candidates sharing one cue", () => {
    // the generator proposes; the fitted scorer decides (a list alone is weak evidence)
    const listed = (body: string) =>
      modelCandidates(buildContext(articleOf(body), cleanBody(body)))
        .filter((c) => c.features.gen_listed === 1)
        .map((c) => c.name);
    expect(listed("研究院同步升级了“青岚”“赤霄”和“玄圃”三款天气预报模型，用于短临预报。")).toEqual([
      "青岚",
      "赤霄",
      "玄圃",
    ]);
    expect(listed("两家企业各有千亿级大模型：星海公司的“潮汐”和远帆集团的“鸿鹄”，都已商用。")).toEqual([
      "潮汐",
      "鸿鹄",
    ]);
    expect(listed("会上展示了白泽、乘黄、九婴等国产大模型的新进展。")).toEqual(["白泽", "乘黄", "九婴"]);
    // a list closed by anything but a model cue, or by makers of models, proposes nothing
    expect(listed("会上展示了白泽、乘黄、九婴等新产品。")).toEqual([]);
    expect(listed("白泽、乘黄、九婴等大模型厂商都在招聘。")).toEqual([]);
  });

  it("reads X大模型 after a launch verb, but not a grade such as 企业级", () => {
    expect(models("作业帮也发布了自己的银河大模型，主打解题。").map((m) => m.nameZh)).toContain("银河");
    expect(models("多家公司发布企业级大模型，主打私有部署。").map((m) => m.nameZh)).toEqual([]);
  });

  it("refuses ASCII names that mark a benchmark, a format, a chip or a routing service", () => {
    const names = models("研发团队发布MedCore-2模型，在ClinBench上领先，可用GPTQ-Int4量化后在RTX 4090上运行。").map(
      (m) => m.nameZh,
    );
    expect(names).toContain("MedCore-2");
    expect(names).not.toContain("ClinBench");
    expect(names).not.toContain("GPTQ-Int4");
  });

  it("gives a variant named after another model of the article that model's maker and family", () => {
    const m = models("智谱发布了Zeta-7B大模型。三个月后，社区又迎来Zeta-7B-Chat对话模型，Zeta-7B-Chat下载量很高。");
    const chat = m.find((x) => x.nameZh === "Zeta-7B-Chat");
    const base = m.find((x) => x.nameZh === "Zeta-7B");
    expect(base?.vendorKey).toBeTruthy();
    expect(chat).toMatchObject({ vendorKey: base?.vendorKey, family: base?.family ?? base?.key });
  });
});
