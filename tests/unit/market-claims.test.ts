import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";
import type { ExtractedClaim } from "@/lib/extract/types";

const claimsOf = (body: string, fields = {}) => extractText(body, fields).result.claims;
const find = (cs: ExtractedClaim[], value: number) => cs.find((c) => c.value === value);
const brief = (cs: ExtractedClaim[]) => cs.map((c) => [c.metric, c.value, c.unit]);

describe("filing and registration counts", () => {
  it("reads a national filing count as services filed, stated by the regulator, as of its 截至 date", () => {
    const cs = claimsOf("今年1月，国家网信办公布了年度数据：截至2024年12月31日，共302款生成式人工智能服务完成备案。");
    expect(find(cs, 302)).toMatchObject({
      metric: "services_filed",
      unit: "services",
      bound: "exact",
      asOf: { value: "2024-12-31", precision: "day" },
      statedByKey: "cac",
      scope: "China",
    });
  });

  it("gives a filing count to the regulator even when the sentence does not name it", () => {
    expect(find(claimsOf("截至2025年3月31日，已有346款生成式人工智能服务完成备案。"), 346)?.statedByKey).toBe("cac");
  });

  it("keeps what was added to a running total off the total's line", () => {
    const cs = claimsOf("截至2024年12月31日，共有302款生成式人工智能服务完成备案，其中2024年新增238款。");
    expect(find(cs, 302)?.metric).toBe("services_filed");
    expect(find(cs, 238)).toMatchObject({ metric: "services_filed_new", unit: "services", asOf: { value: "2024" } });
    const next = claimsOf(
      "截至2025年3月31日，已有346款生成式人工智能服务完成备案。与今年1月初公布的数据相比，一个季度内又新增了44款。",
    );
    // the date it is compared with is not the date the number holds at
    expect(find(next, 44)).toMatchObject({ metric: "services_filed_new", asOf: { value: "2025-03-31" } });
  });

  it("reads local registrations of apps and counts of organisations with filed services", () => {
    expect(find(claimsOf("2024年，各地网信办共登记105款生成式人工智能应用。"), 105)).toMatchObject({
      metric: "apps_registered",
      unit: "apps",
    });
    expect(find(claimsOf("2024年共有105款在地方网信办完成登记。"), 105)?.metric).toBe("apps_registered");
    const orgs = claimsOf("据通知，首批共有8家企业和机构的大模型完成备案，其中北京5家。");
    expect(find(orgs, 8)).toMatchObject({ metric: "organizations_filed", unit: "organizations" });
    expect(find(orgs, 5)).toMatchObject({ metric: "organizations_filed_part", unit: "organizations" });
  });

  it("reads a consultancy's count of released models as its own, not the regulator's", () => {
    const cs = claimsOf("赛迪顾问发布的研究报告显示，截至2023年7月，我国累计发布的大模型已达130个。");
    expect(find(cs, 130)).toMatchObject({
      metric: "models_released",
      unit: "models",
      statedByKey: "ccid-consulting",
      asOf: { value: "2023-07" },
    });
  });

  it("keeps a count of filings and registrations together apart from the filing count", () => {
    const c = find(claimsOf("某研究院统计发现，全国已备案或登记的生成式人工智能服务共计554个。"), 554);
    expect(c).toMatchObject({ metric: "services_filed_or_registered", unit: "services" });
    expect(c?.statedByKey).not.toBe("cac");
  });
});

