// Stage 2 of ingestion: scraped body -> clean body text with paragraph/sentence offsets, and the
// byline and photo credits lifted out as metadata.

import type { CleanedBody, SentenceSpan, Span } from "@/lib/text/body";

const HAN = "\\p{Script=Han}";
const NAME = `[${HAN}]{2,4}(?:·[${HAN}]{1,6})?`;
const NAMES = `${NAME}(?:[ \\u3000、，,]+${NAME})*`;
const PHOTO_AGENCY = "(?:新华社|中新社|中新网|人民网|人民日报|央视网|本报|本刊|经济日报|光明日报|中国日报|科技日报)?";

// 新华社记者 王全超 摄 / 本报记者 张三、李四摄 / （记者 张三 摄）
const PHOTO_CREDIT = new RegExp(
  `[（(]\\s*(${PHOTO_AGENCY}(?:特约)?(?:记者|通讯员|摄影)?[ \\u3000]*${NAMES}[ \\u3000]*摄)\\s*[）)]` +
    `|(${PHOTO_AGENCY}(?:特约)?(?:记者|通讯员)[ \\u3000]+${NAMES}[ \\u3000]*摄)(?![影像])` +
    `|((?:图片来源|图源|图片|配图)[：:][^。\\n]{1,30}?(?=$|\\n|[。！？]|(?=[${HAN}]{2,}[，。])))`,
  "gu",
);

// （记者 陈宇轩 深圳报道） / （本报记者 张三 北京电） / (通讯员 李四)
const BYLINE_PAREN = new RegExp(
  `[（(]\\s*((?:本报|本刊|新华社|中新社)?(?:特约|实习)?(?:记者|通讯员|作者)[^（）()\\n]{1,40}?)\\s*[）)]`,
  "u",
);
// 记者 陈宇轩 深圳报道 (no brackets) at the very start or end
const BYLINE_BARE_END = new RegExp(
  `((?:本报|本刊)?(?:特约|实习)?记者[ \\u3000]+${NAMES}[ \\u3000]*[${HAN}]{0,6}(?:报道|电))\\s*$`,
  "u",
);
const BYLINE_BARE_START = new RegExp(
  `^\\s*((?:本报|本刊)?(?:特约|实习)?记者[ \\u3000]+${NAMES}[ \\u3000]*[${HAN}]{0,6}(?:报道|电))`,
  "u",
);

// Page furniture that scrapers leave at the end of a body; removed repeatedly from the tail.
const TAIL_FURNITURE = new RegExp(
  [
    "举报\\s*[/／]?\\s*反馈",
    "【纠错】",
    "[（(]完[）)]",
    "返回搜狐[，,]?查看更多",
    "分享到[：:]?[^。\\n]{0,20}",
    "(?:责任编辑|责编|编辑|来源|本文来源|文章来源|校对|审核|监制|主编|策划|统筹|值班编辑|图片编辑|作者|原标题|声明|免责声明)\\s*[：:][^。！？\\n]{0,60}",
    "(?:点击|扫码)[^。\\n]{0,20}(?:关注|下载)[^。\\n]{0,20}",
    "[【\\[]?(?:编辑|责编)\\s*[:：]?\\s*[" + HAN + "]{2,4}[】\\]]?",
  ]
    .map((p) => `(?:${p})`)
    .join("|") + "\\s*$",
  "u",
);

// A heading scraped twice in a row at a paragraph/sentence boundary: 破解痛点打开思路破解痛点打开思路
const DOUBLED_HEADING = new RegExp(`(^|[。！？!?”」』\\n])([${HAN}A-Za-z0-9、·]{2,20}?)\\2`, "gu");

