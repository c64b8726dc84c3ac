import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";

const events = (body: string, title = "测试") =>
  extractText(body, { title }).result.events.map((e) => `${e.type}|${e.modelKey}|${e.date.value}|${e.date.precision}`);

describe("event extraction", () => {
  it("gives the event to each model a clause after the trigger lists", () => {
    // (the second sentence is what makes the scorer take the listed names for models)
    const listed =
      "2025年1月15日，MiniMax开源了MiniMax-01系列模型，包括MiniMax-Text-01和MiniMax-VL-01。" +
      "MiniMax-Text-01模型与MiniMax-VL-01模型均可下载。";
    expect(events(listed)).toEqual(
      expect.arrayContaining([
        "open_source|minimax-text-01|2025-01-15|day",
        "open_source|minimax-vl-01|2025-01-15|day",
      ]),
    );
    // a clause that does not list (…，受到开发者欢迎) adds nothing
    expect(events("2025年1月15日，MiniMax开源了MiniMax-Text-01，文心大模型4.0也受到关注。")).toEqual([
      "open_source|minimax-text-01|2025-01-15|day",
    ]);
  });

  it("gives releases spread over time (先后推出) no one date, and 曾推出 not the article's", () => {
    const body = "智谱成立于2019年。公司先后推出了GLM-130B和GLM-4。";
    expect(events(body)).toEqual(["release|glm-130b|null|unknown", "release|glm-4|null|unknown"]);
    // without 先后 the sentence continues the date of the one before it
    expect(events("2024年1月16日，智谱召开发布会。公司推出了GLM-4。")).toEqual(["release|glm-4|2024-01-16|day"]);
  });

  it("dates a sentence with no date from the nearest dated one before it, across semicolons and headings", () => {
    // 其中…；…: clauses of one sentence; the heading between two sections does not end the narrative
    const body =
      "2024年5月21日，阿里云宣布通义千问降价。其中，Qwen-Max输入价格下调；长文本模型Qwen-Long的输入价格直降97%。" +
      "讯飞次日跟进讯飞次日跟进次日，科大讯飞宣布星火Lite的API永久免费开放。";
    expect(events(body)).toEqual(
      expect.arrayContaining(["price_change|qwen-long|2024-05-21|day", "price_change|spark-lite|2024-05-22|day"]),
    );
    // a date in a heading neither anchors the text after it nor is lost
    expect(events(body)).not.toContain("price_change|spark-lite|2024-05-23|day");
  });

  it("counts 同月28日 from the paragraph's last date even when it is sentences back", () => {
    const body =
      "2025年7月11日，月之暗面发布并开源Kimi K2。它采用修改版MIT协议。它主打代码能力。同月28日，智谱推出GLM-4.5。";
    expect(events(body)).toContain("release|glm-4-5|2025-07-28|day");
  });

  it("reads price cuts phrased around the price", () => {
    expect(events("2024年5月21日，智谱下调了GLM-3 Turbo的调用价格。")).toEqual([
      "price_change|glm-3-turbo|2024-05-21|day",
    ]);
    expect(events("2024年5月22日，腾讯云宣布混元-lite模型免费。")).toEqual([
      "price_change|hunyuan-lite|2024-05-22|day",
    ]);
  });

  it("reads a release with its date", () => {
    expect(events("2023年10月17日，百度发布了文心大模型4.0。")).toEqual(["release|ernie-4-0|2023-10-17|day"]);
  });

  it("reads opening to the public", () => {
    expect(events("2023年9月13日，通义千问正式向公众开放。")).toEqual(["open_public|qwen|2023-09-13|day"]);
    expect(events("2023年，智谱清言上线公测。")).toEqual(["open_public|zhipu-qingyan|2023|year"]);
  });

  it("reads plans and announcements, not as releases", () => {
    expect(events("鹏城实验室此前发布消息称，该实验室将推出“鹏城·脑海”大模型计划。")).toEqual([
      "announcement|pengcheng-naohai|null|unknown",
    ]);
  });

  it("reads a showcase at an expo, and 亮相 elsewhere as a release", () => {
    expect(events("近日，混元在2023腾讯全球数字生态大会上正式亮相。")).toEqual(["showcase|hunyuan|null|unknown"]);
    expect(events("2024年5月，豆包正式亮相。")).toEqual(["release|doubao|2024-05|month"]);
  });

  it("reads deployments", () => {
    expect(events("目前，盘古大模型已在全国近10个矿井实现规模化应用。")).toEqual(["deployment|pangu|null|unknown"]);
  });

  it("takes the date of the previous sentence after 会上/当天", () => {
    expect(events("2024年1月16日，智谱AI举办技术开放日。会上，智谱AI发布了GLM-4。")).toEqual([
      "release|glm-4|2024-01-16|day",
    ]);
  });

  it("does not treat 发布的报告 or 开源模型 as a release", () => {
    expect(events("赛迪顾问发布的报告提到了文心一言。")).toEqual([]);
    expect(events("DeepSeek-V3超越了多个开源模型。")).toEqual([]);
  });

  it("reads Traditional Chinese triggers", () => {
    expect(events("2024年4月23日，商湯正式發佈「日日新5.0」大模型。")).toEqual([
      "release|sensenova-5-0|2024-04-23|day",
    ]);
  });

  it("gives the event to the variants a sentence names with their family, not to the family", () => {
    const { result } = extractText("2024年5月21日，百度宣布文心大模型的ERNIE Speed和ERNIE Lite全面免费。");
    const priced = result.events
      .filter((e) => e.type === "price_change")
      .map((e) => e.modelKey)
      .sort();
    expect(priced).toHaveLength(2);
    expect(priced).not.toContain("ernie");
  });

  it("reads a price stated at launch as a price, not a price change", () => {
    const { result } = extractText("2025年7月28日，智谱发布GLM-4.5，输入价格为每百万tokens 0.8元。");
    expect(result.events.map((e) => e.type)).not.toContain("price_change");
    expect(result.claims.some((c) => c.unit === "cny_per_million_tokens" && c.value === 0.8)).toBe(true);
  });

  it("reads what a sentence goes on releasing after an open-source one as open-sourced too", () => {
    const body =
      "2023年9月6日，百川智能宣布开源Baichuan 2。此次放出的包括Baichuan2-7B-Base和Baichuan2-13B-Base两款基座模型。";
    expect(events(body)).toEqual([
      "open_source|baichuan-2|2023-09-06|day",
      "open_source|baichuan-2-7b-base|2023-09-06|day",
      "open_source|baichuan-2-13b-base|2023-09-06|day",
    ]);
    // with no open-source release before it, 推出 is a release
    expect(events("2023年9月6日，百川智能召开发布会。此次推出的包括Baichuan2-7B-Base。")).toEqual([
      "release|baichuan-2-7b-base|2023-09-06|day",
    ]);
    // 放出 beside weights or a model hub is an open-source release by itself
    expect(events("2024年6月7日，阿里云在Hugging Face上放出了Qwen2-72B的权重。")).toEqual([
      "open_source|qwen-2-72b|2024-06-07|day",
    ]);
  });

  it("reads a new version's upgrade as a release, and a launch priced in its sentence as a launch", () => {
    expect(events("2024年9月19日，旗舰模型Qwen-Max完成新一轮升级。")).toEqual(["release|qwen-max|2024-09-19|day"]);
    // a price cut told with a launch is both
    expect(events("2024年5月15日，字节跳动发布豆包大模型，价格直降99.3%。")).toEqual(
      expect.arrayContaining(["release|doubao|2024-05-15|day", "price_change|doubao|2024-05-15|day"]),
    );
  });

  it("dates an undated launch at the day of the news the body names, else at the document's day", () => {
    const body =
      "特区政府昨日举行人工智能发展论坛。多位官员出席并致辞。论坛吸引了上千名业界人士参加。" +
      "会后，研发中心正式推出大模型HKGAI V1。";
    const date = (extra: Record<string, string>, text = body) =>
      extractText(text, { extra }).result.events.find((e) => e.type === "release")?.date.value;
    expect(date({ 日期: "2025-02-26" })).toBe("2025-02-25");
    expect(date({ 日期: "2025-02-26" }, body.replace("昨日", "近日"))).toBe("2025-02-26");
  });

  it("gives an event counted before a colon to each model the clauses after it list", () => {
    const body = "11月5日，腾讯宣布对外开源两款自研大模型：一款是语言模型混元Large，另一款是腾讯混元3D生成大模型。";
    expect(
      extractText(body, { extra: { 日期: "2024-11-06" } }).result.events.map(
        (e) => `${e.type}|${e.modelKey}|${e.date.value}`,
      ),
    ).toEqual(["open_source|hunyuan-large|2024-11-05", "open_source|hunyuan-3d|2024-11-05"]);
  });

  it("gives the event to the models a next clause lists after a noun (开源版本包括) or with 还有", () => {
    const of = (body: string) => extractText(body).result.events.map((e) => `${e.type}|${e.modelKey}`);
    expect(of("2025年7月28日，智谱开源GLM-4.5系列，开源版本包括GLM-4.5和轻量版GLM-4.5-Air两款。")).toEqual([
      "open_source|glm-4-5",
      "open_source|glm-4-5-air",
    ]);
    expect(of("2026年3月19日，小米发布MiMo-V2-Pro，与之一同发布的，还有语音合成模型MiMo-V2-TTS。")).toEqual([
      "release|mimo-v2-pro",
      "release|mimo-v2-tts",
    ]);
    // a clause that does not list goes without the trigger
    expect(of("2026年3月19日，小米发布MiMo-V2-Pro，用户评价MiMo-V2-TTS不错。")).toEqual(["release|mimo-v2-pro"]);
  });

  it("reads a list of filings (均在名单之列) only where the text speaks of filing", () => {
    const filings = (body: string) =>
      extractText(body, { extra: { 日期: "2023-09-01" } })
        .result.events.filter((e) => e.type === "filing")
        .map((e) => `${e.modelKey}|${e.date.value}`);
    const body =
      "8月31日，首批通过《生成式人工智能服务管理暂行办法》备案的大模型名单公布。" +
      "字节跳动的云雀大模型和中科院自动化所的紫东太初均在名单之列。";
    expect(filings(body)).toEqual(["skylark|2023-08-31", "zidong-taichu|2023-08-31"]);
    expect(filings("8月31日，年度人工智能榜单公布。云雀大模型和紫东太初均在名单之列。")).toEqual([]);
  });
});
