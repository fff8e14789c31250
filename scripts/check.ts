/**
 * `npm run check`: validates the org frontmatter of the whole handbook without
 * building it. Prints every problem in compiler style, or as GitHub Actions
 * annotations when run inside Actions (or with --format=github).
 */
import './lib/stdout-pipe';
import path from 'node:path';
import {checkContentTree} from '@site/packages/org-handbook/src/plugin/content';
import {formatProblems} from '@site/packages/org-handbook/src/org/problems';

const args = process.argv.slice(2);
const formatArg = args.find((arg) => arg.startsWith('--format='))?.slice('--format='.length);
const style = formatArg === 'github' || (formatArg === undefined && process.env.GITHUB_ACTIONS === 'true') ? 'github' : 'compiler';
const siteDir = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? process.cwd());

const started = performance.now();
const result = await checkContentTree(siteDir);
const elapsed = Math.round(performance.now() - started);

if (result.problems.length > 0) {
  console.error(formatProblems(result.problems, style));
  process.exitCode = 1;
} else {
  const units = result.graph?.units.size ?? 0;
  const retired = result.graph?.retired.length ?? 0;
  console.log(
    `org check: ${units} units${retired ? ` (+${retired} retired)` : ''} in ${result.loaded.pages.length} pages are consistent (${elapsed} ms)`,
  );
}
