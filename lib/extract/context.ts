// Per-article state shared by the extractors, computed once: the match form of the body, the
// registry hits, sentence lookup and the article's year context.
import type { RawArticle } from "@/lib/validations/article-file";
import type { CleanedBody, SentenceSpan } from "@/lib/text/body";
import { Jieba, type TaggedWord } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";
import { allModelAndOrgAliases, scanRegistry, type RegistryHit } from "./registry";
import { toSimplified, sentenceIndexAt } from "./text";
import { memoize } from "./memo";
import type { DatePoint } from "./types";
import {
  ANCHOR_REACH,
  documentDate,
  findDates,
  newReference,
  startsPeriod,
  ymdOf,
  type DateHit,
  type DocumentDate,
} from "./dates";

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
  /** the dated phrases of the nearest sentence before `si` (in reach, same narrative) that has any */
  earlierDates(si: number): DateHit[];
  /** every date phrase of the body, in order */
  allDates: DateHit[];
  /**
   * the day of the happening the article reports (昨日举行发布会 in a paper of the 26th: the 25th):
   * the first day the body names in the few days up to the document date, else null
   */
  occasion: DatePoint | null;
}

export function buildContext(article: RawArticle, cleaned: CleanedBody): ArticleContext {
  const body = cleaned.body;
  const simple = toSimplified(body);
  const match = simple.toLowerCase();
  const sentences = cleaned.sentences;
  const doc = documentDate(article, body);
  // dates are read in text order: each one read becomes the anchor of the next, within a paragraph.
  // A heading (破解痛点打开思路, a line with no sentence end) is read against the anchor but neither
  // sets it nor ends the narrative around it: the text after it goes on where the text before it was.
  const ref = newReference(ymdOf(doc?.point ?? null), doc?.source === "body");
  const dates: DateHit[][] = [];
  const heading: boolean[] = [];
  let paragraph = -1;
  let afterHeading = false;
  let read = 0; // whole sentences read outside headings
  let anchoredAt = -1;
  for (const [si, s] of sentences.entries()) {
    let entered = false;
    while (paragraph < cleaned.paragraphs.length - 1 && s.start >= (cleaned.paragraphs[paragraph]?.end ?? 0)) {
      paragraph++;
      entered = true;
    }
    const p = cleaned.paragraphs[paragraph];
    heading[si] = isHeading(body.slice(p.start, p.end));
    if (heading[si]) {
      dates[si] = findDates(simple.slice(s.start, s.end), { ...ref }, s.start);
      afterHeading = true;
      continue;
    }
    if (entered && !afterHeading) ref.anchor = ref.last = null;
    afterHeading = false;
    // reach counts whole sentences: clauses a semicolon separates (其中，A…；B…) are one
    if (!/[；;]$/.test(body.slice(sentences[si - 1]?.start ?? 0, sentences[si - 1]?.end ?? 0).trimEnd())) read++;
    if (read - anchoredAt > ANCHOR_REACH) ref.anchor = null;
    const before = ref.anchor;
    dates[si] = findDates(simple.slice(s.start, s.end), ref, s.start);
    if (ref.anchor !== before) anchoredAt = read;
  }
  /** the dates a sentence with none of its own continues: the nearest earlier sentence's, in reach */
  const earlierDates = (si: number): DateHit[] => {
    let steps = 0;
    let next = si; // the sentence read after j
    for (let j = si - 1; j >= 0 && steps < ANCHOR_REACH; j--) {
      if (heading[j]) continue;
      // a paragraph break ends the narrative, unless a heading stands in it
      if (next === j + 1 && body.slice(sentences[j].end, sentences[next].start).includes("\n")) break;
      next = j;
      steps++;
      const text = simple.slice(sentences[j].start, sentences[j].end);
      const hits = dates[j].filter((d) => d.point.value && !startsPeriod(text, d, sentences[j].start));
      if (hits.length) return hits;
    }
    return [];
  };
  const allDates = dates.flat();
  return {
    article,
    body,
    match,
    simple,
    sentences,
    hits: scanRegistry(body, match),
    documentDate: doc,
    allDates,
    occasion: occasionOf(doc?.point ?? null, allDates),
    credits: [...(cleaned.byline ? [cleaned.byline] : []), ...cleaned.photoCredits],
    sentenceAt: (offset) => sentenceIndexAt(sentences, offset),
    datesIn: (si) => dates[si] ?? [],
    earlierDates,
  };
}

/** Days before the document date that the day of its news may lie (a weekly's 上周四 is the most). */
const OCCASION_REACH_DAYS = 7;

function occasionOf(doc: DatePoint | null, dates: DateHit[]): DatePoint | null {
  if (doc?.precision !== "day" || !doc.value) return null;
  const docDay = Date.parse(doc.value);
  const hit = dates.find((d) => {
    if (d.point.precision !== "day" || !d.point.value) return false;
    const days = (docDay - Date.parse(d.point.value)) / 86_400_000;
    return days >= 0 && days <= OCCASION_REACH_DAYS;
  });
  return hit ? { ...hit.point, inferred: true } : null;
}

/** A paragraph that is a section heading: short, with no sentence end. */
const isHeading = (paragraph: string) => paragraph.length <= 30 && !/[。！？!?；;：:]/.test(paragraph);

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
