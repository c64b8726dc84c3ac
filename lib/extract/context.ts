// Per-article state shared by the extractors, computed once: the match form of the body, the
// registry hits, sentence lookup and the article's year context.
import type { RawArticle } from "@/lib/validations/article-file";
import type { CleanedBody, SentenceSpan } from "@/lib/text/body";
import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { allModelAndOrgAliases, scanRegistry, type RegistryHit } from "./registry";
import { toSimplified, sentenceIndexAt } from "./text";
import { memoize } from "./memo";
import { ANCHOR_REACH, documentDate, findDates, newReference, ymdOf, type DateHit, type DocumentDate } from "./dates";

export interface ArticleContext {
  article: RawArticle;
  body: string;
  /** Simplified, lower-cased body of the same length (for matching) */
  match: string;
  /** Simplified body of the same length (for phrase patterns that read case) */
  simple: string;
  sentences: SentenceSpan[];
  hits: RegistryHit[];
  /** the article's own date (field, dateline, link or body), what relative dates count from */
  documentDate: DocumentDate | null;
  /** byline and photo credits lifted out of the body by cleanBody */
  credits: string[];
  sentenceAt(offset: number): number;
  /** the date phrases of sentence `si`, read in text order against the document date and the paragraph's anchor */
  datesIn(si: number): DateHit[];
  /** every date phrase of the body, in order */
  allDates: DateHit[];
}

export function buildContext(article: RawArticle, cleaned: CleanedBody): ArticleContext {
  const body = cleaned.body;
  const simple = toSimplified(body);
  const match = simple.toLowerCase();
  const sentences = cleaned.sentences;
  const doc = documentDate(article, body);
  // dates are read in text order: each one read becomes the anchor of the next, within a paragraph
  const ref = newReference(ymdOf(doc?.point ?? null));
  const dates: DateHit[][] = [];
  let paragraph = 0;
  let anchoredAt = -1;
  for (const [si, s] of sentences.entries()) {
    while (paragraph < cleaned.paragraphs.length - 1 && s.start >= cleaned.paragraphs[paragraph].end) {
      paragraph++;
      ref.anchor = null;
    }
    if (si - anchoredAt > ANCHOR_REACH) ref.anchor = null;
    const before = ref.anchor;
    dates[si] = findDates(simple.slice(s.start, s.end), ref, s.start);
    if (ref.anchor !== before) anchoredAt = si;
  }
  return {
    article,
    body,
    match,
    simple,
    sentences,
    hits: scanRegistry(body, match),
    documentDate: doc,
    allDates: dates.flat(),
    credits: [...(cleaned.byline ? [cleaned.byline] : []), ...cleaned.photoCredits],
    sentenceAt: (offset) => sentenceIndexAt(sentences, offset),
    datesIn: (si) => dates[si] ?? [],
  };
}

let jieba: Jieba | null = null;

/** jieba with the registry's model and organisation names as user words (built on first use). */
function getJieba(): Jieba {
  if (jieba) return jieba;
  const j = Jieba.withDict(dict);
  const words = [...new Set(allModelAndOrgAliases().map((a) => a.replace(/\s+/g, "")))];
  j.loadDict(Buffer.from(words.map((w) => `${w} 100000 nz`).join("\n") + "\n"));
  jieba = j;
  return j;
}

/**
 * jieba's part-of-speech tags for `text`. The extractors tag short phrases (the clause before
 * 大模型, a subject, an org name) that recur across articles, and tagging is a native call, far
 * dearer than a lookup: memoised, and frozen since every caller shares the result.
 */
export const tag = memoize((text: string): readonly TaggedWord[] =>
  Object.freeze(
    getJieba()
      .tag(text)
      .map((w) => Object.freeze(w)),
  ),
);
