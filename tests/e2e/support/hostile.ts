/**
 * The hostile strings of tests/fixtures/hostile-site/docs, exactly as the
 * pages should show them, and a copy of the handbook built from those docs.
 */
import {execFile} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {createOurSite} from '@site/scripts/bench/lib/sites';
import {siteDir} from './site';

export const HOSTILE_DOCS = path.join(siteDir, 'tests/fixtures/hostile-site/docs');

export const HOSTILE = {
  /** Closes the breadcrumb <script> and injects an image whose error handler runs. */
  scriptTitle: '</script><img src=x onerror=alert(document.domain)>',
  description: 'Description "><svg onload=alert("description")> </script><script>alert("description")</script>',
  /** Closes an SVG and opens a script; U+2028 and U+2029 end a line in old JavaScript parsers. */
  svgTitle: '</svg><script>alert("svg")</script> \u2028 & \u2029 more',
  /** Closes a Mermaid label, adds an edge, a node and a click handler. */
  mermaidName: 'Ops "]--> evil["x"] click u_x "javascript:alert(1)" %% <b>bold</b>',
  categoryLabel: 'Areas </script><img src=x onerror=alert("category")>',
  leadTitle: 'Lead <img src=x onerror=alert("lead")>',
  leadHolder: '&lt;b&gt; & <i>holder</i>',
  channelLabel: '<a href=javascript:alert("label")>chat</a>',
  maintainer: '@x"><img src=x onerror=alert("maintainer")>',
  note: 'note </script><script>alert("note")</script>',
  heading: 'Notes on <img src=x onerror=alert("heading")>',
} as const;

/** Site paths of the fixture's pages. */
export const HOSTILE_PAGES = {
  home: '/',
  areas: '/functional-areas',
  scriptTitle: '/functional-areas/script-title',
  svgTitle: '/functional-areas/svg-title',
} as const;

const run = promisify(execFile);

/**
 * Copies the handbook (config, src/, static/) around the hostile docs in a
 * temporary folder and builds it with the real Docusaurus CLI. Returns the
 * folder; its build/ is the site.
 */
export async function buildHostileSite(): Promise<{dir: string; buildDir: string; remove: () => Promise<void>}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hostile-site-'));
  const remove = () => rm(dir, {recursive: true, force: true});
  try {
    await createOurSite(dir, HOSTILE_DOCS);
    const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', FORCE_COLOR: '0', BROWSERSLIST_IGNORE_OLD_DATA: '1'};
    delete env.NODE_ENV;
    await run(process.execPath, [path.join(dir, 'node_modules/@docusaurus/core/bin/docusaurus.mjs'), 'build'], {
      cwd: dir,
      env,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 280_000,
    }).catch((error: {stdout?: string; stderr?: string; message: string}) => {
      throw new Error(`building the hostile fixture site failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
  } catch (error) {
    await remove();
    throw error;
  }
  return {dir, buildDir: path.join(dir, 'build'), remove};
}
