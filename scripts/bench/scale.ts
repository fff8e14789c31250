/**
 * `npm run bench:scale -- --units N [--runs 3] [--seed 1] [--keep]`
 *
 * What the handbook costs as it grows, beside a plain Docusaurus site of the
 * same pages built in the same run (see lib/sites.ts for both sites, and
 * plainConfigSource() for exactly what plain is):
 *
 * 1. generates an organization of N units (generate-org.ts) in a temporary folder;
 * 2. sets up ours and plain there;
 * 3. for each run, alternating which site goes first to spread machine noise,
 *    builds each site cold (build/, .docusaurus/ and the Rspack cache deleted)
 *    and measures:
 *    - `docusaurus build` wall time and the peak RSS of its whole process tree;
 *    - HTML bytes per page (median and max);
 *    - JavaScript (gzip) the landing page and a unit page download on a first
 *      visit in Chromium, run-time chunks included;
 *    - Pagefind's index on disk and what a first search downloads;
 *    - for ours only: `npx tsx scripts/check.ts <site>` wall time, and the time
 *      to build the org graph (buildOrgGraph) and to lay out charts with
 *      createChartData (packages/org-handbook/src/org/chart.ts): the landing page's chart, the full
 *      chart with every unit, and one neighbourhood chart per unit page;
 * 4. prints median (min–max) per metric and the ratios ours/plain, and writes
 *    the raw results to bench-results/scale-<N>-<time>.json.
 *
 * The temporary folders are removed at the end unless --keep is given.
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import type {Browser} from 'playwright-core';
import {launchChromium} from '../lib/chromium';
import {startStaticServer} from '../lib/static-server';
import {FIXED_IDS, generateOrganization, writeFiles} from './generate-org';
import {measureFolder, measureHtml, type HtmlStats} from './lib/build-output';
import {measureFirstSearch, measurePageJs, type FirstSearch, type PageJs} from './lib/page-load';
import {buildSiteCold} from './lib/build-site';
import {runMeasured, tail} from './lib/process-tree';
import {
  assertRealSiteExists,
  createOurSite,
  createPlainSite,
  exists,
  plainConfigSource,
  readSiteFeatures,
  REPO_ROOT,
} from './lib/sites';
import {formatKB, formatMB, formatMs, formatRatio, formatSeconds, formatSummary, formatTable, summarize} from './lib/stats';

type SiteName = 'ours' | 'plain';

/** A unit page that exists at every size (the first area), and the query of the first search. */
const UNIT_PAGE = `/functional-areas/${FIXED_IDS.firstArea}`;
const SEARCH_QUERY = 'roadmap';

interface SiteRun {
  site: SiteName;
  run: number;
  /** Position in the run (0: built first). */
  order: number;
  error?: string;
  buildMs?: number;
  peakRssBytes?: number;
  html?: HtmlStats;
  landingJs?: PageJs;
  unitJs?: PageJs;
  pagefindDir?: {bytes: number; files: number};
  firstSearch?: FirstSearch;
  checkMs?: number;
  graphMs?: number;
  layoutMs?: number;
  layoutAllMs?: number;
  neighbourhoodsMs?: number;
}

interface Args {
  units: number;
  runs: number;
  seed: number;
  keep: boolean;
}

function parseCommandLine(): Args {
  const {values} = parseArgs({
    options: {
      units: {type: 'string', default: '200'},
      runs: {type: 'string', default: '3'},
      seed: {type: 'string', default: '1'},
      keep: {type: 'boolean', default: false},
    },
  });
  const args = {units: Number(values.units), runs: Number(values.runs), seed: Number(values.seed), keep: values.keep ?? false};
  if (!Number.isInteger(args.units) || !Number.isInteger(args.runs) || args.runs < 1) {
    console.error('usage: npm run bench:scale -- --units N [--runs 3] [--seed 1] [--keep]');
    process.exit(2);
  }
  return args;
}

/** `npm run check`'s command on the generated content, as a child process. */
async function timeCheck(siteDir: string): Promise<number> {
  const result = await runMeasured('npx', ['tsx', 'scripts/check.ts', siteDir], {cwd: REPO_ROOT, sampleMemory: false});
  if (result.exitCode !== 0) throw new Error(`npm run check failed on the generated content:\n${tail(result.output)}`);
  return result.wallMs;
}

