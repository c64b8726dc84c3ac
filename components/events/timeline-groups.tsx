import { useLocale, useTranslations } from "next-intl";
import type { EventItem } from "@/lib/queries/events";
import { formatDateAtPrecision } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/config";
import { EventCard } from "./event-item";

interface Group {
  key: string;
  year: string | null;
  label: string;
  events: EventItem[];
}

/** Events grouped by year, then by month; month-less and undated events get their own groups. */
export function TimelineGroups({ events }: { events: EventItem[] }) {
  const locale = useLocale() as Locale;
  const t = useTranslations("timeline");
  const groups: Group[] = [];
  for (const e of events) {
    const v = e.date.value;
    const year = v ? v.slice(0, 4) : null;
    let key: string;
    let label: string;
    if (!v || e.date.precision === "unknown") {
      key = "undated";
      label = t("undated");
    } else if (e.date.precision === "year") {
      key = `${year}`;
      label = t("yearOnly", { year: year! });
    } else {
      key = v.slice(0, 7);
      label = formatDateAtPrecision(key, "month", locale)!;
    }
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.events.push(e);
    else groups.push({ key, year, label, events: [e] });
  }
  const years: { year: string | null; groups: Group[] }[] = [];
  for (const g of groups) {
    const last = years[years.length - 1];
    if (last && last.year === g.year) last.groups.push(g);
    else years.push({ year: g.year, groups: [g] });
  }
  return (
    <div className="space-y-8">
      {years.map((y) => (
        <section key={y.year ?? "undated"} aria-labelledby={`y-${y.year ?? "undated"}`}>
          <h2
            id={`y-${y.year ?? "undated"}`}
            className="sticky top-[6.25rem] z-10 -mx-1 mb-3 bg-canvas/95 px-1 py-1 text-xl font-bold text-ink backdrop-blur"
          >
            {y.year ? (locale === "zh" ? `${y.year}年` : y.year) : t("undated")}
          </h2>
          <div className="space-y-6">
            {y.groups.map((g) => (
              <section
                key={g.key}
                aria-labelledby={`g-${g.key}`}
                className="grid grid-cols-1 gap-3 md:grid-cols-[9rem_minmax(0,1fr)]"
              >
                <h3 id={`g-${g.key}`} className="text-sm font-semibold text-ink-2 md:pt-4">
                  {g.label}
                  <span className="ml-2 font-normal text-ink-3">{t("count", { count: g.events.length })}</span>
                </h3>
                <ol className="space-y-3">
                  {g.events.map((e) => (
                    <li key={e.id} className="rounded-xl border border-line bg-surface p-4">
                      <EventCard event={e} compactQuote={false} />
                    </li>
                  ))}
                </ol>
              </section>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
