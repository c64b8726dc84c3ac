// Checks corpus labels without running the extractor: schema, quotes present in the body, model
// names referenced by events and open-source entries, body length. Usage:
//   npx tsx lib/cli/check-corpus.ts [tests/fixtures/corpus/dev/x.labels.json …]   (default: all)
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArticleFile } from "@/lib/ingest/parse";
import { corpusLabelsSchema } from "@/lib/validations/corpus-labels";

const root = process.cwd();
const corpus = path.join(root, "tests", "fixtures", "corpus");
const INDUSTRIES = new Set(
  (
    JSON.parse(readFileSync(path.join(root, "lib", "extract", "data", "industries.json"), "utf8")) as { key: string }[]
  ).map((i) => i.key),
);

function allLabelFiles(): string[] {
  return ["dev", "heldout"].flatMap((split) => {
    const dir = path.join(corpus, split);
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith(".labels.json"))
          .sort()
          .map((f) => path.join(dir, f))
      : [];
  });
}

/** Problems found in one label file (empty when it is sound). */
export function checkLabelFile(file: string): string[] {
  const problems: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return [`not JSON: ${(e as Error).message}`];
  }
  const parsed = corpusLabelsSchema.safeParse(json);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  const labels = parsed.data;
  const txt = path.join(root, labels.file);
  if (path.resolve(file).replace(/\.labels\.json$/, ".txt") !== txt)
    problems.push(`file: ${labels.file} is not the .txt beside this label file`);
  if (!file.includes(`/${labels.split}/`)) problems.push(`split: ${labels.split} does not match the folder`);
  if (!existsSync(txt)) return [...problems, `file: ${labels.file} does not exist`];
  const article = parseArticleFile(labels.file, readFileSync(txt));
  if (!article.ok) return [...problems, `article: ${article.error.message}`];
  const body = article.article.body;
  if (body.length < 1500) problems.push(`article: 总结 has ${body.length} characters, fewer than 1,500`);
  const names = new Set(labels.models.flatMap((m) => [m.name]));
  for (const m of labels.models)
    if (m.family && !names.has(m.family) && !/^[A-Za-z\u4e00-\u9fff]/.test(m.family))
      problems.push(`models: family ${m.family} of ${m.name} is odd`);
  const quoted = [
    ...labels.events.map((e, i) => ({ where: `events.${i}`, quote: e.quote })),
    ...labels.claims.map((c, i) => ({ where: `claims.${i}`, quote: c.quote })),
    ...labels.funding.map((f, i) => ({ where: `funding.${i}`, quote: f.quote })),
    ...labels.listings.map((l, i) => ({ where: `listings.${i}`, quote: l.quote })),
    ...labels.openSource.map((o, i) => ({ where: `openSource.${i}`, quote: o.quote })),
  ];
  for (const q of quoted) if (!body.includes(q.quote)) problems.push(`${q.where}.quote: not found in 总结: ${q.quote}`);
  for (const [i, e] of labels.events.entries())
    if (!names.has(e.model)) problems.push(`events.${i}.model: ${e.model} is not a models[].name`);
  for (const [i, o] of labels.openSource.entries())
    if (!names.has(o.model)) problems.push(`openSource.${i}.model: ${o.model} is not a models[].name`);
  for (const [i, c] of labels.claims.entries())
    if (c.subject && !names.has(c.subject) && !body.includes(c.subject))
      problems.push(`claims.${i}.subject: ${c.subject} is neither a model name nor in the body`);
  for (const ind of labels.industries)
    if (!INDUSTRIES.has(ind)) problems.push(`industries: ${ind} is not a taxonomy key`);
  for (const [i, d] of labels.dates.entries()) {
    if (!body.includes(d.text)) problems.push(`dates.${i}.text: not found in 总结: ${d.text}`);
    const want = { year: 4, month: 7, day: 10 }[d.precision];
    if (d.value.length !== want) problems.push(`dates.${i}: value ${d.value} is not at precision ${d.precision}`);
  }
  return problems;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename);
if (isMain) {
  const files = process.argv.slice(2).length ? process.argv.slice(2).map((f) => path.resolve(f)) : allLabelFiles();
  let bad = 0;
  for (const f of files) {
    const problems = checkLabelFile(f);
    if (problems.length) {
      bad++;
      for (const p of problems) console.log(`${path.relative(root, f)}: ${p}`);
    }
  }
  console.log(`${files.length} label files checked, ${bad} with problems`);
  process.exitCode = bad ? 1 : 0;
}
