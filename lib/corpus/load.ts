// The labelled corpus on disk: tests/fixtures/corpus/{dev,heldout}/<name>.txt + <name>.labels.json.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArticleFile } from "@/lib/ingest/parse";
import type { RawArticle } from "@/lib/validations/article-file";
import { corpusLabelsSchema, type CorpusLabels } from "@/lib/validations/corpus-labels";

export type Split = "dev" | "heldout";

export interface CorpusArticle {
  name: string;
  split: Split;
  article: RawArticle;
  labels: CorpusLabels;
}

const CORPUS_DIR = path.join(process.cwd(), "tests", "fixtures", "corpus");

/** Every labelled article of the given splits, sorted by name; throws on a label file that does not parse. */
export function loadCorpus(splits: Split[] = ["dev", "heldout"]): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const split of splits) {
    const dir = path.join(CORPUS_DIR, split);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)
      .filter((n) => n.endsWith(".labels.json"))
      .sort()) {
      const labels = corpusLabelsSchema.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8")));
      const file = path.join(process.cwd(), labels.file);
      const parsed = parseArticleFile(labels.file, readFileSync(file));
      if (!parsed.ok) throw new Error(`${labels.file}: ${parsed.error.message}`);
      out.push({ name: f.replace(/\.labels\.json$/, ""), split, article: parsed.article, labels });
    }
  }
  return out;
}