describe("prices", () => {
  const prices = (body: string) =>
    claimsOf(body)
      .filter((c) => c.unit.endsWith("_per_million_tokens"))
      .map((c) => [c.metric, c.value, c.unit]);

  it("normalises per-thousand prices in yuan and li to yuan per million tokens", () => {
    expect(prices("新模型的定价为0.0008元/千Tokens。")).toEqual([["price", 0.8, "cny_per_million_tokens"]]);
    expect(prices("价格降至0.8厘/千tokens。")).toEqual([["price", 0.8, "cny_per_million_tokens"]]);
    expect(prices("调用价格降至每万tokens 0.21元。")).toEqual([["price", 21, "cny_per_million_tokens"]]);
  });

  it("tells input and output apart, in yuan and in dollars", () => {
    expect(prices("DeepSeek-V2每百万Tokens输入1元、输出2元。")).toEqual([
      ["price_input", 1, "cny_per_million_tokens"],
      ["price_output", 2, "cny_per_million_tokens"],
    ]);
    expect(prices("GPT-4o每百万输入tokens收费2.5美元、输出10美元。")).toEqual([
      ["price_input", 2.5, "usd_per_million_tokens"],
      ["price_output", 10, "usd_per_million_tokens"],
    ]);
  });

  it("keeps a cache-hit price apart and continues a price list in the next sentence", () => {
    const cs = claimsOf(
      "DeepSeek-V3的接口价格为每百万输入tokens 0.5元（缓存命中）、2元（缓存未命中），每百万输出tokens 8元。DeepSeek-R1的接口则分别为1元、4元和16元。",
    );
    const r1 = cs.filter((c) => c.subjectModelKey === "deepseek-r1").map((c) => [c.metric, c.value]);
    expect(r1).toEqual([
      ["price_input_cache_hit", 1],
      ["price_input", 4],
      ["price_output", 16],
    ]);
    expect(find(cs, 0.5)?.metric).toBe("price_input_cache_hit");
  });

  it("ends a per-token price at its clause: a later amount is no price per token", () => {
    const cs = claimsOf("该模型每千tokens定价0.015元，按此计算，生成一条视频只需3.67元左右。");
    expect(find(cs, 15)?.unit).toBe("cny_per_million_tokens");
    expect(find(cs, 3.67)).toMatchObject({ unit: "cny", bound: "approx" });
    expect(cs.some((c) => c.value === 3670)).toBe(false);
  });

  it("reads a percentage cut with the prices before and after it; the old price has no date", () => {
    const cs = claimsOf("2024年5月21日，阿里云宣布Qwen-Long输入价格从0.02元/千tokens降至0.0005元/千tokens，直降97%。");
    expect(find(cs, 97)).toMatchObject({
      metric: "price_cut_percent",
      unit: "percent",
      subjectModelKey: "qwen-long",
      details: { priceBefore: 20, priceAfter: 0.5, priceUnit: "cny_per_million_tokens" },
    });
    expect(find(cs, 0.5)).toMatchObject({ metric: "price_input", asOf: { value: "2024-05-21" } });
    expect(find(cs, 20)).toMatchObject({ metric: "price_input_before", asOf: { value: null } });
  });

  it("finds the prices of a cut in the sentence next to it, and gives none when no price is stated", () => {
    const next = claimsOf("智谱把GLM-3-Turbo的调用价格从每百万tokens 5元降到1元。降幅达80%。");
    expect(find(next, 80)?.details).toEqual({ priceBefore: 5, priceAfter: 1, priceUnit: "cny_per_million_tokens" });
    const bare = find(claimsOf("阿里云宣布Qwen-Long的输入价格直降97%。"), 97);
    expect(bare?.metric).toBe("price_cut_percent");
    expect(bare?.details).toBeUndefined();
    // lower than a competitor is not a cut
    expect(find(claimsOf("该模型的价格比行业平均低99.3%。"), 99.3)?.metric).not.toBe("price_cut_percent");
  });

  it("reads 全面免费 as a price of 0 dated from when it starts, and leaves free downloads alone", () => {
    const free = claimsOf("2025年2月13日，百度宣布文心一言自2025年4月1日起全面免费。");
    expect(free).toMatchObject([
      { metric: "price", value: 0, subjectModelKey: "ernie-bot", asOf: { value: "2025-04-01" } },
    ]);
    expect(claimsOf("用户可以免费下载这款应用。")).toEqual([]);
    expect(claimsOf("企业可以免费商用GLM-4.5的模型权重。")).toEqual([]);
  });

  it("does not read what an amount buys, nor 每百万tokens itself, as a claim", () => {
    expect(claimsOf("按照这一价格，1元钱可以买到125万tokens。")).toEqual([]);
    expect(brief(claimsOf("API定价为每百万tokens输入1元。"))).toEqual([["price_input", 1, "cny_per_million_tokens"]]);
  });
});

