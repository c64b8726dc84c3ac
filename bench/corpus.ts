// A synthetic corpus in the seed format, reproducible from a seed: article i depends only on
// (seed, i), so any slice can be regenerated on its own. Every article is marked synthetic
// (标题 starts with "[合成]", 链接 under https://synthetic.invalid/) and never belongs in seeds/.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import models from "@/lib/extract/data/models.json";
import organizations from "@/lib/extract/data/organizations.json";
import industries from "@/lib/extract/data/industries.json";
import technologies from "@/lib/extract/data/technologies.json";

export const DEFAULT_SEED = 20231128;

/** mulberry32: a small, fast, seedable PRNG (returns floats in [0, 1)). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function pickSome<T>(r: Rand, xs: readonly T[], n: number): T[] {
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < n && pool.length) out.push(pool.splice(Math.floor(r() * pool.length), 1)[0]);
  return out;
}

// ---- vocabulary -------------------------------------------------------------------------------

const realModels = models.map((m) => ({ name: m.nameZh, vendor: m.vendor }));
const orgName = new Map(organizations.map((o) => [o.key, o.nameZh]));
const industryNames = industries.map((i) => i.nameZh);
const techNames = technologies.map((t) => t.nameZh);
const reportOrgs = ["赛迪顾问", "中国信息通信研究院", "国际数据公司", "中国电子信息产业发展研究院"];
const mediaOrgs = ["新华社", "人民日报", "中国新闻社"];
const universities = ["清华大学", "北京大学", "复旦大学", "浙江大学", "上海交通大学", "中国科学技术大学"];

// Invented vendors and models, a fixed pool (discovery must find them; the pool does not grow with N).
const NAME_A = "天星云灵玄青智慧神明锦瀚鸿极曜墨启辰若泰坤乾朗澄".split("");
const NAME_B = "枢河图帆犀衡鉴川岳舟弈穹澜渊谷源舆策瞳镜璇翼".split("");
const ORG_A = "星河 深瞳 云帆 灵犀 玄武 智谱星 衡石 极光 墨子 天穹 澄明 启元 鸿鹄 青藤 瀚海".split(" ");
const ORG_B = ["智算", "数智", "认知", "智能", "信息", "数据", "网络", "软件"];
const inventedModels: string[] = [];
for (const a of NAME_A) for (const b of NAME_B) inventedModels.push(a + b);
const inventedOrgs: string[] = [];
for (const a of ORG_A) for (const b of ORG_B) inventedOrgs.push(`${a}${b}科技有限公司`);

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘".split("");
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华建国志宏海鹏飞宇轩晨".split("");
const TITLES = "首席技术官 首席执行官 副总裁 总经理 首席科学家 研究院院长 创始人 教授 研究员 主任".split(" ");

const FEATURES = [
  "在中文创作、复杂语境下的逻辑推理、可靠的任务执行等方面具有技术优势",
  "支持多轮对话、文本生成、代码编写和知识问答",
  "在长文本理解和多模态生成方面表现突出",
  "参数规模达到千亿级，训练数据覆盖多个专业领域",
  "可以根据用户指令完成摘要、翻译和报告撰写",
  "在数学推理和编程基准测试中取得领先成绩",
  "针对行业场景做了专门优化，推理成本显著下降",
];
const FILLER = [
  "当前，大模型正在成为推动新一轮科技创新、产业升级、生产力跃迁的重要力量。",
  "业内人士认为，大模型的价值在于应用，要在多样化的实际应用场景中赋能智能经济与智能社会的发展。",
  "随着算力成本持续下降，越来越多的中小企业开始尝试把大模型接入自身业务流程。",
  "记者调研发现，大模型的性能主要受算力、数据、算法三方面因素影响。",
  "在算法方面，国产大模型与国际先进水平相比没有根本性差异，而在算力、数据等方面仍存在差距。",
  "专家建议，加快推进算力基础设施建设，建立可信数据联盟，为大模型训练提供安全的高质量数据。",
  "从应用类型来看，国内大模型更加贴近产业端，呈现出行业大模型占比较高的发展形态。",
  "与此同时，数据安全、内容合规和知识产权等问题也引起了监管部门和社会各界的广泛关注。",
  "多位受访者表示，大模型竞争正在从参数规模的比拼转向应用落地和商业化能力的较量。",
  "此外，建设技术创新中心、生态实验室等平台，加强中试与验证，带动产业链上下游企业共同攻关。",
  "分析人士指出，开源生态的繁荣降低了大模型的使用门槛，也加速了技术在各行业的扩散。",
  "在政策层面，多地出台专项措施，从算力补贴、数据开放、人才引进等方面支持大模型产业发展。",
];
const HEADLINES = [
  "大模型密集上新，行业应用加速落地",
  "国产大模型迈入应用竞争新阶段",
  "算力与数据双轮驱动，大模型产业提速",
  "大模型走进千行百业",
  "开源大模型生态持续壮大",
  "大模型商业化进程观察",
  "AI助手之争升温",
];

// ---- one article --------------------------------------------------------------------------------

export interface SyntheticArticle {
  fileName: string;
  text: string;
}

/** Article i of the corpus for `seed`. Pure: same (seed, i), same bytes. */
export function syntheticArticle(i: number, seed = DEFAULT_SEED): SyntheticArticle {
  const r = mulberry32((seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const year = int(r, 2019, 2025);
  const month = () => int(r, 1, 12);
  const day = () => int(r, 1, 28);
  const dateForm = () =>
    pick(r, [
      () => `${year}年${month()}月`,
      () => `${month()}月${day()}日`,
      () => `${month()}月初`,
      () => `${year}年${month()}月${day()}日`,
      () => "今年以来",
      () => "近日",
      () => `${month()}月下旬`,
    ])();
  const person = () => pick(r, SURNAMES) + pick(r, GIVEN) + (r() < 0.6 ? pick(r, GIVEN) : "");

  // The cast of this article: 2-5 real models, 0-2 invented ones, invented vendors now and then.
  const cast = pickSome(r, realModels, int(r, 2, 5)).map((m) => ({
    name: m.name,
    vendor: orgName.get(m.vendor) ?? "",
  }));
  for (let k = int(r, 0, 2); k > 0; k--) cast.push({ name: pick(r, inventedModels), vendor: pick(r, inventedOrgs) });
  const inds = pickSome(r, industryNames, int(r, 2, 4));
  const techs = pickSome(r, techNames, int(r, 2, 4));
  const lead = cast[0];

  const sentences: string[] = [];
  const say = (s: string) => sentences.push(s);
  const modelRef = (m: (typeof cast)[number]) =>
    realModels.some((x) => x.name === m.name) ? `“${m.name}”` : `“${m.name}”大模型`;

  say(
    `${pick(r, ["近日", "日前", `${month()}月${day()}日`])}，${lead.vendor}的人工智能大模型${modelRef(lead)}在${year}世界人工智能大会上正式亮相，该大模型${pick(r, FEATURES)}。`,
  );
  for (const m of cast) {
    switch (int(r, 0, 4)) {
      case 0:
        say(`${dateForm()}，${m.vendor}正式发布了${modelRef(m)}，${pick(r, FEATURES)}。`);
        break;
      case 1:
        say(`${month()}月${day()}日，${m.vendor}旗下${modelRef(m)}正式向公众开放服务，互联网普通用户可以下载体验。`);
        break;
      case 2:
        say(`${dateForm()}，${m.vendor}宣布将推出${modelRef(m)}的新版本，重点面向${pick(r, inds)}等应用场景。`);
        break;
      case 3:
        say(
          `目前，${m.name}已在全国近${int(r, 5, 80)}个${pick(r, ["矿井", "城市", "医院", "工厂"])}实现规模化应用，服务${int(r, 10, 900)}家企业客户。`,
        );
        break;
      default:
        say(`在发布会现场，${m.vendor}展示了接入${m.name}后，办公、客服、营销等产品的性能得到显著提升。`);
    }
  }
  // claims with numbers and dated as-of forms
  say(
    `${pick(r, reportOrgs)}发布的研究报告显示，截至${year}年${month()}月，我国累计已经发布${int(r, 30, 300)}个大模型。`,
  );
  if (r() < 0.7)
    say(`${lead.vendor}数据显示，${lead.name}用户规模已达${int(r, 100, 9000)}万，开发者数量已超过${int(r, 2, 90)}万。`);
  if (r() < 0.5)
    say(`${dateForm()}，${lead.name}的日均调用量突破${int(r, 1, 50)}亿次，较去年同期增长${int(r, 20, 300)}%。`);
  // industries and their links
  say(`${lead.vendor}表示，将把${lead.name}切实投入到${inds.join("、")}等领域，为实体经济带来实实在在的价值。`);
  // quotes
  const speaker = person();
  const speakerTitle = pick(r, TITLES);
  say(
    `${lead.vendor}${speakerTitle}${speaker}表示，大模型正在从技术探索走向规模化应用，${pick(r, ["关键在于数据质量", "下一步将持续加大研发投入", "开放合作是行业发展的必由之路"])}。`,
  );
  if (r() < 0.5)
    say(
      `“大模型的价值在于应用，要在真实场景中创造价值。”${pick(r, universities)}${pick(r, ["教授", "研究员"])}${person()}说。`,
    );
  // technologies
  say(`在技术路线上，${lead.name}采用了${techs.join("、")}等技术，进一步提升了推理效率。`);
  // filler up to a realistic length
  const target = int(r, 1500, 3000);
  let length = sentences.join("").length;
  const fillers = [...FILLER];
  while (length < target) {
    if (fillers.length && r() < 0.6) {
      const s = fillers.splice(Math.floor(r() * fillers.length), 1)[0];
      sentences.splice(int(r, 1, sentences.length), 0, s);
      length += s.length;
    } else {
      const m = pick(r, cast);
      const ind = pick(r, inds);
      const extra = pick(r, [
        () => `${dateForm()}，${m.vendor}相关负责人介绍，${m.name}在${ind}领域的落地项目已超过${int(r, 3, 200)}个。`,
        () =>
          `在${ind}领域，${m.name}被用于${pick(r, ["智能客服", "风险控制", "报告生成", "辅助诊断", "设备巡检", "知识检索"])}等环节，平均效率提升约${int(r, 10, 60)}%。`,
        () =>
          `${pick(r, mediaOrgs)}记者注意到，${pick(r, ["北京", "上海", "深圳", "杭州", "合肥", "成都"])}已有${int(r, 5, 90)}家${ind}企业与${m.vendor}签署了合作协议。`,
        () =>
          `${pick(r, universities)}的研究团队认为，${pick(r, techNames)}将是未来${int(r, 2, 5)}年大模型技术演进的重点方向。`,
        () =>
          `据不完全统计，${year}年以来国内已有超过${int(r, 20, 200)}款大模型产品通过备案，${ind}行业的应用数量增长最快。`,
      ])();
      sentences.splice(int(r, 1, sentences.length), 0, extra);
      length += extra.length;
    }
  }
  // paragraphs of 3-6 sentences, then the byline and editor credit seen in scraped articles
  const paragraphs: string[] = [];
  for (let k = 0; k < sentences.length;) {
    const n = int(r, 3, 6);
    paragraphs.push(sentences.slice(k, k + n).join(""));
    k += n;
  }
  const body = `${paragraphs.join("\n")}（记者 ${person()} ${pick(r, ["北京", "深圳", "上海", "杭州"])}报道）${r() < 0.5 ? "责编：" + person() : ""}`;

  const id = `${seed.toString(36)}-${i}`;
  const title = `[合成] ${pick(r, HEADLINES)}：${lead.name}${pick(r, ["亮相", "上新", "发力", "加速落地"])}`;
  const keywords = pickSome(
    r,
    ["人工智能大模型", "算力基础设施", "数据联盟", "产业升级", "生成式人工智能", "开源生态", lead.name],
    int(r, 2, 4),
  );
  const summary = `这篇合成文章报道了${cast
    .map((m) => m.vendor)
    .filter(Boolean)
    .slice(0, 3)
    .join(
      "、",
    )}等机构在大模型领域的最新进展，涉及${cast.map((m) => m.name).join("、")}等模型，以及其在${inds.join("、")}等行业的应用。`;
  const text = [
    `标题: ${title}`,
    `链接: https://synthetic.invalid/article/${id}`,
    `总结: ${body}`,
    `关键词: ${keywords.join(", ")}`,
    `AI技术: ${techs.join(", ")}`,
    `行业: ${inds.join(", ")}`,
    `重大事件摘要: ${summary}`,
    "",
  ].join("\n");
  return { fileName: `synthetic_${String(i).padStart(6, "0")}.txt`, text };
}

/** Writes articles [from, to) of the corpus into dir; returns the file paths. */
export function writeCorpus(dir: string, to: number, options: { from?: number; seed?: number } = {}): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, "README.synthetic"),
    `SYNTHETIC benchmark corpus (seed ${options.seed ?? DEFAULT_SEED}), generated by bench/generate.ts. Not real news; never copy into seeds/.\n`,
  );
  const files: string[] = [];
  for (let i = options.from ?? 0; i < to; i++) {
    const a = syntheticArticle(i, options.seed);
    const file = path.join(dir, a.fileName);
    writeFileSync(file, a.text);
    files.push(file);
  }
  return files;
}
