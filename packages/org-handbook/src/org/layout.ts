/**
 * Tidy-tree layout of the reporting lines: pure, deterministic and linear in
 * the number of nodes (dagre needed ~100 s for 5000 nodes; this needs a few ms).
 *
 * The horizontal placement follows the non-layered tidy-tree method of
 * A. van der Ploeg, "Drawing non-layered tidy trees in linear time"
 * (Software: Practice and Experience, 2014), itself an extension of
 * Walker's algorithm as made linear by Buchheim, Jünger and Leipert: each
 * subtree is laid out once, bottom-up, then pushed right against its left
 * siblings by walking only their facing contours; contours are stitched
 * together with threads, and the extra space is spread over the siblings in
 * between in one pass. Boxes may have any width and height, which is what lets
 * a column of stacked leaves (see `stackFrom`) take part as a single tall box.
 * Leaves of different sorts (see `LayoutNode.column`) go into one column per
 * sort, side by side, each column a box of its own hanging from the parent.
 *
 * Vertically, nodes sit in rows by depth: every row is as tall as its tallest
 * node, so names wrapped on one, two or three lines still give aligned rows.
 *
 * Everything is iterative (no recursion), so a 5000-deep chain cannot overflow
 * the stack, and every coordinate returned is an integer.
 */

export interface LayoutNode {
  id: string;
  /** Box size in px. */
  w: number;
  h: number;
  children?: readonly LayoutNode[];
  /** `false` keeps this node's leaf children side by side however many there are. */
  stack?: boolean;
  /**
   * Which of its parent's stacked columns this leaf joins (default 0): leaves
   * with the same value share a column, and the columns stand side by side in
   * increasing order of the value, each keeping its leaves in their given order.
   *
   * Why: one long column of leaves of different sorts (functional areas, then
   * teams drawing on them) makes a tall, narrow chart whose lines between the
   * sorts all bunch up beside the column. A column per sort uses the width a
   * page has anyway, and puts the lines between sorts between the columns.
   */
  column?: number;
  /**
   * Extra space kept free beside this node's stacked columns, on the side away
   * from each column's spine (for lines drawn there): one number for every
   * column, or one per column in their left-to-right order.
   */
  columnRoom?: number | readonly number[];
  /**
   * `false` keeps the spine of the last of several stacked columns on its left
   * like the others (by default it runs down the right side, see
   * `PlacedNode.spineX`). Why: a list wrapped into several columns of one sort
   * has no lines between sorts to keep room for, and reads best with every
   * column hanging the same way.
   */
  lastSpineRight?: boolean;
}

export interface LayoutOptions {
  /** Horizontal space between neighbouring boxes. */
  gapX: number;
  /** Vertical space between a row and the next one (the connectors run in it). */
  gapY: number;
  /**
   * Stack a parent's leaf children in one column once it has at least this many
   * (`Infinity` turns stacking off).
   *
   * Why: in an organization most units are leaves (roles, small teams), and a
   * row of n leaves makes the chart n node widths wide, so the whole chart grows
   * sideways with the org, which is the direction a page (and a 360 px phone)
   * scrolls worst. A column grows downwards, where pages scroll naturally, and
   * it reads like the indented lists people already use for structure. Two
   * leaves side by side are still compact, so stacking starts at three.
   */
  stackFrom: number;
  /** How far a stacked column is indented; its connector (the spine) runs in the middle of the indent. */
  stackIndent: number;
  /** Vertical space between stacked leaves. */
  stackGap: number;
}

export const DEFAULT_LAYOUT_OPTIONS: LayoutOptions = {
  gapX: 16,
  gapY: 40,
  stackFrom: 3,
  stackIndent: 24,
  stackGap: 8,
};

/** The children of `node` that go into its stacked columns: its leaf children when there are enough of them. */
export function stackedChildren(node: LayoutNode, stackFrom = DEFAULT_LAYOUT_OPTIONS.stackFrom): LayoutNode[] {
  if (node.stack === false) return [];
  const leaves = (node.children ?? []).filter((child) => (child.children ?? []).length === 0);
  return leaves.length >= stackFrom ? leaves : [];
}

/**
 * Splits stacked leaves into their columns: one per distinct `columnOf` value,
 * in increasing order of it, each keeping the leaves' order. Linear apart from
 * ordering the distinct values, of which there are a handful (one per kind).
 */
export function stackColumns<T>(leaves: readonly T[], columnOf: (leaf: T) => number): T[][] {
  const byValue = new Map<number, T[]>();
  for (const leaf of leaves) {
    const value = columnOf(leaf);
    const members = byValue.get(value);
    if (members) members.push(leaf);
    else byValue.set(value, [leaf]);
  }
  return [...byValue.keys()].sort((a, b) => a - b).map((value) => byValue.get(value)!);
}

