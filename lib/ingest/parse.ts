// Stage 1 of ingestion: bytes of one article file -> RawArticle, or an error naming file/line/field.
import {
  ARTICLE_FIELDS,
  REQUIRED_FIELDS,
  rawArticleSchema,
  type ArticleFieldName,
  type RawArticle,
} from "@/lib/validations/article-file";
import { toSimplified } from "@/lib/extract/text";
import { stripInvisible } from "@/lib/text/invisible";

/** Links longer than this are refused: no real article's link is, and a page must be able to show it. */
export const MAX_URL_LENGTH = 2048;

interface ParseError {
  file: string;
  line: number | null;
  field: string | null;
  message: string;
}

export type ParseResult = { ok: true; article: RawArticle } | { ok: false; error: ParseError };

/** Field-name spellings beyond the canonical ones (after Traditional -> Simplified). */
const FIELD_ALIASES: Record<string, ArticleFieldName> = {
  标题: "标题",
  题目: "标题",
  链接: "链接",
  连结: "链接",
  网址: "链接",
  url: "链接",
  总结: "总结",
  正文: "总结",
  关键词: "关键词",
  关键字: "关键词",
  ai技术: "AI技术",
  行业: "行业",
  重大事件摘要: "重大事件摘要",
};

/** Labels that start lines inside a scraped body and must not be read as new fields. */
const BODY_LABELS = new Set([
  "责编",
  "责任编辑",
  "编辑",
  "来源",
  "记者",
  "作者",
  "原标题",
  "图",
  "摄影",
  "校对",
  "审核",
  "监制",
  "策划",
  "统筹",
  "主编",
  "出品",
  "文",
  "图片来源",
  "本文来源",
  "文章来源",
  "声明",
  "注",
  "提示",
  "通讯员",
  "摄",
  "视频",
  "制图",
  "设计",
  "翻译",
  "译者",
  "导语",
  "摘要",
]);

const ORDINAL =
  /^(?:第[一二三四五六七八九十百\d]+|[一二三四五六七八九十]+是|其[一二三四五六七八九十]|首先|其次|最后|此外)/u;
const LIST_SPLIT = /[,，、;；\n]+/;

// `name: value` with an ASCII or full-width colon; the name is short and holds no punctuation.
const FIELD_LINE =
  /^[ \t\u3000]*([\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z0-9_ \-]{0,15}?)[ \t\u3000]*[:：][ \t\u3000]*(.*)$/u;

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let n = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) [n, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [n, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [n, min] = [3, 0x10000];
    else return i;
    let cp = b & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

/** Control bytes that never occur in text (NUL and C0 controls other than tab/LF/CR/FF). */
function firstBinaryByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) return i;
    if (b === 0x7f) return i;
  }
  return -1;
}

function canonicalField(name: string): ArticleFieldName | null {
  const simplified = toSimplified(name.trim()).replace(/\s+/g, "").toLowerCase();
  // Own keys only: a field named "constructor" is an extra field, not Object.prototype's.
  return Object.hasOwn(FIELD_ALIASES, simplified) ? FIELD_ALIASES[simplified] : null;
}

