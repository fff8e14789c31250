import DOMPurify from 'dompurify';
import {describe, expect, it} from 'vitest';
import {FIXED_IDS, generatedVocabulary, generateOrganization} from '@site/scripts/bench/generate-org';
import {createChartData, wrapText, type ChartEdgeType, type ChartNode, type ChartOutline, type OrgChartData} from '@site/src/org/chart';
import {buildOrgGraph, type OrgGraph} from '@site/src/org/graph';
import {parsePage, type LoadedUnit} from '@site/src/org/load';
import {toMermaid} from '@site/src/org/mermaid';
import {generateOrg, unit} from '../fixtures/chart/generate';
import {handbookGraph, handbookLeavesGraph, hrefOf} from '../fixtures/chart/handbook';
import {HOSTILE_NAMES, hostileGraph} from '../fixtures/chart/hostile';

/** The generated organizations (here and in the benchmarks) have teams that report to a manager: their own vocabulary says so. */
const GENERATED = generatedVocabulary();
const isExternal = (kind: string) => kind === 'sponsor' || kind === 'institution';

function graphOf(units: LoadedUnit[]): OrgGraph {
  const result = buildOrgGraph(units, GENERATED);
  if (!result.graph) throw new Error(result.problems.map((problem) => problem.message).join('\n'));
  return result.graph;
}

const W = 176;

/** The benchmark's generated organization (`scripts/bench/generate-org.ts`), loaded as the build would load it. */
function benchmarkGraph(units: number): OrgGraph {
  const loaded = generateOrganization({units, seed: 1})
    .filter((file) => file.path.endsWith('.md'))
    .flatMap((file) => parsePage(file.path, file.content, GENERATED).unit ?? []);
  return graphOf(loaded);
}

/** Units in each unit's reporting subtree, itself included. */
function subtreeSizes(graph: OrgGraph): Map<string, number> {
  const order = [graph.rootId];
  for (let index = 0; index < order.length; index += 1) order.push(...(graph.children.get(order[index]!) ?? []));
  const sizes = new Map<string, number>();
  for (const id of order.reverse()) sizes.set(id, 1 + (graph.children.get(id) ?? []).reduce((sum, child) => sum + sizes.get(child)!, 0));
  return sizes;
}

/**
 * The counting rule of a `full` chart from `root`: every internal unit under it
 * is drawn or counted exactly once; a unit with `below` draws none of its
 * reports and counts its whole subtree; a "+N" node stands only beside reports
 * that are drawn, and counts the reports left out with their subtrees.
 */
function expectEveryUnitAccountedFor(chart: OrgChartData, graph: OrgGraph, root = graph.rootId): void {
  const sizes = subtreeSizes(graph);
  const drawn = new Set(chart.nodes.filter((node) => node.count === undefined).map((node) => node.id));
  const childrenDrawn = (id: string) => chart.edges.filter((line) => line.type === 'reports' && line.from === indexOf(chart, id));
  let counted = 0;
  for (const node of chart.nodes) {
    if (node.below !== undefined) {
      expect(node.kind).toBeDefined();
      expect(node.below).toBe(sizes.get(node.id)! - 1);
      expect(childrenDrawn(node.id)).toEqual([]);
      counted += node.below;
    }
    if (node.count !== undefined) {
      const owner = node.id.replace(/--more$/, '');
      const reports = graph.children.get(owner)!;
      const shown = reports.filter((id) => drawn.has(id));
      expect(shown.length).toBeGreaterThan(0);
      expect(node.count).toBe(reports.filter((id) => !drawn.has(id)).reduce((sum, id) => sum + sizes.get(id)!, 0));
      counted += node.count;
    }
  }
  // A unit drawn with reports either draws all of them or counts the rest in a "+N" node.
  for (const id of drawn) {
    const reports = graph.children.get(id) ?? [];
    const node = chart.nodes[indexOf(chart, id)]!;
    if (reports.length === 0 || node.below !== undefined || isExternal(node.kind!)) continue;
    const missing = reports.filter((report) => !drawn.has(report));
    if (missing.length > 0) expect(indexOf(chart, `${id}--more`)).toBeGreaterThanOrEqual(0);
  }
  const internal = chart.nodes.filter((node) => node.count === undefined && !isExternal(node.kind!)).length;
  expect(internal + counted).toBe(sizes.get(root));
}

function overlapping(nodes: readonly ChartNode[]): string[] {
  const found: string[] = [];
  const sorted = [...nodes].sort((a, b) => a.x - b.x);
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.x < a.x + W; j += 1) {
      const b = sorted[j]!;
      if (a.y < b.y + b.h && b.y < a.y + a.h) found.push(`${a.id} × ${b.id}`);
    }
  }
  return found;
}

function outlineNodes(outline: ChartOutline): number[] {
  const found: number[] = [];
  const pending = [outline];
  while (pending.length > 0) {
    const [node, reports] = pending.pop()!;
    found.push(node);
    pending.push(...(reports ?? []));
  }
  return found;
}

/** What every chart must satisfy, whatever its variant. */
function expectWellFormed(chart: OrgChartData): void {
  expect(JSON.parse(JSON.stringify(chart))).toEqual(chart);
  expect(new Set(chart.nodes.map((node) => node.id)).size).toBe(chart.nodes.length);
  expect(overlapping(chart.nodes)).toEqual([]);
  for (const node of chart.nodes) {
    for (const value of [node.x, node.y, node.h]) expect(Number.isInteger(value)).toBe(true);
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + chart.nodeWidth).toBeLessThanOrEqual(chart.width);
    expect(node.y + node.h).toBeLessThanOrEqual(chart.height);
    if (node.kind) expect(chart.kinds[node.kind]).toBeTruthy();
    else expect(node.count).toBeGreaterThan(0);
  }
  for (const edge of chart.edges) {
    expect(chart.nodes[edge.from]).toBeDefined();
    expect(chart.nodes[edge.to]).toBeDefined();
    expect(edge.d).toMatch(/^M-?\d+ -?\d+(?:[VH]-?\d+|C-?\d+ -?\d+ -?\d+ -?\d+ -?\d+ -?\d+)+$/);
    // Every number in a path stays inside the chart.
    const numbers = edge.d.match(/-?\d+/g)!.map(Number);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(Math.max(chart.width, chart.height));
  }
  const outlined = outlineNodes(chart.outline);
  expect(new Set(outlined).size).toBe(outlined.length);
}

