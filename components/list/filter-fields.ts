// Filter fields of the list pages, one line each; ListPage adds the "all" choice to every select.
import type { SelectField, TextField } from "@/components/ui/filter-bar";
import type { Locale } from "@/lib/i18n/config";
import { primaryName, type Names } from "@/lib/i18n/format";

export type ListField = Omit<SelectField, "allLabel"> | TextField;

/** A select of entities by slug, each shown by its name in the reader's language. */
export function entitySelect(
  name: string,
  label: string,
  value: string | undefined,
  entities: { slug: string; names: Names }[],
  locale: Locale,
): ListField {
  const options = entities.map((e) => ({ value: e.slug, label: primaryName(e.names, locale) }));
  return { kind: "select", name, label, value, options };
}

/** A select of fixed values (an enum), each shown by `labelOf`. */
export function valueSelect<V extends string>(
  name: string,
  label: string,
  value: V | undefined,
  values: readonly V[],
  labelOf: (v: V) => string,
): ListField {
  return { kind: "select", name, label, value, options: values.map((v) => ({ value: v, label: labelOf(v) })) };
}

/** A "2023" or "2023-07" field; `placeholder` shows the format. */
export function periodField(name: string, label: string, value: string | undefined, placeholder: string): ListField {
  return { kind: "text", name, label, value, placeholder, pattern: "\\d{4}(-(0[1-9]|1[0-2]))?" };
}
