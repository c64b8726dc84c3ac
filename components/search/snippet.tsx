import type { ReactNode } from "react";
import { markInvisible } from "@/lib/text/invisible";

/** Text with the matched ranges marked (text nodes only, never HTML). */
export function Snippet({ text, highlights }: { text: string; highlights: { start: number; end: number }[] }) {
  const out: ReactNode[] = [];
  let pos = 0;
  for (const h of highlights) {
    if (h.start < pos) continue;
    if (h.start > pos) out.push(markInvisible(text.slice(pos, h.start)));
    out.push(
      <mark key={h.start} className="rounded bg-hl-industry px-0.5 text-ink">
        {markInvisible(text.slice(h.start, h.end))}
      </mark>,
    );
    pos = h.end;
  }
  if (pos < text.length) out.push(markInvisible(text.slice(pos)));
  return <>{out}</>;
}
