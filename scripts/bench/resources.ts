/**
 * `npm run bench:resources -- [--units 5000] [--depth 2000] [--runs 1] [--seed 1] [--keep]`
 *
 * Whether depth costs anything: builds two organizations of the same N units
 * with the same pages and folders (scripts/bench/generate-org.ts), one as the
 * generator grows it (at most six levels: "flat") and one whose areas and roles
 * stand in a line --depth long ("deep"; only `reportsTo` differs), and for each:
 *
 * - `docusaurus build` wall time, CPU time (user + system, every process of
 *   the tree) and peak RSS of its whole process tree, cold (build/,
 *   .docusaurus/ and the Rspack cache deleted first). On a shared machine the
 *   wall time swings with other people's load; the CPU time much less, so
 *   the time target is checked on both;
 * - the size of /org.json and of the largest HTML page;
 * - `npm run check`'s command (`npx tsx scripts/check.ts <site>`) wall time.
 *
 * It prints deep/flat ratios against the targets (build time and peak memory
 * at most 1.2x; check of the deep one under 3 s) and writes the raw numbers
 * to bench-results/resources-<N>-<time>.json. Builds run one at a time; with
 * --runs above 1 the order alternates and medians are compared.
 */
import {mkdir, mkdtemp, rm, stat, writeFile} from 'node:fs/promises';
import {rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {generateOrganization, writeFiles} from './generate-org';
import {measureHtml} from './lib/build-output';
import {runMeasured, tail} from './lib/process-tree';
import {cleanBuildOutputs, createOurSite, REPO_ROOT} from './lib/sites';
import {formatKB, formatMB, formatRatio, formatSeconds, formatTable, median} from './lib/stats';

type Shape = 'flat' | 'deep';

interface Args {
  units: number;
  depth: number;
  runs: number;
  seed: number;
  keep: boolean;
}

interface ShapeRun {
  shape: Shape;
  run: number;
  buildMs: number;
  buildCpuMs: number;
  peakRssBytes: number;
  orgJsonBytes: number;
  maxHtmlBytes: number;
  largestPage: string;
  checkMs: number;
}

/** The targets of the deep/flat comparison. */
const TARGETS = {buildRatio: 1.2, memoryRatio: 1.2, deepCheckMs: 3000};

function parseCommandLine(): Args {
  const {values} = parseArgs({
    options: {
      units: {type: 'string', default: '5000'},
      depth: {type: 'string', default: '2000'},
      runs: {type: 'string', default: '1'},
      seed: {type: 'string', default: '1'},
      keep: {type: 'boolean', default: false},
    },
  });
  const args = {
    units: Number(values.units),
    depth: Number(values.depth),
    runs: Number(values.runs),
    seed: Number(values.seed),
    keep: values.keep ?? false,
  };
  if (![args.units, args.depth, args.runs, args.seed].every(Number.isInteger) || args.runs < 1 || args.depth < 1) {
    console.error('usage: npm run bench:resources -- [--units 5000] [--depth 2000] [--runs 1] [--seed 1] [--keep]');
    process.exit(2);
  }
  return args;
}

const BUILD_ENV: NodeJS.ProcessEnv = {...process.env, FORCE_COLOR: '0', NO_COLOR: '1', BROWSERSLIST_IGNORE_OLD_DATA: '1'};
delete BUILD_ENV.NODE_ENV;

async function measure(shape: Shape, siteDir: string, run: number, logDir: string): Promise<ShapeRun> {
  await cleanBuildOutputs(siteDir);
  const logFile = path.join(logDir, `${shape}-run${run}.log`);
  console.log(`[run ${run}] ${shape}: building…`);
  const docusaurus = path.join(siteDir, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
  const built = await runMeasured(process.execPath, [docusaurus, 'build'], {cwd: siteDir, env: BUILD_ENV, logFile, measureCpu: true});
  if (built.exitCode !== 0) {
    throw new Error(`${shape}: docusaurus build failed (exit ${built.exitCode ?? built.signal}); log: ${logFile}\n${tail(built.output)}`);
  }
  const buildDir = path.join(siteDir, 'build');
  const html = await measureHtml(buildDir);
  const orgJsonBytes = (await stat(path.join(buildDir, 'org.json'))).size;
  const checked = await runMeasured('npx', ['tsx', 'scripts/check.ts', siteDir], {cwd: REPO_ROOT, sampleMemory: false});
  if (checked.exitCode !== 0) throw new Error(`${shape}: npm run check failed:\n${tail(checked.output)}`);
  const result = {
    shape,
    run,
    buildMs: built.wallMs,
    buildCpuMs: built.cpuMs ?? Number.NaN,
    peakRssBytes: built.peakRssBytes,
    orgJsonBytes,
    maxHtmlBytes: html.maxBytes,
    largestPage: html.largest,
    checkMs: checked.wallMs,
  };
  console.log(
    `[run ${run}] ${shape}: built in ${formatSeconds(result.buildMs)} (CPU ${formatSeconds(result.buildCpuMs)}), peak ${formatMB(result.peakRssBytes)}, ` +
      `org.json ${formatKB(orgJsonBytes)}, largest page ${formatKB(html.maxBytes)}, check ${formatSeconds(result.checkMs)}`,
  );
  return result;
}

function report(results: readonly ShapeRun[], args: Args): {text: string; met: boolean} {
  const of = (shape: Shape, value: (run: ShapeRun) => number) => median(results.filter((run) => run.shape === shape).map(value));
  const rows: string[][] = [];
  let met = true;
  const row = (label: string, value: (run: ShapeRun) => number, format: (n: number) => string, target?: number) => {
    const flat = of('flat', value);
    const deep = of('deep', value);
    const ratio = deep / flat;
    const verdict = target === undefined ? '' : ratio <= target ? `met (≤ ${target}x)` : `MISSED (target ≤ ${target}x)`;
    if (target !== undefined && !(ratio <= target)) met = false;
    rows.push([label, format(flat), format(deep), formatRatio(deep, flat), verdict]);
  };
  row('build wall time', (run) => run.buildMs, formatSeconds, TARGETS.buildRatio);
  row('build CPU time (user + system)', (run) => run.buildCpuMs, formatSeconds, TARGETS.buildRatio);
  row('peak RSS, process tree', (run) => run.peakRssBytes, formatMB, TARGETS.memoryRatio);
  row('/org.json', (run) => run.orgJsonBytes, formatKB);
  row('largest HTML page', (run) => run.maxHtmlBytes, formatKB);
  row('npm run check (CLI, wall)', (run) => run.checkMs, formatSeconds);
  const deepCheck = of('deep', (run) => run.checkMs);
  const checkMet = deepCheck < TARGETS.deepCheckMs;
  if (!checkMet) met = false;
  const text = [
    `${args.units} units, flat (generator's depth) vs deep (a ${args.depth}-long reporting line); ${args.runs} run(s), medians`,
    formatTable(['metric', 'flat', 'deep', 'deep/flat', 'target'], rows),
    `check of the deep organization: ${formatSeconds(deepCheck)}, ${checkMet ? 'met' : 'MISSED'} (target < ${formatSeconds(TARGETS.deepCheckMs)})`,
  ].join('\n');
  return {text, met};
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  const tmp = await mkdtemp(path.join(os.tmpdir(), `org-bench-resources-${args.units}-`));
  const onSignal = () => {
    if (!args.keep) rmSync(tmp, {recursive: true, force: true});
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log(`bench:resources: ${args.units} units, depth ${args.depth}, ${args.runs} run(s), seed ${args.seed}, in ${tmp}`);
    const sites: Record<Shape, string> = {flat: path.join(tmp, 'flat'), deep: path.join(tmp, 'deep')};
    for (const shape of ['flat', 'deep'] as const) {
      const generated = path.join(tmp, `generated-${shape}`);
      const chain = shape === 'deep' ? {chainDepth: args.depth} : {};
      await writeFiles(generated, generateOrganization({units: args.units, seed: args.seed, ...chain}));
      await createOurSite(sites[shape], path.join(generated, 'docs'));
    }
    const logDir = path.join(tmp, 'logs');
    await mkdir(logDir);

    const results: ShapeRun[] = [];
    for (let run = 1; run <= args.runs; run += 1) {
      const order: Shape[] = run % 2 === 1 ? ['flat', 'deep'] : ['deep', 'flat'];
      for (const shape of order) results.push(await measure(shape, sites[shape], run, logDir));
    }

    const {text, met} = report(results, args);
    console.log(`\n${text}`);
    const outDir = path.join(REPO_ROOT, 'bench-results');
    await mkdir(outDir, {recursive: true});
    const outFile = path.join(outDir, `resources-${args.units}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const machine = {cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryBytes: os.totalmem(), node: process.version};
    await writeFile(outFile, `${JSON.stringify({benchmark: 'resources', date: new Date().toISOString(), machine, args, targets: TARGETS, results}, null, 2)}\n`);
    console.log(`raw results: ${path.relative(REPO_ROOT, outFile)}`);
    if (args.keep) console.log(`kept ${tmp}`);
    if (!met) process.exitCode = 1;
  } finally {
    if (!args.keep) await rm(tmp, {recursive: true, force: true});
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

await main();
