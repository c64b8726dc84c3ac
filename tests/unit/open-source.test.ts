import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";
import type { OpenSourceDetails } from "@/lib/extract/types";

const releases = (body: string) =>
  extractText(body)
    .result.events.filter((e) => e.type === "open_source")
    .map((e) => ({ model: e.modelKey, date: e.date.value, ...(e.details as OpenSourceDetails) }));

describe("open-source releases: licence", () => {
  it("names the licence by its SPDX id whatever way the text writes it", () => {
    const cases: [string, string][] = [
      ["2025年1月20日，深度求索发布DeepSeek-R1，并以MIT协议开源模型权重。", "MIT"],
      ["2025年1月20日，深度求索开源DeepSeek-R1，采用MIT License。", "MIT"],
      ["2025年7月28日，智谱开源GLM-4.5，并以MIT许可证发布。", "MIT"],
      ["2025年4月29日，阿里巴巴开源Qwen3，全部采用Apache 2.0协议。", "Apache-2.0"],
      ["2025年4月29日，阿里巴巴开源Qwen3，遵循Apache-2.0协议。", "Apache-2.0"],
      ["2025年7月11日，月之暗面开源Kimi K2，采用修改版MIT协议。", "modified MIT"],
    ];
    for (const [body, licence] of cases)
      expect(
        releases(body).map((r) => r.licence),
        body,
      ).toEqual([licence]);
  });

  it("names a vendor's own licence after its brand, and gives null when none is named", () => {
    expect(
      releases("2024年5月6日，深度求索开源DeepSeek-V2，模型权重遵循允许商用的DeepSeek模型许可协议。"),
    ).toMatchObject([{ model: "deepseek-v2", licence: "DeepSeek License" }]);
    expect(releases("2023年3月，智谱开源了对话模型ChatGLM-6B。")).toMatchObject([{ licence: null }]);
  });

  it("takes the licence from the sentence after the release, not from one about another model", () => {
    expect(
      releases("2024年5月6日，深度求索正式开源DeepSeek-V2。模型权重遵循允许商用的DeepSeek模型许可协议。"),
    ).toMatchObject([{ licence: "DeepSeek License" }]);
    const two = releases("2024年5月6日，深度求索开源了DeepSeek-V2。同一天，智谱以MIT协议开源GLM-4。");
    expect(two.find((r) => r.model === "deepseek-v2")?.licence).toBeNull();
  });

  it("reads the licence the release takes, not the exception", () => {
    expect(
      releases(
        "2024年9月19日，阿里云开源Qwen2.5。除3B和72B两个版本使用通义千问自有的许可协议外，其余尺寸均采用Apache 2.0协议。",
      ),
    ).toMatchObject([{ model: "qwen-2-5", licence: "Apache-2.0" }]);
    expect(releases("2024年9月19日，阿里云开源Qwen2.5，使用通义千问自有的许可协议。")[0].licence).toBe("Qwen License");
  });
});

describe("open-source releases: sizes", () => {
  it("lists the sizes released in the usual written form", () => {
    const [r] = releases("2024年9月19日，阿里云开源Qwen2.5，此次覆盖0.5B、1.5B、7B、14B和72B共5个尺寸。");
    expect(r.sizes).toEqual(["0.5B", "1.5B", "7B", "14B", "72B"]);
  });

  it("reads sizes written in Chinese and in a model's name, counting each once", () => {
    expect(releases("2023年6月15日，百川开源了70亿参数的中英文预训练模型Baichuan-7B。")[0].sizes).toEqual(["7B"]);
    expect(releases("2025年7月11日，月之暗面开源Kimi K2，总参数达到1万亿、激活参数320亿。")[0].sizes).toEqual(["1T"]);
  });

  it("gives a family's release the sizes of its variants named after it, MoE sizes as written", () => {
    const [r] = releases(
      "2025年4月29日，阿里巴巴开源新一代模型Qwen3。稠密模型覆盖0.6B和32B，旗舰模型Qwen3-235B-A22B总参数为2350亿，激活参数约220亿。",
    );
    expect(r).toMatchObject({ model: "qwen-3", sizes: ["0.6B", "32B", "235B-A22B"] });
  });

  it("does not count active parameters, a model compared with, or a size inside another name", () => {
    expect(releases("2025年6月27日，腾讯开源混元-A13B，总参数800亿、激活参数130亿。")[0].sizes).toEqual(["80B"]);
    expect(releases("2024年9月19日，阿里云开源Qwen2.5，其表现超过了Llama 3.1 405B。")[0].sizes).toEqual([]);
  });
});

describe("open-source releases: which sentences are releases", () => {
  it("does not read 开源 as an adjective or a plan as a release", () => {
    expect(releases("DeepSeek-V3超越了多个开源模型。")).toEqual([]);
    expect(releases("今年以来，DeepSeek-R1的走红让开源推理模型成为行业焦点。")).toEqual([]);
    expect(releases("百度宣布将推出文心大模型4.5系列并于6月30日起正式开源。")).toEqual([]);
    expect(releases("有开发者选择自行部署开源的Qwen2.5-7B。")).toEqual([]);
  });

  it("reads 开源的 followed by the model named, and 两款模型 as the models named just before", () => {
    expect(releases("2024年9月19日，阿里云发布了此次开源的Qwen2.5。").map((r) => r.model)).toEqual(["qwen-2-5"]);
    const both = releases("2025年7月28日，智谱发布GLM-4.5和GLM-4.5-Air。两款模型均以MIT许可证开源。");
    expect(both.map((r) => [r.model, r.licence]).sort()).toEqual([
      ["glm-4-5", "MIT"],
      ["glm-4-5-air", "MIT"],
    ]);
  });

  it("gives a release told through its family to the variant just named", () => {
    const r = releases("2024年9月19日，阿里云开源了新一代模型Qwen2.5。这也是通义千问迄今规模最大的一次开源。");
    expect(r.map((x) => x.model)).toEqual(["qwen-2-5"]);
  });
});
