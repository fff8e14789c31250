/**
 * `npm run bench:history -- [--units 200] [--commits 500] [--runs 5] [--seed 1] [--build] [--keep]`
 *
 * What the organization's history costs the build, on a generated handbook
 * whose repository has `--commits` commits touching docs/ (the first writes
 * the site; each later one edits one page: prose most often, else a move, a
 * rename or a vacancy), written in one `git fast-import`.
 *
 * In process, each `--runs` times (median, min, max):
 * - baseline: the org check of today's tree, which every build already runs;
 * - history, cold: what the history plugin does with an empty parse cache
 *   (git log, one git cat-file, parsing each blob once, a graph per commit,
 *   the timeline, an "as of" chart per changed day, the page props as JSON);
 * - history, warm: the same with the parse cache of a previous run, as under
 *   `docusaurus start`.
 * It prints the ratios to the baseline, and how many pages were parsed
 * against the number of distinct (blob, path) pairs in the history.
 *
 * With `--build` it also times two cold production builds of the site, with
 * the history and with HANDBOOK_HISTORY=off, so the difference includes
 * rendering the extra pages.
 */
import {execFileSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {checkContentTree} from '@site/src/plugins/content';
import {ParseCache, readHistory} from '@site/src/org/history/git';
import {createHistoryPages} from '@site/src/org/history/pages';
import {createRandom, generatedVocabulary, generateOrganization, writeFiles, type GeneratedFile} from './generate-org';
import {runMeasured, tail} from './lib/process-tree';
import {cleanBuildOutputs, createOurSite} from './lib/sites';
import {formatMs, formatRatio, formatSeconds, formatTable, summarize, type Summary} from './lib/stats';

interface UnitFile {
  path: string;
  content: string;
  id: string;
  kind: string;
  parent?: string;
}

function unitFiles(files: readonly GeneratedFile[]): UnitFile[] {
  return files.flatMap((file) => {
    const id = /^ {2}id: (\S+)$/m.exec(file.content)?.[1];
    const kind = /^ {2}kind: (\S+)$/m.exec(file.content)?.[1];
    if (!id || !kind) return [];
    const parent = /^ {2}reportsTo: (\S+)$/m.exec(file.content)?.[1];
    return [{path: file.path, content: file.content, id, kind, ...(parent ? {parent} : {})}];
  });
}

/**
 * Later commits as a fast-import stream on top of `main`: each edits one unit page.
 * Moves only move units nobody reports to, under a functional area, so every tree stays valid.
 */
function historyStream(units: UnitFile[], commits: number, random: () => number): string {
  const parts: string[] = [];
  const areas = units.filter((unit) => unit.kind === 'area');
  const start = Date.parse('2025-01-01T12:00:00Z') / 1000;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  for (let index = 1; index < commits; index += 1) {
    const roll = random();
    const reportedTo = new Set(units.map((unit) => unit.parent));
    let unit: UnitFile;
    let message: string;
    if (roll < 0.2) {
      unit = pick(units.filter((candidate) => candidate.parent && !reportedTo.has(candidate.id) && candidate.kind !== 'council'));
      const target = pick(areas.filter((area) => area.id !== unit.parent && area.id !== unit.id));
      unit.content = unit.content.replace(/^ {2}reportsTo: \S+$/m, `  reportsTo: ${target.id}`);
      unit.parent = target.id;
      message = `Move ${unit.id} under ${target.id}`;
    } else if (roll < 0.3) {
      unit = pick(units);
      unit.content = unit.content.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title.replace(/ \(\d+\)$/, '')} (${index})`);
      message = `Rename ${unit.id}`;
    } else if (roll < 0.4) {
      unit = pick(units.filter((candidate) => candidate.kind === 'role'));
      unit.content = /^ {2}vacant: true$/m.test(unit.content)
        ? unit.content.replace(/^ {2}vacant: true\n/m, '')
        : unit.content.replace(/^ {2}kind: role$/m, '  kind: role\n  vacant: true');
      message = `Vacancy of ${unit.id}`;
    } else {
      unit = pick(units);
      unit.content = `${unit.content.trimEnd()}\n\nEdited in commit ${index}.\n`;
      message = `Prose of ${unit.id}`;
    }
    const when = start + Math.floor(index / 2) * 86_400;
    const data = Buffer.byteLength(unit.content);
    parts.push(
      'commit refs/heads/main',
      `committer Bench <bench@example.org> ${when} +0000`,
      `data ${Buffer.byteLength(message)}`,
      message,
      `M 100644 inline ${unit.path}`,
      `data ${data}`,
      unit.content,
      '',
    );
  }
  return `${parts.join('\n')}\n`;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      units: {type: 'string', default: '200'},
      commits: {type: 'string', default: '500'},
      runs: {type: 'string', default: '5'},
      seed: {type: 'string', default: '1'},
      build: {type: 'boolean', default: false},
      keep: {type: 'boolean', default: false},
    },
  });
  const units = Number(values.units);
  const commits = Number(values.commits);
  const runs = Math.max(3, Number(values.runs));
  const root = await mkdtemp(path.join(os.tmpdir(), `org-bench-history-${commits}-`));
  try {
    const generated = generateOrganization({units, seed: Number(values.seed)});
    await writeFiles(root, generated);
    const siteDir = path.join(root, 'site');
    await createOurSite(siteDir, path.join(root, 'docs'));
    const git = (args: string[], input?: string) => execFileSync('git', args, {cwd: siteDir, input, encoding: 'utf8', maxBuffer: 1 << 30});
    git(['branch', '-M', 'main']);
    git(['fast-import', '--quiet'], `reset refs/heads/main\nfrom ${git(['rev-parse', 'HEAD']).trim()}\n\n${historyStream(unitFiles(generated), commits, createRandom(Number(values.seed)).next)}`);
    git(['reset', '--quiet', '--hard', 'main']);
    const logged = Number(git(['rev-list', '--count', 'HEAD', '--', 'docs']).trim());
    console.log(`generated ${units} units and ${logged} commits touching docs/ in ${siteDir}`);

    const check = await checkContentTree(siteDir);
    if (check.problems.length > 0) throw new Error(`the generated tree has ${check.problems.length} problems`);

    const hrefOf = (id: string) => `/units/${id}`;
    const runHistory = async (cache: ParseCache) => {
      const started = performance.now();
      const history = await readHistory(siteDir, {cache});
      const read = performance.now() - started;
      if (!history.available) throw new Error(history.reason);
      const pages = createHistoryPages(history.commits, {timelinePath: '/history/changes', asOfPath: (date) => `/history/as-of/${date}`, hrefOf});
      const bytes = JSON.stringify(pages.timeline).length + pages.asOf.reduce((sum, page) => sum + JSON.stringify(page).length, 0);
      return {total: performance.now() - started, read, pages, bytes};
    };

    const baseline: number[] = [];
    const cold: number[] = [];
    const coldRead: number[] = [];
    const warm: number[] = [];
    const warmCache = new ParseCache(generatedVocabulary());
    let last = await runHistory(warmCache);
    const parsesCold = warmCache.parses;
    for (let run = 0; run < runs; run += 1) {
      let started = performance.now();
      await checkContentTree(siteDir);
      baseline.push(performance.now() - started);
      last = await runHistory(new ParseCache(generatedVocabulary()));
      cold.push(last.total);
      coldRead.push(last.read);
      started = performance.now();
      await runHistory(warmCache);
      warm.push(performance.now() - started);
    }

    const distinct = new Set<string>();
    for (const line of git(['log', '--raw', '--no-abbrev', '--format=', '--', 'docs']).split('\n')) {
      const match = /^:\d+ \d+ \S+ (\S+) [AM]\t(.+\.mdx?)$/.exec(line);
      if (match) distinct.add(`${match[1]} ${match[2]}`);
    }

    const timeline = last.pages.timeline.available ? last.pages.timeline.entries : [];
    const row = (label: string, summary: Summary, ratio = true) => [
      label,
      formatMs(summary.median),
      formatMs(summary.min),
      formatMs(summary.max),
      ratio ? formatRatio(summary.median, summarize(baseline).median) : '',
    ];
    console.log(`\nhistory of ${logged} commits, ${units} units: ${timeline.length} timeline entries, ${last.pages.asOf.length} "as of" pages, ${(last.bytes / 1024).toFixed(0)} KB of page props`);
    console.log(`pages parsed: ${parsesCold} for ${distinct.size} distinct (blob, path) pairs; warm runs parsed ${warmCache.parses - parsesCold} more\n`);
    console.log(
      formatTable(
        ['measure', 'median', 'min', 'max', 'vs check'],
        [
          row('org check of today\'s tree (baseline)', summarize(baseline), false),
          row('history, cold cache', summarize(cold)),
          row('  of which git + parse + graphs', summarize(coldRead)),
          row('history, warm cache', summarize(warm)),
        ],
      ),
    );

    if (values.build) {
      const builds: Array<[string, number]> = [];
      for (const [label, env] of [
        ['build, history on', {}],
        ['build, HANDBOOK_HISTORY=off', {HANDBOOK_HISTORY: 'off'}],
      ] as const) {
        await cleanBuildOutputs(siteDir);
        const result = await runMeasured(process.execPath, [path.join(siteDir, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'], {
          cwd: siteDir,
          env: {...process.env, ...env},
          sampleMemory: false,
        });
        if (result.exitCode !== 0) throw new Error(`${label} failed:\n${tail(result.output)}`);
        builds.push([label, result.wallMs]);
        console.log(`${label}: ${formatSeconds(result.wallMs)}`);
      }
      console.log(`history's share of a cold build: ${formatSeconds(builds[0]![1] - builds[1]![1])}`);
    }
  } finally {
    if (values.keep) console.log(`kept ${root}`);
    else await rm(root, {recursive: true, force: true});
  }
}

await main();
