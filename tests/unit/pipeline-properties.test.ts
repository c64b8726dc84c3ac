// Properties of parse -> clean -> extract over generated hostile article files (fast-check).
// A failure prints its seed; FC_SEED=<seed> replays it, FC_RUNS=<n> runs more cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/extract";
import { MAX_CLAIM_VALUE } from "@/lib/extract/claims";
import { cleanBody } from "@/lib/ingest/clean";
import { dateProblem, fitExtraction } from "@/lib/ingest/fit";
import { parseArticleFile } from "@/lib/ingest/parse";
import { analyseFile, formatRejection } from "@/lib/ingest/run";
import { hasInvisible } from "@/lib/text/invisible";
import { articleFile, bodyText, propertyOptions } from "../support/article-arbitraries";

describe("parsing any file", { timeout: 600_000 }, () => {
  it("never throws, and either accepts it or names the file, a line within it and the field", () => {
    fc.assert(
      fc.property(articleFile(0), (f) => {
        const r = parseArticleFile(f.name, f.bytes);
        if (r.ok) return;
        const lines = new TextDecoder().decode(f.bytes).split(/\r\n|\r|\n/).length;
        expect(r.error.file).toBe(f.name);
        expect(formatRejection(r.error).startsWith(r.error.line ? `${f.name}:${r.error.line}` : f.name)).toBe(true);
        expect(r.error.message.length).toBeGreaterThan(0);
        if (r.error.line !== null) {
          expect(Number.isInteger(r.error.line)).toBe(true);
          expect(r.error.line).toBeGreaterThanOrEqual(1);
          expect(r.error.line).toBeLessThanOrEqual(lines);
        }
        expect(r.error.field === null || typeof r.error.field === "string").toBe(true);
      }),
      propertyOptions(300),
    );
  });

  it("leaves no invisible format character in the title, the link or the list fields", () => {
    fc.assert(
      fc.property(articleFile(0), (f) => {
        const r = parseArticleFile(f.name, f.bytes);
        if (!r.ok) return;
        const a = r.article;
        for (const v of [
          a.title,
          a.url,
          a.eventSummary ?? "",
          ...a.keywords,
          ...a.technologies,
          ...a.industries,
          ...Object.values(a.extra),
        ]) {
          expect(hasInvisible(v)).toBe(false);
        }
        expect(a.url.length).toBeLessThanOrEqual(2048);
      }),
      propertyOptions(300),
    );
  });
});

describe("extracting from any accepted file", { timeout: 600_000 }, () => {
  it("never throws and yields only what can be stored: spans that point at their text, real dates, finite numbers in range", () => {
    fc.assert(
      fc.property(articleFile(0), (f) => {
        const r = parseArticleFile(f.name, f.bytes);
        if (!r.ok) return;
        const cleaned = cleanBody(r.article.body);
        const x = extractArticle(r.article, cleaned);
        const body = cleaned.body;
        for (const s of cleaned.sentences) expect(body.slice(s.start, s.end)).toBe(s.text);
        for (const m of x.mentions) {
          expect(body.slice(m.start, m.end)).toBe(m.text);
          expect(body.slice(m.evidence.start, m.evidence.end)).toBe(m.evidence.sentence);
        }
        for (const e of x.events) expect(dateProblem(e.date)).toBeNull();
        for (const c of x.claims) {
          expect(dateProblem(c.asOf)).toBeNull();
          expect(Number.isFinite(c.value) && Math.abs(c.value) <= MAX_CLAIM_VALUE).toBe(true);
        }
        for (const name of [...x.models, ...x.organizations].flatMap((e) => [e.nameZh, e.nameEn ?? "", ...e.aliases])) {
          expect(hasInvisible(name), name).toBe(false);
        }
        for (const p of x.people) expect(hasInvisible(p.name)).toBe(false);
        // the storage guard finds nothing to drop: the extractor itself is total
        expect(fitExtraction(body, x).dropped).toEqual([]);
      }),
      propertyOptions(200),
    );
  });

  it("keeps every accepted file: analysis never turns a parsed article into a rejection", () => {
    fc.assert(
      fc.property(articleFile(0), (f) => {
        const parsed = parseArticleFile(f.name, f.bytes);
        const analysed = analyseFile(f.name, f.bytes);
        expect(analysed.ok).toBe(parsed.ok);
      }),
      propertyOptions(150),
    );
  });

  it("reads any body text without throwing, offsets exact", () => {
    fc.assert(
      fc.property(bodyText, (text) => {
        const c = cleanBody(text);
        for (const s of c.sentences) expect(c.body.slice(s.start, s.end)).toBe(s.text);
        for (const p of c.paragraphs) expect(p.start <= p.end && p.end <= c.body.length).toBe(true);
      }),
      propertyOptions(300),
    );
  });
});