const SENTENCE_END = /[。！？!?；;]+[”’」』"）)]*|\n/g;

/** Clean a scraped article body; `body.slice(s.start, s.end) === s.text` holds for every sentence. */
export function cleanBody(raw: string): CleanedBody {
  let text = raw
    .replace(/\r\n?/g, "\n")
    .replace(/\uFEFF/g, "")
    .replace(/[\u200B-\u200D\u2060]/g, "");

  // 1. trailing furniture, repeatedly (责编：于璐举报/反馈 -> both go)
  for (let guard = 0; guard < 12; guard++) {
    const next = text.replace(/[ \t\u3000\n]+$/u, "").replace(TAIL_FURNITURE, "");
    if (next === text) break;
    text = next;
  }

  // 2. byline, bracketed anywhere or bare at either end
  let byline: string | null = null;
  const paren = BYLINE_PAREN.exec(text);
  if (paren) {
    byline = paren[1].replace(/\s+/g, " ").trim();
    text = text.slice(0, paren.index) + "\n" + text.slice(paren.index + paren[0].length);
  } else {
    const bare = BYLINE_BARE_END.exec(text) ?? BYLINE_BARE_START.exec(text);
    if (bare) {
      byline = bare[1].replace(/\s+/g, " ").trim();
      text = text.slice(0, bare.index) + "\n" + text.slice(bare.index + bare[0].length);
    }
  }

  // 3. photo credits: lifted out, leaving a paragraph break (they close a photo caption)
  const photoCredits: string[] = [];
  text = text.replace(PHOTO_CREDIT, (_m, a?: string, b?: string, c?: string) => {
    const credit = (a ?? b ?? c ?? "").replace(/[ \u3000]+/g, " ").trim();
    if (credit) photoCredits.push(credit);
    return "\n";
  });

  // 4. doubled headings kept once, as their own paragraph
  text = text.replace(DOUBLED_HEADING, (_m, before: string, heading: string) => `${before}\n${heading}\n`);

  // 5. paragraphs: one per non-empty line, trimmed, joined with "\n"
  const paragraphs: Span[] = [];
  const sentences: SentenceSpan[] = [];
  let body = "";
  for (const line of text.split("\n")) {
    const p = line.replace(/^[ \t\u3000]+|[ \t\u3000]+$/gu, "");
    if (!p) continue;
    if (body) body += "\n";
    const start = body.length;
    body += p;
    paragraphs.push({ start, end: body.length });
    splitSentences(p, start, sentences);
  }
  return { body, paragraphs, sentences, byline, photoCredits };
}

/**
 * No sentence is longer than this: a run of text with no full stop (a scraped table, a keyword
 * dump) is cut at its last clause mark before the limit, else at the limit. Every fact carries its
 * sentence as evidence, so an unbounded one multiplies through storage (seen: one 40,000-character
 * run with 20,000 mentions made a 1 GB statement).
 */
export const MAX_SENTENCE_LENGTH = 400;
const CLAUSE_MARK = /[，,、：:；;\s\u3000]/u;

function splitSentences(paragraph: string, offset: number, out: SentenceSpan[]): void {
  let from = 0;
  SENTENCE_END.lastIndex = 0;
  const emit = (s: number, e: number) => {
    while (s < e && /[\s\u3000]/.test(paragraph[s])) s++;
    while (e > s && /[\s\u3000]/.test(paragraph[e - 1])) e--;
    if (e > s) out.push({ text: paragraph.slice(s, e), start: offset + s, end: offset + e });
  };
  const push = (s: number, e: number) => {
    while (e - s > MAX_SENTENCE_LENGTH) {
      let cut = s + MAX_SENTENCE_LENGTH;
      for (let i = cut - 1; i > s + MAX_SENTENCE_LENGTH / 2; i--) {
        if (CLAUSE_MARK.test(paragraph[i])) {
          cut = i + 1;
          break;
        }
      }
      // never between the two halves of a surrogate pair
      if (/[\ud800-\udbff]/.test(paragraph[cut - 1])) cut++;
      emit(s, cut);
      s = cut;
    }
    emit(s, e);
  };
  for (let m = SENTENCE_END.exec(paragraph); m; m = SENTENCE_END.exec(paragraph)) {
    const end = m.index + m[0].length;
    push(from, end);
    from = end;
  }
  push(from, paragraph.length);
}
