/**
 * `npm run org:diff` on a repository made here: the valid fixture tree, then
 * one reorganization per commit. Each step's report is checked as text and as
 * JSON; the CLI itself is run for its defaults (merge base with main against
 * the working tree), Markdown and the shallow-clone message.
 */
import {execFile} from 'node:child_process';
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {beforeAll, describe, expect, it} from 'vitest';
import {compareStructure} from '@site/packages/org-handbook/src/org/history/compare';
import {formatReport} from '@site/packages/org-handbook/src/org/history/report';
import {buildReorganizationHistory, createRepository, editPage, git, type HistoryStep} from '@site/tests/support/git-history';
import {tempDir} from '@site/tests/support/temp-dirs';
import {handbookVocabulary} from '@site/tests/support/vocabulary';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

let dir: string;
let steps: HistoryStep[];
beforeAll(async () => {
  dir = await createRepository();
  steps = await buildReorganizationHistory(dir);
}, 60_000);

const stepNamed = (name: string) => {
  const index = steps.findIndex((step) => step.name === name);
  if (index < 1) throw new Error(`no step "${name}" after the first`);
  return {before: steps[index - 1]!, after: steps[index]!};
};

async function compareStep(name: string) {
  const {before, after} = stepNamed(name);
  const {report} = await compareStructure(dir, {vocabulary: handbookVocabulary, base: before.sha, head: after.sha});
  return {
    text: formatReport(report, 'text'),
    json: JSON.parse(formatReport(report, 'json')) as {available: boolean; changes: Array<{type: string; sentence: string} & Record<string, unknown>>; head: {passesCheck: boolean; problems: string[]}},
    span: `From ${before.sha} (${before.sha.slice(0, 12)}) to ${after.sha} (${after.sha.slice(0, 12)}).`,
  };
}

describe('org:diff, one reorganization per commit', () => {
  it('add: the new unit and where it reports', async () => {
    const {text, json, span} = await compareStep('Add Research');
    expect(text).toBe(`Organization structure: 1 change\n\n${span}\n\nAdded:\n\n  - Research was added, reporting to the Director.\n`);
    expect(json.changes).toEqual([
      {
        type: 'added',
        unit: {id: 'research', name: 'Research', kind: 'area', kindLabel: 'Functional area'},
        parent: {id: 'director', name: 'Director', kind: 'role', kindLabel: 'Role', definite: true},
        sentence: 'Research was added, reporting to the Director.',
      },
    ]);
  });

  it('move: old parent → new parent', async () => {
    const {text, json, span} = await compareStep('Move the Recruiter under Engineering');
    expect(text).toBe(`Organization structure: 1 change\n\n${span}\n\nMoved:\n\n  - The Recruiter moved from Product to Engineering.\n`);
    expect(json.changes).toEqual([
      {
        type: 'moved',
        unit: {id: 'recruiter', name: 'Recruiter', kind: 'role', kindLabel: 'Role', definite: true},
        from: {id: 'product', name: 'Product', kind: 'area', kindLabel: 'Functional area'},
        to: {id: 'engineering', name: 'Engineering', kind: 'area', kindLabel: 'Functional area'},
        sentence: 'The Recruiter moved from Product to Engineering.',
      },
    ]);
  });

  it('rename with a file move: one unit, its new id, name and page; references that followed are not changes', async () => {
    const {text, json} = await compareStep('Rename Product to Product management');
    const sentence =
      'Product was renamed Product management. Its id changed from "product" to "product-management". Its page moved from docs/areas/product.md to docs/areas/product-management.md.';
    expect(text).toContain(`Renamed:\n\n  - ${sentence}\n`);
    // The Delivery team now lists the new id among its members: the same unit, so not a change of members.
    expect(json.changes).toEqual([
      {
        type: 'renamed',
        unit: {id: 'product-management', name: 'Product management', kind: 'area', kindLabel: 'Functional area'},
        id: {from: 'product', to: 'product-management'},
        name: {from: 'Product', to: 'Product management'},
        page: {from: 'docs/areas/product.md', to: 'docs/areas/product-management.md'},
        sentence,
      },
    ]);
  });

  it('merge: the absorbed unit is merged, not removed', async () => {
    const {text, json} = await compareStep('Merge Research into Engineering');
    expect(text).toContain('Removed, retired or merged:\n\n  - Research was merged into Engineering.\n');
    expect(json.changes.map((change) => [change.type, change.sentence])).toEqual([['merged', 'Research was merged into Engineering.']]);
  });

  it('retire: the date and the note', async () => {
    const {json} = await compareStep('Retire the Delivery team');
    expect(json.changes.map((change) => [change.type, change.sentence])).toEqual([
      ['retired', 'Delivery team was retired on 2026-06-06 ("Its work moved to Engineering").'],
    ]);
  });

  it('role changes: a vacancy and a lead', async () => {
    const {text, json, span} = await compareStep('The Director role is vacant; Engineering names its lead');
    expect(text).toBe(
      `Organization structure: 2 changes\n\n${span}\n\nChanged:\n\n  - Engineering now lists the role "Engineering lead".\n  - The Director became vacant.\n`,
    );
    expect(json.changes.map((change) => change.type)).toEqual(['roles', 'vacancy']);
    expect(json.changes[0]).toMatchObject({added: ['Engineering lead'], removed: [], changed: []});
  });

  it('a side that does not pass the check: says so with its problems, and compares nothing', async () => {
    const {text, json} = await compareStep('Typo in a reporting line');
    expect(text).toContain('Organization structure: not compared');
    expect(text).toContain('does not pass the check (1 problem)');
    expect(text).toContain('docs/areas/product-management.md:6:14: unknown unit "directr" (did you mean "director"?)');
    expect(json.head.passesCheck).toBe(false);
    expect(json.head.problems).toEqual(['docs/areas/product-management.md:6:14: unknown unit "directr" (did you mean "director"?)']);
    expect(json.changes).toEqual([]);
  });

  it('prose only: no change', async () => {
    const {text, json} = await compareStep('Only prose');
    expect(text).toContain('Organization structure: no changes');
    expect(json.changes).toEqual([]);
  });

  it('across several steps, a unit keeps its identity through its rename', async () => {
    const {report} = await compareStructure(dir, {vocabulary: handbookVocabulary, base: steps[0]!.sha, head: stepNamed('Retire the Delivery team').after.sha});
    expect(formatReport(report, 'text').split('\n').filter((line) => line.startsWith('  - '))).toEqual([
      '  - Delivery team was retired on 2026-06-06 ("Its work moved to Engineering").',
      '  - Product was renamed Product management. Its id changed from "product" to "product-management". Its page moved from docs/areas/product.md to docs/areas/product-management.md.',
      '  - The Recruiter moved from Product to Engineering.',
    ]);
  });
});

