/**
 * `npm run new:unit`: adds a unit page to the handbook.
 *
 *   npm run new:unit -- --kind team --name "Data and Research" \
 *     --members product,engineering
 *
 * The kinds, relation types and their rules are the site's vocabulary
 * (org.vocabulary.yaml, or --vocabulary PATH).
 *
 *   npm run new:unit -- --from units.yaml      # many units at once (packages/org-handbook/src/org/batch.ts)
 *
 * Whatever is not given as a flag is asked for when the terminal is
 * interactive. Answers the check would reject are refused with the check's own
 * messages (and asked again, interactively). The page itself is built by
 * packages/org-handbook/src/org/scaffold.ts; this file only talks to the terminal and writes it.
 */
import './lib/stdout-pipe';
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {createInterface, type Interface} from 'node:readline/promises';
import {parseArgs} from 'node:util';
import {loadPages} from '@site/packages/org-handbook/src/org/load';
import {createSiteRules, readDocsFiles} from '@site/packages/org-handbook/src/plugin/content';
import {formatProblem, sortProblems} from '@site/packages/org-handbook/src/org/problems';
import {readBatchFile} from '@site/packages/org-handbook/src/org/batch';
import {createUnitPage, createUnitPages, slugify, type AnswerField, type UnitAnswers} from '@site/packages/org-handbook/src/org/scaffold';
import {parseContactFlag, parseRoleFlag, type FlagValue} from '@site/packages/org-handbook/src/org/scaffold-flags';

const USAGE = `Usage: npm run new:unit -- [options]
       npm run new:unit -- --from FILE [--dry-run] [--yes]

  --kind KIND             a kind of the vocabulary (org.vocabulary.yaml)
  --name NAME             the page title, such as "Data and Research" (--title is the same)
  --short-name NAME       a shorter name for the chart and lists (org.name)
  --id ID                 defaults to the name in lowercase with hyphens
  --reports-to ID         the unit it reports to
  --members ID,ID         the units whose people make up this one
  --vacant                the unit (a role) has nobody in it for now
  --role SPEC             a role and who holds it (repeatable):
                            ROLE[:TITLE][=HOLDER;HOLDER...], a holder being
                            "Name [@handle] [<https://...>]", e.g.
                            --role 'lead=Jane Doe @jane; John Roe <https://example.org/john>'
                          or a YAML mapping for anything more:
                            --role '{role: chair, vacant: true}'
  --contact SPEC          a way to reach the unit (repeatable): TYPE=LABEL [<URL>], e.g.
                            --contact 'chat=#data <https://chat.example.org/data>'
                          or a YAML mapping: --contact '{type: meeting, label: Weekly call, schedule: Tuesdays}'
  --description TEXT      one sentence; shown in lists and search results
  --relation TYPE:ID[:NOTE]  a relation other than reporting (repeatable), e.g. sponsors:2i2c
  --maintainers A,B       who keeps the page accurate; sets "reviewed" to today
  --reviewed YYYY-MM-DD   when the page was last confirmed (default: today, with --maintainers)
  --former-ids ID,ID      ids the unit had before
  --redirect-from PATH,PATH  old addresses of the page
  --from FILE             create every unit listed in a YAML or JSON file (fields named like
                          the flags in camelCase: kind, name, reportsTo, roles...); all or nothing
  --dry-run               print the page instead of writing it
  --yes                   do not ask for confirmation before writing
  --site-dir DIR          the handbook's root folder (default: the current folder)
  --vocabulary PATH       the vocabulary file, relative to the site (default: org.vocabulary.yaml)

Missing answers are asked for when the terminal is interactive.`;

const list = (value: string | undefined) =>
  value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter(Boolean);

