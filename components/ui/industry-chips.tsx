import { Chip } from "./badge";
import { EntityName } from "./entity-name";
import { industryHref } from "./hrefs";
import type { Names } from "@/lib/i18n/format";

/** The industries of an article or a model as linked chips; nothing when there are none. */
export function IndustryChips({ industries, label }: { industries: { slug: string; names: Names }[]; label: string }) {
  if (!industries.length) return null;
  return (
    <ul className="mt-3 flex flex-wrap gap-1.5" aria-label={label}>
      {industries.map((i) => (
        <li key={i.slug}>
          <Chip href={industryHref(i.slug)}>
            <EntityName names={i.names} secondary={false} />
          </Chip>
        </li>
      ))}
    </ul>
  );
}
