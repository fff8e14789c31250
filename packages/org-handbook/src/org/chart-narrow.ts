/**
 * The chart's second layout, for narrow screens: the same boxes as an
 * indented vertical tree, like a file tree, that starts with the top of the
 * chart in the top left corner and fits a 360 px phone.
 *
 * Rows come in the order given (a parent before its reports); a box is
 * indented one step per level, and a unit's reports hang from a vertical line
 * (its spine) running down from the left part of its box. Lines that are not
 * reporting lines (memberships, dotted lines, sponsorship) are arcs on the
 * right of the boxes, in a lane of fixed width, so they never widen the chart.
 * Pure and linear in the number of rows and lines; every coordinate is an
 * integer.
 */

export interface NarrowLayout {
  width: number;
  height: number;
  /** Top-left corner of each node, in the order of `OrgChartData.nodes`. */
  at: Array<[x: number, y: number]>;
  /** SVG path of each line, in the order of `OrgChartData.edges`. */
  d: string[];
}

export interface NarrowRow {
  node: number;
  /** Level of indentation (0 at the left edge). */
  depth: number;
}

export interface NarrowLine {
  from: number;
  to: number;
  /** The row this line joins to its parent row along the parent's spine, when it is a line of the tree. */
  child?: number;
  parent?: number;
}

export interface NarrowGeometry {
  nodeWidth: number;
  margin: number;
  /** Space between two rows. */
  gap: number;
  /** Widest the chart should be: the indentation step shrinks (down to `minIndent`) to keep within it. */
  maxWidth: number;
  maxIndent: number;
  minIndent: number;
  /** Room right of the boxes for the arcs of lines that are not reporting lines. */
  lane: number;
}

export function layoutNarrow(rows: readonly NarrowRow[], heights: readonly number[], lines: readonly NarrowLine[], geometry: NarrowGeometry): NarrowLayout {
  const {nodeWidth, margin, gap, maxWidth, maxIndent, minIndent} = geometry;
  const arcs = lines.some((line) => line.parent === undefined);
  const lane = arcs ? geometry.lane : 0;
  const deepest = rows.reduce((most, row) => Math.max(most, row.depth), 0);
  const spare = maxWidth - 2 * margin - nodeWidth - lane;
  const indent = deepest === 0 ? maxIndent : Math.max(minIndent, Math.min(maxIndent, Math.floor(spare / deepest)));

  const at: Array<[number, number]> = heights.map(() => [0, 0]);
  let y = margin;
  let right = 0;
  for (const row of rows) {
    const x = margin + row.depth * indent;
    at[row.node] = [x, y];
    y += heights[row.node]! + gap;
    right = Math.max(right, x + nodeWidth);
  }
  const height = rows.length > 0 ? y - gap + margin : 2 * margin;
  const mid = (node: number) => at[node]![1] + Math.round(heights[node]! / 2);

  const d = lines.map((line) => {
    if (line.parent !== undefined && line.child !== undefined) {
      const [px, py] = at[line.parent]!;
      const [cx] = at[line.child]!;
      const spine = px + Math.floor(indent / 2);
      return `M${spine} ${py + heights[line.parent]!}V${mid(line.child)}H${cx}`;
    }
    // An arc out into the lane: wider the further apart its ends, so nested arcs stay apart.
    const [upper, lower] = at[line.from]![1] <= at[line.to]![1] ? [line.from, line.to] : [line.to, line.from];
    const x1 = at[upper]![0] + nodeWidth;
    const x2 = at[lower]![0] + nodeWidth;
    const y1 = mid(upper);
    const y2 = mid(lower);
    const bow = right + Math.min(lane - 2, 8 + Math.round((y2 - y1) / 12));
    // Control points 4/3 of the way out: the curve itself reaches the bow.
    const control = Math.round(Math.max(x1, x2) + ((bow - Math.max(x1, x2)) * 4) / 3);
    return `M${x1} ${y1}C${control} ${y1} ${control} ${y2} ${x2} ${y2}`;
  });
  return {width: right + lane + margin, height, at, d};
}
