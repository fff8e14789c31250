/**
 * A git repository made inside a test: the valid fixture tree, then a
 * scripted sequence of reorganizations, one commit each, with fixed dates
 * (so commit ids are the same on every run).
 */
import {execFile} from 'node:child_process';
import {cp, mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {mergeUnits, moveUnit, renameUnit, retireUnit, type Reorganization} from '@site/packages/org-handbook/src/org/reorganize';
import {createSiteRules} from '@site/packages/org-handbook/src/plugin/content';
import {FIXTURES} from './content-tree';
import {tempDir} from './temp-dirs';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

const run = promisify(execFile);

export async function git(dir: string, args: readonly string[], env: Record<string, string> = {}): Promise<string> {
  const {stdout} = await run('git', args, {
    cwd: dir,
    env: {...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env},
  });
  return stdout;
}

export async function createRepository(): Promise<string> {
  const dir = await tempDir('org-history-');
  await git(dir, ['init', '--quiet', '--initial-branch=main']);
  await git(dir, ['config', 'user.name', 'Handbook Editor']);
  await git(dir, ['config', 'user.email', 'editor@example.org']);
  await git(dir, ['config', 'commit.gpgsign', 'false']);
  return dir;
}

/** Commits everything in the work tree on `date` (YYYY-MM-DD, noon UTC); returns the commit id. */
export async function commitAll(dir: string, message: string, date: string): Promise<string> {
  const when = `${date}T12:00:00Z`;
  await git(dir, ['add', '--all']);
  await git(dir, ['commit', '--quiet', '--allow-empty', '-m', message], {GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when});
  return (await git(dir, ['rev-parse', 'HEAD'])).trim();
}

/** Page texts of the work tree's docs/, by site-relative path. */
export async function readTexts(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(path.join(dir, 'docs'), {recursive: true})).filter((file) => file.endsWith('.md')).sort();
  const texts = new Map<string, string>();
  for (const file of files) texts.set(`docs/${file.split(path.sep).join('/')}`, await readFile(path.join(dir, 'docs', file), 'utf8'));
  return texts;
}

export async function applyReorganization(dir: string, change: Reorganization): Promise<void> {
  for (const source of change.deleted) await rm(path.join(dir, source));
  for (const source of change.written) {
    await mkdir(path.dirname(path.join(dir, source)), {recursive: true});
    await writeFile(path.join(dir, source), change.texts.get(source)!);
  }
}

/** Replaces text in one page (fails the test when the text is not there, so a step cannot silently do nothing). */
export async function editPage(dir: string, source: string, from: string, to: string): Promise<void> {
  const file = path.join(dir, source);
  const text = await readFile(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${source} does not contain ${JSON.stringify(from)}`);
  await writeFile(file, text.replace(from, to));
}

export interface HistoryStep {
  name: string;
  date: string;
  sha: string;
}

/**
 * The scripted history, oldest first: start, add, move, rename (with a file
 * move), merge, retire, change a role, break the tree, fix it, edit prose.
 */
export async function buildReorganizationHistory(dir: string): Promise<HistoryStep[]> {
  const steps: HistoryStep[] = [];
  const step = async (name: string, date: string, change: () => Promise<void>) => {
    await change();
    steps.push({name, date, sha: await commitAll(dir, name, date)});
  };

  await step('Start the handbook', '2026-01-05', async () => {
    await cp(path.join(FIXTURES, 'valid', 'docs'), path.join(dir, 'docs'), {recursive: true});
    await cp(path.join(FIXTURES, '..', '..', '..', 'org.vocabulary.yaml'), path.join(dir, 'org.vocabulary.yaml'));
    await writeFile(path.join(dir, 'docs', '_category_.json'), '{}\n');
  });
  await step('Add Research', '2026-02-02', async () => {
    await writeFile(path.join(dir, 'docs', 'areas', 'research.md'), '---\ntitle: Research\norg:\n  id: research\n  kind: area\n  reportsTo: director\n---\nStudies things.\n');
  });
  await step('Move the Recruiter under Engineering', '2026-03-03', async () => {
    await applyReorganization(dir, moveUnit(await readTexts(dir), {vocabulary: handbookVocabulary, id: 'recruiter', to: 'engineering'}));
  });
  await step('Rename Product to Product management', '2026-04-04', async () => {
    await applyReorganization(dir, renameUnit(await readTexts(dir), {routes: await createSiteRules(dir), from: 'product', to: 'product-management', title: 'Product management'}));
  });
  await step('Merge Research into Engineering', '2026-05-05', async () => {
    await applyReorganization(dir, mergeUnits(await readTexts(dir), {routes: await createSiteRules(dir), from: 'research', into: 'engineering'}));
  });
  await step('Retire the Delivery team', '2026-06-06', async () => {
    await applyReorganization(dir, retireUnit(await readTexts(dir), {vocabulary: handbookVocabulary, id: 'delivery', on: '2026-06-06', note: 'Its work moved to Engineering.'}));
  });
  await step('The Director role is vacant; Engineering names its lead', '2026-07-07', async () => {
    await editPage(dir, 'docs/director.md', '  reportsTo: board\n', '  reportsTo: board\n  vacant: true\n');
    await editPage(dir, 'docs/areas/engineering.md', '  reportsTo: director\n', '  reportsTo: director\n  roles:\n    - role: lead\n      title: Engineering lead\n');
  });
  await step('Typo in a reporting line', '2026-08-08', async () => {
    await editPage(dir, 'docs/areas/product-management.md', 'reportsTo: director', 'reportsTo: directr');
  });
  await step('Fix the typo', '2026-08-09', async () => {
    await editPage(dir, 'docs/areas/product-management.md', 'reportsTo: directr', 'reportsTo: director');
  });
  await step('Only prose', '2026-08-10', async () => {
    await writeFile(path.join(dir, 'docs', 'plain-page.md'), '---\ntitle: Not a unit\n---\nPages without org are fine, and this one now says more.\n');
  });
  return steps;
}
