/**
 * `npm run reorg -- <recipe> ...`: moves, renames, merges or retires units by
 * editing their pages (and every page that refers to them). The recipes live
 * in src/org/reorganize.ts; this file reads the pages, runs the check on the
 * result in memory, and writes only when the result is clean.
 */
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {checkTexts} from '@site/src/org/pipeline';
import {createSiteRules, HANDBOOK_DOCS_SHAPE, listMarkdownFiles} from '@site/src/plugins/content';
import {formatProblem, type OrgProblem} from '@site/src/org/problems';
import {
  findBrokenLinks,
  mergeUnits,
  moveUnit,
  renameUnit,
  ReorganizeError,
  retireUnit,
  type Reorganization,
} from '@site/src/org/reorganize';

const USAGE = `Usage:
  npm run reorg -- move ID --to PARENT
  npm run reorg -- rename OLD-ID NEW-ID [--title "New title"] [--keep-file] [--no-update-references]
  npm run reorg -- merge ID --into SURVIVOR
  npm run reorg -- retire ID [--on YYYY-MM-DD] [--note "Why"] [--successor ID]

Options for every recipe:
  --dry-run        show what would change, write nothing
  --force          write even if the check finds problems in the result
  --site-dir DIR   the handbook's root folder (default: the current folder)`;

function usage(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    strict: true,
    options: {
      to: {type: 'string'},
      into: {type: 'string'},
      title: {type: 'string'},
      'keep-file': {type: 'boolean', default: false},
      'no-update-references': {type: 'boolean', default: false},
      on: {type: 'string'},
      note: {type: 'string'},
      successor: {type: 'string'},
      'dry-run': {type: 'boolean', default: false},
      force: {type: 'boolean', default: false},
      'site-dir': {type: 'string'},
      help: {type: 'boolean', default: false},
    },
  });
} catch (error) {
  usage((error as Error).message);
}
const {values: flags, positionals} = parsed;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const [recipe, first, second, ...extra] = positionals;
const siteDir = path.resolve(flags['site-dir'] ?? process.cwd());
const contentDir = HANDBOOK_DOCS_SHAPE.contentDir;
const rules = await createSiteRules(siteDir);

const files = await listMarkdownFiles(path.join(siteDir, contentDir));
const texts = new Map<string, string>();
for (const file of files) texts.set(path.relative(siteDir, file).split(path.sep).join('/'), await readFile(file, 'utf8'));

const before = checkTexts(texts, rules);
if (before.problems.length > 0) {
  console.error(before.problems.map(formatProblem).join('\n'));
  console.error('The handbook already has problems; fix them first (npm run check).');
  process.exit(1);
}

function apply(): Reorganization {
  const need = (value: string | undefined, what: string): string => value ?? usage(`${recipe}: missing ${what}`);
  if (extra.length > 0) usage(`unexpected arguments: ${extra.join(' ')}`);
  switch (recipe) {
    case 'move':
      return moveUnit(texts, {vocabulary: rules.vocabulary, id: need(first, 'the unit id'), to: need(flags.to, '--to PARENT')});
    case 'rename':
      return renameUnit(texts, {
        from: need(first, 'the old id'),
        to: need(second, 'the new id'),
        ...(flags.title !== undefined ? {title: flags.title} : {}),
        renameFile: !flags['keep-file'],
        updateReferences: !flags['no-update-references'],
        routes: rules,
      });
    case 'merge':
      return mergeUnits(texts, {from: need(first, 'the id of the unit that goes away'), into: need(flags.into ?? second, '--into SURVIVOR'), routes: rules});
    case 'retire':
      return retireUnit(texts, {
        vocabulary: rules.vocabulary,
        id: need(first, 'the unit id'),
        on: flags.on ?? new Date().toISOString().slice(0, 10),
        ...(flags.note !== undefined ? {note: flags.note} : {}),
        ...(flags.successor !== undefined ? {successor: flags.successor} : {}),
      });
    default:
      return usage(recipe === undefined ? 'Which recipe?' : `unknown recipe "${recipe}"`);
  }
}

let result: Reorganization;
try {
  result = apply();
} catch (error) {
  if (!(error instanceof ReorganizeError)) throw error;
  console.error(`${recipe}: ${error.message}`);
  process.exit(1);
}

console.log(result.notes.map((note) => `  ${note}`).join('\n'));
const linksBefore = new Set(findBrokenLinks(texts).map(formatProblem));
const problems: OrgProblem[] = [
  ...checkTexts(result.texts, rules).problems,
  ...findBrokenLinks(result.texts).filter((problem) => !linksBefore.has(formatProblem(problem))),
];
if (problems.length > 0) {
  console.error(problems.map(formatProblem).join('\n'));
  console.error(`${problems.length} problem${problems.length === 1 ? '' : 's'} after the ${recipe}.`);
}

if (flags['dry-run']) {
  console.log(`Dry run: would write ${result.written.join(', ') || 'nothing'}${result.deleted.length ? `; would remove ${result.deleted.join(', ')}` : ''}.`);
  process.exit(problems.length > 0 ? 1 : 0);
}
if (problems.length > 0 && !flags.force) {
  console.error('Nothing was written. Fix the cause, or pass --force to write anyway and fix the pages by hand.');
  process.exit(1);
}
for (const source of result.written) {
  const file = path.join(siteDir, source);
  await mkdir(path.dirname(file), {recursive: true});
  await writeFile(file, result.texts.get(source)!);
}
for (const source of result.deleted) await rm(path.join(siteDir, source));
console.log(`Wrote ${result.written.length} page${result.written.length === 1 ? '' : 's'}${result.deleted.length ? `, removed ${result.deleted.length}` : ''}. Run npm run check, then open a pull request.`);
if (problems.length > 0) process.exitCode = 1;
