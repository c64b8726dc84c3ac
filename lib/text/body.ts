// The cleaned body of an article: what the cleaning stage (lib/ingest/clean.ts) makes and the
// extraction (lib/extract) reads. Here, apart from both, so that neither stage imports the other.

/** Offsets into the body, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One sentence, with its text and where it stands in the body. */
export interface SentenceSpan extends Span {
  text: string;
}

export interface CleanedBody {
  body: string;
  paragraphs: Span[];
  sentences: SentenceSpan[];
  byline: string | null;
  photoCredits: string[];
}
