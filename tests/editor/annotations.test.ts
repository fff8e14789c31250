/** Check errors as GitHub annotations (in Actions) and in compiler style (everywhere else). */
import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatGitHubAnnotation, formatProblem, formatProblems} from '@site/packages/org-handbook/src/org/problems';
import {copyOfDocs, runScript, removeCopies} from './support';

afterAll(removeCopies);

describe('formatGitHubAnnotation', () => {
  it('writes the workflow command GitHub turns into an annotation on the line', () => {
    expect(formatGitHubAnnotation({file: 'docs/x.md', line: 3, column: 14, message: 'unknown unit "enginering" (did you mean "engineering"?)'})).toBe(
      '::error file=docs/x.md,line=3,col=14::unknown unit "enginering" (did you mean "engineering"?)',
    );
  });

  it('escapes "%", "," and ":" in the file property, and "%" and line breaks in the message', () => {
    expect(
      formatGitHubAnnotation({file: 'docs/a,b:c%d.md', line: 1, column: 2, message: '100% sure: a, b\nsecond line\r\nthird'}),
    ).toBe('::error file=docs/a%2Cb%3Ac%25d.md,line=1,col=2::100%25 sure: a, b%0Asecond line%0D%0Athird');
  });

  it('sorts the problems and ends with a count, in both styles', () => {
    const problems = [
      {file: 'docs/teams/b.md', line: 2, column: 1, message: 'second'},
      {file: 'docs/a.md', line: 9, column: 3, message: 'first'},
    ];
    expect(formatProblems(problems, 'github').split('\n')).toEqual([
      '::error file=docs/a.md,line=9,col=3::first',
      '::error file=docs/teams/b.md,line=2,col=1::second',
      '2 problems in 2 files',
    ]);
    expect(formatProblems(problems).split('\n')).toEqual([
      'docs/a.md:9:3: first',
      'docs/teams/b.md:2:1: second',
      '2 problems in 2 files',
    ]);
    expect(formatProblem(problems[1]!)).toBe('docs/a.md:9:3: first');
  });
});

describe('npm run check on a pull request with a broken reference', async () => {
  const siteDir = await copyOfDocs();
  const file = path.join(siteDir, 'docs/teams/area-leads.md');
  await writeFile(file, (await readFile(file, 'utf8')).replace('engineering, product,', 'engineering, prodct,'));

  it('prints an annotation on the offending value when GITHUB_ACTIONS=true', async () => {
    const run = await runScript('scripts/check.ts', [siteDir], {GITHUB_ACTIONS: 'true'});
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      '::error file=docs/teams/area-leads.md,line=8,col=26::unknown unit "prodct" (did you mean "product"?)',
      '1 problem in 1 file',
    ]);
  });

  it('prints the compiler-style line elsewhere', async () => {
    const run = await runScript('scripts/check.ts', [siteDir]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')[0]).toBe('docs/teams/area-leads.md:8:26: unknown unit "prodct" (did you mean "product"?)');
  });
});
