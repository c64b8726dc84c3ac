import type { ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { ExternalLink } from "@/components/ui/citation";
import { cn } from "@/components/ui/cn";
import { FactList } from "@/components/ui/fact-list";
import type { Names } from "@/lib/i18n/format";
import { DetailCard } from "./detail-card";

type FactRow = ComponentProps<typeof FactList>["rows"][number];

/** The names card of a model or vendor page: both names, pinyin and aliases, the page's own `rows`, the registry. */
export function NamesCard({
  names,
  pinyin,
  aliases,
  sourceUrl,
  rows,
}: {
  names: Names;
  pinyin?: string | null;
  aliases: string[];
  sourceUrl: string | null;
  rows: FactRow[];
}) {
  const t = useTranslations("models");
  const tc = useTranslations("common");
  return (
    <DetailCard id="facts" title={t("names")}>
      <FactList
        rows={[
          { key: "zh", label: "中文", value: <span lang="zh-CN">{names.zh}</span> },
          { key: "en", label: "English", value: names.en ? <span lang="en">{names.en}</span> : <NoValue /> },
          ...monoRow("py", tc("pinyin"), pinyin),
          ...(aliases.length ? [{ key: "aliases", label: tc("aliases"), value: <AliasList aliases={aliases} /> }] : []),
          ...rows,
          ...(sourceUrl
            ? [
                {
                  key: "src",
                  label: tc("registry"),
                  value: (
                    <ExternalLink href={sourceUrl} className="break-all text-brand">
                      {new URL(sourceUrl).hostname}
                    </ExternalLink>
                  ),
                },
              ]
            : []),
        ]}
      />
    </DetailCard>
  );
}

/** A fact row of an identifier in monospace, or no row when the value is unknown. */
export function monoRow(key: string, label: string, value: string | null | undefined): FactRow[] {
  return value ? [{ key, label, value: <span className="font-mono text-xs">{value}</span> }] : [];
}

/** The dash of a fact whose value is not known. */
export function NoValue() {
  return <span className="text-ink-3">—</span>;
}

/** An entity's other names, as badges. */
export function AliasList({ aliases, className, label }: { aliases: string[]; className?: string; label?: string }) {
  return (
    <ul className={cn("flex flex-wrap gap-1.5", className)} aria-label={label}>
      {aliases.map((a) => (
        <li key={a}>
          <Badge>{a}</Badge>
        </li>
      ))}
    </ul>
  );
}
