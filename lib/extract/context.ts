// Per-article state shared by the extractors, computed once: the match form of the body, the
// registry hits, sentence lookup and the article's year context.
import type { RawArticle } from "@/lib/validations/article-file";
import type { CleanedBody } from "@/lib/ingest/clean";
import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { allModelAndOrgAliases, scanRegistry, type RegistryHit } from "./registry";
import { toSimplified, sentenceIndexAt, type SentenceSpan } from "./text";
import { yearContext, type YearContext } from "./dates";

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
}

export function buildContext(article: RawArticle, cleaned: CleanedBody): ArticleContext {
  const body = cleaned.body;
  const simple = toSimplified(body);
  const match = simple.toLowerCase();
  const sentences = cleaned.sentences;
  return {
    article,
    body,
    match,
    simple,
    sentences,
    hits: scanRegistry(body, match),
    // title and summary state the main event: their years weigh double
    years: yearContext(body, toSimplified(`${article.title}\n${article.eventSummary ?? ""}`)),
    credits: [...(cleaned.byline ? [cleaned.byline] : []), ...cleaned.photoCredits],
    sentenceAt: (offset) => sentenceIndexAt(sentences, offset),
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

export function tag(text: string): TaggedWord[] {
  return getJieba().tag(text);
}