const typesOf = (chart: OrgChartData) => new Set(chart.edges.map((edge) => edge.type));
const indexOf = (chart: OrgChartData, id: string) => chart.nodes.findIndex((node) => node.id === id);
const edge = (chart: OrgChartData, type: ChartEdgeType, from: string, to: string) =>
  chart.edges.find((candidate) => candidate.type === type && candidate.from === indexOf(chart, from) && candidate.to === indexOf(chart, to));

describe('createChartData: full chart', () => {
  const graph = handbookGraph();
  const chart = createChartData(graph, {hrefOf, variant: 'full'});

  it('shows every unit, once, as a link to its page with its name and kind label', () => {
    expectWellFormed(chart);
    expect(chart.nodes.map((node) => node.id).sort()).toEqual([...graph.units.keys()].sort());
    for (const node of chart.nodes) {
      const unit = graph.units.get(node.id)!;
      expect(node.name).toBe(unit.name);
      expect(node.href).toBe(hrefOf(node.id));
      expect(node.kind).toBe(unit.kind);
    }
    expect(chart.kinds).toMatchObject({organization: 'Organization', area: 'Functional area', team: 'Cross-functional team', sponsor: 'Fiscal sponsor'});
    expect(chart.nodes[0]!.id).toBe('2i2c');
    expect(chart.label).toBe('Organization chart of 2i2c');
  });

  it('places external units on the root’s row, beside it, linked by their relations', () => {
    const root = chart.nodes[0]!;
    for (const id of ['css', 'icsi']) {
      const node = chart.nodes[indexOf(chart, id)]!;
      expect(node.y).toBe(root.y);
      expect(node.x).toBeGreaterThan(root.x);
    }
    expect(edge(chart, 'sponsors', 'css', '2i2c')).toBeDefined();
    expect(edge(chart, 'founded', 'icsi', '2i2c')).toBeDefined();
    expect(edge(chart, 'interface', 'executive-director', 'css')).toBeDefined();
  });

  it('draws every kind of line, reporting lines along the tree', () => {
    expect(typesOf(chart)).toEqual(new Set(['reports', 'member', 'dotted-line', 'sponsors', 'interface', 'founded']));
    expect(edge(chart, 'reports', '2i2c', 'steering-council')).toBeDefined();
    expect(edge(chart, 'reports', 'engineering', 'devrel')).toBeDefined();
    expect(edge(chart, 'member', 'area-leads', 'operations')).toBeDefined();
    expect(edge(chart, 'dotted-line', 'devrel', 'community')).toBeDefined();
    const reports = chart.edges.filter((candidate) => candidate.type === 'reports');
    expect(reports).toHaveLength([...graph.children.values()].reduce((sum, list) => sum + list.length, 0));
    // A reporting line leaves the parent's bottom: at its centre, or, to a report indented
    // under it inside a column's block, in the middle of the indent.
    for (const line of reports) {
      const [parent, child] = [chart.nodes[line.from]!, chart.nodes[line.to]!];
      const indented = child.x === parent.x + 20 && child.y > parent.y;
      expect(line.d.startsWith(`M${parent.x + (indented ? 10 : W / 2)} ${parent.y + parent.h}`), line.d).toBe(true);
    }
    // Engineering's roles hang under it, indented, in the areas' column.
    const engineering = chart.nodes[indexOf(chart, 'engineering')]!;
    for (const id of ['devrel', 'sre']) expect(chart.nodes[indexOf(chart, id)]!.x).toBe(engineering.x + 20);
  });

  it('marks vacant roles and the highlighted unit', () => {
    expect(chart.nodes.filter((node) => node.vacant).map((node) => node.id)).toEqual(['devrel']);
    expect(chart.nodes.some((node) => node.current)).toBe(false);
    const highlighted = createChartData(graph, {hrefOf, variant: 'full', highlight: 'engineering'});
    expect(highlighted.nodes.filter((node) => node.current).map((node) => node.id)).toEqual(['engineering']);
  });

  it('outlines the reporting lines only: every internal unit, nested under its parent', () => {
    const outlined = outlineNodes(chart.outline).map((index) => chart.nodes[index]!.id);
    expect(outlined.sort()).toEqual([...graph.units.values()].filter((unit) => !isExternal(unit.kind)).map((unit) => unit.id).sort());
    const [top, reports] = chart.outline;
    expect(chart.nodes[top]!.id).toBe('2i2c');
    expect(reports!.map(([index]) => chart.nodes[index]!.id)).toEqual(['steering-council']);
  });

  it('is the same on every run', () => {
    expect(createChartData(handbookGraph(), {hrefOf, variant: 'full'})).toEqual(chart);
    expect(JSON.stringify(createChartData(graph, {hrefOf, variant: 'full'}))).toBe(JSON.stringify(chart));
  });

  it('draws a subtree from another root', () => {
    const sub = createChartData(graph, {hrefOf, variant: 'full', root: 'engineering'});
    expectWellFormed(sub);
    expect(sub.nodes.map((node) => node.id)).toEqual(['engineering', 'devrel', 'sre']);
    expect(sub.label).toBe('Organization chart: Engineering and the units reporting to it');
    expect(() => createChartData(graph, {hrefOf, variant: 'full', root: 'css'})).toThrow(/not in the reporting tree/);
  });
});

