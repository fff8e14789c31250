import {describe, expect, it} from 'vitest';
import {layoutTree, type LayoutNode, type PlacedNode} from '@site/packages/org-handbook/src/org/layout';
import {random} from '../fixtures/chart/generate';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Pairs of boxes that overlap, found with a sweep along x (fast enough for 5000 boxes). */
function overlaps(boxes: readonly Box[], gap = 0): Array<[Box, Box]> {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const found: Array<[Box, Box]> = [];
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + a.w + gap; j += 1) {
      const b = sorted[j]!;
      if (a.y < b.y + b.h && b.y < a.y + a.h) found.push([a, b]);
    }
  }
  return found;
}

interface MutableNode {
  id: string;
  w: number;
  h: number;
  children: MutableNode[];
  stack?: boolean;
  column?: number;
}

/** A random tree: random sizes, bushy near the top, some long chains; `kinds` > 1 sorts leaves into that many columns. */
function randomTree(size: number, seed: number, fixedSize = false, kinds = 1): MutableNode {
  const next = random(seed);
  const nodes: MutableNode[] = [];
  for (let index = 0; index < size; index += 1) {
    const node: MutableNode = {
      id: `n${index}`,
      w: fixedSize ? 176 : 60 + Math.floor(next() * 140),
      h: fixedSize ? 46 + 16 * Math.floor(next() * 3) : 20 + Math.floor(next() * 80),
      children: [],
    };
    if (index > 0) nodes[Math.floor(index / (1.2 + next() * 5))]!.children.push(node);
    if (index % 13 === 0) node.stack = false;
    if (kinds > 1) node.column = Math.floor(next() * kinds);
    nodes.push(node);
  }
  return nodes[0]!;
}

function chain(length: number): LayoutNode {
  let node: LayoutNode = {id: `c${length - 1}`, w: 100, h: 40};
  for (let index = length - 2; index >= 0; index -= 1) node = {id: `c${index}`, w: 100, h: 40, children: [node]};
  return node;
}

function count(root: LayoutNode): number {
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    total += 1;
    pending.push(...(pending.pop()!.children ?? []));
  }
  return total;
}

const byId = (nodes: readonly PlacedNode[]) => new Map(nodes.map((node) => [node.id, node]));

