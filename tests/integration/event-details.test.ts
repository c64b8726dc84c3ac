// Details of one funding round reported by two articles: merged key by key, whichever is stored first.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { EventDetails } from "@/lib/extract/types";
import { analyseFile } from "@/lib/ingest/run";
import { storeArticles, type AnalysedArticle } from "@/lib/ingest/store";
import { backends, freshDatabase } from "../support/test-db";

const seed = readFileSync(path.join(process.cwd(), "seeds", "000_fd29859c59ce52f4.txt"), "utf8");

/** The seed under another link, its extraction given one funding round of its first organisation. */
function report(n: number, details: EventDetails): AnalysedArticle {
  const text = seed.replace(/^链接: .*$/m, `链接: https://news.example.org/funding/${n}`);
  const a = analyseFile(`r${n}.txt`, new TextEncoder().encode(text));
  if (!a.ok) throw new Error(a.error.message);
  const x = a.analysed.extraction;
  const s = a.analysed.cleaned.body.slice(0, 20);
  x.events.push({
    type: "funding",
    modelKey: null,
    organizationKey: x.organizations[0].key,
    date: { value: "2024-02", precision: "month", inferred: false, text: "2024年2月" },
    evidence: { sentence: s, start: 0, end: s.length },
    confidence: 0.8,
    details,
  });
  return a.analysed;
}

const amountOnly: EventDetails = {
  kind: "funding",
  round: "B",
  amount: { value: 1e9, currency: "USD", bound: "lower" },
  valuation: null,
  investors: [],
};
const investorsOnly: EventDetails = {
  kind: "funding",
  round: "B",
  amount: null,
  valuation: { value: 2.5e9, currency: "USD", bound: "exact", basis: "post" },
  investors: [
    { key: null, name: "甲资本", lead: true },
    { key: null, name: "乙创投", lead: false },
  ],
};

describe.each(backends())("a funding round's details from two reports (%s)", (backend) => {
  it("keeps what either states, and the same whichever is stored first", async () => {
    const stored: unknown[] = [];
    for (const order of [
      [report(1, amountOnly), report(2, investorsOnly)],
      [report(2, investorsOnly), report(1, amountOnly)],
    ]) {
      const db = await freshDatabase(backend);
      try {
        for (const a of order) await storeArticles(db.prisma, [a]);
        const events = await db.prisma.event.findMany({
          where: { type: "funding" },
          select: { details: true, sourceCount: true },
        });
        expect(events).toHaveLength(1);
        expect(events[0].sourceCount).toBe(2);
        stored.push(events[0].details);
      } finally {
        await db.close();
      }
    }
    expect(stored[0]).toEqual({
      kind: "funding",
      round: "B",
      amount: amountOnly.amount,
      valuation: investorsOnly.valuation,
      investors: investorsOnly.investors,
    });
    expect(stored[1]).toEqual(stored[0]);
  });
});