/** The numbers of a path `M x y C x y x y x y`, as the start, the two control points and the end. */
function curve(d: string): {start: [number, number]; controls: Array<[number, number]>; end: [number, number]} {
  const match = /^M(-?\d+) (-?\d+)C(-?\d+) (-?\d+) (-?\d+) (-?\d+) (-?\d+) (-?\d+)$/.exec(d);
  expect(match, d).not.toBeNull();
  const [x1, y1, c1x, c1y, c2x, c2y, x2, y2] = match!.slice(1).map(Number) as [number, number, number, number, number, number, number, number];
  return {start: [x1, y1], controls: [[c1x, c1y], [c2x, c2y]], end: [x2, y2]};
}

describe('createChartData: stacked columns by kind', () => {
  const graph = handbookLeavesGraph();
  const chart = createChartData(graph, {hrefOf, variant: 'full'});
  const node = (id: string) => chart.nodes[indexOf(chart, id)]!;
  const areas = ['product', 'partnerships', 'engineering', 'operations', 'community', 'administration'];
  const teams = ['product-and-engineering', 'community-and-partnerships', 'area-leads'];

  it('stacks the areas in one column and the teams in another, side by side, areas first', () => {
    expectWellFormed(chart);
    expect(new Set(areas.map((id) => node(id).x)).size).toBe(1);
    expect(new Set(teams.map((id) => node(id).x)).size).toBe(1);
    const [area, team] = [node('product'), node('area-leads')];
    expect(area.x + W).toBeLessThan(team.x);
    // Both columns hang from the Executive Director's bus: their tops are level.
    expect(Math.min(...areas.map((id) => node(id).y))).toBe(Math.min(...teams.map((id) => node(id).y)));
    expect(Math.min(...teams.map((id) => node(id).y))).toBeGreaterThan(node('executive-director').y);
    // Reporting lines reach areas along a spine on their left, teams along one on their right.
    for (const id of areas) expect(edge(chart, 'reports', 'executive-director', id)!.d.endsWith(`H${node(id).x}`)).toBe(true);
    for (const id of teams) expect(edge(chart, 'reports', 'executive-director', id)!.d.endsWith(`H${node(id).x + W}`)).toBe(true);
  });

  it('fits a 700 px content column and is shorter than one long column', () => {
    expect(chart.width).toBeLessThanOrEqual(700);
    const oneColumn = 9 * 46 + 2 * 16 + 8 * 8;
    expect(chart.height).toBeLessThan(node('executive-director').y + 46 + 40 + oneColumn);
  });

  it('draws each membership from the team box’s left edge to the area box’s right edge, across the space between', () => {
    const members = chart.edges.filter((candidate) => candidate.type === 'member');
    expect(members).toHaveLength(10);
    const areaEnds = new Map<string, number[]>();
    for (const line of members) {
      const [team, area] = [chart.nodes[line.from]!, chart.nodes[line.to]!];
      expect(team.kind).toBe('team');
      expect(area.kind).toBe('area');
      const {start, controls, end} = curve(line.d);
      expect(start[0]).toBe(team.x);
      expect(start[1]).toBeGreaterThan(team.y);
      expect(start[1]).toBeLessThan(team.y + team.h);
      expect(end[0]).toBe(area.x + W);
      expect(end[1]).toBeGreaterThan(area.y);
      expect(end[1]).toBeLessThan(area.y + area.h);
      // Level at both ends, and never outside the space between the columns.
      expect(controls[0]![1]).toBe(start[1]);
      expect(controls[1]![1]).toBe(end[1]);
      for (const [x] of controls) {
        expect(x).toBeGreaterThan(end[0]);
        expect(x).toBeLessThan(start[0]);
      }
      areaEnds.set(area.id, [...(areaEnds.get(area.id) ?? []), end[1]]);
    }
    // An area drawn on by two teams gets two separate ends, the upper team's higher.
    expect(areaEnds.get('product')).toHaveLength(2);
    expect(new Set(areaEnds.get('product')).size).toBe(2);
    const [fromLeads, fromPair] = ['area-leads', 'product-and-engineering'].map((team) => curve(edge(chart, 'member', team, 'product')!.d).end[1]);
    expect(node('area-leads').y < node('product-and-engineering').y).toBe(fromLeads! < fromPair!);
  });

  it('does the same on the Executive Director’s own page', () => {
    const own = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'executive-director'});
    expectWellFormed(own);
    const x = (id: string) => own.nodes[indexOf(own, id)]!.x;
    expect(new Set(areas.map(x)).size).toBe(1);
    expect(new Set(teams.map(x)).size).toBe(1);
    for (const line of own.edges.filter((candidate) => candidate.type === 'member')) {
      expect(curve(line.d).start[0]).toBe(own.nodes[line.from]!.x);
      expect(curve(line.d).end[0]).toBe(own.nodes[line.to]!.x + W);
    }
  });

  it('bows lines inside a column away from its spine, and keeps the room for them', () => {
    const units = [
      unit({id: 'org', kind: 'organization'}),
      ...['a1', 'a2', 'a3'].map((id) => unit({id, kind: 'area', reportsTo: 'org', ...(id === 'a1' ? {relations: [{type: 'dotted-line' as const, to: 'a3'}]} : {})})),
      unit({id: 't1', kind: 'team', reportsTo: 'org', members: ['a1'], relations: [{type: 'dotted-line', to: 't3'}]}),
      unit({id: 't2', kind: 'team', reportsTo: 'org', members: ['a2']}),
      unit({id: 't3', kind: 'team', reportsTo: 'org', members: ['a3'], relations: [{type: 'dotted-line', to: 'a3'}]}),
    ];
    const small = createChartData(graphOf(units), {hrefOf, variant: 'full'});
    expectWellFormed(small);
    const at = (id: string) => small.nodes[indexOf(small, id)]!;
    // Between areas (spine on the left): out to the right, short of the teams.
    const areaArc = curve(edge(small, 'dotted-line', 'a1', 'a3')!.d);
    expect(areaArc.start[0]).toBe(at('a1').x + W);
    expect(areaArc.controls[0]![0]).toBeGreaterThan(at('a1').x + W);
    // Between teams (spine on the right): out to the left, short of the areas.
    const teamArc = curve(edge(small, 'dotted-line', 't1', 't3')!.d);
    expect(teamArc.start[0]).toBe(at('t1').x);
    expect(teamArc.controls[0]![0]).toBeLessThan(at('t1').x);
    expect(teamArc.controls[0]![0]).toBeGreaterThan(at('a1').x + W);
    // A single membership: straight across.
    expect(curve(edge(small, 'member', 't2', 'a2')!.d).start[1]).toBe(at('t2').y + at('t2').h / 2);
    // Two lines between the same pair keep apart at both ends.
    const [member, dotted] = [edge(small, 'member', 't3', 'a3')!, edge(small, 'dotted-line', 't3', 'a3')!].map((line) => curve(line.d));
    expect(member!.start[1]).not.toBe(dotted!.start[1]);
    expect(member!.end[1]).not.toBe(dotted!.end[1]);
  });

  it('puts a "+N" node at the foot of the last column, linking to the list of direct reports', () => {
    const units = [
      unit({id: 'org', kind: 'organization'}),
      ...Array.from({length: 14}, (_, i) => unit({id: `a${i}`, kind: 'area', reportsTo: 'org'})),
      ...Array.from({length: 30}, (_, i) => unit({id: `t${i}`, kind: 'team', reportsTo: 'org', members: [`a${i % 14}`]})),
    ];
    const capped = createChartData(graphOf(units), {hrefOf, variant: 'full'});
    expectWellFormed(capped);
    const more = capped.nodes.find((candidate) => candidate.count !== undefined)!;
    expect(more).toMatchObject({count: 5, lines: ['+5 more reports'], href: `${hrefOf('org')}#direct-reports`});
    const lastTeam = capped.nodes.filter((candidate) => candidate.kind === 'team').at(-1)!;
    expect(more.x).toBe(lastTeam.x);
    expect(more.y).toBeGreaterThan(lastTeam.y);
  });

  it('keeps a third kind in a column of its own, in kind order', () => {
    const units = [
      unit({id: 'org', kind: 'organization'}),
      ...['r1', 'r2'].map((id) => unit({id, kind: 'role', reportsTo: 'org'})),
      ...['a1', 'a2'].map((id) => unit({id, kind: 'area', reportsTo: 'org'})),
      unit({id: 't1', kind: 'team', reportsTo: 'org', members: ['a1', 'r1']}),
    ];
    const three = createChartData(graphOf(units), {hrefOf, variant: 'full'});
    expectWellFormed(three);
    const x = (id: string) => three.nodes[indexOf(three, id)]!.x;
    expect(x('r1')).toBe(x('r2'));
    expect(x('a1')).toBe(x('a2'));
    expect(x('r1')).toBeLessThan(x('a1'));
    expect(x('a1')).toBeLessThan(x('t1'));
    // The neighbouring area is reached across the space between; the role, further away, by a line of its own.
    expect(curve(edge(three, 'member', 't1', 'a1')!.d).end[0]).toBe(x('a1') + W);
    expect(edge(three, 'member', 't1', 'r1')).toBeDefined();
  });
});

