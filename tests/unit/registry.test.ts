import { describe, it, expect } from "vitest";
import { MODELS, ORGANIZATIONS, INDUSTRIES, TECHNOLOGIES } from "@/lib/extract/registry";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("curated registries", () => {
  it("cover the landscape broadly", () => {
    expect(MODELS.size).toBeGreaterThanOrEqual(40);
    expect(ORGANIZATIONS.size).toBeGreaterThanOrEqual(40);
    expect(INDUSTRIES.size).toBeGreaterThanOrEqual(14);
    expect(TECHNOLOGIES.size).toBeGreaterThanOrEqual(15);
  });

  it("use lowercase slug keys", () => {
    for (const m of [...MODELS.keys(), ...ORGANIZATIONS.keys(), ...INDUSTRIES.keys(), ...TECHNOLOGIES.keys()])
      expect(m).toMatch(SLUG);
  });

  it("point every model at a known vendor and family, with a source link", () => {
    for (const m of MODELS.values()) {
      expect(ORGANIZATIONS.has(m.vendor ?? ""), `${m.key} vendor ${m.vendor}`).toBe(true);
      expect(m.family, m.key).toMatch(SLUG);
      expect(m.sourceUrl, m.key).toMatch(/^https?:\/\//);
    }
    for (const o of ORGANIZATIONS.values()) expect(o.sourceUrl, o.key).toMatch(/^https?:\/\//);
  });

  it("list 盘古大模型3.0 as version 3.0 of the pangu family", () => {
    expect(MODELS.get("pangu-3-0")).toMatchObject({ family: "pangu", version: "3.0", vendor: "huawei" });
  });

  it("have no alias shared by two entries of the same kind", () => {
    for (const reg of [MODELS, ORGANIZATIONS, INDUSTRIES, TECHNOLOGIES] as const) {
      const seen = new Map<string, string>();
      for (const e of reg.values()) {
        for (const a of [e.nameZh, ...e.aliases]) {
          const k = a.toLowerCase();
          expect(seen.get(k) ?? e.key, `${a} in ${e.key} and ${seen.get(k)}`).toBe(e.key);
          seen.set(k, e.key);
        }
      }
    }
  });

  it("keep a family's app and its open models apart from it, each linked to the family", () => {
    const keyOf = (name: string) =>
      [...MODELS.values()].find((m) => m.nameZh === name || m.aliases.includes(name))?.key;
    expect(keyOf("智谱清言")).toBe("zhipu-qingyan");
    expect(keyOf("ChatGLM-6B")).toBe("chatglm-6b");
    expect(keyOf("SenseChat")).toBe("sensechat");
    for (const k of ["zhipu-qingyan", "chatglm-6b"])
      expect(MODELS.get(k)).toMatchObject({ family: "chatglm", vendor: "zhipu" });
    expect(MODELS.get("sensechat")).toMatchObject({ family: "sensenova", vendor: "sensetime" });
  });
});
