/**
 * `npm run bench:lighthouse -- [--units 15] [--runs 5] [--sites DIR] [--presets mobile,desktop] [--handbook reuse|rebuild|skip] [--trace]`
 *
 * Lighthouse 12.2.3 on three sites in one invocation, runs interleaved:
 *
 * - ours and plain: a generated organization of `--units` units built as the
 *   handbook and as stock Docusaurus (the same two sites as bench:scale, see
 *   lib/sites.ts). Their figures are printed as ratios ours/plain: Lighthouse's
 *   simulated throttling scales with the host CPU, which other people's builds
 *   share, so only a baseline measured beside ours says anything.
 * - the handbook: the repository's build/ (built when missing, or with
 *   `--handbook rebuild`), for the absolute targets (mobile performance ≥ 95,
 *   desktop 100 in all four).
 *
 * On each site it audits `/` and a unit page, with the mobile preset
 * (Lighthouse's default) and the desktop preset (`--presets`). One round is
 * every (preset, page, site) once, the sites' order alternating between
 * rounds; `--runs` rounds. The first round runs all four categories, later
 * rounds performance only. Printed per site, page and preset: median (min–max) of the
 * four scores, FCP, LCP, TBT, CLS, main-thread work, script evaluation, the
 * JavaScript run at start-up (bootup-time), transferred bytes (all, and
 * scripts). With `--trace`, also the scripts that took the most main-thread
 * time (Lighthouse's own analysis of the trace it recorded).
 *
 * The generated sites live in a temporary folder that is kept: pass it as
 * `--sites DIR` to reuse it (bench:scale --keep folders work too). Plain is
 * built once; ours is rebuilt whenever the handbook's own files (src/,
 * config…) changed since it was built.
 *
 * Sites are served with gzip on 127.0.0.1 (as a production host would) and
 * Debian's Chromium resolves no host name (`--host-resolver-rules`), so
 * nothing reaches the internet. Raw results go to bench-results/.
 */
import {spawn} from 'node:child_process';
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, {desktopConfig, type Config, type Flags} from 'lighthouse';
import {CHROME_LAUNCHER_FLAGS, CHROMIUM_PATH, launchChromium} from '../lib/chromium';
import {startStaticServer} from '../lib/static-server';
import {FIXED_IDS, generateOrganization, writeFiles} from './generate-org';
import {buildSiteCold} from './lib/build-site';
import {countHydratedElements, HYDRATION_REGIONS, type HydrationCount, type HydrationRegion} from './lib/hydration';
import {createOurSite, createPlainSite, exists, ourSiteSourceDigest, readSiteFeatures, REPO_ROOT} from './lib/sites';
import {formatKB, formatRatio, formatSeconds, formatSummary, formatTable, summarize} from './lib/stats';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PRESETS: Record<string, Config | undefined> = {mobile: undefined, desktop: desktopConfig};
type SiteName = 'ours' | 'plain' | 'handbook';

/** The unit page of each site: the generator's first area, and a real area of the handbook. */
const GENERATED_UNIT_PAGE = `/functional-areas/${FIXED_IDS.firstArea}`;
const HANDBOOK_UNIT_PAGE = '/functional-areas/engineering';
/** Written next to ours' build: the digest of the handbook files it was built from. */
const DIGEST_FILE = '.bench-source-digest';

interface RunResult {
  site: SiteName;
  preset: string;
  page: string;
  run: number;
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  mainThreadMs: number;
  scriptEvaluationMs: number;
  bootupMs: number;
  totalBytes: number;
  scriptBytes: number;
  /** Main-thread time by script (bootup-time): the biggest few. */
  topScripts: {url: string; totalMs: number; scriptingMs: number; parseMs: number}[];
  /** Main-thread time by kind of work (mainthread-work-breakdown). */
  breakdown: Record<string, number>;
  /** Tasks over 50 ms on the simulated mobile CPU (long-tasks): what ran, when, how long. */
  longTasks: {url: string; startMs: number; durationMs: number}[];
  failing: string[];
  runtimeError?: string;
}

