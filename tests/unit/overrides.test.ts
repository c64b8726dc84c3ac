import { describe, expect, it } from "vitest";
import type { ExtractionResult } from "@/lib/extract/types";
import { claimKey, eventKey, industryLinkKey, mentionKey } from "@/lib/ingest/keys";
import { applyOverrides, overrideKeys, type ActiveOverride } from "@/lib/ingest/overrides";

const evidence = (sentence: string, start = 0) => ({ sentence, start, end: start + sentence.length });
const day = (value: string) => ({ value, precision: "day" as const, inferred: false, text: value });

/** An article naming a vendor, a real model, a false one, a funder and what they did. */
function extraction(): ExtractionResult {
  const org = (key: string) => ({
    key,
    nameZh: key,
    nameEn: null,
    aliases: [],
    kind: "company" as const,
    roles: ["vendor" as const],
    curated: false,
    sourceUrl: null,
  });
  const model = (key: string, vendorKey: string | null) => ({
    key,
    nameZh: key,
    nameEn: null,
    pinyin: null,
    aliases: [],
    vendorKey,
    family: null,
    version: null,
    curated: false,
    sourceUrl: null,
    confidence: 0.7,
  });
  return {
    organizations: [org("acme"), org("fund")],
    models: [model("turbo", "acme"), model("draft", "acme")],
    industries: [],
    technologies: [],
    people: [
      { key: "li", name: "李", title: null, organizationKey: "acme", quote: null, evidence: evidence("李说。") },
    ],
    mentions: [
      { kind: "organization", key: "acme", text: "acme", start: 0, end: 4, evidence: evidence("acme发布turbo。") },
      { kind: "model", key: "turbo", text: "turbo", start: 6, end: 11, evidence: evidence("acme发布turbo。") },
      { kind: "model", key: "draft", text: "draft", start: 20, end: 25, evidence: evidence("draft。", 20) },
    ],
    events: [
      {
        type: "release",
        modelKey: "turbo",
        organizationKey: "acme",
        date: day("2024-06-18"),
        evidence: evidence("acme发布turbo。"),
        confidence: 0.8,
      },
      {
        type: "release",
        modelKey: "draft",
        organizationKey: "acme",
        date: day("2022-01-01"),
        evidence: evidence("draft。", 20),
        confidence: 0.5,
      },
      {
        type: "funding",
        modelKey: null,
        organizationKey: "acme",
        date: day("2024-02-01"),
        evidence: evidence("acme融资。", 30),
        confidence: 0.9,
        details: {
          kind: "funding",
          round: "B",
          amount: null,
          valuation: null,
          investors: [{ key: "fund", name: "某基金", lead: true }],
        },
      },
    ],
    claims: [
      {
        metric: "price_cut_percent",
        value: 80,
        unit: "%",
        bound: "exact",
        asOf: day("2024-05-01"),
        scope: null,
        subjectModelKey: "turbo",
        subjectOrganizationKey: null,
        statedByKey: "fund",
        evidence: evidence("降价80%。", 40),
        confidence: 0.6,
      },
    ],
    industryLinks: [
      { industryKey: "finance", modelKey: "turbo", organizationKey: null, evidence: evidence("金融。", 50) },
      { industryKey: "finance", modelKey: "draft", organizationKey: "acme", evidence: evidence("金融。", 50) },
    ],
  };
}

const article = { url: "https://example.com/a", contentHash: "h1" };
let next = 1;
const o = (fields: Omit<ActiveOverride, "id" | "articleUrl" | "values"> & Partial<ActiveOverride>): ActiveOverride => ({
  id: next++,
  articleUrl: null,
  values: null,
  ...fields,
});

