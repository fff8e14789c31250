// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * The organization over time, from git, for the org plugin: "How the
 * organization changed" (a timeline of structural changes, newest first), one
 * static "as of" page per day the structure changed, and each unit's own past
 * for its Place block. A shallow clone, or a site outside git, still builds:
 * the timeline page says the history is unavailable.
 *
 * The history is read once per commit: under `docusaurus start` a change to
 * the docs does not read git again unless HEAD moved.
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import type {PluginContentLoadedActions} from '@docusaurus/types';
import {ParseCache, readHistory, type HistoryResult} from '../org/history/git';
import type {Vocabulary} from '../org/vocabulary';
import {createHistoryPages, unavailableHistory, type HistoryPages} from '../org/history/pages';
import type {PipelineResult} from '../org/pipeline';

export interface HistoryOptions {
  /** Address of the repository on its forge (commits link to `<repositoryUrl>/commit/<sha>`); omit to show bare commit ids. */
  repositoryUrl?: string;
  /** Path of the timeline page, without the base URL (default `/history/changes`). */
  timelinePath?: string;
  /** Folder of the "as of" pages, without the base URL (default `/history/as-of`); each is `<folder>/YYYY-MM-DD`. */
  asOfPath?: string;
  /** `false` skips reading git (quicker local builds); the timeline page then says so. Default `true`. */
  enabled?: boolean;
}

const run = promisify(execFile);

/** Reads the history of `contentDir`, again only when HEAD has moved since the last read. */
export function createHistoryReader(siteDir: string, contentDir: string, options: HistoryOptions, vocabulary: Vocabulary): () => Promise<HistoryResult> {
  // Kept across reloads under `docusaurus start`: a page already parsed at some blob id is not parsed again.
  const cache = new ParseCache(vocabulary);
  let last: {head: string; result: HistoryResult} | undefined;
  return async () => {
    if (options.enabled === false) return {available: false, reason: 'Reading the history was turned off in this site\'s configuration.'};
    const head = await run('git', ['rev-parse', 'HEAD'], {cwd: siteDir}).then(
      ({stdout}) => stdout.trim(),
      () => '',
    );
    // No HEAD (not a git checkout) is also a state worth remembering: reading would fail the same way again.
    if (last && last.head === head) return last.result;
    const result = await readHistory(siteDir, {contentDir, cache});
    last = {head, result};
    return result;
  };
}

/** The timeline, the "as of" pages and every unit's past, with links to today's pages. */
export function createHistoryForSite(history: HistoryResult, result: PipelineResult, baseUrl: string, options: HistoryOptions): HistoryPages & {timelinePath: string; asOfFolder: string} {
  const base = baseUrl.replace(/\/$/, '');
  const timelinePath = `${base}${options.timelinePath ?? '/history/changes'}`;
  const asOfFolder = `${base}${options.asOfPath ?? '/history/as-of'}`;
  const repositoryUrl = options.repositoryUrl?.replace(/\/$/, '');
  const hrefOf = pastUnitResolver(result, timelinePath);
  const pages = history.available
    ? createHistoryPages(history.commits, {
        timelinePath,
        asOfPath: (date) => `${asOfFolder}/${date}`,
        hrefOf,
        ...(repositoryUrl ? {commitUrl: (sha: string) => `${repositoryUrl}/commit/${sha}`} : {}),
      })
    : unavailableHistory(history.reason);
  return {...pages, timelinePath, asOfFolder};
}

/**
 * Adds the timeline and the "as of" pages. Their data modules are named through Docusaurus's
 * `@generated` alias, not by the absolute path `createData` returns: the route table ships to
 * every reader in main.js, and the build machine's folders have no business there.
 */
export async function addHistoryRoutes(
  actions: PluginContentLoadedActions,
  pages: ReturnType<typeof createHistoryForSite>,
  generatedFilesDir: string,
): Promise<void> {
  const createData = async (name: string, data: unknown) =>
    `@generated/${path.relative(generatedFilesDir, await actions.createData(name, JSON.stringify(data))).split(path.sep).join('/')}`;
  actions.addRoute({
    path: pages.timelinePath,
    exact: true,
    component: '@theme/OrgHistory/TimelinePage',
    modules: {timeline: await createData('timeline.json', pages.timeline)},
  });
  for (const page of pages.asOf) {
    actions.addRoute({
      path: `${pages.asOfFolder}/${page.date}`,
      exact: true,
      component: '@theme/OrgHistory/AsOfPage',
      modules: {page: await createData(`as-of-${page.date}.json`, page)},
    });
  }
}

/**
 * Where a unit of some past structure links: the page of the unit that has
 * its id today (or had it, through `formerIds`: renamed or merged), else the
 * timeline, which tells what became of it.
 */
function pastUnitResolver(result: PipelineResult, fallback: string): (id: string) => string {
  const byId = new Map<string, string>();
  const byFormerId = new Map<string, string>();
  for (const unit of result.loaded.units) {
    const permalink = result.permalinks.get(unit.source);
    if (permalink === undefined) continue;
    byId.set(unit.org.id, permalink);
    for (const former of unit.org.formerIds ?? []) byFormerId.set(former, permalink);
  }
  return (id) => byId.get(id) ?? byFormerId.get(id) ?? fallback;
}