describe('layoutTree', () => {
  it('places every node once, in pre-order, with integer coordinates inside the extent', () => {
    const root = randomTree(300, 7);
    const layout = layoutTree(root);
    expect(layout.nodes).toHaveLength(300);
    expect(new Set(layout.nodes.map((node) => node.id)).size).toBe(300);
    expect(layout.nodes[0]!.id).toBe('n0');
    expect(layout.nodes[0]!.parent).toBe(-1);
    for (const node of layout.nodes) {
      for (const value of [node.x, node.y, node.busY, node.spineX ?? 0]) expect(Number.isInteger(value)).toBe(true);
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.y).toBeGreaterThanOrEqual(0);
      expect(node.x + node.w).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.h).toBeLessThanOrEqual(layout.height);
      if (node.parent >= 0) expect(layout.nodes[node.parent]!.y + layout.nodes[node.parent]!.h).toBeLessThanOrEqual(node.y);
    }
    // The leftmost box (a node, or a stacked column whose spine is 12 px into it) starts at 0.
    expect(Math.min(...layout.nodes.map((node) => (node.spineX === undefined ? node.x : node.spineX - 12)))).toBe(0);
  });

  it('centres a parent over its children, keeps their order and aligns rows', () => {
    const leaf = (id: string, h = 46): LayoutNode => ({id, w: 176, h});
    const root: LayoutNode = {
      id: 'root',
      w: 176,
      h: 46,
      children: [
        {id: 'a', w: 176, h: 46, children: [leaf('a1'), leaf('a2', 78)]},
        {id: 'b', w: 176, h: 62, children: [leaf('b1')]},
      ],
    };
    const nodes = byId(layoutTree(root, {gapX: 16, gapY: 40}).nodes);
    const centre = (id: string) => nodes.get(id)!.x + nodes.get(id)!.w / 2;
    expect(centre('root')).toBeCloseTo((centre('a') + centre('b')) / 2, 0);
    expect(centre('a')).toBeCloseTo((centre('a1') + centre('a2')) / 2, 0);
    expect(centre('b')).toBe(centre('b1'));
    expect(nodes.get('a1')!.x + 176 + 16).toBeLessThanOrEqual(nodes.get('a2')!.x);
    expect(nodes.get('a')!.x).toBeLessThan(nodes.get('b')!.x);
    // Rows: a row is as tall as its tallest node, plus the gap.
    expect(nodes.get('a')!.y).toBe(86);
    expect(nodes.get('b')!.y).toBe(86);
    expect(nodes.get('a1')!.y).toBe(86 + 62 + 40);
    expect(nodes.get('b1')!.y).toBe(nodes.get('a1')!.y);
    expect(nodes.get('a1')!.busY).toBe(nodes.get('a1')!.y - 20);
  });

  it('stacks many leaf children in one column with a spine, and not a few or when told not to', () => {
    const leaves = (prefix: string, n: number): LayoutNode[] => Array.from({length: n}, (_, i) => ({id: `${prefix}${i}`, w: 176, h: 46}));
    const layout = layoutTree({id: 'p', w: 176, h: 46, children: [...leaves('x', 5), {id: 'sub', w: 176, h: 46, children: leaves('y', 2)}]});
    const nodes = byId(layout.nodes);
    const column = [0, 1, 2, 3, 4].map((i) => nodes.get(`x${i}`)!);
    expect(new Set(column.map((node) => node.x)).size).toBe(1);
    for (let i = 1; i < column.length; i += 1) expect(column[i]!.y).toBe(column[i - 1]!.y + 46 + 8);
    expect(column.every((node) => node.spineX === node.x - 12)).toBe(true);
    // Two leaves stay side by side.
    expect(nodes.get('y0')!.y).toBe(nodes.get('y1')!.y);
    expect(nodes.get('y0')!.spineX).toBeUndefined();
    expect(overlaps(layout.nodes)).toEqual([]);

    const flat = byId(layoutTree({id: 'p', w: 176, h: 46, stack: false, children: leaves('x', 5)}).nodes);
    expect(new Set([0, 1, 2, 3, 4].map((i) => flat.get(`x${i}`)!.y)).size).toBe(1);
    const never = byId(layoutTree({id: 'p', w: 176, h: 46, children: leaves('x', 5)}, {stackFrom: Infinity}).nodes);
    expect(never.get('x4')!.y).toBe(never.get('x0')!.y);
  });

  it('keeps the requested room free right of a stacked column', () => {
    const tree = (room?: number): LayoutNode => ({
      id: 'p',
      w: 176,
      h: 46,
      children: [
        {id: 'a', w: 176, h: 46, ...(room ? {columnRoom: room} : {}), children: ['1', '2', '3'].map((id) => ({id: `a${id}`, w: 176, h: 46}))},
        {id: 'b', w: 176, h: 46, children: ['1', '2', '3'].map((id) => ({id: `b${id}`, w: 176, h: 46}))},
      ],
    });
    const gapOf = (layout: ReturnType<typeof layoutTree>) => {
      const nodes = byId(layout.nodes);
      return nodes.get('b1')!.x - (nodes.get('a1')!.x + 176);
    };
    expect(gapOf(layoutTree(tree(40)))).toBe(gapOf(layoutTree(tree())) + 40);
  });

  it('stacks leaves of different kinds in one column per kind, side by side, in column order', () => {
    const leaf = (id: string, column: number, h = 46): LayoutNode => ({id, w: 176, h, column});
    // Given interleaved, with a subtree among them: the columns take the first leaf's place.
    const root: LayoutNode = {
      id: 'p',
      w: 176,
      h: 46,
      children: [leaf('t0', 6), leaf('a0', 5), {id: 'sub', w: 176, h: 46, children: [leaf('s0', 0), leaf('s1', 0)]}, leaf('a1', 5, 62), leaf('t1', 6), leaf('a2', 5)],
    };
    const layout = layoutTree(root);
    const nodes = byId(layout.nodes);
    const areas = ['a0', 'a1', 'a2'].map((id) => nodes.get(id)!);
    const teams = ['t0', 't1'].map((id) => nodes.get(id)!);
    // One column per kind, each in the given order, its top on the children's row.
    expect(new Set(areas.map((node) => node.x)).size).toBe(1);
    expect(new Set(teams.map((node) => node.x)).size).toBe(1);
    expect(areas.map((node) => node.y)).toEqual([86, 86 + 46 + 8, 86 + 46 + 8 + 62 + 8]);
    expect(teams.map((node) => node.y)).toEqual([86, 86 + 46 + 8]);
    // Areas (the lower value) on the left, then teams, then the subtree; nothing overlaps.
    const sub = nodes.get('sub')!;
    expect(areas[0]!.x + 176).toBeLessThan(teams[0]!.x);
    expect(teams[0]!.x + 176).toBeLessThan(sub.x);
    expect(overlaps(layout.nodes, 15)).toEqual([]);
    // The first column's spine runs down its left side, the last one's down its right side,
    // so the space between them is free; each is 12 px from its units.
    expect(areas.every((node) => node.spineX === node.x - 12)).toBe(true);
    expect(teams.every((node) => node.spineX === node.x + 176 + 12)).toBe(true);
    expect(teams[0]!.spineX! + 12 + 16).toBeLessThanOrEqual(sub.x);
    // Every unit and spine within the extent, integers throughout.
    for (const node of layout.nodes) {
      for (const value of [node.x, node.y, node.busY, node.spineX ?? 0]) expect(Number.isInteger(value)).toBe(true);
      expect(node.x + node.w).toBeLessThanOrEqual(layout.width);
      if (node.spineX !== undefined) expect(node.spineX).toBeLessThanOrEqual(layout.width);
    }
    // The parent stays centred over all its children, from the first column's indent.
    const p = nodes.get('p')!;
    expect(Math.abs(p.x + 88 - (areas[0]!.spineX! - 12 + sub.x + 176) / 2)).toBeLessThanOrEqual(1);

    // One kind only: one column, as before.
    const single = byId(layoutTree({id: 'p', w: 176, h: 46, children: [leaf('a', 5), leaf('b', 5), leaf('c', 5)]}).nodes);
    expect(new Set(['a', 'b', 'c'].map((id) => single.get(id)!.x)).size).toBe(1);
    expect(single.get('c')!.spineX).toBe(single.get('c')!.x - 12);
  });

  it('keeps each column’s room on the side away from its spine', () => {
    const kids = (['a', 'a', 'a', 't', 't'] as const).map((kind, i) => ({id: `${kind}${i}`, w: 176, h: 46, column: kind === 'a' ? 0 : 1}));
    const between = (columnRoom?: number | number[]) => {
      const nodes = byId(layoutTree({id: 'p', w: 176, h: 46, children: kids, ...(columnRoom === undefined ? {} : {columnRoom})}).nodes);
      return nodes.get('t3')!.x - (nodes.get('a0')!.x + 176);
    };
    const plain = between();
    expect(plain).toBe(16);
    expect(between([40])).toBe(plain + 40);
    // The last column's room is on its left too, so both rooms open the space between.
    expect(between([40, 8])).toBe(plain + 48);
    expect(between(10)).toBe(plain + 20);
  });

  it('never overlaps boxes and keeps the horizontal gap, whatever their sizes', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      for (const size of [2, 9, 60, 400]) {
        const root = randomTree(size, seed, false, seed % 2 === 0 ? 3 : 1);
        for (const options of [{}, {stackFrom: Infinity}, {stackFrom: 1}, {gapX: 0, gapY: 0}]) {
          const layout = layoutTree(root, options);
          expect(layout.nodes).toHaveLength(size);
          // Rounding may take a pixel off the gap, never more.
          const gap = 'gapX' in options ? 0 : 15;
          expect(overlaps(layout.nodes, gap), `seed ${seed}, ${size} nodes, ${JSON.stringify(options)}`).toEqual([]);
        }
      }
    }
  });

  it('gives the same output on every run and leaves its input alone', () => {
    const root = randomTree(500, 3);
    const before = JSON.stringify(root);
    const first = layoutTree(root);
    const second = layoutTree(randomTree(500, 3));
    expect(second).toEqual(first);
    expect(JSON.stringify(first)).toBe(JSON.stringify(layoutTree(root)));
    expect(JSON.stringify(root)).toBe(before);
  });

  it('lays out 5000 units quickly, every one placed and none overlapping', () => {
    const root = randomTree(5000, 11, true, 2);
    const started = performance.now();
    const layout = layoutTree(root);
    const elapsed = performance.now() - started;
    expect(layout.nodes).toHaveLength(5000);
    expect(new Set(layout.nodes.map((node) => node.id)).size).toBe(5000);
    expect(overlaps(layout.nodes, 15)).toEqual([]);
    // Typically ~10 ms; the bound only catches a lost linear time.
    expect(elapsed).toBeLessThan(1000);
  });

  it('handles a 5000-deep chain without recursion limits', () => {
    const root = chain(5000);
    expect(count(root)).toBe(5000);
    const layout = layoutTree(root);
    expect(layout.nodes).toHaveLength(5000);
    expect(new Set(layout.nodes.map((node) => node.x))).toEqual(new Set([0]));
    expect(layout.height).toBe(5000 * 40 + 4999 * 40);
  });
});
