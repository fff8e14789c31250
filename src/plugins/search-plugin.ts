/**
 * Offline full-text search: Pagefind indexes the built HTML after the build
 * (settings in pagefind.yml). Its index is split into fragments, so a search
 * downloads only the parts a query needs, however large the handbook grows.
 * Not available under `docusaurus start`: there is no built HTML to index.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';
import {promisify} from 'node:util';
import type {LoadContext, Plugin} from '@docusaurus/types';

const run = promisify(execFile);

/**
 * Pagefind's CLI where Node would find the package: in the site's own
 * node_modules or in a parent folder's (a site inside a larger project, such
 * as examples/acme). Its package exports nothing that require.resolve could find.
 */
function pagefindCli(siteDir: string): string {
  for (let dir = siteDir; ; dir = path.dirname(dir)) {
    const cli = path.join(dir, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
    if (existsSync(cli) || path.dirname(dir) === dir) return cli;
  }
}

export default function searchPlugin(context: LoadContext): Plugin {
  return {
    name: 'handbook-search',
    async postBuild({outDir}) {
      // Pagefind's Node API is ESM-only and Docusaurus loads plugins as CommonJS, so run its CLI.
      const cli = pagefindCli(context.siteDir);
      try {
        await run(process.execPath, [cli, '--site', outDir, '--output-path', path.join(outDir, 'pagefind')], {
          cwd: context.siteDir,
        });
      } catch (error) {
        const {stdout = '', stderr = ''} = error as {stdout?: string; stderr?: string};
        throw new Error(`Pagefind could not index the site:\n${stdout}${stderr}`);
      }
    },
  };
}
