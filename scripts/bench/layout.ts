/**
 * Benchmark (not a test): layout and chart-props time for generated
 * organizations of 50, 500, 1000 and 5000 units, median of 5 runs each.
 *
 *   tsx scripts/bench/layout.ts [--sizes 50,500,1000,5000] [--runs 5]
 *
 * Columns:
 * - layout: `layoutTree` on the whole reporting tree (every unit placed, leaves
 *   stacked in a column per kind as the chart does);
 * - full chart: `createChartData` for the landing page (default collapse);
 * - full, all: `createChartData` with `maxNodes: Infinity` (every unit drawn);
 * - neighbourhoods: `createChartData` for every unit's page, all together (what a build does);
 * - props: landing and median unit-page props as JSON, raw and gzip bytes.
 *
 * Then the scale figure: for each column, time per unit at each size divided
 * by time per unit at the smallest size, measured in the same run. A linear
 * step stays near 1 however big the organization; a quadratic one grows like
 * the size ratio. The goal: `full, all` (every unit placed, both layouts) for
 * 5000 units under 1 s. Last, wrapping one name of 16,000 and 160,000
 * characters, and their ratio (linear: ~10).
 */
import {parseArgs} from 'node:util';
import {gzipSync} from 'node:zlib';
import {createChartData, wrapText} from '@site/src/org/chart';
import {buildOrgGraph, type OrgGraph} from '@site/src/org/graph';
import {layoutTree, type LayoutNode} from '@site/src/org/layout';
import {parsePage, type LoadedUnit} from '@site/src/org/load';
import {kindRank} from '@site/src/org/vocabulary';
import {generatedVocabulary, generateOrganization} from './generate-org';

const {values} = parseArgs({
  options: {sizes: {type: 'string', default: '50,500,1000,5000'}, runs: {type: 'string', default: '5'}},
});
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);

function graphOf(units: number): OrgGraph {
  const loaded: LoadedUnit[] = [];
  const vocabulary = generatedVocabulary();
  for (const file of generateOrganization({units})) {
    if (!file.path.startsWith('docs/')) continue;
    const parsed = parsePage(file.path, file.content, vocabulary);
    if (parsed.unit) loaded.push(parsed.unit);
  }
  const result = buildOrgGraph(loaded, vocabulary);
  if (!result.graph) throw new Error(`generated org has ${result.problems.length} problems`);
  return result.graph;
}

function layoutInput(graph: OrgGraph): LayoutNode {
  const nodes = new Map<string, {id: string; w: number; h: number; column: number; children: LayoutNode[]}>();
  for (const id of graph.depth.keys()) nodes.set(id, {id, w: 176, h: 46, column: kindRank(graph.vocabulary, graph.units.get(id)!.kind), children: []});
  for (const [parent, children] of graph.children) for (const child of children) nodes.get(parent)!.children.push(nodes.get(child)!);
  return nodes.get(graph.rootId)!;
}

/** Median wall time and median CPU time of this process, in ms (CPU time is steadier on a busy machine). */
function median(run: () => void): [number, number] {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    const usage = process.cpuUsage();
    run();
    const spent = process.cpuUsage(usage);
    wall.push(performance.now() - started);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return [middle(wall), middle(cpu)];
}

const ms = ([wall, cpu]: [number, number]) => `${wall.toFixed(1)} ms (cpu ${cpu.toFixed(1)})`.padStart(22);
const bytes = (json: string) => `${json.length} B / ${gzipSync(json).length} B gz`;
const hrefOf = (id: string) => `/docs/${id}`;

console.log(`median of ${runs} runs, wall time (and CPU time of this process); Node ${process.version}`);
console.log(['units', 'layout', 'full chart', 'full, all', 'neighbourhoods', 'landing props', 'unit props (median)'].join(' | '));
/** CPU ms of each column at each size, for the scale figure. */
const timings: Array<{units: number; cpu: number[]}> = [];
for (const size of sizes) {
  const graph = graphOf(size);
  const tree = layoutInput(graph);
  layoutTree(tree); // warm up
  const layout = median(() => layoutTree(tree));
  const full = median(() => createChartData(graph, {hrefOf, variant: 'full'}));
  const all = median(() => createChartData(graph, {hrefOf, variant: 'full', maxNodes: Infinity}));
  const ids = [...graph.units.keys()];
  const neighbourhoods = median(() => {
    for (const id of ids) createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: id});
  });
  const landing = JSON.stringify(createChartData(graph, {hrefOf, variant: 'full'}));
  const pages = ids
    .map((id) => JSON.stringify(createChartData(graph, {hrefOf, variant: 'neighbourhood', highlight: id})))
    .sort((a, b) => a.length - b.length);
  console.log(
    [String(graph.units.size).padStart(5), ms(layout), ms(full), ms(all), ms(neighbourhoods), bytes(landing), bytes(pages[Math.floor(pages.length / 2)]!)].join(' | '),
  );
  timings.push({units: graph.units.size, cpu: [layout[1], full[1], all[1], neighbourhoods[1]]});
}

const [base] = timings;
if (base && timings.length > 1) {
  console.log(`\nscale: CPU time per unit, relative to ${base.units} units (linear stays near 1; quadratic grows with the size)`);
  console.log(['units', 'size ×', 'layout', 'full chart', 'full, all', 'neighbourhoods'].join(' | '));
  for (const {units, cpu} of timings) {
    const perUnit = cpu.map((value, column) => (value / units / (base.cpu[column]! / base.units)).toFixed(2).padStart(10));
    console.log([String(units).padStart(5), (units / base.units).toFixed(1).padStart(6), ...perUnit].join(' | '));
  }
  const largest = timings.at(-1)!;
  const verdict = largest.cpu[2]! < 1000 ? 'under' : 'OVER';
  console.log(`full, all at ${largest.units} units: ${largest.cpu[2]!.toFixed(0)} ms CPU, ${verdict} the 1 s goal`);
}

// Wrapping one very long name: the time must grow with its length, not its square.
const wrapTime = (length: number) => median(() => void wrapText(`${'x'.repeat(length)} ${'word '.repeat(length / 5)}`))[1];
wrapTime(16_000);
const [short, long] = [wrapTime(16_000), wrapTime(160_000)];
console.log(`\nwrapping a name of 16,000 characters: ${short.toFixed(2)} ms; of 160,000: ${long.toFixed(2)} ms; ratio ${(long / Math.max(short, 0.01)).toFixed(1)} for 10× the length (linear: ~10)`);