describe('createChartData: large organizations', () => {
  const big = graphOf(generateOrg(1000));

  it('collapses below a depth: a unit there counts the units below it in its own box, a leaf of the chart', () => {
    const chart = createChartData(big, {hrefOf, variant: 'full'});
    expectWellFormed(chart);
    expect(chart.nodes.length).toBeLessThanOrEqual(80 + 1);
    const collapsed = chart.nodes.filter((node) => node.below !== undefined);
    expect(collapsed.length).toBeGreaterThan(0);
    expectEveryUnitAccountedFor(chart, big);
    const plain = chart.nodes.find((node) => node.kind && node.below === undefined && (node.lines?.length ?? 1) === 1)!;
    for (const node of collapsed) {
      // Still one link, to the unit's own page (which shows what is below it); one line taller than without the count.
      expect(node.href).toBe(hrefOf(node.id));
      if ((node.lines?.length ?? 1) === 1) expect(node.h).toBe(plain.h + 14);
      expect(chart.nodes.some((other) => other.id === `${node.id}--more`)).toBe(false);
    }
    const bigger = createChartData(big, {hrefOf, variant: 'full', maxNodes: 400});
    expectEveryUnitAccountedFor(bigger, big);
    expect(bigger.nodes.length).toBeGreaterThan(chart.nodes.length);
    expect(bigger.nodes.length).toBeLessThanOrEqual(401);
  });

  it('keeps a separate "+N" node beside the reports a unit draws when it cannot draw them all', () => {
    // Under `org`: 50 areas, each with two roles; the budget reaches the areas, the cap of reports cuts them.
    const units = [unit({id: 'org', kind: 'organization', name: 'Org'})];
    for (let i = 0; i < 50; i += 1) {
      units.push(unit({id: `a${i}`, kind: 'area', reportsTo: 'org'}));
      for (const role of ['x', 'y']) units.push(unit({id: `a${i}-${role}`, kind: 'role', reportsTo: `a${i}`}));
    }
    const graph = graphOf(units);
    const chart = createChartData(graph, {hrefOf, variant: 'full'});
    expectWellFormed(chart);
    expectEveryUnitAccountedFor(chart, graph);
    const more = chart.nodes.filter((node) => node.count !== undefined);
    expect(more).toHaveLength(1);
    expect(more[0]).toMatchObject({
      id: 'org--more',
      count: 11 * 3,
      lines: ['+11 more reports, 33', 'units in all'],
      name: '11 more direct reports of Org, 33 units in all, listed on its page',
      href: `${hrefOf('org')}#direct-reports`,
    });
    expect(edge(chart, 'reports', 'org', 'org--more')).toBeDefined();
    // The 39 areas drawn count their roles inside; they wrap into columns that fit the page, the "+N" node at the foot of the last.
    const areas = chart.nodes.filter((node) => node.kind === 'area');
    expect(areas).toHaveLength(39);
    for (const area of areas) expect(area.below).toBe(2);
    const columns = [...new Set([...areas, more[0]!].map((node) => node.x))];
    expect(columns.length).toBeGreaterThan(1);
    expect(more[0]!.x).toBe(Math.max(...columns));
    expect(more[0]!.y).toBeGreaterThan(areas.at(-1)!.y);
    expect(chart.width).toBeLessThanOrEqual(700);
  });

  it('shows everything with maxNodes: Infinity, 5000 units in well under a second', () => {
    const huge = graphOf(generateOrg(5000));
    const started = performance.now();
    const chart = createChartData(huge, {hrefOf, variant: 'full', maxNodes: Infinity});
    const elapsed = performance.now() - started;
    expect(chart.nodes).toHaveLength(5000);
    expect(chart.nodes.some((node) => node.count !== undefined)).toBe(false);
    expect(overlapping(chart.nodes)).toEqual([]);
    expect(elapsed).toBeLessThan(1000);
  });

  it('does not count anything when everything is drawn', () => {
    const chart = createChartData(big, {hrefOf, variant: 'full', maxNodes: Infinity});
    expect(chart.nodes.some((node) => node.below !== undefined || node.count !== undefined)).toBe(false);
  });

  it('caps a unit with very many reports', () => {
    const units = [unit({id: 'org', kind: 'organization'}), ...Array.from({length: 60}, (_, i) => unit({id: `r${i}`, kind: 'role', reportsTo: 'org'}))];
    const chart = createChartData(graphOf(units), {hrefOf, variant: 'full'});
    expectWellFormed(chart);
    expect(chart.nodes).toHaveLength(1 + 39 + 1);
    expect(chart.nodes.at(-1)).toMatchObject({id: 'org--more', count: 21, href: `${hrefOf('org')}#direct-reports`});
  });
});

