/**
 * A whole copy of the site in a temporary folder, buildable with the real
 * Docusaurus CLI. Its node_modules is a folder of links to the repository's
 * packages, so the copy keeps a bundler cache of its own
 * (node_modules/.cache): a warm build of the copy is really warm, and never
 * touches the repository's cache.
 */
import {execFile} from 'node:child_process';
import {cp, mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {linkNodeModules} from '@site/scripts/bench/lib/sites';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SITE_ENTRIES = ['docusaurus.config.ts', 'sidebars.ts', 'tsconfig.json', 'package.json', 'pagefind.yml', 'src', 'static', 'docs', 'org.vocabulary.yaml'];

export async function copySite(prefix = 'org-site-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  for (const entry of SITE_ENTRIES) await cp(path.join(REPO, entry), path.join(dir, entry), {recursive: true});
  await linkNodeModules(dir);
  return dir;
}

export interface CliRun {
  code: number;
  output: string;
}

/** Runs `docusaurus <command>` in a site folder; never throws on a failing exit. */
export function runDocusaurus(siteDir: string, args: string[], timeoutMs = 240_000): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), ...args],
      {cwd: siteDir, env: {...process.env, NO_COLOR: '1', FORCE_COLOR: '0'}, timeout: timeoutMs, killSignal: 'SIGKILL', maxBuffer: 64 * 1024 * 1024},
      (error, stdout, stderr) => resolve({code: error ? ((error as {code?: number}).code ?? 1) : 0, output: `${stdout}\n${stderr}`}),
    );
  });
}

export async function removeSite(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true});
}