let parsed;
try {
  parsed = parseArgs({
    options: {
      kind: {type: 'string'},
      name: {type: 'string'},
      'reports-to': {type: 'string'},
      members: {type: 'string'},
      id: {type: 'string'},
      description: {type: 'string'},
      title: {type: 'string'},
      'short-name': {type: 'string'},
      vacant: {type: 'boolean'},
      role: {type: 'string', multiple: true},
      contact: {type: 'string', multiple: true},
      relation: {type: 'string', multiple: true},
      maintainers: {type: 'string'},
      reviewed: {type: 'string'},
      'former-ids': {type: 'string'},
      'redirect-from': {type: 'string'},
      from: {type: 'string'},
      'dry-run': {type: 'boolean', default: false},
      yes: {type: 'boolean', default: false},
      'site-dir': {type: 'string'},
      vocabulary: {type: 'string'},
      help: {type: 'boolean', default: false},
    },
    strict: true,
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const flags = parsed.values;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const siteDir = path.resolve(flags['site-dir'] ?? process.cwd());
const today = new Date().toISOString().slice(0, 10);
const name = flags.name ?? flags.title;
let flagProblems: string[] = [];
const answers: Partial<UnitAnswers> = {
  ...(flags.kind !== undefined ? {kind: flags.kind} : {}),
  ...(name !== undefined ? {name} : {}),
  ...(flags['short-name'] !== undefined ? {shortName: flags['short-name']} : {}),
  ...(flags['reports-to'] !== undefined ? {reportsTo: flags['reports-to']} : {}),
  ...(flags.members !== undefined ? {members: list(flags.members)} : {}),
  ...(flags.vacant !== undefined ? {vacant: flags.vacant} : {}),
  ...(flags.id !== undefined ? {id: flags.id} : {}),
  ...(flags.description !== undefined ? {description: flags.description} : {}),
  ...(flags.role !== undefined ? {roles: flags.role.map((spec) => collect(parseRoleFlag(spec)))} : {}),
  ...(flags.contact !== undefined ? {contacts: flags.contact.map((spec) => collect(parseContactFlag(spec)))} : {}),
  ...(flags.relation !== undefined ? {relations: flags.relation.map(parseRelation)} : {}),
  ...(flags.maintainers !== undefined ? {maintainers: list(flags.maintainers), reviewed: today} : {}),
  ...(flags.reviewed !== undefined ? {reviewed: flags.reviewed} : {}),
  ...(flags['former-ids'] !== undefined ? {formerIds: list(flags['former-ids'])} : {}),
  ...(flags['redirect-from'] !== undefined ? {redirectFrom: list(flags['redirect-from'])} : {}),
};

/** Keeps a flag's value, or its problem for the list printed before anything is asked. */
function collect(parsed: FlagValue): Record<string, unknown> {
  if ('problem' in parsed) {
    flagProblems = [...flagProblems, parsed.problem];
    return {};
  }
  return parsed.value;
}

function parseRelation(text: string): {type: string; to: string; note?: string} {
  const [type = '', to = '', ...note] = text.split(':');
  return {type, to, ...(note.length > 0 ? {note: note.join(':')} : {})};
}

const files = await readDocsFiles(siteDir, 'docs');
const texts = new Map(files.map((file) => [file.source, file.text]));
const rules = await createSiteRules(siteDir, undefined, flags.vocabulary !== undefined ? {vocabulary: flags.vocabulary} : {});
const {vocabulary} = rules;
const kindIds = [...vocabulary.kinds.keys()];
const loaded = loadPages(files, vocabulary, rules.bodyReader);
if (loaded.problems.length > 0) {
  console.error(`note: the handbook already has ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} (see npm run check); they are not blamed on the new page.`);
}
const liveUnits = loaded.units.filter((unit) => !unit.org.retired);
const idsOfKinds = (kinds: readonly string[]) => liveUnits.filter((unit) => kinds.includes(unit.org.kind)).map((unit) => unit.org.id);
const rootId = liveUnits.find((unit) => unit.org.kind === vocabulary.rootKind)?.org.id;

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const rl: Interface | undefined = interactive ? createInterface({input: process.stdin, output: process.stdout}) : undefined;

async function ask(question: string, fallback?: string): Promise<string> {
  const answer = (await rl!.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
  return answer === '' ? (fallback ?? '') : answer;
}

/** Asks for the missing answers; returns the flags that are still missing when nobody can be asked. */
async function fillIn(asked: Set<AnswerField>): Promise<string[]> {
  const missing: string[] = [];
  const need = async (field: AnswerField, flag: string, prompt: () => Promise<void>) => {
    if (answers[field] !== undefined) return;
    if (rl) {
      await prompt();
      asked.add(field);
    } else {
      missing.push(flag);
    }
  };
  await need('kind', '--kind', async () => {
    answers.kind = await ask(`Kind (${kindIds.join(', ')})`);
  });
  await need('name', '--name', async () => {
    answers.name = await ask('Name (the page title)');
  });
  const definition = answers.kind === undefined ? undefined : vocabulary.kinds.get(answers.kind);
  const parents = definition?.reportsTo ?? [];
  if (parents.length > 0) {
    await need('reportsTo', '--reports-to', async () => {
      console.log(`  It may report to: ${idsOfKinds(parents).join(', ')}`);
      answers.reportsTo = await ask('Reports to (unit id)');
    });
  }
  if (definition?.members?.required) {
    const memberKinds = definition.members.kinds;
    await need('members', '--members', async () => {
      console.log(`  Possible members: ${idsOfKinds(memberKinds).join(', ')}`);
      answers.members = list(await ask('Members (unit ids, separated by commas)'));
    });
  }
  if (definition?.external && answers.relations === undefined && rl) {
    const types = [...vocabulary.relations.values()].filter((relation) => relation.from.includes(definition.id)).map((relation) => relation.id);
    const suggestion = types[0] && rootId ? `${types[0]}:${rootId}` : undefined;
    const answer = await ask(`How is it linked to the organization (TYPE:ID, with TYPE one of ${types.join(', ')})`, suggestion);
    answers.relations = answer ? [parseRelation(answer)] : [];
    asked.add('relations');
  }
  if (rl && answers.id === undefined && answers.name !== undefined) {
    answers.id = await ask('Id', slugify(answers.name));
    asked.add('id');
  }
  if (rl && answers.description === undefined && !asked.has('description')) {
    const description = await ask('Description (one sentence; Enter to skip)');
    if (description) answers.description = description;
    asked.add('description');
  }
  return missing;
}

/** `--from FILE`: every unit of the file checked in one pipeline run, then all written or none. */
async function createFromFile(file: string): Promise<number> {
  const given = Object.keys(answers);
  if (given.length > 0) {
    console.error(`--from takes every answer from the file; remove the other unit flags.\n\n${USAGE}`);
    return 2;
  }
  const shown = path.relative(process.cwd(), path.resolve(file)) || file;
  const batch = readBatchFile(shown, await readFile(file, 'utf8'));
  if (batch.problems.length > 0) {
    console.error(batch.problems.map(formatProblem).join('\n'));
    return 1;
  }
  const entries = batch.entries.map((entry) =>
    entry.maintainers !== undefined && entry.reviewed === undefined ? {...entry, reviewed: today} : entry,
  );
  const result = createUnitPages(entries, texts, rules);
  if (!result.ok) {
    // Each problem at the entry (and the field of it) that it comes from, with the page it would have made.
    const located = result.problems.map(({entry, answerPath, ...problem}) =>
      entry === undefined
        ? problem
        : {file: shown, ...batch.locate(entry, answerPath ?? []), message: `${problem.message} (unit ${entry + 1}, page ${problem.file})`},
    );
    const lines = sortProblems(located).map(formatProblem);
    console.error([...lines, `Nothing was written: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'} in ${shown}.`].join('\n'));
    return 1;
  }
  if (flags['dry-run']) {
    for (const page of result.pages) console.log(`Would write ${page.path}:\n\n${page.content}`);
    return 0;
  }
  if (rl && !flags.yes) {
    const confirm = await ask(`Write ${result.pages.length} pages? (y/n)`, 'y');
    if (!/^y(es)?$/i.test(confirm)) {
      console.log('Nothing was written.');
      return 1;
    }
  }
  for (const page of result.pages) {
    const target = path.join(siteDir, page.path);
    await mkdir(path.dirname(target), {recursive: true});
    await writeFile(target, page.content, {flag: 'wx'});
  }
  console.log(`Created ${result.pages.length} unit page${result.pages.length === 1 ? '' : 's'}:\n${result.pages.map((page) => `  ${page.path}`).join('\n')}`);
  console.log('Next: write the page texts, then run `npm run check` and preview with `npm start`.');
  return 0;
}

async function main(): Promise<number> {
  if (flagProblems.length > 0) {
    console.error(`${flagProblems.join('\n')}\n\n${USAGE}`);
    return 2;
  }
  if (flags.from !== undefined) return createFromFile(flags.from);
  const asked = new Set<AnswerField>();
  for (;;) {
    const missing = await fillIn(asked);
    if (missing.length > 0) {
      console.error(`Missing ${missing.join(', ')} (and the terminal is not interactive, so they cannot be asked).\n\n${USAGE}`);
      return 2;
    }
    const result = createUnitPage(answers as UnitAnswers, texts, rules);
    if (!result.ok) {
      console.error(result.problems.map(formatProblem).join('\n'));
      const retry = result.fields.filter((field) => field !== 'reviewed');
      if (!rl || retry.length === 0) return 1;
      console.error('Please answer again.');
      for (const field of retry) delete answers[field];
      if (retry.includes('name')) delete answers.id;
      continue;
    }
    if (flags['dry-run']) {
      console.log(`Would write ${result.path}:\n\n${result.content}`);
      return 0;
    }
    if (rl && !flags.yes) {
      const confirm = await ask(`Write ${result.path}? (y/n)`, 'y');
      if (!/^y(es)?$/i.test(confirm)) {
        console.log('Nothing was written.');
        return 1;
      }
    }
    const file = path.join(siteDir, result.path);
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, result.content, {flag: 'wx'});
    console.log(`Created ${result.path} (unit "${result.id}").`);
    console.log('Next: write the page text, then run `npm run check` and preview with `npm start`.');
    return 0;
  }
}

try {
  process.exitCode = await main();
} finally {
  rl?.close();
}
