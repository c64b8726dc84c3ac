// Parse + clean + extract (with the search terms) of one article on one core: the seed, and the
// labelled corpus's articles one after another. Target: at most 5 ms for a seed-sized article.
// Usage: node --import tsx bench/analyse.ts [rounds]
import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { analyseFile } from "@/lib/ingest/run";
import { loadCorpus } from "@/lib/corpus/load";

const rounds = Number(process.argv[2] ?? 1000);
const seed = readFileSync(path.join(process.cwd(), "seeds", "000_fd29859c59ce52f4.txt"));
const corpus = loadCorpus().map((a) => readFileSync(path.join(process.cwd(), a.labels.file)));

function perArticle(files: Buffer[], n: number): number {
  for (let i = 0; i < Math.min(n, 100); i++) analyseFile("warm-up.txt", files[i % files.length]); // jieba, OpenCC, regexes
  const t = performance.now();
  for (let i = 0; i < n; i++) {
    const a = analyseFile("bench.txt", files[i % files.length]);
    if (!a.ok) throw new Error(a.error.message);
  }
  return (performance.now() - t) / n;
}

const seedMs = perArticle([seed], rounds);
const corpusMs = perArticle(corpus, rounds);
const kb = (b: Buffer[]) => b.reduce((s, x) => s + x.length, 0) / b.length / 1024;
console.log(`seed (${kb([seed]).toFixed(1)} KB): ${seedMs.toFixed(2)} ms per article (target 5 ms)`);
console.log(
  `labelled corpus (${corpus.length} articles, ${kb(corpus).toFixed(1)} KB on average): ${corpusMs.toFixed(2)} ms per article`,
);
