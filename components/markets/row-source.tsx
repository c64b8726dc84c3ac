import { useTranslations } from "next-intl";
import { CitationQuote } from "@/components/ui/citation";
import type { Sourced } from "./types";

/** The sentence a row was read from, and how many more articles report it. */
export function RowSource({ row, compact = true }: { row: Sourced; compact?: boolean }) {
  const t = useTranslations("common");
  return (
    <>
      {row.source ? <CitationQuote citation={row.source} compact={compact} className="mt-3" /> : null}
      {row.sourceCount > 1 ? (
        <p className="mt-1 text-xs text-ink-3">{t("moreSources", { count: row.sourceCount - 1 })}</p>
      ) : null}
    </>
  );
}
