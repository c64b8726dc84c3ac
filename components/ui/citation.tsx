import { useTranslations } from "next-intl";
import type { Citation } from "@/lib/queries/common";
import { markInvisible } from "@/lib/text/invisible";
import { sentenceHref } from "./hrefs";
import { cn } from "./cn";

/** The sentence a fact came from, linking to it in our copy of the article and to the original. */
export function CitationQuote({
  citation,
  compact = false,
  className,
}: {
  citation: Citation;
  compact?: boolean;
  className?: string;
}) {
  const t = useTranslations("common");
  return (
    <figure className={cn("rounded-lg border-l-[3px] border-brand/60 bg-subtle px-3 py-2", className)}>
      <blockquote lang="zh-CN" className={cn("text-sm leading-relaxed text-ink-2", compact && "line-clamp-3")}>
        {markInvisible(citation.quote)}
      </blockquote>
      <figcaption className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs">
        {/* A full navigation, not a client-side one: only that sets :target (the highlight). */}
        <a
          href={sentenceHref(citation.articleId, citation.sentenceStart)}
          className="font-medium text-brand underline-offset-4 hover:underline"
        >
          {t("goToSentence")} →
        </a>
        <span className="min-w-0 truncate text-ink-3" lang="zh-CN" title={citation.articleTitle}>
          {citation.articleTitle}
        </span>
        <ExternalLink href={citation.articleUrl} className="text-ink-3">
          {t("original")}
        </ExternalLink>
      </figcaption>
    </figure>
  );
}

export function ExternalLink({
  href,
  children,
  className,
}: {
  href: string;
  children: React.ReactNode;
  className?: string;
}) {
  const t = useTranslations("common");
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer nofollow"
      className={cn("underline-offset-4 hover:text-brand hover:underline", className)}
    >
      {children}
      <span aria-hidden="true"> ↗</span>
      <span className="sr-only">{t("externalLink")}</span>
    </a>
  );
}
