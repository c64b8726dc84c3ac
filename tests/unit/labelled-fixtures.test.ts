import { describe, it, expect } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArticleFile } from "@/lib/ingest/parse";
import { cleanBody } from "@/lib/ingest/clean";
import { extractArticle } from "@/lib/extract";

const root = process.cwd();
const labelDir = path.join(root, "tests/fixtures/labels");

interface Labels {
  file: string;
  models: { key: string; vendor: string | null }[];
  events: { type: string; model: string; date: string | null }[];
  industries: string[];
}

describe("labelled fixtures", () => {
  for (const name of readdirSync(labelDir).filter((f) => f.endsWith(".json"))) {
    const labels = JSON.parse(readFileSync(path.join(labelDir, name), "utf8")) as Labels;
    it(`${name}: finds every labelled model with its vendor, and every dated release and open-source release`, () => {
      const r = parseArticleFile(labels.file, readFileSync(path.join(root, labels.file)));
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      const cleaned = cleanBody(r.article.body);
      const result = extractArticle(r.article, cleaned);
      const pairs = result.models.map((m) => `${m.key}|${m.vendorKey}`);
      for (const m of labels.models) expect(pairs).toContain(`${m.key}|${m.vendor}`);
      const events = result.events.map((e) => `${e.type}|${e.modelKey}|${e.date.value}`);
      for (const e of labels.events.filter((x) => (x.type === "release" || x.type === "open_source") && x.date))
        expect(events).toContain(`${e.type}|${e.model}|${e.date}`);
      for (const m of result.mentions) expect(cleaned.body.slice(m.start, m.end)).toBe(m.text);
    });
  }
});
