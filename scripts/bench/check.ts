/**
 * `npm run bench:check -- [--units 5000] [--runs 5] [--seed 1] [--keep]`
 *
 * How long the org check takes on a large handbook: generates N units in a
 * temporary folder, then
 * - runs the real CLI, `npx tsx scripts/check.ts <dir>`, as a child process
 *   `--runs` times (at least 3) and prints min, median and max wall time
 *   (this includes starting Node, tsx and npx, as an editor would see it);
 * - times checkContentTree in this process (after one warm-up run), split
 *   into loading the files and building the graph.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {checkContentTree, loadContentTree} from '@site/src/plugins/content';
import {buildOrgGraph} from '@site/src/org/graph';
import {generatedVocabulary, generateOrganization, writeFiles} from './generate-org';
import {runMeasured, tail} from './lib/process-tree';
import {REPO_ROOT} from './lib/sites';
import {formatMs, formatSeconds, formatTable, summarize, type Summary} from './lib/stats';

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      units: {type: 'string', default: '5000'},
      runs: {type: 'string', default: '5'},
      seed: {type: 'string', default: '1'},
      keep: {type: 'boolean', default: false},
    },
  });
  const units = Number(values.units);
  const runs = Math.max(3, Number(values.runs));
  if (!Number.isInteger(units) || !Number.isInteger(runs)) {
    console.error('usage: npm run bench:check -- [--units 5000] [--runs 5] [--seed 1] [--keep]');
    process.exit(2);
  }

  const dir = await mkdtemp(path.join(os.tmpdir(), `org-bench-check-${units}-`));
  try {
    const generateStarted = performance.now();
    await writeFiles(dir, generateOrganization({units, seed: Number(values.seed)}));
    console.log(`generated ${units} units in ${formatSeconds(performance.now() - generateStarted)} (${dir})`);

    const cli: number[] = [];
    let lastLine = '';
    for (let run = 1; run <= runs; run += 1) {
      const result = await runMeasured('npx', ['tsx', 'scripts/check.ts', dir], {cwd: REPO_ROOT, sampleMemory: false});
      if (result.exitCode !== 0) throw new Error(`scripts/check.ts failed on the generated content:\n${tail(result.output)}`);
      cli.push(result.wallMs);
      lastLine = result.output.trim().split('\n').pop() ?? '';
      console.log(`CLI run ${run}: ${formatSeconds(result.wallMs)}`);
    }
    console.log(`CLI says: ${lastLine}`);

    const warmup = await checkContentTree(dir);
    if (warmup.problems.length > 0) throw new Error(`the generated content has ${warmup.problems.length} problems`);
    const inProcess: number[] = [];
    const loading: number[] = [];
    const graphing: number[] = [];
    const vocabulary = generatedVocabulary();
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      await checkContentTree(dir);
      inProcess.push(performance.now() - started);
      started = performance.now();
      const loaded = await loadContentTree(dir);
      loading.push(performance.now() - started);
      started = performance.now();
      buildOrgGraph(loaded.units, vocabulary);
      graphing.push(performance.now() - started);
    }

    const row = (label: string, summary: Summary, format: (ms: number) => string) => [
      label,
      format(summary.median),
      format(summary.min),
      format(summary.max),
    ];
    console.log(`\norg check of ${units} units, ${runs} runs each`);
    console.log(
      formatTable(
        ['measure', 'median', 'min', 'max'],
        [
          row('npx tsx scripts/check.ts (wall)', summarize(cli), formatSeconds),
          row('checkContentTree (in process)', summarize(inProcess), formatMs),
          row('  loadContentTree', summarize(loading), formatMs),
          row('  buildOrgGraph', summarize(graphing), formatMs),
        ],
      ),
    );
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else await rm(dir, {recursive: true, force: true});
  }
}

await main();
