import { describe, it, expect } from "vitest";
import {
  alternativesOf,
  bestAlternative,
  featuresOf,
  fittedConfidence,
  withRuleFor,
  type Features,
} from "@/lib/extract/scoring";
import { extractText } from "./helpers/article";

describe("the fitted event and claim scorers", () => {
  it("rate an event dated by its own sentence above the same event with no date", () => {
    const base = { type_release: 1, model_confidence: 1 };
    const own = fittedConfidence("event", { ...base, date_own: 1, precision_day: 1 })!;
    const none = fittedConfidence("event", { ...base, date_none: 1, precision_unknown: 1 })!;
    expect(own).toBeGreaterThan(none);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(1);
  });

  it("describe every proposed event and claim by features, and give each the fitted confidence", () => {
    const { result } = extractText("2024年5月21日，阿里云宣布Qwen-Long的输入价格降至0.0005元/千tokens，降幅97%。");
    expect(result.events.length).toBeGreaterThan(0);
    expect(result.claims.length).toBeGreaterThan(0);
    for (const [kind, facts] of [
      ["event", result.events],
      ["claim", result.claims],
    ] as const)
      for (const f of facts) expect(f.confidence).toBe(fittedConfidence(kind, featuresOf(f)!));
  });

  it("rank a claim's as-of dates: its own sentence's date above the article's, every claim keeping what it chose among", () => {
    expect(bestAlternative("asOf", [])).toBeNull();
    const own = { value: "own", x: { from_own_before: 1, rule: 1, precision_day: 1 } };
    const doc = { value: "document", x: { from_document: 1, precision_day: 1 } };
    expect(bestAlternative("asOf", [doc, own])).toBe("own");
    const { result } = extractText("截至2024年6月，百川智能已服务超过200家企业客户。");
    const [claim] = result.claims;
    const alternatives = alternativesOf(claim) as { value: { point: { value: string | null } } }[];
    expect(alternatives.map((a) => a.value.point.value)).toContain(claim.asOf.value);
    expect(claim.asOf.value).toBe("2024-06");
  });

  it("rank an event's dates, one alternative per distinct date, and leave them to the rule when told to", () => {
    const body = "2024年6月，智谱推出GLM-4-9B。业内人士认为，国产模型迭代明显加快。随后，智谱又推出了GLM-4-Plus。";
    const read = () => extractText(body, { extra: { 日期: "2024-08-30" } }).result.events;
    const plus = read().find((e) => e.modelKey === "glm-4-plus")!;
    const alternatives = alternativesOf(plus) as { value: { point: { value: string | null } }; x: Features }[];
    const dates = alternatives.map((a) => a.value.point.value);
    expect(new Set(dates).size).toBe(dates.length);
    expect(dates).toEqual(expect.arrayContaining(["2024-06", "2024-08-30", null]));
    expect(plus.date.value).toBe(bestAlternative("eventDate", alternatives)!.point.value);
    // the rule borrows the date of the sentence before (its only voice in the fit's rows)
    const ruled = withRuleFor("eventDate", read).find((e) => e.modelKey === "glm-4-plus")!;
    expect(ruled.date.value).toBe(alternatives.find((a) => a.x.rule === 1)!.value.point.value);
    expect(ruled.date.value).toBe("2024-06");
  });
});
