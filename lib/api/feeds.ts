// Atom feeds of events (all, per vendor, per model) and of funding rounds. Article text reaches a feed only as escaped
// text: entries are type="html" (the feed library's choice), so every string is HTML-escaped
// before it goes in, and characters XML 1.0 forbids are dropped.
import "server-only";
import { Feed } from "feed";
import type { EventItem } from "@/lib/queries/events";
import type { FundingRound } from "@/lib/queries/funding";
import type { Money } from "@/lib/queries/market-common";
import { securityHeaders } from "./headers";

export const FEED_SIZE = 50;

const TYPE_LABEL: Record<EventItem["type"], { zh: string; en: string }> = {
  release: { zh: "发布", en: "release" },
  open_source: { zh: "开源", en: "open-source release" },
  price_change: { zh: "调价", en: "price change" },
  filing: { zh: "备案", en: "regulatory filing" },
  open_public: { zh: "向公众开放", en: "opened to the public" },
  announcement: { zh: "宣布", en: "announcement" },
  deployment: { zh: "落地部署", en: "deployment" },
  showcase: { zh: "亮相", en: "showcase" },
  funding: { zh: "融资", en: "funding round" },
  listing: { zh: "上市", en: "listing" },
};

const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text safe inside XML (forbidden characters dropped). */
export function xmlText(s: string): string {
  return s.replace(XML_INVALID, "");
}

