/**
 * `npm run bench:lighthouse -- [--runs 3] [--dir build] [--port 0 (any free)] [--pages /,/functional-areas/engineering]`
 *
 * Lighthouse 12.2.3 on the built handbook, served on 127.0.0.1 with gzip (as
 * a production host would), with Debian's Chromium (launched by
 * chrome-launcher with the benchmarks' flags, headless). For the mobile
 * preset (Lighthouse's default) and the desktop preset
 * (core/config/desktop-config.js), on each page, `--runs` runs each, it prints
 * the four category scores and FCP, LCP, TBT, CLS and the bytes transferred:
 * median (min–max). Audits that did not pass in accessibility, best practices
 * or SEO are listed under the table. Raw results go to bench-results/.
 *
 * If `build/` is missing it runs `npm run build` first.
 *
 * Nothing reaches the internet: Chromium resolves no host name at all
 * (`--host-resolver-rules`), and the site is served on an IP address.
 */
import {spawn} from 'node:child_process';
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, {desktopConfig, type Config, type Flags} from 'lighthouse';
import {CHROME_LAUNCHER_FLAGS, CHROMIUM_PATH} from '../lib/chromium';
import {startStaticServer} from '../lib/static-server';
import {exists, REPO_ROOT} from './lib/sites';
import {formatKB, formatSummary, formatTable, summarize} from './lib/stats';

const formatMs = (ms: number) => (Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'n/a');

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PRESETS: Record<string, Config | undefined> = {mobile: undefined, desktop: desktopConfig};

interface RunResult {
  preset: string;
  page: string;
  run: number;
  scores: Record<(typeof CATEGORIES)[number], number>;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  totalBytes: number;
  /** Audits below a full score in accessibility, best practices and SEO: "category: id (title)". */
  failing: string[];
  runtimeError?: string;
}

function parseCommandLine() {
  const {values} = parseArgs({
    options: {
      runs: {type: 'string', default: '3'},
      dir: {type: 'string', default: 'build'},
      port: {type: 'string', default: '0'},
      pages: {type: 'string', default: '/,/functional-areas/engineering'},
      presets: {type: 'string', default: 'mobile,desktop'},
    },
  });
  const presets = values.presets!.split(',').map((preset) => preset.trim());
  const unknown = presets.filter((preset) => !(preset in PRESETS));
  const runs = Number(values.runs);
  if (unknown.length > 0 || !Number.isInteger(runs) || runs < 1) {
    console.error('usage: npm run bench:lighthouse -- [--runs 3] [--dir build] [--port 0] [--pages /,/a] [--presets mobile,desktop]');
    process.exit(2);
  }
  return {
    runs,
    buildDir: path.resolve(REPO_ROOT, values.dir!),
    port: Number(values.port),
    pages: values.pages!.split(',').map((page) => page.trim()),
    presets,
  };
}

async function buildSite(): Promise<void> {
  console.log('build/ is missing: running npm run build');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], {cwd: REPO_ROOT, stdio: 'inherit'});
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build failed (exit ${code})`);
}

async function runLighthouse(url: string, preset: string, run: number, page: string): Promise<RunResult> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: [...CHROME_LAUNCHER_FLAGS],
  });
  try {
    const flags: Flags = {port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES]};
    const result = await lighthouse(url, flags, PRESETS[preset]);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const {lhr} = result;
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const failing: string[] = [];
    for (const category of CATEGORIES.filter((name) => name !== 'performance')) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) failing.push(`${category}: ${ref.id} (${audit.title})`);
      }
    }
    return {
      preset,
      page,
      run,
      scores: Object.fromEntries(
        CATEGORIES.map((category) => [category, Math.round((lhr.categories[category]?.score ?? Number.NaN) * 100)]),
      ) as RunResult['scores'],
      fcpMs: numeric('first-contentful-paint'),
      lcpMs: numeric('largest-contentful-paint'),
      tbtMs: numeric('total-blocking-time'),
      cls: numeric('cumulative-layout-shift'),
      totalBytes: numeric('total-byte-weight'),
      failing,
      ...(lhr.runtimeError ? {runtimeError: `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`} : {}),
    };
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  const options = parseCommandLine();
  if (!(await exists(path.join(options.buildDir, 'index.html')))) {
    if (path.relative(REPO_ROOT, options.buildDir) !== 'build') throw new Error(`${options.buildDir} holds no built site`);
    await buildSite();
  }
  const server = await startStaticServer(options.buildDir, {compress: true, cacheAssets: true, port: options.port});
  const results: RunResult[] = [];
  try {
    for (const preset of options.presets) {
      for (const page of options.pages) {
        for (let run = 1; run <= options.runs; run += 1) {
          const result = await runLighthouse(`${server.origin}${page}`, preset, run, page);
          results.push(result);
          const scores = CATEGORIES.map((category) => result.scores[category]).join('/');
          console.log(`${preset} ${page} run ${run}: ${scores}, LCP ${formatMs(result.lcpMs)}, TBT ${formatMs(result.tbtMs)}${result.runtimeError ? ` (${result.runtimeError})` : ''}`);
        }
      }
    }
  } finally {
    await server.close();
  }

  const rows: string[][] = [];
  for (const preset of options.presets) {
    for (const page of options.pages) {
      const group = results.filter((result) => result.preset === preset && result.page === page);
      const cell = (values: number[], format: (value: number) => string) => formatSummary(summarize(values), format);
      rows.push([
        preset,
        page,
        ...CATEGORIES.map((category) => cell(group.map((result) => result.scores[category]), String)),
        cell(group.map((result) => result.fcpMs), formatMs),
        cell(group.map((result) => result.lcpMs), formatMs),
        cell(group.map((result) => result.tbtMs), formatMs),
        cell(group.map((result) => result.cls), (value) => value.toFixed(3)),
        cell(group.map((result) => result.totalBytes), formatKB),
      ]);
    }
  }
  console.log(`\nLighthouse 12.2.3, ${options.runs} run(s) each; median (min–max)`);
  console.log(formatTable(['preset', 'page', 'perf', 'a11y', 'best pr.', 'SEO', 'FCP', 'LCP', 'TBT', 'CLS', 'transferred'], rows));
  const failing = [...new Set(results.flatMap((result) => result.failing.map((audit) => `${result.page}: ${audit}`)))].sort();
  if (failing.length > 0) console.log(`\nAudits not passed (any run, any preset):\n${failing.map((line) => `- ${line}`).join('\n')}`);

  const outDir = path.join(REPO_ROOT, 'bench-results');
  await mkdir(outDir, {recursive: true});
  const outFile = path.join(outDir, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(outFile, `${JSON.stringify({benchmark: 'lighthouse', date: new Date().toISOString(), options, results}, null, 2)}\n`);
  console.log(`raw results: ${path.relative(REPO_ROOT, outFile)}`);
}

await main();