type ChartFn = (graph: unknown, options: Record<string, unknown>) => unknown;
interface OrgModules {
  checkContentTree: (siteDir: string) => Promise<{graph?: unknown; loaded: {units: unknown[]}; problems: unknown[]}>;
  buildOrgGraph: (units: unknown[], vocabulary: unknown) => {graph?: unknown};
  createChartData?: ChartFn;
  note?: string;
}

/** The org model's modules, loaded at run time so that this script works before chart.ts exists. */
async function loadOrgModules(): Promise<OrgModules> {
  const check = (await import('@site/packages/org-handbook/src/plugin/content')) as unknown as Pick<OrgModules, 'checkContentTree'>;
  const graph = (await import('@site/packages/org-handbook/src/org/graph')) as unknown as Pick<OrgModules, 'buildOrgGraph'>;
  const chartModule = '@site/packages/org-handbook/src/org/chart';
  const base = {checkContentTree: check.checkContentTree, buildOrgGraph: graph.buildOrgGraph};
  if (!(await exists(path.join(REPO_ROOT, 'packages/org-handbook/src/org/chart.ts')))) {
    return {...base, note: 'chart layout skipped: packages/org-handbook/src/org/chart.ts does not exist yet'};
  }
  try {
    const chart = (await import(chartModule)) as {createChartData?: ChartFn; default?: ChartFn};
    const createChartData = chart.createChartData ?? chart.default;
    if (typeof createChartData !== 'function') throw new Error('packages/org-handbook/src/org/chart.ts exports no createChartData');
    return {...base, createChartData};
  } catch (error) {
    return {
      ...base,
      note: `chart layout skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}

interface LayoutTimes {
  graphMs: number;
  /** The full chart as the landing page draws it (the default cap on nodes). */
  layoutMs?: number;
  /** The full chart with every unit in it (no cap): the layout's cost at N. */
  layoutAllMs?: number;
  /** One neighbourhood chart per unit page, as the build computes them. */
  neighbourhoodsMs?: number;
}

/** Builds the graph, then lays out the charts; each the median of three timings after a warm-up. */
async function timeGraphAndLayout(modules: OrgModules, siteDir: string): Promise<LayoutTimes> {
  const result = await modules.checkContentTree(siteDir);
  if (!result.graph) throw new Error(`the generated content has ${result.problems.length} problems`);
  const timeIt = (fn: () => unknown) => {
    fn();
    const times = [0, 1, 2].map(() => {
      const started = performance.now();
      fn();
      return performance.now() - started;
    });
    return summarize(times).median;
  };
  const {vocabulary} = result.graph as {vocabulary: unknown};
  const graphMs = timeIt(() => modules.buildOrgGraph(result.loaded.units, vocabulary));
  if (!modules.createChartData) return {graphMs};
  const chart = modules.createChartData;
  const graph = result.graph as {units: ReadonlyMap<string, unknown>};
  const hrefOf = (id: string) => `/units/${id}`;
  return {
    graphMs,
    layoutMs: timeIt(() => chart(graph, {hrefOf, variant: 'full'})),
    layoutAllMs: timeIt(() => chart(graph, {hrefOf, variant: 'full', maxNodes: graph.units.size})),
    neighbourhoodsMs: timeIt(() => {
      for (const id of graph.units.keys()) chart(graph, {hrefOf, variant: 'neighbourhood', highlight: id});
    }),
  };
}

async function measureSite(
  site: SiteName,
  siteDir: string,
  context: {browser: Browser; modules: OrgModules; run: number; order: number; logDir: string},
): Promise<SiteRun> {
  const entry: SiteRun = {site, run: context.run, order: context.order};
  const label = `[run ${context.run}] ${site}`;
  try {
    console.log(`${label}: building…`);
    const built = await buildSiteCold(siteDir, path.join(context.logDir, `${site}-run${context.run}.log`));
    entry.buildMs = built.wallMs;
    entry.peakRssBytes = built.peakRssBytes;
    console.log(`${label}: built in ${formatSeconds(built.wallMs)}, peak ${formatMB(built.peakRssBytes)}`);
    const buildDir = path.join(siteDir, 'build');
    entry.html = await measureHtml(buildDir);
    entry.pagefindDir = await measureFolder(path.join(buildDir, 'pagefind'));
    const server = await startStaticServer(buildDir, {cacheAssets: true});
    try {
      entry.landingJs = await measurePageJs(context.browser, `${server.origin}/`);
      entry.unitJs = await measurePageJs(context.browser, `${server.origin}${UNIT_PAGE}`);
      entry.firstSearch = await measureFirstSearch(context.browser, `${server.origin}/`, SEARCH_QUERY);
    } finally {
      await server.close();
    }
    if (site === 'ours') {
      entry.checkMs = await timeCheck(siteDir);
      Object.assign(entry, await timeGraphAndLayout(context.modules, siteDir));
    }
    console.log(
      `${label}: JS / ${formatKB(entry.landingJs.jsGzipBytes)}, ${UNIT_PAGE} ${formatKB(entry.unitJs.jsGzipBytes)} gzip; ` +
        `HTML median ${formatKB(entry.html.medianBytes)}; first search ${formatKB(entry.firstSearch.bytes)} (${entry.firstSearch.method})`,
    );
  } catch (error) {
    entry.error = error instanceof Error ? error.message : String(error);
    console.error(`${label}: FAILED\n${entry.error}`);
  }
  return entry;
}

interface Metric {
  label: string;
  value: (run: SiteRun) => number | undefined;
  format: (value: number) => string;
  /** Also print ours − plain (for byte counts where an absolute budget applies). */
  difference?: boolean;
  oursOnly?: boolean;
}

const METRICS: Metric[] = [
  {label: 'build wall time', value: (r) => r.buildMs, format: formatSeconds},
  {label: 'peak RSS, process tree', value: (r) => r.peakRssBytes, format: formatMB},
  {label: 'HTML per page, median', value: (r) => r.html?.medianBytes, format: formatKB},
  {label: 'HTML per page, max', value: (r) => r.html?.maxBytes, format: formatKB},
  {label: 'HTML pages', value: (r) => r.html?.pages, format: String},
  {label: 'JS gzip, landing /', value: (r) => r.landingJs?.jsGzipBytes, format: formatKB, difference: true},
  {label: '  of which named in HTML', value: (r) => r.landingJs?.htmlNamedGzipBytes, format: formatKB, difference: true},
  {label: '  of which prefetched only', value: (r) => r.landingJs?.prefetchedGzipBytes, format: formatKB, difference: true},
  {label: `JS gzip, unit ${UNIT_PAGE}`, value: (r) => r.unitJs?.jsGzipBytes, format: formatKB, difference: true},
  {label: '  of which run (first visit, no prefetch)', value: (r) => r.unitJs && r.unitJs.jsGzipBytes - r.unitJs.prefetchedGzipBytes, format: formatKB, difference: true},
  {label: '  of which named in HTML', value: (r) => r.unitJs?.htmlNamedGzipBytes, format: formatKB, difference: true},
  {label: '  of which prefetched only', value: (r) => r.unitJs?.prefetchedGzipBytes, format: formatKB, difference: true},
  {label: 'search index on disk', value: (r) => r.pagefindDir?.bytes, format: formatKB},
  {label: 'first search download', value: (r) => r.firstSearch?.bytes, format: formatKB},
  {label: 'org check (CLI, wall)', value: (r) => r.checkMs, format: formatSeconds, oursOnly: true},
  {label: 'org graph build', value: (r) => r.graphMs, format: formatMs, oursOnly: true},
  {label: 'chart layout, landing chart', value: (r) => r.layoutMs, format: formatMs, oursOnly: true},
  {label: 'chart layout, all units', value: (r) => r.layoutAllMs, format: formatMs, oursOnly: true},
  {label: 'neighbourhood charts, all pages', value: (r) => r.neighbourhoodsMs, format: formatMs, oursOnly: true},
];

/** A chunk's name without its content hash: the same route's chunk has the same name in both sites. */
const chunkName = (file: string) => path.basename(file).replace(/\.[0-9a-f]{8}\.js$/, '');

/**
 * Which routes a page prefetches depends on which links are on screen when the browser is idle,
 * and that can differ by one between the sites. This compares the chunks both prefetched, run by
 * run, and names what only one of them prefetched.
 */
function prefetchedLikeForLike(ours: SiteRun[], plain: SiteRun[]): string {
  const prefetchedOf = (run: SiteRun) =>
    new Map((run.unitJs?.files ?? []).filter((file) => file.resourceType !== 'script').map((file) => [chunkName(file.path), file.gzipBytes]));
  const deltas: number[] = [];
  const onlyOurs = new Set<string>();
  const onlyPlain = new Set<string>();
  let shared = 0;
  for (const [index, oursRun] of ours.entries()) {
    const plainRun = plain[index];
    if (!plainRun) break;
    const mine = prefetchedOf(oursRun);
    const theirs = prefetchedOf(plainRun);
    let delta = 0;
    shared = 0;
    for (const [name, bytes] of mine) {
      const other = theirs.get(name);
      if (other === undefined) onlyOurs.add(name);
      else {
        delta += bytes - other;
        shared += 1;
      }
    }
    for (const name of theirs.keys()) if (!mine.has(name)) onlyPlain.add(name);
    deltas.push(delta);
  }
  if (deltas.length === 0) return 'unit page JS prefetched, the same chunks in both: n/a';
  const delta = summarize(deltas).median;
  const extra = [onlyOurs.size > 0 ? `only ours prefetched ${[...onlyOurs].join(', ')}` : '', onlyPlain.size > 0 ? `only plain prefetched ${[...onlyPlain].join(', ')}` : '']
    .filter(Boolean)
    .join('; ');
  return `unit page JS prefetched, the ${shared} chunks both prefetched: ${delta >= 0 ? '+' : '−'}${formatKB(Math.abs(delta))}${extra ? ` (${extra})` : ''}`;
}

function report(results: SiteRun[], args: Args): string {
  const of = (site: SiteName) => results.filter((result) => result.site === site && !result.error);
  const rows = METRICS.map((metric) => {
    const values = (site: SiteName) =>
      of(site)
        .map(metric.value)
        .filter((value): value is number => value !== undefined);
    const ours = summarize(values('ours'));
    const plain = summarize(values('plain'));
    let comparison = metric.oursOnly ? '' : formatRatio(ours.median, plain.median);
    if (metric.difference && ours.n > 0 && plain.n > 0) {
      const delta = ours.median - plain.median;
      comparison += ` (${delta >= 0 ? '+' : '−'}${formatKB(Math.abs(delta))})`;
    }
    return [metric.label, formatSummary(ours, metric.format), metric.oursOnly ? '—' : formatSummary(plain, metric.format), comparison];
  });
  // Issue #14's budgets for a unit page, on the medians.
  const unitMedian = (site: SiteName, value: (run: SiteRun) => number | undefined) =>
    summarize(of(site).map(value).filter((v): v is number => v !== undefined)).median;
  const run = (r: SiteRun) => r.unitJs && r.unitJs.jsGzipBytes - r.unitJs.prefetchedGzipBytes;
  const prefetched = (r: SiteRun) => r.unitJs?.prefetchedGzipBytes;
  const budget = (label: string, value: (r: SiteRun) => number | undefined, limit: number) => {
    const delta = unitMedian('ours', value) - unitMedian('plain', value);
    if (!Number.isFinite(delta)) return `${label}: n/a`;
    return `${label}: ${delta >= 0 ? '+' : '−'}${formatKB(Math.abs(delta))} (budget +${formatKB(limit)}) ${delta <= limit ? 'met' : 'NOT met'}`;
  };
  return [
    `${args.units} units, ${args.runs} run(s); median (min–max)`,
    formatTable(['metric', 'ours', 'plain', 'ours/plain'], rows),
    '',
    budget(`unit page JS run on a first visit, ours − plain`, run, 2000),
    budget(`unit page JS prefetched, ours − plain`, prefetched, 5000),
    prefetchedLikeForLike(of('ours'), of('plain')),
  ].join('\n');
}

async function machine(browser: Browser | undefined) {
  const docusaurus = JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules/@docusaurus/core/package.json'), 'utf8')) as {version: string};
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    platform: `${os.type()} ${os.release()}`,
    node: process.version,
    docusaurus: docusaurus.version,
    chromium: browser?.version(),
  };
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  await assertRealSiteExists();
  const features = await readSiteFeatures();
  const tmp = await mkdtemp(path.join(os.tmpdir(), `org-bench-scale-${args.units}-`));
  const removeTmp = () => {
    if (!args.keep) rmSync(tmp, {recursive: true, force: true});
  };
  const onSignal = () => {
    removeTmp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let browser: Browser | undefined;
  const results: SiteRun[] = [];
  try {
    console.log(`bench:scale: ${args.units} units, ${args.runs} run(s), seed ${args.seed}, in ${tmp}`);
    console.log(
      `plain mirrors: mermaid ${features.mermaid ? 'on' : 'off'}, search ${features.searchPlugin ?? 'none'}` +
        `${features.searchTheme ? ` + ${features.searchTheme}` : ''}, trailingSlash ${features.trailingSlash ?? 'unset'}, site theme ${features.siteTheme.join(', ') || 'none'}, last update time ${features.showLastUpdateTime ? 'on' : 'off'}` +
        `, future.v4 ${features.v4 ? 'true' : 'off (only removeLegacyPostBuildHeadAttribute)'}`,
    );
    for (const note of features.notes) console.log(`note: ${note}`);
    const generated = path.join(tmp, 'generated');
    await writeFiles(generated, generateOrganization({units: args.units, seed: args.seed}));
    const sites: Record<SiteName, string> = {ours: path.join(tmp, 'ours'), plain: path.join(tmp, 'plain')};
    await createOurSite(sites.ours, path.join(generated, 'docs'));
    await createPlainSite(sites.plain, path.join(generated, 'docs'), features);
    const logDir = path.join(tmp, 'logs');
    await mkdir(logDir);

    const modules = await loadOrgModules();
    if (modules.note) console.log(`note: ${modules.note}`);
    browser = await launchChromium();

    for (let run = 1; run <= args.runs; run += 1) {
      const order: SiteName[] = run % 2 === 1 ? ['ours', 'plain'] : ['plain', 'ours'];
      for (const [position, site] of order.entries()) {
        results.push(await measureSite(site, sites[site], {browser, modules, run, order: position, logDir}));
      }
    }

    console.log(`\n${report(results, args)}`);
    const blocked = [...new Set(results.flatMap((r) => [...(r.landingJs?.blocked ?? []), ...(r.unitJs?.blocked ?? [])]))];
    if (blocked.length > 0) console.log(`\nblocked requests to other hosts: ${blocked.join(', ')}`);
    const searchMethods = [...new Set(results.map((r) => r.firstSearch && `${r.site}: ${r.firstSearch.method}`).filter(Boolean))];
    console.log(`first search ("${SEARCH_QUERY}") made through: ${searchMethods.join('; ')}`);
    if (modules.note) console.log(`note: ${modules.note}`);

    const outDir = path.join(REPO_ROOT, 'bench-results');
    await mkdir(outDir, {recursive: true});
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const outFile = path.join(outDir, `scale-${args.units}-${stamp}.json`);
    const raw = {
      benchmark: 'scale',
      command: `npm run bench:scale -- --units ${args.units} --runs ${args.runs} --seed ${args.seed}`,
      date: new Date().toISOString(),
      machine: await machine(browser),
      args,
      unitPage: UNIT_PAGE,
      searchQuery: SEARCH_QUERY,
      plain: {features, config: plainConfigSource(features)},
      notes: [...features.notes, ...(modules.note ? [modules.note] : [])],
      results,
    };
    await writeFile(outFile, `${JSON.stringify(raw, null, 2)}\n`);
    console.log(`raw results: ${path.relative(REPO_ROOT, outFile)}`);
    if (args.keep) console.log(`kept ${tmp}`);
    if (results.some((result) => result.error)) process.exitCode = 1;
  } finally {
    await browser?.close();
    if (!args.keep) await rm(tmp, {recursive: true, force: true});
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

await main();
