import { describe, it, expect } from "vitest";
import type { ExtractedEvent, FundingDetails, ListingDetails } from "@/lib/extract/types";
import { extractText } from "./helpers/article";

const run = (body: string, extra: Record<string, string> = {}, title = "测试") =>
  extractText(body, { title, extra }).result;

const rounds = (body: string, extra: Record<string, string> = {}, title = "测试") =>
  run(body, extra, title).events.filter((e) => e.type === "funding");

const listings = (body: string, extra: Record<string, string> = {}) =>
  run(body, extra).events.filter((e) => e.type === "listing");

const funding = (e: ExtractedEvent) => e.details as FundingDetails;
const listing = (e: ExtractedEvent) => e.details as ListingDetails;

describe("funding rounds", () => {
  it("makes the round's amount and valuation claims about its company, not the investor named before them", () => {
    const x = run(
      "2024年2月，月之暗面完成超10亿美元B轮融资。本轮由阿里巴巴领投，美团等跟投，交易完成后公司投后估值约25亿美元。",
    );
    const about = (metric: string) => x.claims.find((c) => c.metric === metric)?.subjectOrganizationKey;
    expect(about("valuation")).toBe("moonshot");
    expect(about("funding_amount")).toBe("moonshot");
  });

  it("reads the round in its normal form", () => {
    const round = (body: string) => rounds(body).map((e) => funding(e).round);
    expect(round("2024年3月，月之暗面完成1亿美元Pre-A轮融资。")).toEqual(["pre-A"]);
    expect(round("2024年3月，月之暗面完成2亿美元A+轮融资。")).toEqual(["A+"]);
    expect(round("2024年3月，月之暗面完成A2轮融资，金额为3亿美元。")).toEqual(["A"]);
    expect(round("2024年3月，阶跃星辰宣布完成C轮融资，金额为10亿元。")).toEqual(["C"]);
    expect(round("2022年，百川智能获得3000万元天使轮投资。")).toEqual(["angel"]);
    expect(round("2024年9月，零一万物获得数亿元人民币Pre-IPO轮战略投资。")).toEqual(["pre-IPO"]);
    expect(round("2024年9月，零一万物获得8亿元战略融资。")).toEqual(["strategic"]);
    expect(round("2024年9月，零一万物完成一轮金额为8亿元的融资。")).toEqual(["unknown"]);
  });

  it("ties the round to the company before the verb, not to the investors after it", () => {
    const [e] = rounds("2024年6月3日，百川智能宣布完成B轮融资，金额为8亿元人民币，由腾讯领投，小米、红杉中国跟投。");
    expect(e.organizationKey).toBe("baichuan");
    expect(e.date).toMatchObject({ value: "2024-06-03", precision: "day" });
    expect(funding(e).investors).toEqual([
      { key: "tencent", name: "腾讯", lead: true },
      { key: "xiaomi", name: "小米", lead: false },
      expect.objectContaining({ name: "红杉中国", lead: false }),
    ]);
  });

  it("tells joint leads from followers and reads the investors of the sentence that goes on about the round", () => {
    const [e] = rounds(
      "2025年2月10日，智谱宣布完成超过30亿元人民币的C轮融资。本轮融资由腾讯、小米联合领投，红杉中国、高瓴资本等老股东继续跟投。",
    );
    const investors = funding(e).investors.map((i) => `${i.name}:${i.lead}`);
    expect(investors).toEqual(["腾讯:true", "小米:true", "红杉中国:false", "高瓴资本:false"]);
  });

  it("keeps investors the registry does not know as discovered organisations with the investor role", () => {
    const result = run("2024年5月，月之暗面完成5亿美元B轮融资，由启明创投领投，真格基金参投。");
    const [e] = result.events.filter((x) => x.type === "funding");
    const keys = funding(e).investors.map((i) => i.key);
    for (const key of keys) {
      const org = result.organizations.find((o) => o.key === key);
      expect(org?.roles).toContain("investor");
      expect(org?.curated).toBe(false);
      expect(result.mentions.some((m) => m.kind === "organization" && m.key === key)).toBe(true);
    }
    expect(funding(e).investors.map((i) => i.name)).toEqual(["启明创投", "真格基金"]);
    // a registry organisation that invests gets the role too
    const tencentRound = run("2024年5月，月之暗面完成5亿美元B轮融资，由腾讯领投。");
    expect(tencentRound.organizations.find((o) => o.key === "tencent")?.roles).toContain("investor");
  });

  it("keeps a company the registry does not know as a discovered organisation", () => {
    const result = run("2025年4月2日，星河智算科技宣布完成2亿元天使轮融资。");
    const [e] = result.events.filter((x) => x.type === "funding");
    const org = result.organizations.find((o) => o.key === e.organizationKey);
    expect(org).toMatchObject({ nameZh: "星河智算科技", curated: false });
    expect(funding(e)).toMatchObject({ round: "angel", amount: { value: 2e8, currency: "CNY", bound: "exact" } });
  });

  it("reads amounts with their bound and currency", () => {
    const amount = (body: string) => rounds(body).map((e) => funding(e).amount);
    expect(amount("2024年2月，月之暗面完成超10亿美元的B轮融资。")).toEqual([
      { value: 1e9, currency: "USD", bound: "lower" },
    ]);
    expect(amount("2024年2月，月之暗面完成近3亿元的A轮融资。")).toEqual([
      { value: 3e8, currency: "CNY", bound: "upper" },
    ]);
    expect(amount("2024年2月，月之暗面完成约2亿港元的A轮融资。")).toEqual([
      { value: 2e8, currency: "HKD", bound: "approx" },
    ]);
    expect(amount("2024年2月，月之暗面完成50亿元人民币A轮融资。")).toEqual([
      { value: 5e9, currency: "CNY", bound: "exact" },
    ]);
    expect(amount("2024年2月，月之暗面获得5,000万美元天使投资。")).toEqual([
      { value: 5e7, currency: "USD", bound: "exact" },
    ]);
    // a vague number gives no amount
    expect(amount("2024年2月，月之暗面完成数亿元B轮融资。")).toEqual([null]);
  });

  it("reads the valuation and whether it is before or after the money", () => {
    const valuation = (body: string) => rounds(body).map((e) => funding(e).valuation);
    expect(valuation("2024年7月，百川智能完成A轮融资，金额为50亿元，投后估值达200亿元。")).toEqual([
      { value: 2e10, currency: "CNY", bound: "exact", basis: "post" },
    ]);
    expect(valuation("2024年7月，百川智能完成5亿美元B轮融资，投前估值为30亿美元。")).toEqual([
      { value: 3e9, currency: "USD", bound: "exact", basis: "pre" },
    ]);
    expect(valuation("2024年7月，百川智能完成5亿美元B轮融资，估值超过20亿美元。")).toEqual([
      { value: 2e9, currency: "USD", bound: "lower", basis: null },
    ]);
  });

  it("takes the date of the sentence before in the paragraph, else the article's, and leaves 前不久 undated", () => {
    const inherited = rounds("2024年5月8日，一场行业大会在北京召开。会上，阶跃星辰宣布完成B轮融资，金额为6亿美元。");
    expect(inherited.map((e) => e.date.value)).toEqual(["2024-05-08"]);
    const own = rounds("2024年5月8日，阶跃星辰宣布完成B轮融资，金额为6亿美元。");
    expect(inherited[0].confidence).toBeLessThan(own[0].confidence);

    const recent = rounds("月之暗面近日完成一笔金额超过10亿美元的B轮融资。", { 发布时间: "2024-02-21 09:00" });
    expect(recent[0].date).toMatchObject({ value: "2024-02", precision: "month", inferred: true });

    const undated = rounds("2026年1月8日，智谱在港交所挂牌。月之暗面则在前不久完成5亿美元C轮融资。");
    expect(undated[0].date.value).toBeNull();
  });

  it("reads a round told twice as one round, with what each telling adds", () => {
    const got = rounds(
      "2024年2月，月之暗面完成超10亿美元的B轮融资。\n业内人士指出，月之暗面此次完成的B轮融资由阿里巴巴领投，红杉中国参与。",
    );
    expect(got).toHaveLength(1);
    expect(got[0].date.value).toBe("2024-02");
    expect(funding(got[0]).amount?.value).toBe(1e9);
    expect(funding(got[0]).investors.map((i) => `${i.name}:${i.lead}`)).toEqual(["阿里巴巴:true", "红杉中国:false"]);
  });

  it("resolves 公司 to the company the article is about", () => {
    const [e] = rounds("同年12月，公司完成数亿美元的B轮融资。", {}, "阶跃星辰获新一轮融资");
    expect(e.organizationKey).toBe("stepfun");
  });

  it("reads a strategic investment told from the investor's side", () => {
    const [e] = rounds("出门问问与上汽集团合作多年：2019年，上汽集团向其投资2亿美元。");
    expect(e.organizationKey).toBe("mobvoi");
    expect(funding(e)).toMatchObject({ round: "strategic", amount: { value: 2e8, currency: "USD" } });
    expect(funding(e).investors.map((i) => i.name)).toEqual(["上汽集团"]);
  });

  it("reads an investment told as the investor's deal (完成对…的投资)", () => {
    const [e] = rounds("2024年8月，腾讯完成对百川智能3亿元的投资。");
    expect(e.organizationKey).toBe("baichuan");
    expect(funding(e).investors).toEqual([{ key: "tencent", name: "腾讯", lead: false }]);
  });

  it("finds no round for a company in a sentence about funding in general", () => {
    expect(rounds("据统计，2024年国内大模型行业融资总额超过300亿元，全年共完成45笔融资。")).toEqual([]);
    expect(rounds("单轮融资超过10亿元的企业只有智谱和月之暗面两家。")).toEqual([]);
    expect(rounds("成立一年多，百川智能已完成三轮融资。")).toEqual([]);
    expect(rounds("公司早期便拿到了红杉中国等机构的投资。")).toEqual([]);
  });

  it("reads Traditional Chinese", () => {
    const [e] = rounds("2025年3月，智譜宣布完成逾5億港幣的C輪融資，由騰訊領投。");
    expect(e.organizationKey).toBe("zhipu");
    expect(funding(e)).toMatchObject({
      round: "C",
      amount: { value: 5e8, currency: "HKD", bound: "lower" },
      investors: [{ key: "tencent", lead: true }],
    });
  });
});

