/** A cold `docusaurus build` of a benchmark site, measured (shared by bench:scale and bench:lighthouse). */
import path from 'node:path';
import {runMeasured, tail} from './process-tree';
import {cleanBuildOutputs} from './sites';

const BUILD_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  FORCE_COLOR: '0',
  NO_COLOR: '1',
  BROWSERSLIST_IGNORE_OLD_DATA: '1',
};
delete BUILD_ENV.NODE_ENV;

/** Deletes build/, .docusaurus/ and the Rspack cache, then builds; throws with the log's tail on failure. */
export async function buildSiteCold(siteDir: string, logFile: string) {
  await cleanBuildOutputs(siteDir);
  const docusaurus = path.join(siteDir, 'node_modules/@docusaurus/core/bin/docusaurus.mjs');
  const result = await runMeasured(process.execPath, [docusaurus, 'build'], {cwd: siteDir, env: BUILD_ENV, logFile});
  if (result.exitCode !== 0) {
    throw new Error(`docusaurus build failed in ${siteDir} (exit ${result.exitCode ?? result.signal}); log: ${logFile}\n${tail(result.output)}`);
  }
  return result;
}
