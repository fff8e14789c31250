/** Helpers for the editor-loop tests: a throwaway copy of the real docs/, read and written as texts. */
import {execFile} from 'node:child_process';
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {listMarkdownFiles} from '@site/src/plugins/content';
import type {Reorganization} from '@site/src/org/reorganize';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const copies: string[] = [];

/** A temporary site folder holding a copy of the real docs/ (removed by `removeCopies`). */
export async function copyOfDocs(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'org-editor-'));
  copies.push(dir);
  await cp(path.join(REPO, 'docs'), path.join(dir, 'docs'), {recursive: true});
  await cp(path.join(REPO, 'org.vocabulary.yaml'), path.join(dir, 'org.vocabulary.yaml'));
  return dir;
}

/** For `afterAll`: deletes the copies this test file made. */
export async function removeCopies(): Promise<void> {
  await Promise.all(copies.splice(0).map((dir) => rm(dir, {recursive: true, force: true})));
}

export async function readTexts(siteDir: string): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const file of await listMarkdownFiles(path.join(siteDir, 'docs'))) {
    texts.set(path.relative(siteDir, file).split(path.sep).join('/'), await readFile(file, 'utf8'));
  }
  return texts;
}

/** Writes a recipe's result the way scripts/reorganize.ts does. */
export async function applyToDisk(siteDir: string, result: Reorganization): Promise<void> {
  for (const source of result.written) {
    const file = path.join(siteDir, source);
    await mkdir(path.dirname(file), {recursive: true});
    await writeFile(file, result.texts.get(source)!);
  }
  for (const source of result.deleted) await rm(path.join(siteDir, source));
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the repository's scripts with tsx, from the repository root, never on a TTY. */
export async function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const tsx = path.join(REPO, 'node_modules', '.bin', 'tsx');
  try {
    const {stdout, stderr} = await promisify(execFile)(tsx, [path.join(REPO, script), ...args], {
      cwd: REPO,
      env: {...process.env, GITHUB_ACTIONS: 'false', ...env},
    });
    return {code: 0, stdout, stderr};
  } catch (error) {
    const failed = error as {code?: number; stdout?: string; stderr?: string};
    return {code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? ''};
  }
}
