"use client";
// A bar chart drawn by recharts after hydration. The numbers are also in the ChartFigure's table,
// so the SVG is hidden from assistive technology and the keyboard.
import { Bar, BarChart as RBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BarDatum {
  label: string;
  value: number;
}

/** Width of the category axis: the longest label at 12 px (a CJK character 12 px, others ~7), within bounds. */
function labelWidth(data: BarDatum[]): number {
  const width = (label: string) => [...label].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 12 : 7), 0);
  return Math.min(168, Math.max(48, Math.max(0, ...data.map((d) => width(d.label))) + 12));
}

export function BarChart({
  data,
  height = 240,
  horizontal = false,
  color = "var(--chart-1)",
  valueLabel,
}: {
  data: BarDatum[];
  height?: number;
  /** bars grow to the right, labels on the left (long names) */
  horizontal?: boolean;
  color?: string;
  valueLabel: string;
}) {
  const tick = { fill: "var(--ink-3)", fontSize: 12 };
  const tooltip = (
    <Tooltip
      cursor={{ fill: "var(--subtle)" }}
      contentStyle={{
        background: "var(--surface)",
        border: "1px solid var(--line)",
        borderRadius: 8,
        color: "var(--ink)",
      }}
      formatter={(v) => [v, valueLabel]}
    />
  );
  return (
    <div aria-hidden="true" style={{ height }} className="w-full">
      <ResponsiveContainer width="100%" height="100%">
        {horizontal ? (
          <RBarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
            accessibilityLayer={false}
          >
            <CartesianGrid horizontal={false} stroke="var(--line)" />
            <XAxis type="number" allowDecimals={false} tick={tick} stroke="var(--line-strong)" />
            <YAxis
              type="category"
              dataKey="label"
              width={labelWidth(data)}
              tick={tick}
              stroke="var(--line-strong)"
              interval={0}
            />
            {tooltip}
            <Bar dataKey="value" fill={color} radius={[0, 4, 4, 0]} maxBarSize={22} isAnimationActive={false} />
          </RBarChart>
        ) : (
          <RBarChart data={data} margin={{ top: 8, right: 8, bottom: 4, left: -16 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="var(--line)" />
            <XAxis dataKey="label" tick={tick} stroke="var(--line-strong)" minTickGap={12} />
            <YAxis allowDecimals={false} tick={tick} stroke="var(--line-strong)" />
            {tooltip}
            <Bar dataKey="value" fill={color} radius={[4, 4, 0, 0]} maxBarSize={36} isAnimationActive={false} />
          </RBarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
