// fast-check generators of article files in the seed format, hostile on purpose: fields in any
// order and with either colon, CR/LF/CRLF, a BOM, Traditional text, random CJK / ASCII / emoji /
// control / format characters, possible and impossible dates, huge numbers, nested and unbalanced
// quotes, long lines. Most files are valid; some are not, and must be rejected by name.
import fc from "fast-check";

/** Seeded and reproducible by default; FC_SEED=<n> replays a reported failure, FC_RUNS scales it. */
export function propertyOptions(defaultRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261201;
  const numRuns = process.env.FC_RUNS ? Number(process.env.FC_RUNS) : defaultRuns;
  return { seed, numRuns, endOnFailure: true, verbose: 1 };
}

const WORDS = [
  "腾讯",
  "华为",
  "百度",
  "阿里云",
  "科大讯飞",
  "智谱",
  "月之暗面",
  "深度求索",
  "字节跳动",
  "鹏城实验室",
  "混元",
  "盘古",
  "文心一言",
  "通义千问",
  "星火",
  "GLM-4.5",
  "Qwen3-235B-A22B",
  "DeepSeek-V3",
  "Kimi",
  "豆包",
  "大模型",
  "大语言模型",
  "发布",
  "推出",
  "正式上线",
  "开源",
  "亮相",
  "官宣",
  "宣布",
  "融资",
  "估值",
  "备案",
  "元/千Tokens",
  "亿美元",
  "万亿参数",
  "个",
  "款",
  "家",
  "%",
  "倍",
  "截至",
  "今年",
  "去年",
  "同年",
  "近日",
  "人工智慧",
  "發佈",
  "雲端",
  "資料",
  "兆元",
  "騰訊",
  "華為",
  "模型",
  "公司",
  "实验室",
  "大学",
  "医疗",
  "金融",
  "煤矿",
  "汽车",
  "手机",
  "政务",
  "，",
  "。",
  "；",
  "！",
  "？",
  "、",
  "：",
  " ",
  "\n",
  "\t",
];
const QUOTES = ["“", "”", "「", "」", "『", "』", '"', "'", "（", "）", "《", "》", "【", "】", "(", ")"];
const FORMAT_CHARS = [
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u200e",
  "\u200f",
  "\ufeff",
  "\u00ad",
  "\u2060",
];
const CONTROL_CHARS = ["\u0000", "\u0001", "\u0007", "\u001b", "\u007f"];

const year = fc.integer({ min: 1890, max: 2120 });
const month = fc.integer({ min: 0, max: 15 });
const day = fc.integer({ min: 0, max: 40 });

const datePhrase = fc.oneof(
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}年${m}月${d}日`),
  fc.tuple(year, month).map(([y, m]) => `截至${y}年${m}月`),
  fc.tuple(month, day).map(([m, d]) => `${m}月${d}日`),
  fc.tuple(year, month, day).map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.constantFrom(
    "同年8月31日",
    "次月",
    "今年以来",
    "去年底",
    "昨天",
    "二〇二三年二月三十日",
    "2023年2月29日",
    "2024年2月29日",
  ),
);

const numberPhrase = fc.oneof(
  fc.constantFrom(
    "999999999999999999999个",
    "1e400个",
    "0.0000000001元",
    "NaN个",
    "Infinity倍",
    "12345678901234567890亿",
    "99999999999999999999兆",
  ),
  fc
    .tuple(fc.double({ noNaN: false }), fc.constantFrom("个", "亿", "万", "%", "款", "亿美元", "元/千Tokens", "B"))
    .map(([n, u]) => `${n}${u}`),
  fc
    .tuple(fc.nat(), fc.constantFrom("个大模型", "家企业", "万用户", "亿参数", "款服务"))
    .map(([n, u]) => `超过${n}${u}`),
);

const fragment = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: datePhrase },
  { weight: 2, arbitrary: numberPhrase },
  { weight: 2, arbitrary: fc.constantFrom(...QUOTES) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMAT_CHARS) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom("😀", "👨‍👩‍👧", "🇨🇳", "𠮷", "\ud800", "\udfff") },
);

/** Body-like text: fragments glued together, now and then a very long run. */
export const bodyText = fc.oneof(
  { weight: 8, arbitrary: fc.array(fragment, { minLength: 1, maxLength: 120 }).map((a) => a.join("")) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...WORDS), fc.integer({ min: 2000, max: 40_000 }))
      .map(([w, n]) => w.repeat(Math.ceil(n / w.length))),
  },
);

/** A line's value: no line break inside (a break would start a new line of the file). */
const oneLine = (arb: fc.Arbitrary<string>) => arb.map((s) => s.replace(/[\r\n]+/g, " "));

const urlArb = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        fc.constantFrom("https://news.example.cn", "http://tech.example.com.tw", "https://example.hk"),
        fc.nat(),
        fc.string({ maxLength: 10 }),
      )
      .map(([h, n, s]) => `${h}/${n}/${encodeURIComponent(s)}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "ftp://example.com/x",
      "not a url",
      "https://",
      `https://example.com/${"a".repeat(2100)}`,
      "https://exa\u202emple.com/\u200bx",
    ),
  },
);

