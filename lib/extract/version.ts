// The extractor's version: stored with every article's derived facts, so that `npm run reextract`
// knows which articles an improved extractor should derive again. Change it whenever a change to
// lib/extract (code, word lists, weights) changes what it finds.
export const EXTRACTOR_VERSION = "2026.12.07-3";
