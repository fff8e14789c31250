/**
 * `npm run bench:new-units -- [--units 100] [--singles 5] [--keep]`
 *
 * How long adding many units takes with `npm run new:unit`, on a copy of the
 * handbook's docs/ (target from issue #11: 100 units in under 30 s):
 * - baseline: `--singles` units added one by one, one CLI run each (what an
 *   editor had before batch mode), timed per unit;
 * - batch: `--units` units from one file (`--from`), one CLI run;
 * then `npm run check` on the result, which must pass. Both are real child
 * processes (Node, tsx and the script's imports included), in this invocation.
 */
import {cp, mkdtemp, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {runMeasured, tail} from './lib/process-tree';
import {REPO_ROOT} from './lib/sites';
import {formatSeconds, formatTable} from './lib/stats';

/** A batch that looks like a real reorganization: areas, and teams drawing on them, some names full of MDX syntax. */
export function batchUnits(count: number): Array<Record<string, unknown>> {
  const areas = Math.max(1, Math.round(count / 10));
  const units: Array<Record<string, unknown>> = [];
  for (let index = 0; index < count; index += 1) {
    const isArea = index < areas;
    const name = index % 7 === 3 ? `R&D <Lab> {beta} ${index}` : `${isArea ? 'Area' : 'Team'} ${index}`;
    units.push({
      kind: isArea ? 'area' : 'team',
      name,
      id: `bench-${index}`,
      // Areas report to someone; teams have no reporting line and are joined through their members.
      ...(isArea ? {reportsTo: 'executive-director'} : {members: [`bench-${index % areas}`, `bench-${(index + 1) % areas}`]}),
      description: `Generated unit number ${index} for the benchmark.`,
      roles: [{role: 'lead', holders: [{name: `Person ${index}`, handle: `@person-${index}`}]}],
      contacts: [{type: 'chat', label: `#unit-${index}`, url: `https://chat.example.org/unit-${index}`}],
      maintainers: ['@bench'],
      reviewed: '2026-11-30',
    });
  }
  return units;
}

async function copyOfSite(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'org-bench-new-units-'));
  await cp(path.join(REPO_ROOT, 'docs'), path.join(dir, 'docs'), {recursive: true});
  await cp(path.join(REPO_ROOT, 'static'), path.join(dir, 'static'), {recursive: true});
  await cp(path.join(REPO_ROOT, 'org.vocabulary.yaml'), path.join(dir, 'org.vocabulary.yaml'));
  return dir;
}

async function newUnit(args: string[]): Promise<number> {
  const result = await runMeasured('npx', ['tsx', 'scripts/new-unit.ts', ...args], {cwd: REPO_ROOT, sampleMemory: false});
  if (result.exitCode !== 0) throw new Error(`new:unit ${args.join(' ')} failed:\n${tail(result.output)}`);
  return result.wallMs;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      units: {type: 'string', default: '100'},
      singles: {type: 'string', default: '5'},
      keep: {type: 'boolean', default: false},
    },
  });
  const count = Number(values.units);
  const singles = Math.max(1, Number(values.singles));
  const dir = await copyOfSite();
  try {
    const one: number[] = [];
    for (let index = 0; index < singles; index += 1) {
      one.push(
        await newUnit([
          '--site-dir', dir, '--yes', '--kind', 'area', '--name', `Single ${index}`, '--reports-to', 'executive-director',
          '--description', 'Added alone, as the baseline.', '--maintainers', '@bench',
        ]),
      );
      console.log(`single run ${index + 1}: ${formatSeconds(one.at(-1)!)}`);
    }
    const perSingle = one.reduce((sum, ms) => sum + ms, 0) / one.length;

    const file = path.join(dir, 'units.json');
    await writeFile(file, JSON.stringify(batchUnits(count), null, 2));
    const batchMs = await newUnit(['--site-dir', dir, '--yes', '--from', file]);
    const check = await runMeasured('npx', ['tsx', 'scripts/check.ts', dir], {cwd: REPO_ROOT, sampleMemory: false});
    if (check.exitCode !== 0) throw new Error(`the check fails after the batch:\n${tail(check.output)}`);

    const target = 30_000;
    console.log(
      formatTable(
        ['', 'wall time', 'per unit'],
        [
          [`one by one (${singles} CLI runs)`, `${formatSeconds(perSingle * count)} for ${count} (extrapolated)`, formatSeconds(perSingle)],
          [`batch (--from, ${count} units)`, formatSeconds(batchMs), formatSeconds(batchMs / count)],
        ],
      ),
    );
    console.log(`batch / one by one: ${(batchMs / (perSingle * count)).toFixed(3)}x`);
    console.log(`target: ${count} units in under ${formatSeconds(target)}: ${batchMs < target ? 'met' : 'MISSED'} (${formatSeconds(batchMs)})`);
    console.log(`check afterwards: ${check.output.trim().split('\n').pop()}`);
  } finally {
    if (values.keep) console.log(`kept ${dir}`);
    else await rm(dir, {recursive: true, force: true});
  }
}

await main();
