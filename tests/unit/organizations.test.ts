import { describe, it, expect } from "vitest";
import { extractText } from "./helpers/article";

describe("organisation extraction and vendor attribution", () => {
  it("attributes a discovered model to the registry org that released it", () => {
    const { result } = extractText("中国电子科技集团旗下企业发布了大模型产品“小可”。");
    expect(result.models[0]).toMatchObject({ key: "xiaoke", vendorKey: "cetc" });
    expect(result.organizations.find((o) => o.key === "cetc")?.roles).toContain("vendor");
  });

  it("attributes by possession and by adjacency", () => {
    const a = extractText("京东的大模型“灵枢”亮相。").result;
    expect(a.models[0]).toMatchObject({ key: "lingshu", vendorKey: "jd" });
    const b = extractText("华为天筹大模型已经落地。").result;
    expect(b.models[0]).toMatchObject({ key: "tianchou", vendorKey: "huawei" });
  });

  it("gives a joint release to the subject, not the partner it joins with 联合", () => {
    const { result } = extractText("4月27日，生数科技联合清华大学首次发布视频大模型“晨曦”。");
    expect(result.models[0]).toMatchObject({ key: "chenxi", vendorKey: "shengshu" });
  });

  it("discovers an unknown organisation by its suffix", () => {
    const { result } = extractText("近日，杭州灵犀智能科技公司发布了大模型“问天”。");
    expect(result.models[0]?.key).toBe("wentian");
    const vendor = result.organizations.find((o) => o.key === result.models[0]?.vendorKey);
    expect(vendor).toMatchObject({ nameZh: "杭州灵犀智能科技公司", curated: false, kind: "company" });
  });

  it("discovers the clause subject of a release verb when it has no suffix", () => {
    const { result } = extractText("同日，度小满宣布其金融大模型“轩辕”完成升级。");
    expect(result.models[0]).toMatchObject({ key: "xuanyuan", vendorKey: "duxiaoman" });
  });

  it("takes no date or run of function words before a release verb for an organisation", () => {
    for (const text of [
      "。5月推出的“星图”大模型拥有80亿参数。",
      "想用的企业与个人，须先在开源平台上同意“星图”大模型的条款。",
    ]) {
      const { result } = extractText(text);
      expect(result.organizations.map((o) => o.nameZh)).toEqual([]);
    }
  });

  it("gives a discovered model named after an organisation to it, over a rival its sentence names", () => {
    const { result } = extractText("深度求索称，其得分高于同为开源模型的MiniMax M9模型。MiniMax M9模型已经开源。");
    const m = result.models.find((x) => x.nameZh === "MiniMax M9");
    expect(m?.vendorKey).toBe("minimax");
  });

  it("uses the registry vendor for curated models even when the text names another org", () => {
    const { result } = extractText("清华大学的研究人员评测了通义千问。");
    expect(result.models[0]).toMatchObject({ key: "qwen", vendorKey: "alibaba" });
  });

  it("assigns roles: report author, media, research, event host", () => {
    const { result } = extractText(
      "赛迪顾问发布的研究报告显示，国产大模型增长迅速。新华社报道了此事。北京大学的学者参与了讨论。2023腾讯全球数字生态大会召开。",
    );
    const roles = Object.fromEntries(result.organizations.map((o) => [o.key, o.roles]));
    expect(roles["ccid-consulting"]).toContain("report_author");
    expect(roles.xinhua).toContain("media");
    expect(roles.pku).toContain("research");
    expect(roles.tencent).toContain("event_host");
  });

  it("does not read English words as short upper-case org names", () => {
    const { result } = extractText("This is a good idea for idc users.");
    expect(result.organizations).toEqual([]);
  });
});

describe("same name, another maker", () => {
  it("keeps a registry name that the text gives to another maker apart, keyed by that maker", () => {
    const { result } = extractText("循环智能的盘古大模型主要面向销售场景。华为的盘古大模型则面向行业。");
    const keys = result.models.map((m) => `${m.key}:${m.vendorKey}`).sort();
    expect(keys).toEqual(["pangu-recurrent-ai:recurrent-ai", "pangu:huawei"]);
    expect(result.models.find((m) => m.key === "pangu-recurrent-ai")).toMatchObject({ curated: false, family: null });
  });

  it("reads 该校 / 该公司 as the last organisation of that kind named before", () => {
    const school = extractText("研究团队来自哈尔滨工业大学（深圳）。2023年11月，该校发布了九天大模型。").result;
    expect(school.models.map((m) => `${m.key}:${m.vendorKey}`)).toEqual(["jiutian-hit-shenzhen:hit-shenzhen"]);
    const own = extractText("中国移动在会上介绍了进展。该公司发布了九天大模型。").result;
    expect(own.models.map((m) => `${m.key}:${m.vendorKey}`)).toEqual(["jiutian:china-mobile"]);
  });

  it("leaves the registry maker when the other organisation only uses, tests or builds on the model", () => {
    for (const text of [
      "某市人民医院基于盘古大模型发布了导诊助手。",
      "清华大学的研究人员评测了通义千问。",
      "招商银行接入了盘古大模型。",
      "华为联合循环智能发布了盘古大模型。",
    ]) {
      const { result } = extractText(text);
      expect(
        result.models.filter((m) => /pangu|qwen/.test(m.key)).map((m) => m.key),
        text,
      ).toEqual(expect.arrayContaining([expect.stringMatching(/^(?:pangu|qwen)$/)]));
      expect(
        result.models.some((m) => /^(?:pangu|qwen)-/.test(m.key)),
        text,
      ).toBe(false);
    }
  });
});

describe("a discovered model the text gives no maker in its sentence", () => {
  it("takes the one maker its paragraph names before it", () => {
    const { result } = extractText(
      "MiniMax周三在香港上市。招股书显示，Hailuo-02视频模型和Speech-02语音模型贡献了主要收入。",
    );
    expect(result.models.map((m) => `${m.key}:${m.vendorKey}`).sort()).toEqual([
      "hailuo-02:minimax",
      "speech-02:minimax",
    ]);
  });

  it("takes none when the paragraph names two makers, or the maker is in another paragraph", () => {
    for (const text of [
      "MiniMax与智谱同日公布业绩。招股书显示，Hailuo-02视频模型贡献了主要收入。",
      "MiniMax周三在香港上市。\n招股书显示，Hailuo-02视频模型贡献了主要收入。",
    ]) {
      const { result } = extractText(text);
      expect(result.models.find((m) => m.key === "hailuo-02")?.vendorKey, text).toBeNull();
    }
  });
});
