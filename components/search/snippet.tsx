import type { ReactNode } from "react";

/** Text with the matched ranges marked (text nodes only, never HTML). */
export function Snippet({ text, highlights }: { text: string; highlights: { start: number; end: number }[] }) {
  const out: ReactNode[] = [];
  let pos = 0;
  for (const h of highlights) {
    if (h.start < pos) continue;
    if (h.start > pos) out.push(text.slice(pos, h.start));
    out.push(
      <mark key={h.start} className="rounded bg-hl-industry px-0.5 text-ink">
        {text.slice(h.start, h.end)}
      </mark>,
    );
    pos = h.end;
  }
  if (pos < text.length) out.push(text.slice(pos));
  return <>{out}</>;
}
