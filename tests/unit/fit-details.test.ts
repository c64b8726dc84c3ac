import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractArticle } from "@/lib/extract";
import type { EventDetails, ExtractedEvent, ExtractionResult } from "@/lib/extract/types";
import { cleanBody } from "@/lib/ingest/clean";
import { fitExtraction } from "@/lib/ingest/fit";
import { parseArticleFile } from "@/lib/ingest/parse";

const file = path.join(process.cwd(), "seeds", "000_fd29859c59ce52f4.txt");
const parsed = parseArticleFile("seed.txt", readFileSync(file));
if (!parsed.ok) throw new Error(parsed.error.message);
const cleaned = cleanBody(parsed.article.body);
const base = extractArticle(parsed.article, cleaned);

/** The seed's extraction with one funding event of a company it names, carrying the given details. */
function withFunding(details: unknown): ExtractionResult {
  const org = base.organizations[0];
  const sentence = cleaned.sentences[0];
  const event: ExtractedEvent = {
    type: "funding",
    modelKey: null,
    organizationKey: org.key,
    date: { value: "2024-02", precision: "month", inferred: false, text: "2024年2月" },
    evidence: { sentence: sentence.text, start: sentence.start, end: sentence.end },
    confidence: 0.8,
    details: details as EventDetails,
  };
  return { ...base, events: [...base.events, event] };
}

const funding = (over: Partial<Extract<EventDetails, { kind: "funding" }>> = {}) => ({
  kind: "funding",
  round: "B",
  amount: { value: 1e9, currency: "USD", bound: "lower" },
  valuation: { value: 2.5e9, currency: "USD", bound: "exact", basis: "post" },
  investors: [{ key: base.organizations[0].key, name: base.organizations[0].nameZh, lead: true }],
  ...over,
});

const fundingEvent = (x: ExtractionResult) => x.events.find((e) => e.type === "funding");

describe("details of derived events before storage", () => {
  it("keeps details that fit, as they are", () => {
    const { extraction, dropped } = fitExtraction(cleaned.body, withFunding(funding()));
    expect(dropped).toEqual([]);
    expect(fundingEvent(extraction)?.details).toEqual(funding());
  });

  it("drops details that do not fit, keeps the event and says why", () => {
    const bad = funding({ amount: { value: Number.POSITIVE_INFINITY, currency: "USD", bound: "exact" } });
    const { extraction, dropped } = fitExtraction(cleaned.body, withFunding(bad));
    expect(fundingEvent(extraction)).toBeDefined();
    expect(fundingEvent(extraction)?.details).toBeNull();
    expect(dropped).toHaveLength(1);
    expect(dropped[0]).toMatchObject({ kind: "event" });
    expect(dropped[0].key).toMatch(/details$/);
  });

  it("keeps an investor whose organisation is not among the article's by name, without a key", () => {
    const details = funding({ investors: [{ key: "no-such-org", name: "某某资本", lead: false }] });
    const { extraction } = fitExtraction(cleaned.body, withFunding(details));
    const kept = fundingEvent(extraction)?.details;
    expect(kept?.kind === "funding" && kept.investors).toEqual([{ key: null, name: "某某资本", lead: false }]);
  });

  it("refuses an unknown round or currency", () => {
    for (const details of [
      funding({ round: "Z" as never }),
      { kind: "listing", exchange: "HKEX", amount: { value: 1, currency: "EUR", bound: "exact" } },
    ]) {
      const { extraction, dropped } = fitExtraction(cleaned.body, withFunding(details));
      expect(fundingEvent(extraction)?.details).toBeNull();
      expect(dropped).toHaveLength(1);
    }
  });
});