describe('createChartData: the landing chart of the benchmark’s 1000-unit organization', () => {
  const graph = benchmarkGraph(1000);
  const chart = createChartData(graph, {hrefOf, variant: 'full'});
  const node = (id: string) => chart.nodes[indexOf(chart, id)]!;
  const areas = graph.children.get(FIXED_IDS.executive)!.filter((id) => graph.units.get(id)!.kind === 'area');

  it('fits a content column: at most ~900 px wide, the organization’s top in the first 900 px', () => {
    // It was 2328 px wide with the top at x = 1172, when every area had a "+N units" node below it.
    expectWellFormed(chart);
    expect(areas.length).toBeGreaterThanOrEqual(8);
    expect(chart.width).toBeLessThanOrEqual(900);
    expect(node(FIXED_IDS.organization).x + W).toBeLessThanOrEqual(900);
    expect(chart.nodes[0]!.id).toBe(FIXED_IDS.organization);
  });

  it('stacks the areas in one column, each counting the units below it', () => {
    const drawn = areas.filter((id) => indexOf(chart, id) >= 0);
    expect(drawn.length).toBeGreaterThanOrEqual(8);
    expect(new Set(drawn.map((id) => node(id).x)).size).toBe(1);
    for (const id of drawn) {
      expect(node(id).below).toBeGreaterThan(0);
      expect(edge(chart, 'reports', FIXED_IDS.executive, id)!.d.endsWith(`H${node(id).x}`)).toBe(true);
    }
    // No "+N units" node under any area: the count is in the area's box.
    for (const id of areas) expect(indexOf(chart, `${id}--more`)).toBe(-1);
  });

  it('accounts for every hidden unit in some count, exactly once', () => {
    expectEveryUnitAccountedFor(chart, graph);
    const internal = [...graph.units.values()].filter((unit) => !isExternal(unit.kind)).length;
    const counted = chart.nodes.reduce((sum, candidate) => sum + (candidate.count ?? candidate.below ?? 0), 0);
    expect(chart.nodes.filter((candidate) => candidate.count === undefined && !isExternal(candidate.kind!)).length + counted).toBe(internal);
  });

  it('stays small and is the same on every run', () => {
    // About 7 KB for the wide layout and 3 KB for the narrow one.
    expect(JSON.stringify(chart).length).toBeLessThan(11000);
    expect(JSON.stringify(createChartData(benchmarkGraph(1000), {hrefOf, variant: 'full'}))).toBe(JSON.stringify(chart));
  });

  it('draws an area’s own chart by the same rule', () => {
    const sub = createChartData(graph, {hrefOf, variant: 'full', root: FIXED_IDS.firstArea});
    expectWellFormed(sub);
    expectEveryUnitAccountedFor(sub, graph, FIXED_IDS.firstArea);
  });

  it('stays fast for 5000 units', () => {
    const huge = benchmarkGraph(5000);
    const started = performance.now();
    const landing = createChartData(huge, {hrefOf, variant: 'full'});
    expect(performance.now() - started).toBeLessThan(500);
    expect(landing.width).toBeLessThanOrEqual(900);
    expectEveryUnitAccountedFor(landing, huge);
  }, 30_000);
});