function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(LIST_SPLIT)) {
    const v = stripInvisible(part).trim();
    if (v && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** Parse one article file. Never throws: every problem comes back as `{ ok: false, error }`. */
export function parseArticleFile(fileName: string, bytes: Uint8Array): ParseResult {
  const fail = (line: number | null, field: string | null, message: string): ParseResult => ({
    ok: false,
    error: { file: fileName, line, field, message },
  });
  try {
    if (bytes.length === 0) return fail(null, null, "empty file");
    const bin = firstBinaryByte(bytes);
    if (bin >= 0) {
      const what = bytes[bin] === 0 ? "NUL byte" : `control byte 0x${bytes[bin].toString(16).padStart(2, "0")}`;
      return fail(lineOfByte(bytes, bin), null, `binary content (${what} at byte ${bin})`);
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      const bad = firstInvalidUtf8(bytes);
      const at = bad >= 0 ? bad : 0;
      return fail(lineOfByte(bytes, at), null, `not valid UTF-8 (first bad byte at offset ${at})`);
    }
    text = text.replace(/^\uFEFF/, "");
    if (text.trim().length === 0) return fail(null, null, "empty file (only whitespace)");

    const lines = text.split(/\r\n|\r|\n/);
    type Field = { name: string; canonical: ArticleFieldName | null; line: number; parts: string[] };
    const fields: Field[] = [];
    const seen = new Map<string, number>();
    let current: Field | null = null;

    for (let i = 0; i < lines.length; i++) {
      const raw = lines[i];
      const lineNo = i + 1;
      const m = FIELD_LINE.exec(raw);
      let isField = false;
      if (m) {
        const name = m[1].trim();
        const canonical = canonicalField(name);
        // Inside the body an unknown `name:` line is body text when it looks like a byline label
        // (责编：…, 来源：…) or an enumerated point (第一：…, 一是：…); elsewhere it is an extra field.
        const label = toSimplified(name).replace(/\s+/g, "");
        const inBody = current?.canonical === "总结" || current?.canonical === "重大事件摘要";
        const bodyLike = BODY_LABELS.has(label) || ORDINAL.test(label) || label.length > 8;
        if (canonical || !inBody || !bodyLike) {
          isField = true;
          const key = canonical ?? name;
          const prev = seen.get(key);
          if (prev !== undefined) {
            return fail(lineNo, canonical ?? name, `duplicated field "${name}" (first on line ${prev})`);
          }
          seen.set(key, lineNo);
          current = { name, canonical, line: lineNo, parts: [m[2] ?? ""] };
          fields.push(current);
        }
      }
      if (!isField) {
        if (current) current.parts.push(raw);
        else if (raw.trim().length > 0) return fail(lineNo, null, "text before the first field (expected `字段: 值`)");
      }
    }

    const values = new Map<ArticleFieldName, { value: string; line: number }>();
    const extra = Object.create(null) as Record<string, string>; // "__proto__" is a field name like any other
    const fieldLines: Record<string, number> = {};
    for (const f of fields) {
      const value = f.parts
        .join("\n")
        .replace(/[ \t\u3000]+$/gm, "")
        .trim();
      if (f.canonical) {
        values.set(f.canonical, { value, line: f.line });
        fieldLines[ARTICLE_FIELDS[f.canonical]] = f.line;
      } else {
        extra[f.name] = value;
        fieldLines[f.name] = f.line;
      }
    }

    for (const req of REQUIRED_FIELDS) {
      const v = values.get(req);
      if (!v) return fail(null, req, `missing required field "${req}"`);
      if (!v.value) return fail(v.line, req, `required field "${req}" is empty`);
    }
    const url = values.get("链接")!;
    // invisible format characters would let a link show as something it is not
    const link = stripInvisible(url.value);
    if (link.length > MAX_URL_LENGTH)
      return fail(
        url.line,
        "链接",
        `link is ${link.length} characters long, over the ${MAX_URL_LENGTH}-character limit`,
      );
    if (!isHttpUrl(link)) return fail(url.line, "链接", `bad URL "${link.slice(0, 80)}" (must be http(s))`);
    const title = stripInvisible(values.get("标题")!.value.replace(/\s*\n\s*/g, " ")).trim();
    if (!title) return fail(values.get("标题")!.line, "标题", `required field "标题" holds only invisible characters`);
    for (const [name, value] of Object.entries(extra)) extra[name] = stripInvisible(value);

    const candidate = {
      title,
      url: link,
      // the body keeps every character: mention offsets point into it (the UI marks them instead)
      body: values.get("总结")!.value,
      keywords: splitList(values.get("关键词")?.value ?? ""),
      technologies: splitList(values.get("AI技术")?.value ?? ""),
      industries: splitList(values.get("行业")?.value ?? ""),
      eventSummary: values.get("重大事件摘要")?.value
        ? stripInvisible(values.get("重大事件摘要")!.value) || null
        : null,
      extra,
      fieldLines,
    };
    const parsed = rawArticleSchema.safeParse(candidate);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const prop = String(issue.path[0] ?? "");
      const fieldName =
        (Object.keys(ARTICLE_FIELDS) as ArticleFieldName[]).find((k) => ARTICLE_FIELDS[k] === prop) ?? null;
      return fail(fieldName ? (values.get(fieldName)?.line ?? null) : null, fieldName, issue.message);
    }
    return { ok: true, article: parsed.data };
  } catch (err) {
    return fail(null, null, `unexpected parser failure: ${err instanceof Error ? err.message : String(err)}`);
  }
}
