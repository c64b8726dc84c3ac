import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

/** One kind of fact read from the article, each with a link down to its sentence; nothing when there are none. */
export function FactSection<T extends { sentenceStart: number }>({
  title,
  facts,
  itemClassName,
  children,
}: {
  title: string;
  facts: T[];
  itemClassName: string;
  /** what the fact says, above its link */
  children: (fact: T) => ReactNode;
}) {
  const t = useTranslations("common");
  if (!facts.length) return null;
  return (
    <section>
      <h3 className="mb-2 text-xs font-semibold uppercase tracking-wide text-ink-3">{title}</h3>
      <ul className="space-y-3">
        {facts.map((f, i) => (
          <li key={i} className={itemClassName}>
            {children(f)}
            <a href={`#s-${f.sentenceStart}`} className="text-xs text-brand hover:underline">
              {t("goToSentence")} ↓
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