describe("numbers", () => {
  it("reads 兆 as 10^12 in a Traditional article and flags it in a Simplified one", () => {
    const trad = claimsOf("文章比較了悟道2.0號稱擁有的1.75兆個參數與M6的10兆參數，兩者規模差距很大。");
    expect(trad.map((c) => [c.value, c.unit, c.details?.ambiguous])).toEqual([
      [1.75e12, "parameters", undefined],
      [1e13, "parameters", undefined],
    ]);
    const simple = claimsOf("该集群可支撑10兆参数的模型训练。");
    expect(simple[0]).toMatchObject({ value: 1e13, unit: "parameters" });
    expect(simple[0].details?.ambiguous).toMatch(/10\^6/);
  });

  it("reads Traditional 億 and 萬, thousands separators, and 兩 as a pair", () => {
    const cs = claimsOf("該模型總參數3,890億、激活參數520億，團隊有5萬名開發者。");
    expect(brief(cs)).toEqual([
      ["parameters", 3.89e11, "parameters"],
      ["active_parameters", 5.2e10, "parameters"],
      ["developers_count", 5e4, "developers"],
    ]);
    expect(claimsOf("騰訊發布了兩款新模型。")).toEqual([]);
  });

  it("reads parameter sizes with a Latin suffix, but not inside model names", () => {
    expect(brief(claimsOf("该模型拥有406B参数。"))).toEqual([["parameters", 4.06e11, "parameters"]]);
    expect(brief(claimsOf("模型拥有2350亿总参数。"))).toEqual([["parameters", 2.35e11, "parameters"]]);
    expect(claimsOf("Qwen2.5-72B的成绩超过了参数更多的Llama 3.1 405B。")).toEqual([]);
    expect(claimsOf("Qwen3系列参数规模从0.6B覆盖到235B。")).toEqual([]);
  });

  it("reads magnitude words standing for the number: 万亿参数, 万卡规模", () => {
    expect(brief(claimsOf("阶跃星辰发布了万亿参数的MoE大模型。"))).toEqual([["parameters", 1e12, "parameters"]]);
    expect(brief(claimsOf("底层算力集群达到万卡规模。"))).toEqual([["gpus_count", 1e4, "gpus"]]);
    // a range of scales is no size
    expect(claimsOf("腾讯先后研发了多个千亿和万亿级参数的大模型。")).toEqual([]);
  });

  it("reads context lengths, token rates and their ranges", () => {
    const cs = claimsOf("GLM-4.5支持128K的上下文长度，生成速度为每秒60至80个tokens。");
    expect(cs.map((c) => [c.metric, c.value, c.unit, c.bound]).sort()).toEqual(
      [
        ["context_length", 128000, "tokens", "exact"],
        ["output_speed", 60, "tokens_per_second", "lower"],
        ["output_speed", 80, "tokens_per_second", "upper"],
      ].sort(),
    );
    // a size in a model name is no length
    expect(claimsOf("月之暗面推出了moonshot-v1-8k。")).toEqual([]);
  });

  it("reads durations in seconds, with 最长 as an upper bound", () => {
    expect(claimsOf("可以一键生成长达16秒的视频，时长最长可达2分钟。").map((c) => [c.value, c.unit, c.bound])).toEqual([
      [16, "seconds", "exact"],
      [120, "seconds", "upper"],
    ]);
    expect(claimsOf("两天后，公司宣布了新计划。")).toEqual([]);
  });

  it("reads counts with 款, 部, 宗 and percentages written in words", () => {
    expect(brief(claimsOf("公司已推出12部作品，完成5宗并购。"))).toEqual([
      ["works_released", 12, "works"],
      ["deals_count", 5, "deals"],
    ]);
    expect(claimsOf("香港公开发售部分约占全球发售的一成。")[0]).toMatchObject({
      value: 10,
      unit: "percent",
      bound: "approx",
    });
    expect(find(claimsOf("广东的备案数约占全国备案总量的十分之一。"), 10)?.unit).toBe("percent");
    expect(find(claimsOf("价格只有GPT-4-Turbo的百分之一左右。"), 1)).toMatchObject({
      unit: "percent",
      bound: "approx",
    });
  });

  it("never reads an event name, a date, a version, an ordinal or a number pointing back as a claim", () => {
    expect(claimsOf("讯飞将在今年10月的全球1024开发者节上公布进展。")).toEqual([]);
    expect(claimsOf("2023年，第3个版本的盘古大模型3.0发布。")).toEqual([]);
    expect(claimsOf("在这10款模型中，规模最大的是文心。")).toEqual([]);
    expect(claimsOf("这是当时国内唯一一款深度推理模型。")).toEqual([]);
    expect(claimsOf("过去12个月里，行业持续升温。")).toEqual([]);
  });

  it("dates a number stated at present by the article's date, after the occasion's own date when it has one", () => {
    const fields = { extra: { 发布时间: "2025-07-31 09:00" } };
    expect(find(claimsOf("目前，平台已有300家企业客户。", fields), 300)?.asOf.value).toBe("2025-07-31");
    const occasion = claimsOf("7月30日，有关负责人介绍，截至目前，已有490余款大模型完成备案。", fields);
    expect(find(occasion, 490)).toMatchObject({
      asOf: { value: "2025-07-30" },
      bound: "lower",
      metric: "models_filed",
    });
  });
});
