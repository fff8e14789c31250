/**
 * A build from a shallow clone (as CI checkouts often are), or from a copy
 * with no git at all, succeeds, and the timeline page says that the history
 * is unavailable. Runs the real Docusaurus CLI on a depth-1 clone of a
 * repository holding this site, then on a plain copy of that clone.
 */
import {execFile} from 'node:child_process';
import {cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, describe, expect, it} from 'vitest';
import {commitAll, createRepository, git} from '@site/tests/support/git-history';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE_FILES = ['docusaurus.config.ts', 'sidebars.ts', 'tsconfig.json', 'package.json', 'pagefind.yml', 'org.vocabulary.yaml', 'src', 'static', 'docs'];

/** The packages of this checkout, linked one by one, so the clone's bundler cache stays in the clone. */
async function linkPackages(site: string): Promise<void> {
  await mkdir(path.join(site, 'node_modules'));
  for (const entry of await readdir(path.join(repo, 'node_modules'))) {
    if (entry === '.cache') continue;
    await symlink(path.join(repo, 'node_modules', entry), path.join(site, 'node_modules', entry));
  }
}

async function build(site: string): Promise<void> {
  await run(process.execPath, [path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'], {
    cwd: site,
    env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function expectBuiltWithoutHistory(site: string, reason: string): Promise<void> {
  const timeline = await readFile(path.join(site, 'build', 'history', 'changes.html'), 'utf8');
  expect(timeline).toContain('History is unavailable in this build.');
  expect(timeline).toContain(reason);
  await expect(stat(path.join(site, 'build', 'history', 'as-of'))).rejects.toThrow();
  // The rest of the site is there, unit pages included.
  expect((await stat(path.join(site, 'build', 'functional-areas', 'engineering.html'))).isFile()).toBe(true);
}

describe('docusaurus build without the history', () => {
  let origin: string;
  let clone: string;

  afterAll(async () => {
    for (const dir of [origin, clone, `${clone}-copy`]) if (dir) await rm(dir, {recursive: true, force: true});
  });

  it('succeeds from a shallow clone and says that history is unavailable', {timeout: 240_000}, async () => {
    origin = await createRepository();
    for (const entry of SITE_FILES) await cp(path.join(repo, entry), path.join(origin, entry), {recursive: true});
    await commitAll(origin, 'The handbook', '2026-01-05');
    await writeFile(path.join(origin, 'docs', 'guide', 'index.md'), `${await readFile(path.join(origin, 'docs', 'guide', 'index.md'), 'utf8')}\nOne more line.\n`);
    await commitAll(origin, 'One more line', '2026-01-06');

    clone = `${origin}-shallow`;
    await git(path.dirname(clone), ['clone', '--quiet', '--depth', '1', `file://${origin}`, clone]);
    expect((await git(clone, ['rev-parse', '--is-shallow-repository'])).trim()).toBe('true');
    await linkPackages(clone);
    await build(clone);
    await expectBuiltWithoutHistory(clone, 'shallow history');
  });

  it('succeeds from a copy with no git at all', {timeout: 240_000}, async () => {
    expect(clone, 'the shallow clone of the test above').toBeDefined();
    const copy = `${clone}-copy`;
    await cp(clone, copy, {recursive: true, filter: (source) => !/[/\\](\.git|node_modules|build|\.docusaurus)$/.test(source)});
    await linkPackages(copy);
    await build(copy);
    await expectBuiltWithoutHistory(copy, 'not inside a git repository');
  });
});
