// Search lexemes for Chinese and English text. Chinese has no spaces, so CJK runs are indexed as
// overlapping bigrams (plus single characters), as Lucene's CJKAnalyzer does; Latin words and
// numbers are lowercased whole. Stored with array_to_tsvector (no parser, no locale), matched with
// a GIN index: every query lexeme must be present.
import { pinyin } from "pinyin-pro";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

function cjkGrams(run: string, out: Set<string>) {
  const chars = [...run];
  for (let i = 0; i < chars.length; i++) {
    out.add(chars[i]);
    if (i + 1 < chars.length) out.add(chars[i] + chars[i + 1]);
  }
}

/** Lexemes that index `text`. */
export function indexTerms(...texts: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const text of texts) {
    if (!text) continue;
    for (const [run] of text.matchAll(CJK)) cjkGrams(run, out);
    for (const [word] of text.replace(CJK, " ").matchAll(WORD)) out.add(word.toLowerCase());
  }
  return [...out];
}

/** Lexemes for Chinese names in pinyin, so "hunyuan" finds 混元 (joined and syllable by syllable). */
export function pinyinTerms(...names: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    if (!name || !CJK.test(name)) continue;
    CJK.lastIndex = 0;
    for (const [run] of name.matchAll(CJK)) {
      const syllables = pinyin(run, { toneType: "none", type: "array", v: true });
      out.add(syllables.join(""));
      for (const s of syllables) out.add(s);
    }
  }
  return [...out];
}

/** The lexemes a query must all match; CJK runs become bigrams, Latin words prefixes. */
export function queryTerms(query: string): { exact: string[]; prefix: string[] } {
  const exact = new Set<string>();
  const prefix = new Set<string>();
  const q = query.normalize("NFKC").slice(0, 200);
  for (const [run] of q.matchAll(CJK)) {
    const chars = [...run];
    if (chars.length === 1) exact.add(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) exact.add(chars[i] + chars[i + 1]);
  }
  for (const [word] of q.replace(CJK, " ").matchAll(WORD)) prefix.add(word.toLowerCase());
  return { exact: [...exact], prefix: [...prefix] };
}

/** A tsquery literal for queryTerms' output, or null when the query has nothing to match. */
export function toTsQuery(terms: { exact: string[]; prefix: string[] }): string | null {
  const quote = (t: string) => `'${t.replace(/'/g, "''").replace(/\\/g, "\\\\")}'`;
  const parts = [...terms.exact.map(quote), ...terms.prefix.map((t) => `${quote(t)}:*`)];
  return parts.length ? parts.join(" & ") : null;
}