describe('createChartData: neighbourhood', () => {
  const graph = handbookGraph();

  it('shows the chain up, the unit highlighted, its direct reports and related units beside it', () => {
    const chart = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'executive-director'});
    expectWellFormed(chart);
    const ids = chart.nodes.map((node) => node.id);
    expect(ids.slice(0, 3)).toEqual(['2i2c', 'steering-council', 'executive-director']);
    expect(ids.slice(3, 12).sort()).toEqual([...graph.children.get('executive-director')!].sort());
    expect(ids.slice(12)).toEqual(['css']);
    expect(chart.nodes.filter((node) => node.current).map((node) => node.id)).toEqual(['executive-director']);
    const me = chart.nodes[2]!;
    expect(chart.nodes[12]!.y).toBe(me.y);
    expect(edge(chart, 'interface', 'executive-director', 'css')).toBeDefined();
    expect(chart.label).toBe('Executive Director in the organization');
    // The outline is the chain with the reports under the unit.
    const [, [[, [[, reports]]]]] = chart.outline as [number, [[number, [[number, ChartOutline[]]]]]];
    expect(reports).toHaveLength(9);
  });

  it('shows a team’s member units below it, once each', () => {
    const chart = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'area-leads'});
    expectWellFormed(chart);
    for (const member of graph.units.get('area-leads')!.org.members!) expect(edge(chart, 'member', 'area-leads', member)).toBeDefined();
    expect(chart.edges.filter((candidate) => candidate.type === 'member')).toHaveLength(6);
    const team = chart.nodes[indexOf(chart, 'area-leads')]!;
    for (const member of graph.units.get('area-leads')!.org.members!) expect(chart.nodes[indexOf(chart, member)]!.y).toBeGreaterThan(team.y);
  });

  it('shows an external unit with the units it relates to', () => {
    const chart = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'css'});
    expectWellFormed(chart);
    expect(chart.nodes.map((node) => node.id)).toEqual(['css', '2i2c', 'executive-director']);
    expect(edge(chart, 'sponsors', 'css', '2i2c')).toBeDefined();
    expect(edge(chart, 'interface', 'executive-director', 'css')).toBeDefined();
    expect(chart.outline).toEqual([0]);
  });

  it('stays small however big the organization is: the chain and the units beside it are capped, reports up to 60', () => {
    // A unit 12 levels down with 100 reports, 8 teams and dotted lines.
    const units = [unit({id: 'org', kind: 'organization'})];
    for (let level = 1; level <= 12; level += 1) units.push(unit({id: `l${level}`, kind: 'area', reportsTo: level === 1 ? 'org' : `l${level - 1}`}));
    for (let i = 0; i < 100; i += 1) units.push(unit({id: `r${i}`, kind: 'role', reportsTo: 'l12', ...(i < 6 ? {relations: [{type: 'dotted-line' as const, to: 'l12'}]} : {})}));
    for (let i = 0; i < 8; i += 1) units.push(unit({id: `t${i}`, kind: 'team', reportsTo: 'l1', members: ['l12']}));
    const graph = graphOf(units);
    const chart = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'l12'});
    expectWellFormed(chart);
    expect(chart.nodes.length).toBeLessThanOrEqual(5 + 60 + 3);
    expect(chart.nodes.map((node) => node.id)).toEqual(
      expect.arrayContaining(['org', 'l1--up', 'l10', 'l11', 'l12', 'l12--more', 'l12--related']),
    );
    expect(chart.nodes.find((node) => node.id === 'l1--up')).toMatchObject({count: 9, href: hrefOf('l1')});
    expect(chart.nodes.find((node) => node.id === 'l12--more')).toMatchObject({count: 41, href: `${hrefOf('l12')}#direct-reports`});
    expect(chart.nodes.find((node) => node.id === 'l12--related')).toMatchObject({href: `${hrefOf('l12')}#place-in-the-organization`});
    expect(chart.width).toBeLessThanOrEqual(700);
    expect(JSON.stringify(chart).length).toBeLessThan(20000);
  });

  it('counts the units below each report shown, and the "+N" node the reports left out with theirs', () => {
    // `l1` has 14 areas with 3 roles each, and a team drawing on 15 areas.
    const units = [unit({id: 'org', kind: 'organization'}), unit({id: 'l1', kind: 'area', name: 'Level One', reportsTo: 'org'})];
    for (let i = 0; i < 14; i += 1) {
      units.push(unit({id: `a${i}`, kind: 'area', reportsTo: 'l1'}));
      for (const role of ['x', 'y', 'z']) units.push(unit({id: `a${i}-${role}`, kind: 'role', reportsTo: `a${i}`}));
    }
    units.push(unit({id: 'a0-x-helper', kind: 'role', reportsTo: 'a0-x'}));
    units.push(unit({id: 'crew', kind: 'team', name: 'Crew', reportsTo: 'org', members: ['l1', ...Array.from({length: 14}, (_, i) => `a${i}`)]}));
    const graph = graphOf(units);
    // By default all 14 are drawn; with at most 12, 11 are drawn and a "+N" node counts the rest.
    expect(createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'l1'}).nodes.filter((node) => node.kind === 'area')).toHaveLength(15);
    const chart = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'l1', maxNodes: 12});
    expectWellFormed(chart);
    const sizes = subtreeSizes(graph);
    const reports = chart.nodes.filter((node) => node.kind === 'area' && node.id !== 'l1');
    expect(reports).toHaveLength(11);
    for (const report of reports) expect(report.below).toBe(sizes.get(report.id)! - 1);
    expect(chart.nodes[indexOf(chart, 'a0')]!.below).toBe(4);
    // Three areas left out, with their three roles each.
    expect(chart.nodes.find((node) => node.id === 'l1--more')).toMatchObject({count: 12, name: '3 more direct reports of Level One, 12 units in all, listed on its page'});
    // Every unit under the page's unit is drawn or counted, exactly once.
    const counted = chart.nodes.reduce((sum, node) => sum + (node.count !== undefined && node.id === 'l1--more' ? node.count : (node.below ?? 0)), 0);
    expect(reports.length + counted).toBe(sizes.get('l1')! - 1);
    // The chain up and the units beside it are context: they count nothing.
    for (const id of ['org', 'l1', 'crew']) expect(chart.nodes[indexOf(chart, id)]!.below).toBeUndefined();
    // The reports shown stack in columns, as blocks: each one a single box here.
    expect(new Set(reports.map((report) => report.x)).size).toBeLessThanOrEqual(2);

    // A team's members are not its reports: drawn as they are; the "+N" node counts members.
    const team = createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: 'crew', maxNodes: 12});
    expectWellFormed(team);
    expect(team.nodes.some((node) => node.below !== undefined)).toBe(false);
    expect(team.nodes.find((node) => node.id === 'crew--more')).toMatchObject({
      count: 4,
      name: '4 more member units of Crew, listed on its page',
      href: `${hrefOf('crew')}#members`,
    });
  });

  it('does not grow with the organization', () => {
    const sizeFor = (units: number) => {
      const graph = graphOf(generateOrg(units));
      const leaf = [...graph.units.keys()].find((id) => (graph.depth.get(id) ?? 0) === 3 && !graph.children.has(id))!;
      return JSON.stringify(createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: leaf})).length;
    };
    expect(sizeFor(5000)).toBeLessThan(sizeFor(200) * 1.5);
  });
});

