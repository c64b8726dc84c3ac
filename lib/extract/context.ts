// Per-article state shared by the extractors, computed once: the match form of the body, the
// registry hits, sentence lookup and the article's year context.
import type { RawArticle } from "@/lib/validations/article-file";
import type { CleanedBody } from "@/lib/ingest/clean";
import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { allModelAndOrgAliases, scanRegistry, type RegistryHit } from "./registry";
import { toSimplified, sentenceIndexAt, type SentenceSpan } from "./text";
import { memoize } from "./memo";
import { findDates, yearContext, type DateHit, type YearContext } from "./dates";

export interface ArticleContext {
  article: RawArticle;
  body: string;
  /** Simplified, lower-cased body of the same length (for matching) */
  match: string;
  /** Simplified body of the same length (for phrase patterns that read case) */
  simple: string;
  sentences: SentenceSpan[];
  hits: RegistryHit[];
  years: YearContext;
  /** byline and photo credits lifted out of the body by cleanBody */
  credits: string[];
  sentenceAt(offset: number): number;
  /** findDates over sentence `si`'s Simplified text (computed once: events and claims both read it) */
  datesIn(si: number): DateHit[];
}

export function buildContext(article: RawArticle, cleaned: CleanedBody): ArticleContext {
  const body = cleaned.body;
  const simple = toSimplified(body);
  const match = simple.toLowerCase();
  const sentences = cleaned.sentences;
  // title and summary state the main event: their years weigh double
  const years = yearContext(body, toSimplified(`${article.title}\n${article.eventSummary ?? ""}`));
  const dates: DateHit[][] = [];
  return {
    article,
    body,
    match,
    simple,
    sentences,
    hits: scanRegistry(body, match),
    years,
    credits: [...(cleaned.byline ? [cleaned.byline] : []), ...cleaned.photoCredits],
    sentenceAt: (offset) => sentenceIndexAt(sentences, offset),
    datesIn: (si) => {
      const s = sentences[si]!;
      return (dates[si] ??= findDates(simple.slice(s.start, s.end), years, s.start));
    },
  };
}

let jieba: Jieba | null = null;

/** jieba with the registry's model and organisation names as user words (built on first use). */
export function getJieba(): Jieba {
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
  Object.freeze(getJieba().tag(text).map((w) => Object.freeze(w))),
);
