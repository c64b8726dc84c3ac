import { describe, it, expect } from "vitest";
import { MODELS, ORGANIZATIONS, INDUSTRIES, TECHNOLOGIES } from "@/lib/extract/registry";
import { extractText } from "./helpers/article";

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

describe("models and makers from the public lists of Chinese large models", () => {
  it("list named variants under their family root, and apps beside the model they run on", () => {
    expect(MODELS.get("spark-medical")).toMatchObject({ family: "spark", vendor: "iflytek", version: null });
    expect(MODELS.get("ernie-4-5")).toMatchObject({ family: "ernie", vendor: "baidu", version: "4.5" });
    expect(MODELS.get("qwen-app")).toMatchObject({ family: "qwen", vendor: "alibaba" });
    expect(MODELS.get("minicpm")).toMatchObject({ family: "minicpm", vendor: "mianbi" });
    expect(MODELS.get("vidu")).toMatchObject({ vendor: "shengshu" });
    expect(MODELS.get("pixverse")).toMatchObject({ vendor: "aisphere" });
  });

  it("keep names that are ordinary words out of the plain aliases", () => {
    for (const [key, word] of [
      ["shanhai", "山海"],
      ["xuanyuan", "轩辕"],
      ["sagegpt", "式说"],
      ["quark", "夸克"],
      ["tencent-yuanbao", "元宝"],
    ] as const) {
      const m = MODELS.get(key)!;
      expect(m.contextAliases, key).toContain(word);
      expect(m.aliases, key).not.toContain(word);
    }
  });

  it("read an ordinary-word name as the model only beside its maker or a model cue", () => {
    const keys = (body: string) =>
      extractText(body)
        .result.models.map((m) => m.key)
        .sort();
    expect(keys("山海关是长城的起点，轩辕黄帝是传说人物，这种方式说明了问题。")).toEqual([]);
    expect(keys("云知声发布山海大模型。度小满的轩辕在金融测评中领先。")).toEqual(["shanhai", "xuanyuan"]);
    expect(keys("生数科技的Vidu与爱诗科技的PixVerse同日更新。")).toEqual(["pixverse", "vidu"]);
  });

  it("know makers by the short names they are commonly called", () => {
    const orgKeys = (body: string) => extractText(body).result.organizations.map((o) => o.key);
    expect(orgKeys("工行与生数合作。")).toEqual(expect.arrayContaining(["icbc", "shengshu"]));
    expect(ORGANIZATIONS.get("cuhk-shenzhen")).toMatchObject({ kind: "university" });
  });
});