function parseCommandLine() {
  const {values} = parseArgs({
    options: {
      units: {type: 'string', default: '15'},
      runs: {type: 'string', default: '5'},
      seed: {type: 'string', default: '1'},
      sites: {type: 'string'},
      presets: {type: 'string', default: 'mobile,desktop'},
      handbook: {type: 'string', default: 'reuse'},
      trace: {type: 'boolean', default: false},
    },
  });
  const presets = values.presets!.split(',').map((preset) => preset.trim());
  const runs = Number(values.runs);
  const units = Number(values.units);
  const handbook = values.handbook!;
  if (
    presets.some((preset) => !(preset in PRESETS)) ||
    !Number.isInteger(runs) ||
    runs < 1 ||
    !Number.isInteger(units) ||
    !['reuse', 'rebuild', 'skip'].includes(handbook)
  ) {
    console.error(
      'usage: npm run bench:lighthouse -- [--units 15] [--runs 5] [--sites DIR] [--presets mobile,desktop] [--handbook reuse|rebuild|skip] [--trace]',
    );
    process.exit(2);
  }
  return {
    units,
    runs,
    seed: Number(values.seed),
    sitesDir: values.sites ? path.resolve(values.sites) : undefined,
    presets,
    handbook: handbook as 'reuse' | 'rebuild' | 'skip',
    trace: values.trace ?? false,
  };
}

async function npmRunBuild(): Promise<void> {
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], {cwd: REPO_ROOT, stdio: 'inherit'});
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
}

/** The generated pair, created or reused, each with a build of the current code. */
async function prepareGeneratedSites(options: ReturnType<typeof parseCommandLine>): Promise<string> {
  const dir = options.sitesDir ?? (await mkdtemp(path.join(os.tmpdir(), `org-bench-lighthouse-${options.units}-`)));
  const ours = path.join(dir, 'ours');
  const plain = path.join(dir, 'plain');
  if (!(await exists(ours)) || !(await exists(plain))) {
    if (options.sitesDir) throw new Error(`${dir} holds no ours/ and plain/ sites (make them with bench:scale --keep, or leave out --sites)`);
    console.log(`generating ${options.units} units (seed ${options.seed}) in ${dir}`);
    const generated = path.join(dir, 'generated');
    await writeFiles(generated, generateOrganization({units: options.units, seed: options.seed}));
    await createOurSite(ours, path.join(generated, 'docs'));
    await createPlainSite(plain, path.join(generated, 'docs'), await readSiteFeatures());
  }
  const logDir = path.join(dir, 'logs');
  await mkdir(logDir, {recursive: true});
  if (!(await exists(path.join(plain, 'build/index.html')))) {
    console.log('building plain…');
    const built = await buildSiteCold(plain, path.join(logDir, 'plain-lighthouse.log'));
    console.log(`plain built in ${formatSeconds(built.wallMs)}`);
  }
  const digest = await ourSiteSourceDigest();
  const builtFrom = await readFile(path.join(ours, DIGEST_FILE), 'utf8').catch(() => '');
  if (builtFrom.trim() !== digest || !(await exists(path.join(ours, 'build/index.html')))) {
    // Fresh copies of the handbook's own files around the same generated docs/.
    const generatedDocs = path.join(dir, 'generated/docs');
    if (!(await exists(generatedDocs))) await cp(path.join(ours, 'docs'), generatedDocs, {recursive: true});
    await rm(ours, {recursive: true, force: true});
    await createOurSite(ours, generatedDocs);
    console.log('building ours from the current code…');
    const built = await buildSiteCold(ours, path.join(logDir, 'ours-lighthouse.log'));
    await writeFile(path.join(ours, DIGEST_FILE), `${digest}\n`);
    console.log(`ours built in ${formatSeconds(built.wallMs)}`);
  }
  return dir;
}

/**
 * One Lighthouse run. Accessibility, best practices and SEO do not vary
 * between runs of the same build: `allCategories` is set for the first round
 * only, which saves a third of each later run (axe is slow on 2 busy cores).
 */
