/**
 * `npm run bench:dev -- [--units 0] [--moves 4] [--seed 1]`
 *
 * The editor's live loop under `docusaurus start`: seconds from saving a
 * change of `reportsTo` to the new parent's page showing the unit among its
 * direct reports, in Chromium. `--units 0` (the default) uses the real
 * handbook; otherwise a generated organization of that size
 * (scripts/bench/generate-org.ts). The unit moves back and forth, so every
 * move is a real change. Targets: 2 s on the real handbook, 5 s at 1000 units.
 * `--log` prints the server's output afterwards, with Docusaurus's timings of
 * each reload step (DOCUSAURUS_PERF_LOGGER), to see where a slow save goes.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {launchChromium} from '../lib/chromium';
import {startDevServer, waitForPage} from '../lib/dev-server';
import {checkContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {generateOrganization, writeFiles} from './generate-org';
import {createOurSite, REPO_ROOT} from './lib/sites';
import {formatTable, median} from './lib/stats';

const {values} = parseArgs({options: {units: {type: 'string', default: '0'}, moves: {type: 'string', default: '4'}, seed: {type: 'string', default: '1'}, log: {type: 'boolean', default: false}}});
const units = Number(values.units);
const moves = Number(values.moves);
if (!Number.isInteger(units) || !Number.isInteger(moves) || moves < 1) {
  console.error('usage: npm run bench:dev -- [--units 0] [--moves 4] [--seed 1] [--log]');
  process.exit(2);
}
const TARGET_MS = units === 0 ? 2000 : units <= 1000 ? 5000 : undefined;

const work = await mkdtemp(path.join(os.tmpdir(), 'bench-dev-'));
const siteDir = path.join(work, 'site');
let docsDir = path.join(REPO_ROOT, 'docs');
if (units > 0) {
  docsDir = path.join(work, 'docs');
  await writeFiles(path.join(work), generateOrganization({units, seed: Number(values.seed)}));
}
await createOurSite(siteDir, docsDir);

// A unit that may report to two different parents: an area under an area or role, moved to a sibling area.
const {graph, permalinks} = await checkContentTree(siteDir);
if (!graph) throw new Error('the benchmark site does not pass the check');
const candidates = [...graph.units.values()].filter((unit) => unit.kind === 'area' && unit.org.reportsTo !== undefined);
const mover = candidates.find((unit) => candidates.some((other) => other.id !== unit.id && other.org.reportsTo === unit.org.reportsTo && !graph.children.get(unit.id)?.length));
if (!mover) throw new Error('no unit to move');
const home = mover.org.reportsTo!;
const away = candidates.find((other) => other.id !== mover.id && other.org.reportsTo === home)!.id;
const pageOf = (id: string) => permalinks.get(graph.units.get(id)!.source)!;

const started = Date.now();
if (values.log) process.env.DOCUSAURUS_PERF_LOGGER = 'true';
const server = await startDevServer(siteDir, 600_000);
console.log(`docusaurus start: first compilation in ${((Date.now() - started) / 1000).toFixed(1)} s (${units || 'real handbook'} units)`);
const browser = await launchChromium();
const page = await browser.newPage();
const samples: number[] = [];
try {
  const file = path.join(siteDir, mover.source);
  for (let move = 0; move < moves; move += 1) {
    const [from, to] = move % 2 === 0 ? [home, away] : [away, home];
    await page.goto(`${server.origin}${pageOf(to)}`, {waitUntil: 'load'});
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(`reportsTo: ${from}`, `reportsTo: ${to}`));
    const ms = await waitForPage(page, `${server.origin}${pageOf(to)}`, async (target) => (await target.locator('#direct-reports').innerText()).includes(mover.name), Date.now(), 120_000);
    samples.push(ms);
    console.log(`  move ${move + 1}: ${mover.id} → ${to}: ${(ms / 1000).toFixed(1)} s`);
  }
} finally {
  if (values.log) console.log(server.output());
  await browser.close();
  await server.stop();
  await rm(work, {recursive: true, force: true});
}
const middle = median(samples);
console.log(
  formatTable(
    ['units', 'moves', 'median save → page', 'worst', 'target'],
    [[String(units || 'real'), String(moves), `${(middle / 1000).toFixed(1)} s`, `${(Math.max(...samples) / 1000).toFixed(1)} s`, TARGET_MS ? `${TARGET_MS / 1000} s` : '—']],
  ),
);
if (TARGET_MS && middle > TARGET_MS) process.exitCode = 1;
