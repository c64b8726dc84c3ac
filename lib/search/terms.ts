// Search lexemes for Chinese and English text. Chinese has no spaces, so CJK runs are indexed as
// overlapping bigrams (plus single characters), as Lucene's CJKAnalyzer does; Latin words and
// numbers are lowercased whole. Stored with array_to_tsvector (no parser, no locale), matched with
// a GIN index: every query lexeme must be present.
import { pinyin } from "pinyin-pro";

const CJK = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

const isCjk = (c: number) => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

// CJK grams are deduplicated as integers (no string is made or hashed for a repeat; an article
// body repeats most of its bigrams): a character's index in the CJK ranges, a bigram as
// CJK_SPAN + first * CJK_SPAN + second (below 2^30).
const CJK_LOW_SPAN = 0x9fff - 0x3400 + 1;
const CJK_SPAN = CJK_LOW_SPAN + (0xfaff - 0xf900 + 1);
const cjkIndex = (c: number) => (c <= 0x9fff ? c - 0x3400 : c - 0xf900 + CJK_LOW_SPAN);
const bigramKey = (a: number, b: number) => CJK_SPAN + cjkIndex(a) * CJK_SPAN + cjkIndex(b);

/**
 * A set of integers in [0, 2^31 - 1): open addressing, linear probing, Fibonacci hashing. The
 * gram loop is the hottest of the analysis, and this is about twice as fast as a Set<number>.
 */
class IntSet {
  /** key + 1 per slot, 0 for an empty one; at most half full (2^12 slots fit a typical article) */
  private slots = new Int32Array(1 << 12);
  private shift = 32 - 12;
  private size = 0;

  /** Adds `key`; false when it was there already. */
  add(key: number): boolean {
    const { slots } = this;
    const mask = slots.length - 1;
    const stored = key + 1;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (let k = slots[i]; k !== 0; k = slots[i]!) {
      if (k === stored) return false;
      i = (i + 1) & mask;
    }
    slots[i] = stored;
    if (++this.size * 2 > slots.length) this.grow();
    return true;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.shift--;
    this.size = 0;
    for (const k of old) if (k !== 0) this.add(k - 1);
  }
}

/** Lexemes in first-seen order, each once. */
class Lexemes {
  readonly list: string[] = [];
  // CJK grams and words never coincide (words hold no CJK character), so each has its own set
  private readonly grams = new IntSet();
  private readonly words = new Set<string>();

  /** indexTerms' lexemes of one text: its CJK grams, then its words */
  addText(text: string): void {
    const { list, grams, words } = this;
    // every CJK character, and each with the next one when that is CJK too
    let cjk = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (!isCjk(c)) continue;
      cjk++;
      if (grams.add(cjkIndex(c))) list.push(text[i]);
      const d = text.charCodeAt(i + 1); // NaN past the end
      if (isCjk(d) && grams.add(bigramKey(c, d))) list.push(text.slice(i, i + 2));
    }
    // words outside the CJK runs: none in an all-CJK text (most names), nothing to blank in one without CJK
    if (cjk === text.length) return;
    for (const word of (cjk ? text.replace(CJK, " ") : text).match(WORD) ?? []) {
      const w = word.toLowerCase();
      if (!words.has(w)) {
        words.add(w);
        list.push(w);
      }
    }
  }

  /** Adds any lexeme (a pinyin syllable, say) unless it is already listed. */
  add(term: string): void {
    const a = term.charCodeAt(0);
    if (isCjk(a) && term.length <= 2) {
      const key = term.length === 1 ? cjkIndex(a) : isCjk(term.charCodeAt(1)) ? bigramKey(a, term.charCodeAt(1)) : -1;
      if (key >= 0) {
        if (this.grams.add(key)) this.list.push(term);
        return;
      }
    }
    if (!this.words.has(term)) {
      this.words.add(term);
      this.list.push(term);
    }
  }
}

/** Lexemes that index `text`. */
export function indexTerms(...texts: (string | null | undefined)[]): string[] {
  const lexemes = new Lexemes();
  for (const text of texts) if (text) lexemes.addText(text);
  return lexemes.list;
}

/**
 * indexTerms of `texts` then pinyinTerms of `names`, each lexeme once: what
 * `[...new Set([...indexTerms(...texts), ...pinyinTerms(...names)])]` gives, without hashing every term again.
 */
export function documentTerms(texts: (string | null | undefined)[], names: (string | null | undefined)[]): string[] {
  const lexemes = new Lexemes();
  for (const text of texts) if (text) lexemes.addText(text);
  for (const term of pinyinTerms(...names)) lexemes.add(term);
  return lexemes.list;
}

// The same names (registry models and organisations) come back article after article.
const PINYIN_CACHE_SIZE = 10_000;
const pinyinCache = new Map<string, readonly string[]>();

/** Toneless syllables of a CJK run (memoised, bounded: the oldest entry goes first). */
function syllablesOf(run: string): readonly string[] {
  let syllables = pinyinCache.get(run);
  if (!syllables) {
    syllables = pinyin(run, { toneType: "none", type: "array", v: true });
    if (pinyinCache.size >= PINYIN_CACHE_SIZE) pinyinCache.delete(pinyinCache.keys().next().value!);
    pinyinCache.set(run, syllables);
  }
  return syllables;
}

/** Lexemes for Chinese names in pinyin, so "hunyuan" finds 混元 (joined and syllable by syllable). */
export function pinyinTerms(...names: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    // match, not matchAll: no regex copy per name
    for (const run of name?.match(CJK) ?? []) {
      const syllables = syllablesOf(run);
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
