"use client";
// Lines over time, one a series, drawn by recharts after hydration: prices on a log scale (a cut
// from 20 to 0.5 and one from 5 to 1 read alike), running totals on a linear one. The numbers are
// in the table beside it, so the SVG is hidden from assistive technology and the keyboard.
import { useLocale } from "next-intl";
import {
  CartesianGrid,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { Locale } from "@/lib/i18n/config";
import { formatMonthShort } from "@/lib/i18n/format";
import { seriesColor, seriesShape } from "./series-style";

interface TimePoint {
  /** "2024", "2024-05" or "2024-05-15" */
  date: string;
  value: number;
  /** what the tooltip says: the date at its precision and the value with its unit */
  dateLabel: string;
  valueLabel: string;
}

export interface TimeSeries {
  key: string;
  label: string;
  points: TimePoint[];
}

/** A change stated with both ends (a price cut from 20 to 0.5): a dashed drop at its date, in its series' colour. */
export interface TimeDrop {
  key: string;
  /** index of the series it belongs to */
  series: number;
  date: string;
  from: number;
  to: number;
}

/** A date at its precision as a time on the axis: a month at its middle, a year at its middle. */
function toTime(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  if (!m) return Date.UTC(y, 6, 1);
  return Date.UTC(y, m - 1, d || 15);
}

/** Month starts every few months from at or before `t0` to past `t1`: the x axis' bounds and ticks (about 7). */
function monthTicks(t0: number, t1: number): number[] {
  const start = new Date(t0);
  const end = new Date(t1);
  const span = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth() + 1;
  // a step that reads well (a month, a quarter, half a year, a year...), ticks at its boundaries
  const step = [1, 2, 3, 6, 12, 24, 60].find((n) => n >= span / 6) ?? 120;
  const first = start.getUTCFullYear() * 12 + start.getUTCMonth();
  const ticks: number[] = [];
  for (let m = first - (first % step); ; m += step) {
    const t = Date.UTC(Math.floor(m / 12), m % 12, 1);
    ticks.push(t);
    if (t > t1) break;
  }
  return ticks;
}

/** Whole decades around the values, with room above and below so no point sits on an edge. */
function logDomain(values: number[]): [number, number] {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const bottom = 10 ** Math.floor(Math.log10(lo));
  const top = 10 ** Math.ceil(Math.log10(hi));
  return [bottom === lo ? bottom / 10 : bottom, top === hi ? top * 10 : top];
}

function powersOfTen([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi * 1.0001; v *= 10) out.push(Number(v.toPrecision(1)));
  return out;
}

interface Datum extends TimePoint {
  t: number;
  series: string;
}

function TooltipBody({ active, payload }: { active?: boolean; payload?: readonly { payload?: Datum }[] }) {
  const d = active ? payload?.[0]?.payload : undefined;
  if (!d) return null;
  return (
    <div className="rounded-lg border border-line bg-surface px-3 py-2 text-xs text-ink shadow-sm">
      <p className="font-medium">{d.series}</p>
      <p className="text-ink-2">{d.dateLabel}</p>
      <p className="font-semibold tabular-nums">{d.valueLabel}</p>
    </div>
  );
}

export function TimeSeriesChart({
  series,
  drops = [],
  scale = "linear",
  height = 280,
  tickFormat = "number",
}: {
  series: TimeSeries[];
  drops?: TimeDrop[];
  scale?: "log" | "linear";
  height?: number;
  /** how the y axis' ticks read: plain numbers, or prices (¥0.1, ¥1, ¥10) */
  tickFormat?: "number" | "yuan";
}) {
  const locale = useLocale() as Locale;
  // a log scale has no place for 0 (free): those points stay in the table only
  const drawn = series.map((s) => ({
    ...s,
    data: s.points
      .filter((p) => (scale === "log" ? p.value > 0 : true))
      .map((p): Datum => ({ ...p, t: toTime(p.date), series: s.label }))
      // the line joins points in time order (a year-only date sits mid-year)
      .sort((a, b) => a.t - b.t),
  }));
  const all = drawn.flatMap((s) => s.data);
  if (!all.length) return null;
  const cuts = drops.filter((d) => d.from > 0 && d.to > 0).map((d) => ({ ...d, t: toTime(d.date) }));
  const times = [...all.map((d) => d.t), ...cuts.map((d) => d.t)];
  const xTicks = monthTicks(Math.min(...times), Math.max(...times));
  const xDomain: [number, number] = [xTicks[0], xTicks[xTicks.length - 1]];
  const values = [...all.map((d) => d.value), ...cuts.flatMap((d) => [d.from, d.to])];
  const yDomain = scale === "log" ? logDomain(values) : undefined;
  const nf = new Intl.NumberFormat(locale === "zh" ? "zh-CN" : "en-US", { maximumFractionDigits: 4 });
  const yTick = (v: number) => (tickFormat === "yuan" ? `¥${nf.format(v)}` : nf.format(v));
  const xTick = (t: number) => formatMonthShort(new Date(t).toISOString().slice(0, 7), locale);
  const tick = { fill: "var(--ink-3)", fontSize: 12 };
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ScatterChart margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--line)" />
          <XAxis
            type="number"
            dataKey="t"
            domain={xDomain}
            ticks={xTicks}
            tickFormatter={xTick}
            tick={tick}
            stroke="var(--line-strong)"
            minTickGap={8}
          />
          <YAxis
            type="number"
            dataKey="value"
            scale={scale}
            domain={yDomain ?? [0, "auto"]}
            ticks={yDomain ? powersOfTen(yDomain) : undefined}
            allowDataOverflow={scale === "log"}
            tickFormatter={yTick}
            tick={tick}
            width={56}
            stroke="var(--line-strong)"
          />
          <Tooltip content={<TooltipBody />} cursor={{ stroke: "var(--line-strong)" }} isAnimationActive={false} />
          {cuts.map((d) => (
            <ReferenceLine
              key={`${d.key}-line`}
              segment={[
                { x: d.t, y: d.from },
                { x: d.t, y: d.to },
              ]}
              stroke={seriesColor(d.series)}
              strokeDasharray="4 3"
              strokeWidth={2}
              ifOverflow="extendDomain"
            />
          ))}
          {cuts.map((d) => (
            <ReferenceDot
              key={`${d.key}-from`}
              x={d.t}
              y={d.from}
              r={4}
              fill="var(--surface)"
              stroke={seriesColor(d.series)}
              strokeWidth={2}
            />
          ))}
          {drawn.map((s, i) => (
            <Scatter
              key={s.key}
              name={s.label}
              data={s.data}
              fill={seriesColor(i)}
              stroke={seriesColor(i)}
              shape={seriesShape(i)}
              line={{ stroke: seriesColor(i), strokeWidth: 2 }}
              lineJointType="linear"
              isAnimationActive={false}
            />
          ))}
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
