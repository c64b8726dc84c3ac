import { describe, it, expect } from "vitest";
import { findDates, parseDatePhrase, yearContext } from "@/lib/extract/dates";

const ctx = { dominant: 2023 };
const read = (s: string) => {
  const p = parseDatePhrase(s, ctx);
  return [p.value, p.precision, p.inferred];
};

describe("date normalisation", () => {
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
  });

  it("takes a missing year from the article and marks it inferred", () => {
    expect(read("8月31日")).toEqual(["2023-08-31", "day", true]);
    expect(read("6月初")).toEqual(["2023-06", "month", true]);
    expect(read("7月7日")).toEqual(["2023-07-07", "day", true]);
    expect(read("今年以来")).toEqual(["2023", "year", true]);
    expect(read("去年")).toEqual(["2022", "year", true]);
    expect(read("去年12月")).toEqual(["2022-12", "month", true]);
  });

  it("keeps 截至 in the phrase", () => {
    expect(parseDatePhrase("截至2023年7月", ctx)).toEqual({ value: "2023-07", precision: "month", inferred: false, text: "截至2023年7月" });
  });

  it("gives relative words no value", () => {
    for (const w of ["近日", "此前", "目前"]) expect(read(w)).toEqual([null, "unknown", false]);
  });

  it("never uses the clock: with no year in the article the value stays null", () => {
    expect(parseDatePhrase("8月31日", { dominant: null })).toMatchObject({ value: null, precision: "unknown" });
  });

  it("prefers the nearest earlier year in the same sentence", () => {
    const hits = findDates("2021年3月发布，5月又升级", ctx);
    expect(hits.map((h) => h.point.value)).toEqual(["2021-03", "2021-05"]);
  });

  it("finds the dominant year, headline years counting double, ties to the latest", () => {
    expect(yearContext("2021年开始。2023年爆发。2023中国国际智能产业博览会").dominant).toBe(2023);
    expect(yearContext("2023年5月发布，2023年底用户", "于2024年1月30日发布").dominant).toBe(2024);
    expect(yearContext("没有年份").dominant).toBeNull();
  });
});
