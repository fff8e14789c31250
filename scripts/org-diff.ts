/**
 * `npm run org:diff -- [BASE] [HEAD] [--format text|markdown|json] [--base-branch main] [--svg-dir DIR] [--site DIR]`
 *
 * What a change does to the organization's structure, in words: units added,
 * removed, retired or merged, renamed, moved, and changes of kind, members,
 * relations, leads and contacts. By default it compares the merge base with
 * `main` (or `origin/main`) against the working tree. With `--svg-dir` it also
 * writes before.svg and after.svg: the part of the chart that changed.
 *
 * A history too shallow to answer gives a report that says so (exit code 0).
 */
import './lib/stdout-pipe';
import {mkdir, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {createChartData} from '@site/packages/org-handbook/src/org/chart';
import type {OrgGraph} from '@site/packages/org-handbook/src/org/graph';
import {changedIds, commonManager} from '@site/packages/org-handbook/src/org/history/changed-part';
import {compareStructure, DEFAULT_BASE_BRANCHES} from '@site/packages/org-handbook/src/org/history/compare';
import {formatReport, REPORT_FORMATS, type ReportFormat} from '@site/packages/org-handbook/src/org/history/report';
import {requireVocabulary} from '@site/packages/org-handbook/src/plugin/content';

const USAGE = 'usage: npm run org:diff -- [BASE] [HEAD] [--format text|markdown|json] [--base-branch BRANCH] [--svg-dir DIR] [--site DIR]';

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    format: {type: 'string', default: 'text'},
    'base-branch': {type: 'string', multiple: true},
    'svg-dir': {type: 'string'},
    site: {type: 'string', default: process.cwd()},
    help: {type: 'boolean', default: false},
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const format = values.format as ReportFormat;
if (!REPORT_FORMATS.includes(format) || positionals.length > 2) {
  console.error(USAGE);
  process.exit(2);
}

const siteDir = path.resolve(values.site);
const [base, head] = positionals;
// Both sides are read with today's vocabulary: a past commit is shown in today's words.
const vocabulary = await requireVocabulary(siteDir);
const {report, base: before, head: after} = await compareStructure(siteDir, {
  vocabulary,
  ...(base !== undefined ? {base} : {}),
  ...(head !== undefined ? {head} : {}),
  baseBranches: values['base-branch'] ?? DEFAULT_BASE_BRANCHES,
});
process.stdout.write(formatReport(report, format));

if (values['svg-dir'] && report.available && report.changes.length > 0) {
  const dir = path.resolve(values['svg-dir']);
  await rm(dir, {recursive: true, force: true});
  await mkdir(dir, {recursive: true});
  // Loaded only here: drawing needs React and the chart component.
  const {chartToSvg} = await import('./chart-svg/render');
  const ids = changedIds(report.changes);
  const draw = async (graph: OrgGraph | undefined, name: string) => {
    if (!graph) return;
    const root = commonManager(graph, ids);
    if (root === undefined) return;
    const chart = createChartData(graph, {variant: 'full', root, hrefOf: (id) => `#${id}`});
    await writeFile(path.join(dir, name), await chartToSvg(chart));
    console.error(`wrote ${path.relative(process.cwd(), path.join(dir, name))} (from ${root})`);
  };
  await draw(before, 'before.svg');
  await draw(after, 'after.svg');
}