export interface PlacedNode {
  id: string;
  /** Top-left corner and size of the box. */
  x: number;
  y: number;
  w: number;
  h: number;
  /** Index of the parent in `TreeLayout.nodes`; -1 for the root. */
  parent: number;
  depth: number;
  /** Height of the line connecting this node to its parent's row (midway between the rows); the root's own top. */
  busY: number;
  /**
   * Only for a stacked leaf: x of the vertical connector (the spine) running
   * down the column's left side, or its right side for the last of several
   * columns side by side, so that the space between the last two columns is
   * free for lines between their units.
   */
  spineX?: number;
}

export interface TreeLayout {
  /** Every node, in pre-order (a parent before its children, children in their given order). */
  nodes: PlacedNode[];
  /** Extent of all boxes and of the indents of stacked columns; the leftmost starts at x = 0 and the root at y = 0. */
  width: number;
  height: number;
}

/** One list entry of the sibling-index list used while separating subtrees. */
interface LowEntry {
  low: number;
  index: number;
  next: LowEntry | null;
}

export function layoutTree(root: LayoutNode, options: Partial<LayoutOptions> = {}): TreeLayout {
  const {gapX, gapY, stackFrom, stackIndent, stackGap} = {...DEFAULT_LAYOUT_OPTIONS, ...options};

  // 1. Flatten the input in pre-order.
  const input: LayoutNode[] = [];
  const parentOf: number[] = [];
  const depthOf: number[] = [];
  const childrenOf: number[][] = [];
  const pending: Array<[LayoutNode, number, number]> = [[root, -1, 0]];
  while (pending.length > 0) {
    const [node, parent, depth] = pending.pop()!;
    const index = input.length;
    input.push(node);
    parentOf.push(parent);
    depthOf.push(depth);
    childrenOf.push([]);
    if (parent >= 0) childrenOf[parent]!.push(index);
    const kids = node.children ?? [];
    for (let k = kids.length - 1; k >= 0; k -= 1) pending.push([kids[k]!, index, depth + 1]);
  }
  const count = input.length;

  // 2. Group nodes into boxes: a node alone, or a column of stacked leaves.
  //    Box indices grow in pre-order of boxes, so a parent box always has a
  //    smaller index than its children (used by both walks below).
  const boxMembers: number[][] = [[0]];
  const boxKids: number[][] = [[]];
  /** 1 for a box that is a column of stacked leaves, 2 for one whose spine runs down its right side. */
  const columnFlags: number[] = [0];
  const columnRoom: number[] = [];
  const boxOfNode = new Int32Array(count);
  const isLeaf = (kid: number) => childrenOf[kid]!.length === 0;
  const columnOf = (leaf: number) => input[leaf]!.column ?? 0;
  const addBox = (parentBox: number, members: number[], flag: number): number => {
    const box = boxMembers.length;
    boxMembers.push(members);
    boxKids.push([]);
    columnFlags.push(flag);
    boxKids[parentBox]!.push(box);
    for (const member of members) boxOfNode[member] = box;
    return box;
  };
  for (let node = 0; node < count; node += 1) {
    const kids = childrenOf[node]!;
    if (kids.length === 0) continue;
    const parentBox = boxOfNode[node]!;
    const stacked = stackedChildren(input[node]!, stackFrom).length > 0;
    let columnsAdded = false;
    for (const kid of kids) {
      if (!stacked || !isLeaf(kid)) {
        addBox(parentBox, [kid], 0);
        continue;
      }
      // The columns, side by side, take the place of the first leaf among the children.
      if (columnsAdded) continue;
      columnsAdded = true;
      const columns = stackColumns(kids.filter(isLeaf), columnOf);
      const room = input[node]!.columnRoom;
      columns.forEach((members, position) => {
        const last = columns.length > 1 && position === columns.length - 1 && input[node]!.lastSpineRight !== false;
        const box = addBox(parentBox, members, last ? 2 : 1);
        columnRoom[box] = Math.max(0, (typeof room === 'number' ? room : room?.[position]) ?? 0);
      });
    }
  }
  const boxes = boxMembers.length;
  const columnFlag = Uint8Array.from(columnFlags);

  // 3. Rows: each depth is as tall as its tallest box head (a column's first leaf).
  const rowHeight: number[] = [];
  for (let box = 0; box < boxes; box += 1) {
    const head = boxMembers[box]![0]!;
    const depth = depthOf[head]!;
    rowHeight[depth] = Math.max(rowHeight[depth] ?? 0, input[head]!.h);
  }
  const rowTop: number[] = [0];
  for (let depth = 0; depth < rowHeight.length; depth += 1) {
    rowTop[depth + 1] = rowTop[depth]! + rowHeight[depth]! + gapY;
  }

  // Layout boxes: widths and heights include the gaps, so boxes that touch are
  // exactly one gap apart, and a box's children start right at its bottom.
  // A column is its spine's indent, its widest leaf and its room, in the
  // order that puts the indent on the spine's side.
  const width = new Float64Array(boxes);
  const widestOf = new Float64Array(boxes);
  const height = new Float64Array(boxes);
  const top = new Float64Array(boxes);
  for (let box = 0; box < boxes; box += 1) {
    const members = boxMembers[box]!;
    const depth = depthOf[members[0]!]!;
    top[box] = rowTop[depth]!;
    if (columnFlag[box]) {
      let widest = 0;
      let tall = -stackGap;
      for (const member of members) {
        widest = Math.max(widest, input[member]!.w);
        tall += input[member]!.h + stackGap;
      }
      widestOf[box] = widest;
      width[box] = stackIndent + widest + (columnRoom[box] ?? 0) + gapX;
      height[box] = tall + gapY;
    } else {
      width[box] = input[members[0]!]!.w + gapX;
      height[box] = rowHeight[depth]! + gapY;
    }
  }

  // 4. First walk, children before parents.
  const prelim = new Float64Array(boxes);
  const mod = new Float64Array(boxes);
  const shift = new Float64Array(boxes);
  const change = new Float64Array(boxes);
  const modSumLeft = new Float64Array(boxes);
  const modSumRight = new Float64Array(boxes);
  const threadLeft = new Int32Array(boxes).fill(-1);
  const threadRight = new Int32Array(boxes).fill(-1);
  const extremeLeft = new Int32Array(boxes);
  const extremeRight = new Int32Array(boxes);
  const bottom = (box: number) => top[box]! + height[box]!;
  const nextOnLeft = (box: number) => {
    const kids = boxKids[box]!;
    return kids.length > 0 ? kids[0]! : threadLeft[box]!;
  };
  const nextOnRight = (box: number) => {
    const kids = boxKids[box]!;
    return kids.length > 0 ? kids[kids.length - 1]! : threadRight[box]!;
  };

  for (let box = boxes - 1; box >= 0; box -= 1) {
    const kids = boxKids[box]!;
    if (kids.length === 0) {
      extremeLeft[box] = box;
      extremeRight[box] = box;
      continue;
    }
    const first = kids[0]!;
    let lows: LowEntry | null = {low: bottom(extremeLeft[first]!), index: 0, next: null};
    for (let i = 1; i < kids.length; i += 1) {
      const current = kids[i]!;
      const lowest = bottom(extremeRight[current]!);
      lows = separate(box, i, lows);
      while (lows !== null && lowest >= lows.low) lows = lows.next;
      lows = {low: lowest, index: i, next: lows};
    }
    const last = kids[kids.length - 1]!;
    // Centre the parent over its first and last child.
    prelim[box] = (prelim[first]! + mod[first]! + mod[last]! + prelim[last]! + width[last]!) / 2 - width[box]! / 2;
    extremeLeft[box] = extremeLeft[first]!;
    modSumLeft[box] = modSumLeft[first]!;
    extremeRight[box] = extremeRight[last]!;
    modSumRight[box] = modSumRight[last]!;
  }

  /** Pushes child `i` of `parent` right until it clears all its left siblings. */
  function separate(parent: number, i: number, lowsIn: LowEntry): LowEntry {
    const kids = boxKids[parent]!;
    let lows = lowsIn;
    // Right contour of the siblings on the left, left contour of the new subtree,
    // each with the sum of modifiers down to the current contour box.
    let right = kids[i - 1]!;
    let rightSum = mod[right]!;
    let left = kids[i]!;
    let leftSum = mod[left]!;
    while (right >= 0 && left >= 0) {
      while (lows.next !== null && bottom(right) > lows.low) lows = lows.next;
      const overlap = rightSum + prelim[right]! + width[right]! - (leftSum + prelim[left]!);
      if (overlap > 0) {
        leftSum += overlap;
        moveSubtree(parent, i, lows.index, overlap);
      }
      const rightBottom = bottom(right);
      const leftBottom = bottom(left);
      if (rightBottom <= leftBottom) {
        right = nextOnRight(right);
        if (right >= 0) rightSum += mod[right]!;
      }
      if (rightBottom >= leftBottom) {
        left = nextOnLeft(left);
        if (left >= 0) leftSum += mod[left]!;
      }
    }
    if (right < 0 && left >= 0) {
      // The new subtree reaches lower: thread the left siblings' left contour into it.
      const firstKid = kids[0]!;
      const from = extremeLeft[firstKid]!;
      threadLeft[from] = left;
      const delta = leftSum - mod[left]! - modSumLeft[firstKid]!;
      mod[from] = mod[from]! + delta;
      prelim[from] = prelim[from]! - delta;
      extremeLeft[firstKid] = extremeLeft[kids[i]!]!;
      modSumLeft[firstKid] = modSumLeft[kids[i]!]!;
    } else if (right >= 0 && left < 0) {
      // The left siblings reach lower: thread the new subtree's right contour into them.
      const kid = kids[i]!;
      const from = extremeRight[kid]!;
      threadRight[from] = right;
      const delta = rightSum - mod[right]! - modSumRight[kid]!;
      mod[from] = mod[from]! + delta;
      prelim[from] = prelim[from]! - delta;
      extremeRight[kid] = extremeRight[kids[i - 1]!]!;
      modSumRight[kid] = modSumRight[kids[i - 1]!]!;
    }
    return lows;
  }

  function moveSubtree(parent: number, i: number, fromIndex: number, distance: number): void {
    const kids = boxKids[parent]!;
    const kid = kids[i]!;
    mod[kid] = mod[kid]! + distance;
    modSumLeft[kid] = modSumLeft[kid]! + distance;
    modSumRight[kid] = modSumRight[kid]! + distance;
    // Spread the move over the smaller siblings in between (applied in the second walk).
    const between = i - fromIndex;
    if (between > 1) {
      const share = distance / between;
      const next = kids[fromIndex + 1]!;
      shift[next] = shift[next]! + share;
      shift[kid] = shift[kid]! - share;
      change[kid] = change[kid]! - (distance - share);
    }
  }

  // 5. Second walk, parents before children: absolute x of every box.
  const left = new Float64Array(boxes);
  const modSum = new Float64Array(boxes);
  for (let box = 0; box < boxes; box += 1) {
    const sum = modSum[box]! + mod[box]!;
    left[box] = prelim[box]! + sum;
    let step = 0;
    let extra = 0;
    for (const kid of boxKids[box]!) {
      step += shift[kid]!;
      extra += step + change[kid]!;
      mod[kid] = mod[kid]! + extra;
      modSum[kid] = sum;
    }
  }

  // 6. Boxes → nodes, shifted so that the leftmost box starts at 0.
  let minX = Infinity;
  for (let box = 0; box < boxes; box += 1) minX = Math.min(minX, left[box]!);
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const spine = new Float64Array(count).fill(NaN);
  let columnsRight = 0;
  for (let box = 0; box < boxes; box += 1) {
    const x = left[box]! - minX;
    const members = boxMembers[box]!;
    if (columnFlag[box] === 2) {
      // Room, leaves flush right against the indent, spine in the indent.
      const edge = x + (columnRoom[box] ?? 0) + widestOf[box]!;
      let y = top[box]!;
      for (const member of members) {
        xs[member] = edge - input[member]!.w;
        ys[member] = y;
        spine[member] = edge + stackIndent / 2;
        y += input[member]!.h + stackGap;
      }
      columnsRight = Math.max(columnsRight, edge + stackIndent);
    } else if (columnFlag[box]) {
      let y = top[box]!;
      for (const member of members) {
        xs[member] = x + stackIndent;
        ys[member] = y;
        spine[member] = x + stackIndent / 2;
        y += input[member]!.h + stackGap;
      }
    } else {
      xs[members[0]!] = x;
      ys[members[0]!] = top[box]!;
    }
  }
  const nodes: PlacedNode[] = new Array(count);
  let extentX = 0;
  let extentY = 0;
  for (let index = 0; index < count; index += 1) {
    const source = input[index]!;
    const depth = depthOf[index]!;
    const placed: PlacedNode = {
      id: source.id,
      x: Math.round(xs[index]!),
      y: Math.round(ys[index]!),
      w: source.w,
      h: source.h,
      parent: parentOf[index]!,
      depth,
      busY: Math.round(depth === 0 ? 0 : rowTop[depth]! - gapY / 2),
    };
    if (!Number.isNaN(spine[index]!)) placed.spineX = Math.round(spine[index]!);
    nodes[index] = placed;
    extentX = Math.max(extentX, placed.x + placed.w);
    extentY = Math.max(extentY, placed.y + placed.h);
  }
  return {nodes, width: Math.max(extentX, Math.round(columnsRight)), height: extentY};
}
