// The colour and marker of the n-th series, shared by a chart and its legend (drawn in HTML), so a
// line can be told apart by its shape where colours are hard to tell apart.
const COLORS = ["var(--chart-1)", "var(--chart-2)", "var(--chart-3)", "var(--info)", "var(--ok)", "var(--warn)"];
const SHAPES = ["circle", "square", "triangle", "diamond", "star", "cross", "wye"] as const;
const GLYPHS: Record<(typeof SHAPES)[number], string> = {
  circle: "●",
  square: "■",
  triangle: "▲",
  diamond: "◆",
  star: "★",
  cross: "✚",
  wye: "✱",
};

export const seriesColor = (i: number) => COLORS[i % COLORS.length];
export const seriesShape = (i: number) => SHAPES[i % SHAPES.length];
export const seriesGlyph = (i: number) => GLYPHS[seriesShape(i)];
