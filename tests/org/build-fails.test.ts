/**
 * `npm run build` reports the same problems as `npm run check`, all of them,
 * and stops before anything is bundled. Runs the real Docusaurus CLI on a
 * copy of the site whose docs/ is a broken fixture tree.
 */
import {execFile} from 'node:child_process';
import {cp, mkdir, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {checkContentTree} from '@site/src/plugins/content';
import {formatProblem} from '@site/src/org/problems';
import {contentTree, contentTreeWith} from '@site/tests/support/content-tree';
import {REJECTED} from '@site/tests/fixtures/edge-cases';
import {linkNodeModules} from '@site/scripts/bench/lib/sites';

const run = promisify(execFile);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('docusaurus build on broken content', () => {
  it('fails before bundling, with every problem in compiler style', {timeout: 60_000}, async () => {
    const site = await contentTree('many');
    for (const entry of ['docusaurus.config.ts', 'sidebars.ts', 'tsconfig.json', 'package.json', 'pagefind.yml', 'org.vocabulary.yaml', 'src', 'static']) {
      await cp(path.join(repo, entry), path.join(site, entry), {recursive: true});
    }
    await symlink(path.join(repo, 'node_modules'), path.join(site, 'node_modules'));
    await mkdir(path.join(site, 'docs', 'guide'), {recursive: true});
    await writeFile(path.join(site, 'docs', 'guide', 'index.md'), '# Guide\n');

    const expected = (await checkContentTree(site)).problems.map(formatProblem);
    expect(expected).toHaveLength(4);

    const started = Date.now();
    const failure = await run(process.execPath, [path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'], {
      cwd: site,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
    }).then(
      () => undefined,
      (error: {code?: number; stdout: string; stderr: string}) => error,
    );
    expect(failure, 'the build should have failed').toBeDefined();
    const output = `${failure!.stdout}\n${failure!.stderr}`;
    for (const line of expected) expect(output).toContain(line);
    // Nothing was bundled: the failure came while plugins were created.
    expect(output).not.toMatch(/Compiling (Client|Server)/i);
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});

describe('docusaurus build on the edge cases the check refuses', () => {
  it('fails with the same located message for every one of them', {timeout: 120_000}, async () => {
    // Every rejected case at once (where two cases use the same file, the later one stands).
    const files = Object.assign({}, ...Object.values(REJECTED).map((entry) => entry.files)) as Record<string, string>;
    const site = await contentTreeWith(files);
    for (const entry of ['docusaurus.config.ts', 'sidebars.ts', 'tsconfig.json', 'package.json', 'pagefind.yml', 'org.vocabulary.yaml', 'src', 'static']) {
      await cp(path.join(repo, entry), path.join(site, entry), {recursive: true});
    }
    await linkNodeModules(site);
    const expected = (await checkContentTree(site)).problems.map(formatProblem);
    expect(expected.length).toBeGreaterThanOrEqual(Object.keys(REJECTED).length);

    const failure = await run(process.execPath, [path.join(repo, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build'], {
      cwd: site,
      env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'},
    }).then(
      () => undefined,
      (error: {stdout: string; stderr: string}) => error,
    );
    expect(failure, 'the build should have failed').toBeDefined();
    const output = `${failure!.stdout}\n${failure!.stderr}`;
    for (const line of expected) expect(output).toContain(line);
    expect(output).not.toMatch(/Compiling (Client|Server)/i);
  });
});
