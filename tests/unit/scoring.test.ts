import { describe, it, expect } from "vitest";
import { featuresOf, fittedConfidence } from "@/lib/extract/scoring";
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
});
