// People quoted or paraphrased: `TITLE NAME 表示/认为/说/指出/称，…` and `“…”TITLE NAME说。`
// A name is 2-4 Han characters starting with a common surname.
import type { ExtractedPerson } from "./types";
import type { ArticleContext } from "./context";
import type { OrgMention } from "./organizations";
import { evidenceOf, slugify } from "./text";

const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
const COMPOUND_SURNAMES = [
  "欧阳",
  "司马",
  "诸葛",
  "上官",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "令狐",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "端木",
];
const SURNAME_SET = new Set(SURNAMES);

const TITLE_WORDS =
  "首席执行官|首席技术官|首席科学家|首席|董事长|总裁|副总裁|执行副总裁|总经理|副总经理|CEO|CTO|COO|CFO|创始人|联合创始人|合伙人|主任|副主任|院士|教授|副教授|研究员|院长|副院长|所长|副所长|校长|主席|部长|司长|局长|处长|书记|秘书长|总监|负责人|经理|专家|博士|工程师|分析师|总工程师|理事长|会长|董事|主管";
const VERBS = "表示|认为|说|指出|称|介绍|强调|透露|坦言|直言|解释|提到|建议|分析";

// clause-initial title + name + (adverb) + verb
const SAID = new RegExp(
  `(?:^|[，。；：！？”\\n])([^，。；：！？“”\\n]{0,40}?(?:${TITLE_WORDS}))?([\\p{Script=Han}]{2,4}?)(?:也|还|则|就|同样|更|又|曾|进一步|在会上|对记者|向记者|接受采访时)?(${VERBS})(?:道)?[，：:]`,
  "gud",
);
// “…”TITLE NAME说。
const QUOTED = new RegExp(
  `“([^”]{4,400})”([^，。；“”\\n]{0,40}?(?:${TITLE_WORDS}))?([\\p{Script=Han}]{2,4}?)(?:也|还|则)?(${VERBS})(?:道)?[。，]`,
  "gud",
);

function plausibleName(n: string): boolean {
  if (n.length < 2 || n.length > 4) return false;
  const compound = COMPOUND_SURNAMES.some((c) => n.startsWith(c));
  if (!compound && !SURNAME_SET.has(n[0])) return false;
  if (/[的了是在和与及等也都将对就还这那其该我你他她们]/.test(n.slice(1))) return false;
  return true;
}

export function extractPeople(ctx: ArticleContext, orgMentions: OrgMention[]): ExtractedPerson[] {
  const people = new Map<string, ExtractedPerson>();
  const { body, simple } = ctx;
  // patterns run on the Simplified text; names, titles and quotes are read back as written
  const orig = (span: [number, number] | undefined) => (span ? body.slice(span[0], span[1]) : null);
  const add = (name: string, title: string | null, quote: string | null, at: number, titleStart: number) => {
    const key = slugify(name);
    const s = ctx.sentences[ctx.sentenceAt(at)];
    const org = title
      ? orgMentions.find((o) => o.start >= titleStart && o.end <= titleStart + title.length)
      : undefined;
    const existing = people.get(key);
    if (existing) {
      existing.title ??= title;
      existing.organizationKey ??= org?.key ?? null;
      existing.quote ??= quote;
      return;
    }
    people.set(key, {
      key,
      name,
      title: title?.trim() || null,
      organizationKey: org?.key ?? null,
      quote: quote?.trim() || null,
      evidence: evidenceOf(s),
    });
  };

  for (const m of simple.matchAll(SAID)) {
    const lead = m[0].length - m[0].replace(/^[，。；：！？”\n]/, "").length;
    const titleStart = m.index + lead;
    const title = orig(m.indices![1]);
    const name = orig(m.indices![2])!;
    if (!plausibleName(m[2])) continue;
    const verbEnd = m.index + m[0].length;
    const rest = body.slice(verbEnd);
    const stop = rest.search(/[。！？\n]/);
    let quote = rest.slice(0, stop < 0 ? rest.length : stop + 1).replace(/^[“]/, "");
    if (quote.length > 300) quote = quote.slice(0, 300);
    add(name, title, quote || null, titleStart, titleStart);
  }
  for (const m of simple.matchAll(QUOTED)) {
    const quote = orig(m.indices![1])!;
    const title = orig(m.indices![2]);
    const name = orig(m.indices![3])!;
    if (!plausibleName(m[3])) continue;
    const titleStart = m.index + quote.length + 2;
    add(name, title, quote, titleStart, titleStart);
  }
  return [...people.values()];
}
