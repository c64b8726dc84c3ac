import Link from "next/link";
import type { ReactNode } from "react";
import type { ArticleMention, Span } from "@/lib/queries/articles";
import { industryHref, modelHref, vendorHref } from "@/components/ui/hrefs";
import { markInvisible } from "@/lib/text/invisible";
import { ScrollToTarget } from "./scroll-to-target";

const markClass = {
  model: "bg-hl-model",
  organization: "bg-hl-org",
  industry: "bg-hl-industry",
  technology: "bg-hl-other",
  person: "bg-hl-other",
} as const;

function targetHref(t: NonNullable<ArticleMention["target"]>): string {
  return t.kind === "model" ? modelHref(t.slug) : t.kind === "organization" ? vendorHref(t.slug) : industryHref(t.slug);
}

/**
 * The cleaned body as text nodes only (never HTML): one <p> per paragraph, one anchored span per
 * sentence (`#s-<start>`, highlighted when targeted), entity mentions as links to their pages.
 */
export function ArticleBody({
  body,
  paragraphs,
  sentences,
  mentions,
}: {
  body: string;
  paragraphs: Span[];
  sentences: Span[];
  mentions: ArticleMention[];
}) {
  // Keep the longest of overlapping mentions ("腾讯混元大模型" over "腾讯").
  const accepted: ArticleMention[] = [];
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const prev = accepted[accepted.length - 1];
    if (m.end <= m.start || m.end > body.length) continue;
    if (prev && m.start < prev.end) continue;
    accepted.push(m);
  }
  let mi = 0;
  let si = 0;
  // format characters (bidi overrides, zero-width) shown as marks: the offsets stay, the trick does not
  const show = (from: number, to: number) => markInvisible(body.slice(from, to));

  const renderRange = (from: number, to: number): ReactNode[] => {
    const out: ReactNode[] = [];
    let pos = from;
    while (mi < accepted.length && accepted[mi].end <= from) mi++;
    for (let k = mi; k < accepted.length && accepted[k].start < to; k++) {
      const m = accepted[k];
      if (m.start < pos || m.end > to) continue; // crosses a sentence edge: leave as text
      if (m.start > pos) out.push(show(pos, m.start));
      const text = show(m.start, m.end);
      out.push(
        m.target ? (
          <Link
            key={m.start}
            href={targetHref(m.target)}
            className={`${markClass[m.kind]} rounded px-0.5 text-ink underline decoration-ink-3/50 decoration-1 underline-offset-4 hover:decoration-brand`}
          >
            {text}
          </Link>
        ) : (
          <mark key={m.start} className={`${markClass[m.kind]} rounded px-0.5 text-ink`}>
            {text}
          </mark>
        ),
      );
      pos = m.end;
    }
    if (pos < to) out.push(show(pos, to));
    return out;
  };

  return (
    <div lang="zh-CN" className="space-y-4 text-[16px] leading-8 text-ink sm:text-[17px]">
      <ScrollToTarget />
      {paragraphs.map((p) => {
        const parts: ReactNode[] = [];
        let pos = p.start;
        while (si < sentences.length && sentences[si].start < p.end) {
          const s = sentences[si++];
          if (s.start < pos) continue;
          if (s.start > pos) parts.push(...renderRange(pos, s.start));
          parts.push(
            <span key={s.start} id={`s-${s.start}`} className="sentence">
              {renderRange(s.start, s.end)}
            </span>,
          );
          pos = s.end;
        }
        if (pos < p.end) parts.push(...renderRange(pos, p.end));
        return <p key={p.start}>{parts}</p>;
      })}
    </div>
  );
}
