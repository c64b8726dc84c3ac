// Atom feeds of events (all, per vendor, per model). Article text reaches a feed only as escaped
// text: entries are type="html" (the feed library's choice), so every string is HTML-escaped
// before it goes in, and characters XML 1.0 forbids are dropped.
import "server-only";
import { Feed } from "feed";
import type { EventItem } from "@/lib/queries/events";
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

/** When an event happened, as a timestamp: the first day of its period (Atom needs one). */
function eventTime(e: EventItem): Date | null {
  if (!e.date.value) return null;
  const [y, m = "01", d = "01"] = e.date.value.split("-");
  return new Date(`${y}-${m}-${d}T00:00:00Z`);
}

/** An Atom document of the dated events (undated ones have no place on a timeline). */
export function eventsAtom(info: FeedInfo, events: EventItem[]): string {
  const dated = events.flatMap((e) => {
    const at = eventTime(e);
    return at ? [{ e, at }] : [];
  });
  const updated = dated.reduce<Date | null>((max, { at }) => (!max || at > max ? at : max), null) ?? new Date(0);
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
  for (const { e, at } of dated) {
    const first = e.sources[0];
    feed.addItem({
      id: `urn:moxing:event:${e.id}`,
      title: escapeHtml(entryTitle(e)),
      link: first ? `${info.origin}/articles/${first.articleId}#s-${first.sentenceStart}` : info.alternate,
      date: at,
      content: entryContent(e),
      category: [{ term: e.type, name: TYPE_LABEL[e.type].en }],
    });
  }
  return feed.atom1();
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