async function runLighthouse(url: string, preset: string, allCategories: boolean): Promise<Omit<RunResult, 'site' | 'page' | 'run' | 'preset'>> {
  const chrome = await chromeLauncher.launch({chromePath: CHROMIUM_PATH, chromeFlags: [...CHROME_LAUNCHER_FLAGS]});
  try {
    const categories = allCategories ? [...CATEGORIES] : ['performance'];
    const flags: Flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories};
    const result = await lighthouse(url, flags, PRESETS[preset]);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const {lhr} = result;
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const items = (id: string) => ((lhr.audits[id]?.details as {items?: Record<string, unknown>[]} | undefined)?.items ?? []);
    const failing: string[] = [];
    for (const category of CATEGORIES.filter((name) => name !== 'performance')) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${category}: ${ref.id} (${audit.title})`);
      }
    }
    const breakdown = Object.fromEntries(items('mainthread-work-breakdown').map((item) => [String(item.group), Number(item.duration)]));
    const scriptBytes = items('resource-summary').find((item) => item.resourceType === 'script')?.transferSize;
    return {
      scores: Object.fromEntries(
        CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100)]),
      ) as RunResult['scores'],
      fcpMs: numeric('first-contentful-paint'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      mainThreadMs: numeric('mainthread-work-breakdown'),
      scriptEvaluationMs: breakdown.scriptEvaluation ?? Number.NaN,
      bootupMs: numeric('bootup-time'),
      totalBytes: numeric('total-byte-weight'),
      scriptBytes: typeof scriptBytes === 'number' ? scriptBytes : Number.NaN,
      topScripts: items('bootup-time')
        .slice(0, 6)
        .map((item) => ({
          url: new URL(String(item.url), url).pathname,
          totalMs: Number(item.total),
          scriptingMs: Number(item.scripting),
          parseMs: Number(item.scriptParseCompile),
        })),
      breakdown,
      longTasks: items('long-tasks').map((item) => ({
        url: String(item.url).startsWith('http') ? new URL(String(item.url)).pathname : String(item.url),
        startMs: Number(item.startTime),
        durationMs: Number(item.duration),
      })),
      failing,
      ...(lhr.runtimeError ? {runtimeError: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`} : {}),
    };
  } finally {
    chrome.kill();
  }
}

const formatMs = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');

interface Column {
  label: string;
  value: (result: RunResult) => number;
  format: (value: number) => string;
}

const COLUMNS: Column[] = [
  {label: 'perf', value: (r) => r.scores.performance, format: String},
  {label: 'a11y', value: (r) => r.scores.accessibility, format: String},
  {label: 'best pr.', value: (r) => r.scores['best-practices'], format: String},
  {label: 'SEO', value: (r) => r.scores.seo, format: String},
  {label: 'FCP', value: (r) => r.fcpMs, format: formatMs},
  {label: 'LCP', value: (r) => r.lcpMs, format: formatMs},
  {label: 'TBT', value: (r) => r.tbtMs, format: formatMs},
  {label: 'CLS', value: (r) => r.cls, format: (value) => value.toFixed(3)},
  {label: 'main thread', value: (r) => r.mainThreadMs, format: formatMs},
  {label: 'script eval.', value: (r) => r.scriptEvaluationMs, format: formatMs},
  {label: 'JS bootup', value: (r) => r.bootupMs, format: formatMs},
  {label: 'transferred', value: (r) => r.totalBytes, format: formatKB},
  {label: 'of which JS', value: (r) => r.scriptBytes, format: formatKB},
];
/** The columns compared as ours/plain. */
const RATIO_COLUMNS = ['perf', 'TBT', 'main thread', 'script eval.', 'JS bootup', 'transferred', 'of which JS'];

function table(results: RunResult[], sites: SiteName[], presets: string[], pageOf: (site: SiteName, kind: 'landing' | 'unit') => string) {
  const rows: string[][] = [];
  for (const preset of presets) {
    for (const kind of ['landing', 'unit'] as const) {
      for (const site of sites) {
        const group = results.filter((r) => r.site === site && r.preset === preset && r.page === pageOf(site, kind));
        rows.push([preset, site, pageOf(site, kind), ...COLUMNS.map((column) => formatSummary(summarize(group.map(column.value)), column.format))]);
      }
    }
  }
  return formatTable(['preset', 'site', 'page', ...COLUMNS.map((column) => column.label)], rows);
}

