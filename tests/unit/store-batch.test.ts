import { describe, expect, it } from "vitest";
import { variantRounds } from "@/lib/ingest/store";

describe("variantRounds (merging a batch's records of shared rows)", () => {
  const rec = (key: string, roles: string[]) => ({ key, roles });

  it("puts one record of every key in round 0, in key order", () => {
    const rounds = variantRounds(
      [rec("tencent", ["vendor"]), rec("baidu", ["vendor"]), rec("huawei", [])],
      (r) => r.key,
    );
    expect(rounds).toHaveLength(1);
    expect(rounds[0].map((r) => r.key)).toEqual(["baidu", "huawei", "tencent"]);
  });

  it("collapses identical records and spreads distinct variants of one key over later rounds", () => {
    const rows = [
      rec("tencent", ["vendor"]),
      rec("baidu", ["vendor"]),
      rec("tencent", ["media"]),
      rec("tencent", ["vendor"]),
      rec("tencent", ["research"]),
    ];
    const rounds = variantRounds(rows, (r) => r.key);
    expect(rounds.map((round) => round.map((r) => r.key))).toEqual([["baidu", "tencent"], ["tencent"], ["tencent"]]);
    // every distinct record is merged exactly once
    const tencent = rounds
      .flat()
      .filter((r) => r.key === "tencent")
      .map((r) => r.roles[0]);
    expect(tencent.sort()).toEqual(["media", "research", "vendor"]);
  });

  it("does not depend on the order of the input", () => {
    const rows = [rec("a", ["x"]), rec("b", ["y"]), rec("a", ["z"]), rec("c", [])];
    expect(variantRounds([...rows].reverse(), (r) => r.key)).toEqual(variantRounds(rows, (r) => r.key));
  });

  it("returns no rounds for no rows", () => {
    expect(variantRounds([], (r: { key: string }) => r.key)).toEqual([]);
  });
});
