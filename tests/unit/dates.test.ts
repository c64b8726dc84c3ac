import { describe, it, expect } from "vitest";
import { documentDate, findDates, newReference, parseDatePhrase, type Ymd } from "@/lib/extract/dates";

const doc: Ymd = { y: 2023, m: 9, d: 8 };
const read = (s: string, d: Ymd | null = doc) => {
  const p = parseDatePhrase(s, d);
  return [p.value, p.precision, p.inferred];
};
const readAll = (text: string, d: Ymd | null = doc) => findDates(text, newReference(d)).map((h) => h.point.value);

describe("date phrases", () => {
  it("reads explicit dates at their precision", () => {
    expect(read("2023年7月")).toEqual(["2023-07", "month", false]);
    expect(read("2024年1月16日")).toEqual(["2024-01-16", "day", false]);
    expect(read("2023年")).toEqual(["2023", "year", false]);
    expect(read("2023年上半年")).toEqual(["2023", "year", false]);
    expect(read("2024-05-15")).toEqual(["2024-05-15", "day", false]);
  });

  it("reads Chinese numerals", () => {
    expect(read("二〇二三年七月")).toEqual(["2023-07", "month", false]);
    expect(read("二〇二四年一月十六日")).toEqual(["2024-01-16", "day", false]);
    // …but the numeral of a quarter is no part of the date
    expect(read("2025年前三季度")).toEqual(["2025", "year", false]);
  });

  it("counts 今天, 昨天, 今年, 去年 and 上个月 from the document date, and marks them inferred", () => {
    expect(read("今天")).toEqual(["2023-09-08", "day", true]);
    expect(read("昨天")).toEqual(["2023-09-07", "day", true]);
    expect(read("今年以来")).toEqual(["2023", "year", true]);
    expect(read("去年12月")).toEqual(["2022-12", "month", true]);
    expect(read("上个月")).toEqual(["2023-08", "month", true]);
    expect(read("昨天", { y: 2024, m: 3, d: 1 })).toEqual(["2024-02-29", "day", true]);
  });

  it("reads a weekday within the document date's week", () => {
    expect(read("上周三")).toEqual(["2023-08-30", "day", true]); // 2023-09-08 is a Friday
    expect(read("本周二")).toEqual(["2023-09-05", "day", true]);
    expect(read("周一")).toEqual(["2023-09-04", "day", true]);
  });

  it("counts 同年, 次月, 当天 and 次日 from the last date the text stated", () => {
    expect(readAll("2021年3月发布，同年8月31日升级，次月又推出新版。")).toEqual(["2021-03", "2021-08-31", "2021-09"]);
    expect(readAll("7月4日，大会在上海开幕。当天发布了新模型，次日开放体验。")).toEqual([
      "2023-07-04",
      "2023-07-04",
      "2023-07-05",
    ]);
    expect(readAll("2024年5月15日发布，22日降价。")).toEqual(["2024-05-15", "2024-05-22"]);
  });

  it("counts N天后 / N个月后 from the last date stated, N年前 from the document's, and anchors what follows", () => {
    expect(readAll("5月15日，字节发布。仅仅六天后，阿里宣布降价。同一天，百度宣布免费。次日，腾讯跟进。")).toEqual([
      "2023-05-15",
      "2023-05-21",
      "2023-05-21",
      "2023-05-22",
    ]);
    expect(readAll("2024年1月发布，三个月后开源。")).toEqual(["2024-01", "2024-04"]);
    // as precise as what it counts, but what follows counts from the whole date
    expect(readAll("两年前的同一天，文心一言首次亮相。")).toEqual(["2021", "2021-09-08"]);
    expect(read("两周后")).toEqual(["2023-09-22", "day", true]);
  });

  it("gives a count with no value no date, and leaves 22日后 alone", () => {
    const hits = findDates("2024年5月15日发布，数天后智谱跟进。", newReference(doc));
    expect(hits.map((h) => h.point.value)).toEqual(["2024-05-15", null]);
    // 22日后: after the 22nd or 22 days on; neither is read
    expect(readAll("5月1日发布，22日后降价。")).toEqual(["2023-05-01"]);
  });

  it("gives a year-less date the anchor's year, else the document's", () => {
    expect(readAll("2021年3月发布，5月又升级")).toEqual(["2021-03", "2021-05"]);
    expect(read("8月31日")).toEqual(["2023-08-31", "day", true]);
  });

  it("reads a year-less month after the document's as last year's, unless the clause says it is to come", () => {
    expect(read("11月8日")).toEqual(["2022-11-08", "day", true]); // the document is of 2023-09-08
    expect(readAll("公司将于11月8日发布新模型")).toEqual(["2023-11-08"]);
    expect(readAll("新模型预计12月上线")).toEqual(["2023-12"]);
    // a document date that is only the latest the body states is no upper bound
    expect(findDates("8月31日开放", newReference({ y: 2023, m: 7, d: null }, true))[0].point.value).toBe("2023-08-31");
  });

  it("reads a year-less date against the document, not against a date still to come", () => {
    // the document is of 2023-09-08: 明年 is 2024, and 5月21日 after it is what happened this year
    expect(readAll("明年价格还会再降。5月21日，公司首次降价。")).toEqual(["2024", "2023-05-21"]);
    // a date to come may still anchor one that is to come too
    expect(readAll("明年计划分两步：3月开源，将于5月上线。")).toEqual(["2024", "2024-03", "2024-05"]);
  });

  it("moves a narrative forward: a month before the anchor's is the next year's, up to the document date", () => {
    expect(readAll("去年11月底上线。2月7日，百度确认项目。", { y: 2023, m: 3, d: 16 })).toEqual([
      "2022-11",
      "2023-02-07",
    ]);
    // not past the document date: then it is the anchor's year
    expect(readAll("2023年7月发布。3月时曾内测。", { y: 2023, m: 9, d: 8 })).toEqual(["2023-07", "2023-03"]);
  });

  it("reads 几个小时后 as the anchor's day", () => {
    expect(readAll("5月21日，阿里云降价。几个小时后，百度宣布免费。")).toEqual(["2023-05-21", "2023-05-21"]);
  });

  it("never uses the clock: with no document date and no anchor the value stays null", () => {
    expect(parseDatePhrase("8月31日", null)).toMatchObject({ value: null, precision: "unknown" });
    expect(parseDatePhrase("今年", null)).toMatchObject({ value: null, precision: "unknown" });
  });

  it("keeps 截至 in the phrase, and gives vague words no value", () => {
    expect(parseDatePhrase("截至2023年7月", doc)).toEqual({
      value: "2023-07",
      precision: "month",
      inferred: false,
      text: "截至2023年7月",
    });
    for (const w of ["近日", "此前", "目前"]) expect(read(w)).toEqual([null, "unknown", false]);
  });

  it("does not read a duration as a date", () => {
    expect(readAll("30日内完成")).toEqual([]);
  });
});