function ratioTable(results: RunResult[], presets: string[], pageOf: (site: SiteName, kind: 'landing' | 'unit') => string) {
  const rows: string[][] = [];
  const median = (site: SiteName, preset: string, kind: 'landing' | 'unit', column: Column) =>
    summarize(results.filter((r) => r.site === site && r.preset === preset && r.page === pageOf(site, kind)).map(column.value)).median;
  for (const preset of presets) {
    for (const kind of ['landing', 'unit'] as const) {
      rows.push([
        preset,
        kind === 'landing' ? '/' : 'unit page',
        ...RATIO_COLUMNS.map((label) => {
          const column = COLUMNS.find((candidate) => candidate.label === label)!;
          const ours = median('ours', preset, kind, column);
          const plain = median('plain', preset, kind, column);
          // Each round's two runs are minutes apart at most: the median of their ratios is steadier than the ratio of medians on a busy machine.
          const paired = summarize(
            results
              .filter((r) => r.site === 'ours' && r.preset === preset && r.page === pageOf('ours', kind))
              .map((r) => {
                const twin = results.find((p) => p.site === 'plain' && p.preset === preset && p.run === r.run && p.page === pageOf('plain', kind));
                return twin ? column.value(r) / column.value(twin) : Number.NaN;
              }),
          ).median;
          return `${column.format(ours)} / ${column.format(plain)} = ${formatRatio(ours, plain)} (paired ${Number.isFinite(paired) ? `${paired.toFixed(2)}x` : 'n/a'})`;
        }),
      ]);
    }
  }
  return formatTable(['preset', 'page', ...RATIO_COLUMNS], rows);
}