describe('npm run org:diff (the command)', () => {
  const orgDiff = async (cwd: string, args: readonly string[]) => {
    const {stdout} = await run(process.execPath, [path.join(repo, 'node_modules', 'tsx', 'dist', 'cli.mjs'), '--tsconfig', path.join(repo, 'scripts', 'chart-svg', 'tsconfig.json'), path.join(repo, 'scripts', 'org-diff.ts'), ...args], {cwd});
    return stdout;
  };

  it('compares the merge base with main against the working tree by default, in Markdown, and draws before and after', {timeout: 60_000}, async () => {
    await git(dir, ['checkout', '--quiet', '-b', 'reorganize']);
    await editPage(dir, 'docs/areas/recruiter.md', 'reportsTo: engineering', 'reportsTo: product-management');
    const svgDir = await tempDir('org-diff-svg-');
    const markdown = await orgDiff(dir, ['--format', 'markdown', '--svg-dir', svgDir]);
    expect(markdown).toBe(
      `### Organization structure: 1 change\n\nFrom merge base with main (${steps.at(-1)!.sha.slice(0, 12)}) to working tree.\n\n#### Moved\n\n- The Recruiter moved from Engineering to Product management.\n`,
    );
    const before = await readFile(path.join(svgDir, 'before.svg'), 'utf8');
    const after = await readFile(path.join(svgDir, 'after.svg'), 'utf8');
    // The part that changed: the Director's subtree, with the Recruiter under Engineering before and under Product management after.
    expect(before).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*aria-label="Organization chart: Director and the units reporting to it"/);
    expect(after).toMatch(/^<\?xml[^>]*>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*aria-label="Organization chart: Director and the units reporting to it"/);
    // A unit's only report is drawn right under it, in the same column.
    const columnOf = (svg: string, id: string) => new RegExp(`<a href="#${id}"[^>]*>.*?<rect x="(\\d+)"`).exec(svg)?.[1];
    expect(columnOf(before, 'recruiter')).toMatch(/^\d+$/);
    expect(columnOf(before, 'recruiter')).toBe(columnOf(before, 'engineering'));
    expect(columnOf(after, 'recruiter')).toBe(columnOf(after, 'product-management'));
    expect(columnOf(after, 'recruiter')).not.toBe(columnOf(after, 'engineering'));
    await git(dir, ['checkout', '--quiet', '--', 'docs']);
    await git(dir, ['checkout', '--quiet', 'main']);
  });

  it('says plainly that a shallow clone has no merge base, and exits normally', {timeout: 60_000}, async () => {
    const clone = await tempDir('org-diff-shallow-');
    await git(clone, ['clone', '--quiet', '--depth', '1', `file://${dir}`, '.']);
    const text = await orgDiff(clone, []);
    expect(text).toContain('shallow history');
    expect(text).toContain('git fetch --unshallow');
    const json = JSON.parse(await orgDiff(clone, ['--format', 'json'])) as {available: boolean; reason: string};
    expect(json).toMatchObject({format: 'org-handbook-diff', version: 1, available: false});
    expect(json.reason).toContain('shallow');
  });

  it('refuses an unknown format with the usage line', async () => {
    const failure = await orgDiff(dir, ['--format', 'yaml']).then(
      () => undefined,
      (error: {code: number; stderr: string}) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('usage: npm run org:diff');
  });
});

describe('org:diff outside a repository', () => {
  it('says history is unavailable', async () => {
    const plain = await tempDir('org-diff-nogit-');
    await writeFile(path.join(plain, 'x.md'), '# x\n');
    const {report} = await compareStructure(plain, {vocabulary: handbookVocabulary});
    expect(report).toEqual({available: false, reason: 'The site is not inside a git repository, so its history is unavailable.'});
  });
});
