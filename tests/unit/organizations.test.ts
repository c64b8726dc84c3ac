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
