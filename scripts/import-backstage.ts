/**
 * `npm run import:backstage -- <files or folders> [--site-dir DIR] [--out docs] [--vocabulary FILE] [--dry-run]`
 *
 * Writes one unit page per Backstage `Group` entity found in the catalog files
 * (a folder is searched for *.yaml and *.yml). The mapping is
 * packages/org-handbook/src/org/backstage/import.ts; the pages are made and checked by the
 * scaffolder (packages/org-handbook/src/org/scaffold.ts), all at once: a problem anywhere stops the
 * import before anything is written, and is reported where it comes from, in
 * the catalog file when it can be, in the page otherwise.
 */
import './lib/stdout-pipe';
import {mkdir, readFile, readdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {readCatalogFile, type CatalogRead} from '@site/packages/org-handbook/src/org/backstage/entities';
import {groupsToUnits} from '@site/packages/org-handbook/src/org/backstage/import';
import {formatProblem, sortProblems, type OrgProblem} from '@site/packages/org-handbook/src/org/problems';
import {createUnitPages} from '@site/packages/org-handbook/src/org/scaffold';
import {DEFAULT_VOCABULARY_FILE} from '@site/packages/org-handbook/src/org/vocabulary';
import {createSiteRules, readDocsFiles, VocabularyError} from '@site/packages/org-handbook/src/plugin/content';

const USAGE = `Usage: npm run import:backstage -- <files or folders> [options]

  --site-dir DIR        the handbook's root folder (default: the current folder)
  --out DIR             where the pages go, relative to the site (default: docs)
  --vocabulary FILE     the vocabulary, relative to the site (default: ${DEFAULT_VOCABULARY_FILE})
  --dry-run             print the pages instead of writing them`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      'site-dir': {type: 'string'},
      out: {type: 'string', default: 'docs'},
      vocabulary: {type: 'string'},
      'dry-run': {type: 'boolean', default: false},
      help: {type: 'boolean', default: false},
    },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const {values: flags, positionals} = parsed;
if (flags.help || positionals.length === 0) {
  (flags.help ? console.log : console.error)(USAGE);
  process.exit(flags.help ? 0 : 2);
}

const siteDir = path.resolve(flags['site-dir'] ?? process.cwd());
const shown = (file: string) => path.relative(process.cwd(), file) || file;
// Pages are the site's pages: a folder outside it would be written where no build reads it.
const outDir = path.relative(siteDir, path.resolve(siteDir, flags.out)).split(path.sep).join('/');
if (outDir === '' || outDir.startsWith('..') || path.isAbsolute(outDir)) {
  console.error(`--out must be a folder inside the site (${shown(siteDir)}), such as "docs"; to import into another site, pass --site-dir.`);
  process.exit(2);
}

/** The catalog files named, folders searched for YAML files, sorted so the import is the same on every machine. */
async function catalogFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(input);
    if ((await stat(absolute)).isDirectory()) {
      const entries = await readdir(absolute, {recursive: true});
      files.push(...entries.filter((entry) => /\.ya?ml$/.test(entry)).sort().map((entry) => path.join(absolute, entry)));
    } else {
      files.push(absolute);
    }
  }
  return files;
}

async function main(): Promise<number> {
  // The kinds, roles and contact types the groups map to, and the rules their pages are checked by.
  let rules;
  try {
    rules = await createSiteRules(siteDir, undefined, flags.vocabulary !== undefined ? {vocabulary: flags.vocabulary} : {});
  } catch (error) {
    if (!(error instanceof VocabularyError)) throw error;
    console.error(error.problems.map(formatProblem).join('\n'));
    return 1;
  }
  let catalog: CatalogRead | undefined;
  for (const file of await catalogFiles(positionals)) catalog = readCatalogFile(shown(file), await readFile(file, 'utf8'), catalog);
  if (!catalog || catalog.groups.length === 0) {
    console.error(`No Group entity found in ${positionals.join(', ')}.`);
    return 1;
  }
  const imported = groupsToUnits(catalog, rules.vocabulary);
  for (const note of imported.notes) console.log(`note: ${note}`);
  if (imported.problems.length > 0) {
    console.error(sortProblems(imported.problems).map(formatProblem).join('\n'));
    console.error(`Nothing was written: ${imported.problems.length} problem${imported.problems.length === 1 ? '' : 's'} in the catalog files.`);
    return 1;
  }

  const texts = new Map((await readDocsFiles(siteDir, outDir)).map((file) => [file.source, file.text]));
  const result = createUnitPages(imported.units, texts, rules, outDir);
  if (!result.ok) {
    // Where a page's problem comes from a group's value, it is shown at that value in the catalog file.
    const located: OrgProblem[] = result.problems.map(({entry, answerPath, ...problem}) =>
      entry === undefined ? problem : {...imported.locate(entry, answerPath ?? []), message: `${problem.message} (page ${problem.file})`},
    );
    console.error(sortProblems(located).map(formatProblem).join('\n'));
    console.error(`Nothing was written: ${located.length} problem${located.length === 1 ? '' : 's'}.`);
    return 1;
  }
  if (flags['dry-run']) {
    for (const page of result.pages) console.log(`Would write ${page.path}:\n\n${page.content}`);
    return 0;
  }
  for (const page of result.pages) {
    const file = path.join(siteDir, page.path);
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, page.content, {flag: 'wx'});
  }
  console.log(`Imported ${result.pages.length} group${result.pages.length === 1 ? '' : 's'}:\n${result.pages.map((page) => `  ${page.path}`).join('\n')}`);
  return 0;
}

process.exitCode = await main();