describe('names', () => {
  it('wraps at word boundaries into at most three lines and shortens the rest with an ellipsis', () => {
    expect(wrapText('Engineering')).toEqual(['Engineering']);
    // Widths are estimated on the wide side, so a line breaks a little early rather than overflow.
    expect(wrapText('Research and Development Programs')).toEqual(['Research and', 'Development Programs']);
    const long = wrapText(HOSTILE_NAMES.long);
    expect(long).toHaveLength(3);
    expect(long[2]!.endsWith('…')).toBe(true);
    for (const line of long) expect(line.length).toBeLessThanOrEqual(26);
    // One word too wide for a line is never cut in two: it is shortened on a line of its own.
    const word = wrapText(HOSTILE_NAMES.word);
    expect(word).toHaveLength(1);
    expect(word[0]!.endsWith('…')).toBe(true);
    expect(HOSTILE_NAMES.word.startsWith(word[0]!.slice(0, -1))).toBe(true);
    expect(wrapText('Department of Supercalifragilisticexpialidociousness Affairs')).toEqual(['Department of', 'Supercalifragilisticex…', 'Affairs']);
  });

  it('breaks a compound after its hyphens, never inside a word', () => {
    expect(wrapText('committee-security-response')).toEqual(['committee-security-', 'response']);
    for (const name of ['Working group on committee-security-response and incident coordination', 'Research and Development Programs and Partnerships Office']) {
      const words = new Set(name.split(/[\s]+|(?<=-)/));
      for (const line of wrapText(name)) for (const piece of line.replace('…', '').split(/ |(?<=-)/)) if (!line.endsWith(piece + '…')) expect(words.has(piece), `"${piece}" in ${JSON.stringify(wrapText(name))}`).toBe(true);
    }
  });

  it('takes time linear in the length of the name', () => {
    // 54 s for a 16,000-character word before (quadratic); a 200,000-character one hung the build.
    const time = (length: number) => {
      const word = 'x'.repeat(length);
      const spaced = 'ab '.repeat(length / 3);
      const started = performance.now();
      for (let run = 0; run < 5; run += 1) {
        wrapText(word);
        wrapText(spaced);
      }
      return performance.now() - started;
    };
    time(20_000); // warm up
    const [small, large] = [time(20_000), time(200_000)];
    // Ten times the length: linear is ~10 times the time, quadratic 100 times.
    expect(large / Math.max(small, 0.5)).toBeLessThan(30);
    expect(wrapText('x'.repeat(200_000))).toHaveLength(1);
  });

  it('never splits an emoji or a letter with its marks', () => {
    const name = '👩‍👩‍👧'.repeat(30);
    for (const line of wrapText(name)) {
      // No lone surrogate: every code point is whole.
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(line)).toBe(false);
      expect(line.replace('…', '').length % '👩‍👩‍👧'.length).toBe(0);
    }
    const accents = 'e\u0301'.repeat(80);
    for (const line of wrapText(accents)) expect(line.replace('…', '').length % 2).toBe(0);
  });

  it('keeps hostile names whole as data; drawn lines come from the name', () => {
    const chart = createChartData(hostileGraph(), {hrefOf, variant: 'full'});
    expectWellFormed(chart);
    for (const [id, name] of Object.entries(HOSTILE_NAMES)) {
      const node = chart.nodes[indexOf(chart, id)]!;
      expect(node.name).toBe(name);
      expect(node.lines === undefined || node.lines.length <= 3).toBe(true);
      if (node.lines && !node.lines.at(-1)!.endsWith('…')) expect(node.lines.join('').replace(/\s/g, '')).toBe(name.replace(/\s/g, ''));
    }
    expect(chart.nodes[indexOf(chart, 'long')]!.lines).toHaveLength(3);
    expect(chart.nodes[indexOf(chart, 'arabic')]!.lines).toBeUndefined();
  });
});