/** Text as HTML that shows it literally. */
export function escapeHtml(s: string): string {
  return xmlText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

export interface FeedInfo {
  /** absolute URL of this feed */
  self: string;
  /** absolute URL of the page the feed follows */
  alternate: string;
  /** the site's origin, for entry links */
  origin: string;
  title: string;
  subtitle: string;
}

function subjectName(e: EventItem): string {
  const subject = e.model ?? e.organization;
  return subject ? subject.names.zh : "未知";
}

function entryTitle(e: EventItem): string {
  const who = e.model ? `${e.model.names.zh}${e.model.vendor ? `（${e.model.vendor.names.zh}）` : ""}` : subjectName(e);
  return `${who} · ${TYPE_LABEL[e.type].zh}${e.date.value ? ` · ${e.date.value}` : ""}`;
}

function entryContent(e: EventItem): string {
  const parts = e.sources.map(
    (s) =>
      `<blockquote><p>${escapeHtml(s.quote)}</p></blockquote>` +
      `<p>来源 / Source: <a href="${escapeHtml(s.articleUrl)}">${escapeHtml(s.articleTitle)}</a></p>`,
  );
  if (e.sourceCount > e.sources.length) parts.push(`<p>另有 ${e.sourceCount - e.sources.length} 篇报道</p>`);
  return parts.join("\n");
}

/** When something happened, as a timestamp: the first day of its period (Atom needs one). */
function periodStart(value: string | null): Date | null {
  if (!value) return null;
  const [y, m = "01", d = "01"] = value.split("-");
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

interface AtomEntry {
  id: string;
  /** plain text (escaped here) */
  title: string;
  link: string;
  at: Date;
  /** HTML, every piece of article text already escaped */
  content: string;
  categories: { term: string; name: string }[];
}

function atom(info: FeedInfo, entries: AtomEntry[]): string {
  const updated = entries.reduce<Date | null>((max, { at }) => (!max || at > max ? at : max), null) ?? new Date(0);
  const feed = new Feed({
    id: info.self,
    title: xmlText(info.title),
    description: xmlText(info.subtitle),
    link: info.alternate,
    feedLinks: { atom: info.self },
    language: "zh-CN",
    updated,
    generator: false,
    author: { name: "大模型观察 Moxing", link: info.origin },
    copyright: "Quotes belong to the articles' publishers.",
  });
  for (const e of entries) {
    feed.addItem({
      id: e.id,
      title: escapeHtml(e.title),
      link: e.link,
      date: e.at,
      content: e.content,
      category: e.categories,
    });
  }
  return feed.atom1();
}

/** The page of a fact's first sentence on this site, else the feed's own page. */
function evidenceLink(info: FeedInfo, first: { articleId: number; sentenceStart: number } | null | undefined): string {
  return first ? `${info.origin}/articles/${first.articleId}#s-${first.sentenceStart}` : info.alternate;
}

/** An Atom document of the dated events (undated ones have no place on a timeline). */
export function eventsAtom(info: FeedInfo, events: EventItem[]): string {
  return atom(
    info,
    events.flatMap((e) => {
      const at = periodStart(e.date.value);
      if (!at) return [];
      return [
        {
          id: `urn:moxing:event:${e.id}`,
          title: entryTitle(e),
          link: evidenceLink(info, e.sources[0]),
          at,
          content: entryContent(e),
          categories: [{ term: e.type, name: TYPE_LABEL[e.type].en }],
        },
      ];
    }),
  );
}

const CURRENCY_ZH: Record<Money["currency"], string> = { CNY: "元", USD: "美元", HKD: "港元" };
const BOUND_ZH: Record<Money["bound"], string> = { exact: "", lower: "超", upper: "不超过", approx: "约" };

/** 1e9 CNY lower bound -> "超10亿元"; amounts stay in the currency stated. */
function moneyZh(m: Money): string {
  const v = m.value;
  const [n, unit] = v >= 1e8 ? [v / 1e8, "亿"] : v >= 1e4 ? [v / 1e4, "万"] : [v, ""];
  return `${BOUND_ZH[m.bound]}${Number(n.toPrecision(6))}${unit}${CURRENCY_ZH[m.currency]}`;
}

const ROUND_ZH: Partial<Record<FundingRound["round"], string>> = {
  angel: "天使轮",
  strategic: "战略融资",
  unknown: "融资",
};

function roundZh(round: FundingRound["round"]): string {
  return ROUND_ZH[round] ?? `${round}轮`;
}

function fundingTitle(f: FundingRound): string {
  const parts = [f.company?.names.zh ?? "未知公司", roundZh(f.round)];
  if (f.amount) parts.push(moneyZh(f.amount));
  if (f.date.value) parts.push(f.date.value);
  return parts.join(" · ");
}

function fundingContent(f: FundingRound): string {
  const parts: string[] = [];
  if (f.source)
    parts.push(
      `<blockquote><p>${escapeHtml(f.source.quote)}</p></blockquote>` +
        `<p>来源 / Source: <a href="${escapeHtml(f.source.articleUrl)}">${escapeHtml(f.source.articleTitle)}</a></p>`,
    );
  if (f.valuation)
    parts.push(
      `<p>估值 / Valuation: ${escapeHtml(moneyZh(f.valuation))}${f.valuation.basis ? `（${f.valuation.basis === "pre" ? "投前" : "投后"}）` : ""}</p>`,
    );
  if (f.investors.length)
    parts.push(
      `<p>投资方 / Investors: ${f.investors.map((i) => escapeHtml(i.name) + (i.lead ? "（领投）" : "")).join("、")}</p>`,
    );
  if (f.sourceCount > 1) parts.push(`<p>另有 ${f.sourceCount - 1} 篇报道</p>`);
  return parts.join("\n");
}

/** An Atom document of the dated funding rounds, each citing its sentence and linking to it. */
export function fundingAtom(info: FeedInfo, rounds: FundingRound[]): string {
  return atom(
    info,
    rounds.flatMap((f) => {
      const at = periodStart(f.date.value);
      if (!at) return [];
      return [
        {
          id: `urn:moxing:event:${f.id}`,
          title: fundingTitle(f),
          link: evidenceLink(info, f.source),
          at,
          content: fundingContent(f),
          categories: [
            { term: "funding", name: TYPE_LABEL.funding.en },
            ...(f.round === "unknown" ? [] : [{ term: `round:${f.round}`, name: `round ${f.round}` }]),
          ],
        },
      ];
    }),
  );
}

export function atomResponse(xml: string): Response {
  return new Response(xml, {
    headers: {
      ...securityHeaders(),
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
    },
  });
}
