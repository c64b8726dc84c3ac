// npx tsx bench/generate.ts <N> [dir] [--seed S]: writes N synthetic articles (default dir bench/out/corpus-<N>).
import path from "node:path";
import { DEFAULT_SEED, writeCorpus } from "./corpus";

const args = process.argv.slice(2).filter((a) => a !== "--");
const seedAt = args.indexOf("--seed");
const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : DEFAULT_SEED;
const n = Number(args[0] ?? 1000);
if (!Number.isInteger(n) || n <= 0) throw new Error(`usage: tsx bench/generate.ts <N> [dir] [--seed S]`);
const dir = path.resolve(args[1] ?? path.join("bench", "out", `corpus-${n}`));
const started = performance.now();
writeCorpus(dir, n, { seed });
console.log(
  `wrote ${n} synthetic articles (seed ${seed}) to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