describe("the document date", () => {
  const article = (extra: Record<string, string>, url = "https://example.com/a") => ({ extra, url });

  it("comes from a date field first", () => {
    expect(documentDate(article({ 发布时间: "2024-05-15 10:32" }), "昨天，某公司发布。")).toMatchObject({
      source: "field",
      point: { value: "2024-05-15" },
    });
    expect(documentDate(article({ 發布時間: "2023/11/07 09:40" }), "")).toMatchObject({
      source: "field",
      point: { value: "2023-11-07" },
    });
  });

  it("then from a dateline at the start of the body", () => {
    expect(documentDate(article({}), "2023-09-08 18:57 昨天，某公司发布了新模型。")).toMatchObject({
      source: "dateline",
      point: { value: "2023-09-08" },
    });
    expect(
      documentDate(article({}, "https://example.com/2024/0515/x.html"), "本报北京5月15日电 某公司发布。"),
    ).toMatchObject({ source: "dateline", point: { value: "2024-05-15" } });
  });

  it("gives a year-less dateline the year after the latest one the body names, when it reports that one as over", () => {
    const dated = (body: string) => documentDate(article({}), body)?.point;
    // the dateline falls after everything reported in 2023: 2023
    expect(dated("本报北京7月25日电 某公司今天宣布融资。该公司2023年4月成立。")).toMatchObject({
      value: "2023-07-25",
      inferred: true,
    });
    // 去年 says nothing of which year that is: articles name their own year in full too
    expect(dated("本报北京7月25日电 某公司今天宣布融资。2023年上半年行业回暖，去年则低迷。")).toMatchObject({
      value: "2023-07-25",
    });
    // …but a year the body reports as a whole is over: the year after
    expect(dated("本报上海1月27日电 某公司昨天宣布融资。2025年全年，行业共完成22笔融资。")).toMatchObject({
      value: "2026-01-27",
    });
  });

  it("gives a year-less dateline the year under which the sentences' dates run in order", () => {
    const dated = (body: string) => documentDate(article({}), body)?.point.value;
    // 2023年4月成立 then 去年10月 A1轮: only if 去年 is 2023
    expect(dated("本报北京7月25日电 公司今天宣布融资。公司于2023年4月成立。去年10月，公司完成A1轮。")).toBe(
      "2024-07-25",
    );
    // a flashback keeps the year the body names
    expect(dated("本报北京7月25日电 公司今天宣布融资。公司于2023年4月成立。今年5月，公司发布新模型。")).toBe(
      "2023-07-25",
    );
  });

  it("reads the lede's date after a byline as a dateline, headings before it or not", () => {
    const dated = (body: string) => documentDate(article({}), body)?.point;
    expect(dated("新品发布新品发布（本报记者 陆川）11月13日，某公司发布新模型。该公司2025年营收增长。")).toMatchObject({
      value: "2025-11-13",
      text: "11月13日",
    });
    expect(
      dated("【观察】本报记者 岑予 上海报道 10月27日，某公司开源新模型。2025年1月，它开源了上一代。"),
    ).toMatchObject({
      value: "2025-10-27",
    });
    // a date later in the lede is not a dateline
    expect(dated("（记者 林晓）某公司宣布，10月27日起降价。2025年1月，它发布了上一代。")).toMatchObject({
      value: "2025-01",
    });
  });

  it("does not date the article by its plans, unless the text dates nothing else", () => {
    const dated = (body: string) => documentDate(article({}), body)?.point.value;
    expect(dated("2025年3月，公司发布新模型。新芯片计划于2026年上市，下一代预计2027年推出。")).toBe("2025-03");
    expect(dated("业内预计2024年大模型调用量将大幅增长。")).toBe("2024");
  });

  it("keeps the year of the newest day the body names: a 去年 after it is a flashback", () => {
    const dated = (body: string) => documentDate(article({}), body)?.point.value;
    expect(
      dated("春节前夕，一款模型掀起波澜。2025年1月20日，某公司发布推理模型。去年12月26日，它发布了基座模型。"),
    ).toBe("2025-01-20");
  });

  it("then from a date in the link", () => {
    expect(documentDate(article({}, "https://example.com/2023/0908/x.html"), "某公司发布。")).toMatchObject({
      source: "url",
      point: { value: "2023-09-08" },
    });
    expect(documentDate(article({}, "https://example.com/news/20240801/123.html"), "")).toMatchObject({
      source: "url",
      point: { value: "2024-08-01" },
    });
  });

  it("else the latest date the body states, marked inferred", () => {
    expect(documentDate(article({}), "2021年开始探索。2023年7月，累计发布130个大模型。")).toMatchObject({
      source: "body",
      point: { value: "2023-07", inferred: true },
    });
    expect(documentDate(article({}), "没有年份。")).toBeNull();
  });
});