describe("listings", () => {
  it("reads a listing with its exchange and the amount raised", () => {
    const [e] = listings(
      "2025年3月18日，MiniMax在港交所主板挂牌上市。公司此前将发行价定为每股50港元，此次集资总额约42亿港元，所得款项净额约40亿港元。",
    );
    expect(e.organizationKey).toBe("minimax");
    expect(e.date).toMatchObject({ value: "2025-03-18", precision: "day" });
    expect(listing(e)).toEqual({
      kind: "listing",
      exchange: "HKEX",
      amount: { value: 4.2e9, currency: "HKD", bound: "approx" },
    });
  });

  it("normalises the exchange", () => {
    const exchange = (body: string) => listings(body).map((e) => listing(e).exchange);
    expect(exchange("2020年7月，第四范式在上交所科创板上市。")).toEqual(["SSE-STAR"]);
    expect(exchange("2020年7月，第四范式登陆科创板。")).toEqual(["SSE-STAR"]);
    expect(exchange("2020年7月，第四范式在深交所创业板上市。")).toEqual(["SZSE-ChiNext"]);
    expect(exchange("2020年7月，第四范式在北交所上市。")).toEqual(["BSE"]);
    expect(exchange("2020年7月，第四范式登陆纳斯达克。")).toEqual(["NASDAQ"]);
    expect(exchange("2020年7月，第四范式在纽交所挂牌上市。")).toEqual(["NYSE"]);
    expect(exchange("2021年12月，商汤在港上市。")).toEqual(["HKEX"]);
    expect(exchange("2021年12月，商汤在香港上市。")).toEqual(["HKEX"]);
    expect(exchange("2021年12月30日，商湯在香港聯交所主板掛牌。")).toEqual(["HKEX"]);
  });

  it("dates several listings of one clause in the order it gives", () => {
    const got = listings("2026年1月8日和9日，智谱与MiniMax先后在港交所挂牌。").map(
      (e) => `${e.organizationKey}|${e.date.value}`,
    );
    expect(got).toEqual(["zhipu|2026-01-08", "minimax|2026-01-09"]);
  });

  it("does not read a plan, a rule or a first trading day as a listing", () => {
    expect(listings("2024年，智谱计划在港交所上市。")).toEqual([]);
    expect(listings("商汤原定于2021年12月17日在港交所挂牌。")).toEqual([]);
    expect(listings("MiniMax上市首日股价大涨。")).toEqual([]);
    expect(listings("港交所的上市规则为未盈利的公司打开了通道，人工智能企业赴港上市的节奏加快。")).toEqual([]);
    expect(listings("即将上市的新手机会搭载大模型。")).toEqual([]);
  });

  it("is not a funding round and a funding round is not a listing", () => {
    const result = run("2025年3月18日，MiniMax在港交所主板挂牌上市。2024年3月，MiniMax完成6亿美元融资。");
    expect(result.events.map((e) => e.type).sort()).toEqual(["funding", "listing"]);
    expect(result.events.every((e) => e.modelKey === null)).toBe(true);
  });
});
