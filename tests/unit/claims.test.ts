import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";
import { parseNumber } from "@/lib/extract/claims";

const claims = (body: string) => extractText(body).result.claims.map((c) => [c.value, c.unit, c.bound]);

describe("claim extraction", () => {
  it("reads exact counts with scope and as-of date", () => {
    const { result } = extractText("截至2023年7月，我国累计已经发布130个大模型。");
    expect(result.claims[0]).toMatchObject({
      metric: "models_released",
      value: 130,
      unit: "models",
      bound: "exact",
      scope: "China",
      asOf: { value: "2023-07" },
    });
  });

  it("reads bounds from 多/余/超过/逾/近/约", () => {
    expect(claims("混元已支持了50多个腾讯内部应用。")).toEqual([[50, "apps", "lower"]]);
    expect(claims("已在近10个矿井落地。")).toEqual([[10, "mines", "upper"]]);
    expect(claims("超过20万开发者使用。")).toEqual([[200000, "developers", "lower"]]);
    expect(claims("服务约300家企业。")).toEqual([[300, "organizations", "approx"]]);
    expect(claims("覆盖逾百个场景。")).toEqual([[100, "scenarios", "lower"]]);
  });

  it("applies 万/亿 multipliers and reads Chinese numerals", () => {
    expect(claims("模型拥有6710亿参数。")).toEqual([[671000000000, "parameters", "exact"]]);
    expect(claims("支持200万字上下文。")).toEqual([[2000000, "characters", "exact"]]);
    expect(claims("发布了一百三十个大模型。")).toEqual([[130, "models", "exact"]]);
    expect(parseNumber("两千")).toBe(2000);
  });

  it("reads percentages and noun-first counts", () => {
    expect(claims("价格比行业便宜99.3%。")).toEqual([[99.3, "percent", "exact"]]);
    expect(claims("文心一言用户规模已达4500万。")).toEqual([[45000000, "users", "exact"]]);
  });

  it("names the report author from the sentences before", () => {
    const { result } = extractText(
      "赛迪顾问公司发布的研究报告显示，大模型增长迅速。截至2023年7月，我国累计已经发布130个大模型。",
    );
    expect(result.claims[0]?.statedByKey).toBe("ccid-consulting");
  });

  it("ignores years, ordinals and versions", () => {
    expect(claims("2023年，第3个版本的盘古大模型3.0发布。")).toEqual([]);
  });

  it("takes a claim's scope from the nearest scope word before it in its clause", () => {
    const { result } = extractText(
      "截至7月27日，我国已发布的人工智能大模型数量达到1509个，在全球已发布的3755个大模型中数量位居首位。",
    );
    const scope = (v: number) => result.claims.find((c) => c.value === v)?.scope;
    expect(scope(1509)).toBe("China");
    expect(scope(3755)).toBe("global");
  });

  it("normalises prices per token to a currency per million tokens, input and output apart", () => {
    const price = (body: string) =>
      extractText(body)
        .result.claims.filter((c) => c.unit.endsWith("_per_million_tokens"))
        .map((c) => [c.metric, c.value, c.unit]);
    expect(price("豆包主力模型的定价为0.0008元/千Tokens。")).toEqual([["price", 0.8, "cny_per_million_tokens"]]);
    expect(price("价格降至0.8厘/千tokens。")).toEqual([["price", 0.8, "cny_per_million_tokens"]]);
    expect(price("DeepSeek-V2每百万Tokens输入1元、输出2元。")).toEqual([
      ["price_input", 1, "cny_per_million_tokens"],
      ["price_output", 2, "cny_per_million_tokens"],
    ]);
    expect(price("每百万输入tokens在缓存命中时为0.5元，每百万输出tokens为8元。")).toEqual([
      ["price_input", 0.5, "cny_per_million_tokens"],
      ["price_output", 8, "cny_per_million_tokens"],
    ]);
    expect(price("输入价格为每百万tokens 2美元。")).toEqual([["price_input", 2, "usd_per_million_tokens"]]);
  });

  it("prices a bare amount led by a price side per the tokens the article priced per before", () => {
    const price = (body: string) =>
      extractText(body)
        .result.claims.filter((c) => c.unit.includes("per_million"))
        .map((c) => [c.metric, c.value, c.unit]);
    expect(price("新模型输出每百万tokens 3元。此前的定价为缓存命中0.5元、未命中4元，输出调整为12元。")).toEqual([
      ["price_output", 3, "cny_per_million_tokens"],
      ["price_input_cache_hit", 0.5, "cny_per_million_tokens"],
      ["price_input", 4, "cny_per_million_tokens"],
      ["price_output", 12, "cny_per_million_tokens"],
    ]);
    // …per thousand when that is how the article priced
    expect(price("每千tokens输入0.004元。X1则为输入0.002元。")).toContainEqual([
      "price_input",
      2,
      "cny_per_million_tokens",
    ]);
    // with no price per tokens before, an amount is money, not a price
    expect(price("公司营收为输入4元。")).toEqual([]);
    // 分别 after prices in another currency: the same order, per the same tokens
    expect(price("每百万tokens输入0.3美元、输出1.2美元，在国内站分别为2.1元和8.4元。")).toEqual([
      ["price_input", 0.3, "usd_per_million_tokens"],
      ["price_output", 1.2, "usd_per_million_tokens"],
      ["price_input", 2.1, "cny_per_million_tokens"],
      ["price_output", 8.4, "cny_per_million_tokens"],
    ]);
  });

  it("dates a number for a period that ends at a month's end at that month, a year or its half at the year", () => {
    const asOf = (body: string) => extractText(body).result.claims.map((c) => c.asOf.value);
    expect(asOf("公司2025年前九个月营收为1.8亿美元。")).toEqual(["2025-09"]);
    expect(asOf("2025年首三季海外收入占比升至70%。")).toEqual(["2025-09"]);
    expect(asOf("2024年第三季度营收为3.2亿元。")).toEqual(["2024-09"]);
    expect(asOf("2025年前三季度营收为3.2亿元。")).toEqual(["2025-09"]);
    expect(asOf("2024年全年营收为10亿元，2024年上半年为4亿元。")).toEqual(["2024", "2024"]);
    // the phrase read is kept as written, once
    const text = (body: string) => extractText(body).result.claims.map((c) => c.asOf.text);
    expect(text("2024年第三季度营收为3.2亿元。")).toEqual(["2024年第三季度"]);
    expect(text("公司2025年前九个月营收为1.8亿美元。")).toEqual(["2025年前九个月"]);
  });

  it("reads scores after 得分 and 拿到, context lengths before 长上下文, and each size of a list before 参数", () => {
    expect(claims("Baichuan2-13B在C-Eval上得分58.10，在MT-Bench上拿到9.1分。")).toEqual([
      [58.1, "points", "exact"],
      [9.1, "points", "exact"],
    ]);
    expect(claims("得分率为80%。")).toEqual([[80, "percent", "exact"]]);
    expect(claims("豆包1.5 Pro支持256K长上下文。")).toEqual([[256000, "tokens", "exact"]]);
    expect(claims("模型覆盖6B、13B、70B三种参数规模。")).toEqual([
      [6e9, "parameters", "exact"],
      [13e9, "parameters", "exact"],
      [70e9, "parameters", "exact"],
    ]);
  });

  it("reads 'free' in a sentence about prices as a price of 0 for each model it names", () => {
    const { result } = extractText("百度宣布，ERNIE Speed和ERNIE Lite的调用价格即日起全面免费。");
    const free = result.claims.filter((c) => c.unit === "cny_per_million_tokens" && c.value === 0);
    expect(free.map((c) => c.subjectModelKey).sort()).toEqual(result.models.map((m) => m.key).sort());
    expect(free).toHaveLength(2);
    expect(extractText("用户可以免费下载这款应用。").result.claims).toEqual([]);
  });

  it("keeps the currency of an amount of money", () => {
    const money = (body: string) => extractText(body).result.claims.map((c) => [c.value, c.unit, c.bound]);
    expect(money("月之暗面完成超10亿美元融资。")).toEqual([[1e9, "usd", "lower"]]);
    expect(money("百川智能完成50亿元人民币A轮融资。")).toEqual([[5e9, "cny", "exact"]]);
  });

  it("dates a model's undated price at its launch, not at a date the sentence before gives to something else", () => {
    const body =
      "2025年3月21日，腾讯正式发布深度思考模型混元T1。业内人士指出，2025年2月，国内推理模型密集上线。" +
      "价格方面，混元T1的输入价格为每百万tokens 1元。";
    const { result } = extractText(body, { extra: { 发布时间: "2025-03-22" } });
    const price = result.claims.find((c) => c.unit === "cny_per_million_tokens");
    expect(price).toMatchObject({
      value: 1,
      subjectModelKey: "hunyuan-t1",
      asOf: { value: "2025-03-21", inferred: true },
    });
  });

  it("dates each number of a 分别 enumeration at the period listed in the same place", () => {
    const asOf = (body: string) =>
      extractText(body)
        .result.claims.filter((c) => c.unit === "cny")
        .map((c) => [c.value, c.asOf.value]);
    expect(asOf("2022年至2024年，公司营收分别为1.01亿元、1.29亿元和2.43亿元。")).toEqual([
      [1.01e8, "2022"],
      [1.29e8, "2023"],
      [2.43e8, "2024"],
    ]);
    // 同期 takes the periods of the sentence before; a count that does not match the periods dates nothing by place
    const body =
      "2021年、2022年及2023年，公司收入分别为3.72亿元、4.72亿元及5.56亿元。同期亏损分别为8940万元、2.09亿元及1.54亿元。";
    expect(asOf(body).slice(3)).toEqual([
      [8.94e7, "2021"],
      [2.09e8, "2022"],
      [1.54e8, "2023"],
    ]);
    expect(asOf("2022年和2023年，两家公司分别融资5亿元、6亿元和7亿元。").map(([, d]) => d)).not.toContain("2022");
  });

  it("dates an undated number of the news at the day the news happened, which the body names", () => {
    const body =
      "香港生成式人工智能研发中心昨日举行发布会，正式推出大模型HKGAI V1。" +
      "该中心介绍，至今已有70多个政府部门参与试用。";
    const { result } = extractText(body, { extra: { 日期: "2025-02-26" } });
    const departments = result.claims.find((c) => c.value === 70);
    expect(departments?.asOf.value).toBe("2025-02-25");
  });
});
