import { useTranslations } from "next-intl";
import type { MentionItem } from "@/lib/queries/mentions";
import { ExternalLink } from "./citation";
import { sentenceHref } from "./hrefs";

/** Each sentence naming the entity, with the name marked, linking to the sentence in the article. */
export function MentionList({ mentions }: { mentions: MentionItem[] }) {
  const t = useTranslations("common");
  return (
    <ol className="divide-y divide-line">
      {mentions.map((m) => {
        const at = m.start - m.sentenceStart;
        const inSentence =
          at >= 0 &&
          m.end - m.sentenceStart <= m.sentence.length &&
          m.sentence.slice(at, at + m.text.length) === m.text;
        return (
          <li key={m.id} className="py-3 first:pt-0 last:pb-0">
            <p lang="zh-CN" className="text-sm leading-relaxed text-ink-2">
              {inSentence ? (
                <>
                  {m.sentence.slice(0, at)}
                  <mark className="rounded bg-hl-model px-0.5 text-ink">{m.text}</mark>
                  {m.sentence.slice(at + m.text.length)}
                </>
              ) : (
                m.sentence
              )}
            </p>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
              <a href={sentenceHref(m.article.id, m.sentenceStart)} className="font-medium text-brand hover:underline">
                {t("goToSentence")} →
              </a>
              <span lang="zh-CN" className="min-w-0 truncate text-ink-3">
                {m.article.title}
              </span>
              <ExternalLink href={m.article.url} className="text-ink-3">
                {t("original")}
              </ExternalLink>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