/** Per script, the median main-thread time over a group's runs. */
function scriptTable(results: RunResult[], site: SiteName, preset: string, page: string): string {
  const group = results.filter((r) => r.site === site && r.preset === preset && r.page === page);
  const byUrl = new Map<string, RunResult['topScripts']>();
  for (const result of group) {
    for (const script of result.topScripts) byUrl.set(script.url, [...(byUrl.get(script.url) ?? []), script]);
  }
  const rows = [...byUrl.entries()]
    .map(([url, list]) => ({
      url,
      total: summarize(list.map((s) => s.totalMs)).median,
      scripting: summarize(list.map((s) => s.scriptingMs)).median,
      parse: summarize(list.map((s) => s.parseMs)).median,
    }))
    .sort((a, b) => b.total - a.total)
    .map((row) => [row.url, formatMs(row.total), formatMs(row.scripting), formatMs(row.parse)]);
  const kinds = new Map<string, number[]>();
  for (const result of group) {
    for (const [kind, ms] of Object.entries(result.breakdown)) kinds.set(kind, [...(kinds.get(kind) ?? []), ms]);
  }
  const kindLine = [...kinds.entries()]
    .map(([kind, values]) => [kind, summarize(values).median] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, ms]) => `${kind} ${formatMs(ms)}`)
    .join(', ');
  return `${site} ${preset} ${page}: ${kindLine}\n${formatTable(['script', 'main thread', 'of which running', 'parse+compile'], rows)}`;
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  const started = performance.now();
  const sitesDir = await prepareGeneratedSites(options);
  const roots: Partial<Record<SiteName, string>> = {ours: path.join(sitesDir, 'ours/build'), plain: path.join(sitesDir, 'plain/build')};
  if (options.handbook !== 'skip') {
    if (options.handbook === 'rebuild' || !(await exists(path.join(REPO_ROOT, 'build/index.html')))) {
      console.log('building the handbook (npm run build)…');
      await npmRunBuild();
    }
    roots.handbook = path.join(REPO_ROOT, 'build');
  }
  const sites = Object.keys(roots) as SiteName[];
  const pageOf = (site: SiteName, kind: 'landing' | 'unit') => (kind === 'landing' ? '/' : site === 'handbook' ? HANDBOOK_UNIT_PAGE : GENERATED_UNIT_PAGE);
  const prepared = performance.now();

  const servers = await Promise.all(sites.map((site) => startStaticServer(roots[site]!, {compress: true, cacheAssets: true})));
  const origin = Object.fromEntries(sites.map((site, index) => [site, servers[index]!.origin])) as Record<SiteName, string>;
  const results: RunResult[] = [];
  try {
    for (let run = 1; run <= options.runs; run += 1) {
      // Alternate the order of the sites so that neither always runs first, when the machine may be busiest.
      const order = run % 2 === 1 ? sites : [...sites].reverse();
      for (const preset of options.presets) {
        for (const kind of ['landing', 'unit'] as const) {
          for (const site of order) {
            const page = pageOf(site, kind);
            const result = {site, preset, page, run, ...(await runLighthouse(`${origin[site]}${page}`, preset, run === 1))};
            results.push(result);
            console.log(
              `run ${run} ${preset} ${site} ${page}: ${CATEGORIES.map((category) => (Number.isNaN(result.scores[category]) ? '-' : result.scores[category])).join('/')}, ` +
                `TBT ${formatMs(result.tbtMs)}, main thread ${formatMs(result.mainThreadMs)}, CLS ${result.cls.toFixed(3)}` +
                `${result.runtimeError ? ` (${result.runtimeError})` : ''}`,
            );
          }
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.close()));
  }
  const finished = performance.now();

  // Where hydration goes: elements React walked, per region, on each page (one load each, after the Lighthouse runs).
  const hydration: {site: SiteName; page: string; count: HydrationCount}[] = [];
  const counter = await launchChromium();
  const countServers = await Promise.all(sites.map((site) => startStaticServer(roots[site]!, {compress: true, cacheAssets: true})));
  try {
    for (const [index, site] of sites.entries()) {
      for (const kind of ['landing', 'unit'] as const) {
        const page = pageOf(site, kind);
        hydration.push({site, page, count: await countHydratedElements(counter, `${countServers[index]!.origin}${page}`)});
      }
    }
  } finally {
    await counter.close();
    await Promise.all(countServers.map((server) => server.close()));
  }

  console.log(`\nLighthouse 12.2.3, ${options.runs} interleaved run(s) each; ours and plain: ${options.units} generated units; median (min–max)`);
  console.log(table(results, sites, options.presets, pageOf));
  console.log('\nours / plain: median / median = ratio (paired: median of the ratios within each round)');
  console.log(ratioTable(results, options.presets, pageOf));
  const regions = [...Object.keys(HYDRATION_REGIONS), 'other'] as HydrationRegion[];
  console.log('\nElements React hydrates, by region (of all elements there), 412 px wide; static views: elements inside them React owns');
  console.log(
    formatTable(
      ['site', 'page', ...regions, 'total', 'static views'],
      hydration.map(({site, page, count}) => [
        site,
        page,
        ...regions.map((region) => `${count.hydrated[region]} of ${count.elements[region]}`),
        String(regions.reduce((sum, region) => sum + count.hydrated[region], 0)),
        `${count.staticViewHydrated} of ${count.staticViewElements}`,
      ]),
    ),
  );
  if (options.trace) {
    console.log('\nWhere the main thread goes (Lighthouse bootup-time and mainthread-work-breakdown, medians):');
    for (const preset of options.presets.filter((preset) => preset === 'mobile')) {
      for (const site of sites) {
        for (const kind of ['landing', 'unit'] as const) {
          console.log(`\n${scriptTable(results, site, preset, pageOf(site, kind))}`);
          const first = results.find((r) => r.site === site && r.preset === preset && r.page === pageOf(site, kind));
          const tasks = (first?.longTasks ?? []).map((task) => `${task.url} at ${formatMs(task.startMs)}: ${formatMs(task.durationMs)}`);
          console.log(`long tasks in run 1: ${tasks.length > 0 ? tasks.join('; ') : 'none'}`);
        }
      }
    }
  }
  const failing = [...new Set(results.flatMap((r) => r.failing.map((audit) => `${r.site} ${r.page}: ${audit}`)))].sort();
  if (failing.length > 0) console.log(`\nAudits not passed (any run, any preset):\n${failing.map((line) => `- ${line}`).join('\n')}`);
  console.log(
    `\ntime: ${formatSeconds(prepared - started)} preparing sites, ${formatSeconds(finished - prepared)} for ${results.length} Lighthouse runs` +
      ` (${formatSeconds((finished - prepared) / Math.max(1, results.length))} each)`,
  );
  console.log(`generated sites kept in ${sitesDir}: reuse them with --sites ${sitesDir}`);

  const outDir = path.join(REPO_ROOT, 'bench-results');
  await mkdir(outDir, {recursive: true});
  const outFile = path.join(outDir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(outFile, `${JSON.stringify({benchmark: 'lighthouse', date: new Date().toISOString(), options, sitesDir, results, hydration}, null, 2)}\n`);
  console.log(`raw results: ${path.relative(REPO_ROOT, outFile)}`);
}

await main();