describe('toMermaid', () => {
  /** Mermaid's own parser, run in Node: its sanitizer needs a DOM, which parsing alone does not. */
  async function parse(source: string) {
    Object.assign(DOMPurify, {addHook: () => {}, removeHook: () => {}, removeHooks: () => {}, sanitize: (text: string) => text});
    const {default: mermaid} = await import('mermaid');
    await mermaid.parse(source);
    const diagram = await mermaid.mermaidAPI.getDiagramFromText(source);
    const db = diagram.db as unknown as {getVertices(): Map<string, {text: string}>; getEdges(): Array<{start: string; end: string; type: string; stroke: string}>};
    // Mermaid keeps entity codes encoded until it draws: decode them as it will.
    const decode = (text: string) =>
      text
        .replace(/ﬂ°°(\d+)¶ß/g, (_, code: string) => String.fromCodePoint(Number(code)))
        .replace(/ﬂ°quot¶ß/g, '"');
    return {vertices: [...db.getVertices()].map(([id, vertex]) => [id, decode(vertex.text)] as const), edges: db.getEdges()};
  }

  it('is valid Mermaid with every name intact, whatever the name', async () => {
    const chart = createChartData(hostileGraph(), {hrefOf, variant: 'full'});
    const source = toMermaid(chart);
    const {vertices, edges} = await parse(source);
    expect(vertices).toHaveLength(chart.nodes.length);
    for (const [id, name] of Object.entries({...HOSTILE_NAMES, org: 'Org <&> "Top"'})) {
      const text = vertices.find(([vertex]) => vertex === `u_${id}`)![1];
      expect(text.split('<br/>')[0]).toBe(name);
    }
    expect(edges).toHaveLength(chart.edges.length);
    // Nothing of a name reaches the source unescaped.
    expect(source).not.toContain('<script');
    expect(source).not.toMatch(/\["[^\n]*"[^\n]*"\]/);
  }, 30_000);

  it('tells each kind of line apart and marks vacant and current units', async () => {
    const chart = createChartData(handbookGraph(), {hrefOf, variant: 'full', highlight: 'engineering'});
    const source = toMermaid(chart);
    const {edges} = await parse(source);
    // Mermaid's own reading of each line: arrow head and stroke differ for every type.
    const styles = new Map<string, string>();
    chart.edges.forEach((line, index) => styles.set(line.type, `${edges[index]!.type}/${edges[index]!.stroke}`));
    expect(styles.size).toBe(6);
    expect(new Set(styles.values()).size).toBe(6);
    expect(source).toMatch(/u_engineering\["Engineering<br\/>Functional area"\]:::current/);
    expect(source).toMatch(/u_devrel\["Developer Relations Lead<br\/>Role \(vacant\)"\]:::vacant/);
    expect(source.startsWith('flowchart TD\n')).toBe(true);
  }, 30_000);
});

/**
 * What a reader gets at every size: generated organizations (the benchmark's
 * generator) of 15 to 1000 units, the landing chart and the page of the unit
 * with the most direct reports, in both layouts.
 */
describe('createChartData: generated organizations of every size', () => {
  /** Content column of a doc page at 1280 px (703 px, less the frame's border) and at 360 px (328 px, less the border). */
  const DESKTOP = 701;
  const PHONE = 326;
  /** A 1280 × 900 window: two screens. */
  const TWO_SCREENS = 2 * 900;
  /** The narrow layout shows unless the wide one fits (see OrgChart's container queries). */
  const shownOnPhone = (chart: OrgChartData) =>
    chart.width + 2 <= 320 ? {width: chart.width, at: (index: number) => [chart.nodes[index]!.x, chart.nodes[index]!.y] as const} : {width: chart.narrow.width, at: (index: number) => chart.narrow.at[index]!};

  /**
   * Every unit below `subject` is drawn, or reachable by links from the
   * collapsed group that stands for it: a unit that draws none of its reports
   * links to its page, where they are listed (and so on down), and a "+N" node
   * links to the list of its owner's direct reports.
   */
  function expectEveryUnitDrawnOrReachable(chart: OrgChartData, graph: OrgGraph, subject: string): void {
    const drawn = new Set(chart.nodes.filter((node) => node.count === undefined).map((node) => node.id));
    const node = (id: string) => chart.nodes[indexOf(chart, id)]!;
    const unreachable: string[] = [];
    const todo = [...(graph.children.get(subject) ?? [])].map((id) => [id, subject] as const);
    while (todo.length > 0) {
      const [id, parent] = todo.pop()!;
      for (const child of graph.children.get(id) ?? []) todo.push([child, id]);
      if (drawn.has(id) || !drawn.has(parent)) continue; // drawn, or below a unit that is not drawn (reached through its parent's page)
      const owner = node(parent);
      const more = chart.nodes[indexOf(chart, `${parent}--more`)];
      if (owner.below !== undefined && owner.href === hrefOf(parent)) continue;
      if (more && more.href === `${hrefOf(parent)}#direct-reports`) continue;
      unreachable.push(id);
    }
    expect(unreachable).toEqual([]);
  }

  function expectNoOverlap(boxes: ReadonlyArray<{x: number; y: number; h: number}>): void {
    expect(overlapping(boxes.map((box, index) => ({...box, id: String(index)}) as ChartNode))).toEqual([]);
  }

  for (const size of [15, 60, 300, 1000]) {
    describe(`${size} units`, () => {
      const graph = benchmarkGraph(size);
      const busiest = [...graph.children].sort((a, b) => b[1].length - a[1].length)[0]![0];
      const charts = {
        landing: createChartData(graph, {hrefOf, variant: 'full'}),
        [`${busiest}'s page`]: createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: busiest}),
      };

      for (const [name, chart] of Object.entries(charts)) {
        it(`${name}: no overlaps, in either layout`, () => {
          expectWellFormed(chart);
          expectNoOverlap(chart.nodes);
          expectNoOverlap(chart.nodes.map((node, index) => ({x: chart.narrow.at[index]![0], y: chart.narrow.at[index]![1], h: node.h})));
          // The narrow layout's lines stay inside it too.
          for (const path of chart.narrow.d) {
            expect(path).toMatch(/^M\d+ \d+(?:[VH]\d+|C\d+ \d+ \d+ \d+ \d+ \d+)+$/);
          }
        });

        it(`${name}: on a phone, the chart fits 360 px and its top is in the first screen`, () => {
          const phone = shownOnPhone(chart);
          expect(phone.width).toBeLessThanOrEqual(PHONE);
          const [x, y] = phone.at(0);
          expect(x + W).toBeLessThanOrEqual(PHONE);
          expect(y + chart.nodes[0]!.h).toBeLessThanOrEqual(300);
        });

        it(`${name}: at 1280 px it fits the content column, and is at most two screens tall`, () => {
          expect(chart.width).toBeLessThanOrEqual(DESKTOP);
          expect(chart.height).toBeLessThanOrEqual(TWO_SCREENS);
        });
      }

      it('landing: every unit is drawn or reachable through a link from its collapsed group', () => {
        expectEveryUnitDrawnOrReachable(charts.landing, graph, graph.rootId);
        expectEveryUnitAccountedFor(charts.landing, graph);
      });

      it(`${busiest}'s page: shows every direct report`, () => {
        const chart = charts[`${busiest}'s page`]!;
        for (const id of graph.children.get(busiest)!) expect(indexOf(chart, id), id).toBeGreaterThanOrEqual(0);
        expectEveryUnitDrawnOrReachable(chart, graph, busiest);
      });
    });
  }

  it('shows the top two levels of a 300-unit organization at 1280 px without scrolling sideways', () => {
    const graph = benchmarkGraph(300);
    const chart = createChartData(graph, {hrefOf, variant: 'full'});
    const topTwo = [graph.rootId, ...graph.children.get(graph.rootId)!];
    for (const id of topTwo) expect(chart.nodes[indexOf(chart, id)]!.x + W).toBeLessThanOrEqual(DESKTOP);
  });
});