describe("applying editors' corrections to an extraction", () => {
  it("rejecting a model removes it, its mentions and the facts about it; a link that names an organization stays as its", () => {
    const { extraction: x, matched } = applyOverrides(
      extraction(),
      [o({ id: 7, kind: "model", key: "draft", action: "reject" })],
      article,
    );
    expect(matched).toEqual([7]);
    expect(x.models.map((m) => m.key)).toEqual(["turbo"]);
    expect(x.mentions.some((m) => m.key === "draft")).toBe(false);
    expect(x.events.some((e) => e.modelKey === "draft")).toBe(false);
    expect(x.industryLinks).toHaveLength(2);
    expect(x.industryLinks[1]).toMatchObject({ modelKey: null, organizationKey: "acme" });
  });

  it("rejecting an organization keeps a model's facts without it and forgets it as vendor, employer, author and investor", () => {
    const { extraction: x } = applyOverrides(
      extraction(),
      [
        o({ kind: "organization", key: "acme", action: "reject" }),
        o({ kind: "organization", key: "fund", action: "reject" }),
      ],
      article,
    );
    expect(x.organizations).toEqual([]);
    expect(x.models.every((m) => m.vendorKey === null)).toBe(true);
    expect(x.people[0].organizationKey).toBeNull();
    // the releases stay as the models'; the funding round was the organization's alone
    expect(x.events.map(eventKey)).toEqual(["release|turbo||2024-06-18", "release|draft||2022-01-01"]);
    expect(x.claims[0].statedByKey).toBeNull();
    expect(x.mentions.every((m) => m.kind !== "organization")).toBe(true);
  });

  it("keeps an investor's name when only the investor is rejected", () => {
    const { extraction: x } = applyOverrides(
      extraction(),
      [o({ kind: "organization", key: "fund", action: "reject" })],
      article,
    );
    const funding = x.events.find((e) => e.type === "funding")!;
    expect(funding.details).toMatchObject({ investors: [{ key: null, name: "某基金", lead: true }] });
  });

  it("re-dates and re-types an event under a new key; a later correction of the new key applies after it", () => {
    const extracted = eventKey(extraction().events[0]);
    const redate = o({
      kind: "event",
      key: extracted,
      action: "set",
      values: { date: { value: "2024-07", precision: "month" } },
    });
    const retype = o({
      kind: "event",
      key: "release|turbo|acme|2024-07",
      action: "set",
      values: { type: "open_public" },
    });
    const { extraction: x, matched } = applyOverrides(extraction(), [retype, redate], article);
    expect(matched).toEqual([redate.id, retype.id]);
    expect(x.events[0]).toMatchObject({
      type: "open_public",
      date: { value: "2024-07", precision: "month", inferred: false, text: "" },
    });
    expect(eventKey(x.events[0])).toBe("open_public|turbo|acme|2024-07");
    // an older correction keyed by the new key does not see the moved event: it was made before the move
    const before = { ...retype, id: 0 };
    expect(applyOverrides(extraction(), [before, redate], article).matched).toEqual([redate.id]);
  });

  it("drops a funding round's details when the event is no longer a funding round", () => {
    const funding = extraction().events[2];
    const { extraction: x } = applyOverrides(
      extraction(),
      [o({ kind: "event", key: eventKey(funding), action: "set", values: { type: "announcement" } })],
      article,
    );
    expect(x.events[2]).toMatchObject({ type: "announcement", details: null });
  });

  it("fixes a claim's value, bound and metric; rejects another by key", () => {
    const c = extraction().claims[0];
    const { extraction: x } = applyOverrides(
      extraction(),
      [
        o({
          kind: "claim",
          key: claimKey(c),
          action: "set",
          values: { value: 20, metric: "price_cut", bound: "approx" },
        }),
      ],
      article,
    );
    expect(x.claims[0]).toMatchObject({ value: 20, metric: "price_cut", bound: "approx", unit: "%" });
    const gone = applyOverrides(x, [o({ kind: "claim", key: claimKey(x.claims[0]), action: "reject" })], article);
    expect(gone.extraction.claims).toEqual([]);
  });

  it("sets a model's vendor, family and version, a field left out staying as read", () => {
    const { extraction: x } = applyOverrides(
      extraction(),
      [o({ kind: "model", key: "turbo", action: "set", values: { vendor: "fund", version: "2.0" } })],
      article,
    );
    expect(x.models[0]).toMatchObject({ vendorKey: "fund", version: "2.0", family: null });
  });

  it("renames a model or an organization: the editor's names, the ones read kept as aliases", () => {
    const { extraction: x, matched } = applyOverrides(
      extraction(),
      [
        o({ id: 40, kind: "model", key: "turbo", action: "set", values: { nameZh: "涡轮", nameEn: "Turbo LLM" } }),
        o({ id: 41, kind: "organization", key: "acme", action: "set", values: { nameZh: "艾克米" } }),
      ],
      article,
    );
    expect(matched).toEqual([40, 41]);
    expect(x.models[0]).toMatchObject({ key: "turbo", nameZh: "涡轮", nameEn: "Turbo LLM", aliases: ["turbo"] });
    expect(x.organizations[0]).toMatchObject({ key: "acme", nameZh: "艾克米", nameEn: null, aliases: ["acme"] });
    expect(x.events.map(eventKey)).toEqual(extraction().events.map(eventKey));
  });

  it("reads a model merged into another as that model: one record, the facts re-keyed, a fact read twice once", () => {
    const input = extraction();
    // the same release read of both names
    input.events[1] = { ...input.events[1], date: day("2024-06-18") };
    const merge = o({
      kind: "model",
      key: "draft",
      action: "set",
      values: { into: "turbo", nameZh: "Turbo", nameEn: null, vendor: "acme", family: null, version: null },
    });
    const { extraction: x, matched } = applyOverrides(input, [merge], article);
    expect(matched).toEqual([merge.id]);
    expect(x.models).toHaveLength(1);
    expect(x.models[0]).toMatchObject({ key: "turbo", nameZh: "turbo", aliases: ["draft"] });
    expect(x.mentions.filter((m) => m.kind === "model").map((m) => m.key)).toEqual(["turbo", "turbo"]);
    expect(x.events.filter((e) => e.type === "release").map(eventKey)).toEqual(["release|turbo|acme|2024-06-18"]);
    expect(x.events.find((e) => e.type === "release")!.confidence).toBe(0.8);
    expect(x.industryLinks.map((l) => l.modelKey)).toEqual(["turbo", "turbo"]);
    expect(overrideKeys(x).model).not.toContain("draft");

    // in an article that names only the source, the source's record becomes the target's names
    const alone = extraction();
    alone.models = alone.models.filter((m) => m.key === "draft");
    alone.claims = [];
    const only = applyOverrides(alone, [merge], article).extraction;
    expect(only.models).toEqual([expect.objectContaining({ key: "turbo", nameZh: "Turbo", aliases: ["draft"] })]);
    expect(only.events.map((e) => e.modelKey)).toEqual(["turbo", "turbo", null]);
  });

  it("reads an organization merged into another as that one: vendor, employer, investor, author and links follow", () => {
    const merge = o({ kind: "organization", key: "fund", action: "set", values: { into: "acme", nameZh: "acme" } });
    const { extraction: x } = applyOverrides(extraction(), [merge], article);
    expect(x.organizations.map((e) => e.key)).toEqual(["acme"]);
    expect(x.organizations[0].aliases).toEqual(["fund"]);
    const funding = x.events.find((e) => e.type === "funding")!;
    expect(funding.details).toMatchObject({ investors: [{ key: "acme", name: "某基金" }] });
    expect(x.claims[0].statedByKey).toBe("acme");
    // a later rename of the target applies to what the merge left
    const renamed = applyOverrides(
      extraction(),
      [merge, o({ kind: "organization", key: "acme", action: "set", values: { nameZh: "艾克米" } })],
      article,
    ).extraction;
    expect(renamed.organizations[0]).toMatchObject({ nameZh: "艾克米", aliases: ["acme", "fund"] });
  });

  it("applies industry-link and mention corrections only in their own article (a mention only in the same text)", () => {
    const link = o({
      kind: "industry_link",
      key: industryLinkKey(extraction().industryLinks[0]),
      articleUrl: article.url,
      action: "reject",
    });
    const mention = o({
      kind: "mention",
      key: mentionKey("h1", { start: 6, end: 11 }),
      articleUrl: article.url,
      action: "reject",
    });
    const here = applyOverrides(extraction(), [link, mention], article);
    expect(here.matched).toEqual([link.id, mention.id]);
    expect(here.extraction.industryLinks).toHaveLength(1);
    expect(here.extraction.mentions.map((m) => m.start)).toEqual([0, 20]);
    expect(applyOverrides(extraction(), [link, mention], { ...article, url: "https://example.com/b" }).matched).toEqual(
      [],
    );
    // the text changed: its spans are not the ones the editor saw
    expect(applyOverrides(extraction(), [mention], { ...article, contentHash: "h2" }).matched).toEqual([]);
  });

  it("gives a mention to another model (a split) with the facts of its sentence; the first stays while named", () => {
    const split = o({
      kind: "mention",
      key: mentionKey("h1", { start: 6, end: 11 }),
      articleUrl: article.url,
      action: "set",
      values: { model: "turbo-x", nameZh: "Turbo", nameEn: null, vendor: "fund" },
    });
    const { extraction: x, matched } = applyOverrides(extraction(), [split], article);
    expect(matched).toEqual([split.id]);
    expect(x.mentions.find((m) => m.start === 6)).toMatchObject({ key: "turbo-x" });
    expect(x.models.find((m) => m.key === "turbo-x")).toMatchObject({
      nameZh: "Turbo",
      vendorKey: "fund",
      curated: false,
    });
    expect(x.events[0].modelKey).toBe("turbo-x"); // read in the same sentence
    expect(x.claims[0].subjectModelKey).toBe("turbo"); // read in another
    expect(x.models.some((m) => m.key === "turbo")).toBe(true);
    // when nothing names the first any more, it leaves the article
    const alone = extraction();
    alone.claims = [];
    alone.industryLinks = [];
    expect(applyOverrides(alone, [split], article).extraction.models.map((m) => m.key)).toEqual(["draft", "turbo-x"]);
  });

  it("matches a confirm without changing anything, and ignores what is not in the article", () => {
    const confirm = o({ kind: "event", key: eventKey(extraction().events[0]), action: "confirm" });
    const elsewhere = o({ kind: "event", key: "release|other||2024", action: "reject" });
    const applied = applyOverrides(extraction(), [confirm, elsewhere], article);
    expect(applied).toEqual({ extraction: extraction(), matched: [confirm.id] });
  });

  it("does not depend on the order the overrides come in, and leaves the input untouched", () => {
    const input = extraction();
    const overrides = [
      o({ kind: "model", key: "draft", action: "reject" }),
      o({ kind: "organization", key: "fund", action: "reject" }),
      o({ kind: "event", key: eventKey(input.events[0]), action: "set", values: { organization: null } }),
    ];
    const a = applyOverrides(input, overrides, article);
    expect(applyOverrides(input, [...overrides].reverse(), article)).toEqual(a);
    expect(input).toEqual(extraction());
  });

  it("changes nothing where the stored values do not fit (but still says it matched)", () => {
    const bad = o({ kind: "event", key: eventKey(extraction().events[0]), action: "set", values: { type: "party" } });
    expect(applyOverrides(extraction(), [bad], article)).toEqual({ extraction: extraction(), matched: [bad.id] });
  });

  it("asks for overrides on every entity a fact names, not only the ones the article lists", () => {
    const x = extraction();
    x.organizations = [];
    const keys = overrideKeys(x);
    expect(keys.organization).toEqual(expect.arrayContaining(["acme", "fund"]));
    expect(keys.model).toEqual(expect.arrayContaining(["turbo", "draft"]));
    expect(keys.event).toEqual(x.events.map(eventKey));
    expect(keys.claim).toEqual([claimKey(x.claims[0])]);
  });
});