export interface GeneratedFile {
  name: string;
  bytes: Uint8Array;
  /** the link as written, for tests that need distinct links */
  url: string;
}

const FIELD_NAMES = {
  title: ["标题", "標題"],
  url: ["链接", "鏈接", "网址"],
  body: ["总结", "總結"],
  keywords: ["关键词", "關鍵詞"],
  tech: ["AI技术"],
  industries: ["行业", "行業"],
  summary: ["重大事件摘要"],
  date: ["发布时间", "日期"],
};

/** One article file. `index` makes names (and, unless a test wants clashes, links) distinct. */
export function articleFile(index: number): fc.Arbitrary<GeneratedFile> {
  return fc
    .record({
      title: oneLine(bodyText.map((s) => s.slice(0, 200))),
      url: urlArb,
      body: bodyText,
      keywords: oneLine(fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((a) => a.join("，"))),
      tech: oneLine(fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((a) => a.join(", "))),
      industries: oneLine(
        fc
          .array(fc.constantFrom("金融科技", "医疗", "工业制造", "政務", "汽车", "煤矿", "未知行业"), { maxLength: 4 })
          .map((a) => a.join("、")),
      ),
      summary: oneLine(bodyText),
      date: fc.option(oneLine(datePhrase), { nil: undefined }),
      names: fc.record(
        Object.fromEntries(Object.entries(FIELD_NAMES).map(([k, v]) => [k, fc.constantFrom(...v)])) as Record<
          keyof typeof FIELD_NAMES,
          fc.Arbitrary<string>
        >,
      ),
      drop: fc.subarray(["title", "url", "body", "keywords", "tech", "industries", "summary"], { maxLength: 1 }),
      dropSome: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7], { minLength: 8, maxLength: 8 }),
      colon: fc.constantFrom(": ", "：", ":", " : ", "：　"),
      eol: fc.constantFrom("\n", "\r\n", "\r"),
      bom: fc.boolean(),
      control: fc.option(fc.constantFrom(...CONTROL_CHARS), { freq: 10, nil: undefined }),
    })
    .map((r) => {
      const fields: [keyof typeof FIELD_NAMES, string | undefined][] = [
        ["title", r.title],
        ["url", r.url],
        ["body", r.body.replace(/\r\n?/g, "\n")],
        ["keywords", r.keywords],
        ["tech", r.tech],
        ["industries", r.industries],
        ["summary", r.summary],
        ["date", r.date],
      ];
      const dropped = new Set(r.dropSome ? r.drop : []);
      const lines = r.order
        .map((i) => fields[i])
        .filter(([k, v]) => v !== undefined && !dropped.has(k))
        .map(([k, v]) => `${r.names[k]}${r.colon}${k === "body" ? v!.replace(/\n/g, r.eol) : v}`);
      let text = lines.join(r.eol) + r.eol;
      if (r.control) text = text.replace(/。/, `${r.control}。`);
      const body = new TextEncoder().encode(text);
      const bytes = r.bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
      return { name: `gen-${index}.txt`, bytes, url: r.url };
    });
}

/** A batch of files with distinct names and links (valid ones land whatever the order). */
export function articleBatch(maxFiles: number): fc.Arbitrary<GeneratedFile[]> {
  return fc
    .integer({ min: 1, max: maxFiles })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => articleFile(i))))
    .map((files) => {
      // distinct links: a repeated link with other content is rejected by design, which would make
      // the outcome depend on the order
      const seen = new Set<string>();
      return files.filter((f) => !seen.has(f.url) && seen.add(f.url));
    });
}
