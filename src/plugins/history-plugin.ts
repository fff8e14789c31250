// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * The organization over time, from git: "How the organization changed" (a
 * timeline of structural changes, newest first) and one static "as of" page
 * per day the structure changed, with the chart as it stood that day.
 *
 * Reads the history in `loadContent`; adds its routes in `allContentLoaded`,
 * once the docs plugin knows each unit page's address, with page props
 * written by `createData` (nothing goes to global data). A shallow clone, or
 * a site outside git, still builds: the timeline page says that the history
 * is unavailable, and there are no "as of" pages.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import type {LoadedContent as DocsContent} from '@docusaurus/plugin-content-docs';
import {ParseCache, readHistory, type HistoryResult} from '../org/history/git';
import {createHistoryPages, unavailableHistory, type HistoryPages} from '../org/history/pages';

export interface HistoryPluginOptions {
  /** Address of the repository on its forge (commits link to `<repositoryUrl>/commit/<sha>`); omit to show bare commit ids. */
  repositoryUrl?: string;
  /** The content folder whose history is read (default `docs`). */
  contentDir?: string;
  /** Path of the timeline page, without the base URL (default `/history/changes`). */
  timelinePath?: string;
  /** Folder of the "as of" pages, without the base URL (default `/history/as-of`); each is `<folder>/YYYY-MM-DD`. */
  asOfPath?: string;
  /** `false` skips reading git (quicker local builds); the timeline page then says so. Default `true`. */
  enabled?: boolean;
}

export const HISTORY_PLUGIN_NAME = 'org-history';

/** Where the per-unit histories are left for the unit pages (see `unitHistories`), relative to the generated files folder. */
export const UNIT_HISTORIES_FILE = path.join('org-history', 'unit-histories.json');

// Kept across reloads under `docusaurus start`: a page already parsed at some blob id is not parsed again.
const parseCache = new ParseCache();

export default function historyPlugin(context: LoadContext, options: HistoryPluginOptions): Plugin<HistoryResult> {
  const base = context.baseUrl.replace(/\/$/, '');
  const timelinePath = `${base}${options.timelinePath ?? '/history/changes'}`;
  const asOfFolder = `${base}${options.asOfPath ?? '/history/as-of'}`;
  const repositoryUrl = options.repositoryUrl?.replace(/\/$/, '');

  return {
    name: HISTORY_PLUGIN_NAME,

    async loadContent() {
      if (options.enabled === false) return {available: false, reason: 'Reading the history was turned off for this build (HANDBOOK_HISTORY=off).'};
      return readHistory(context.siteDir, {contentDir: options.contentDir ?? 'docs', cache: parseCache});
    },

    async allContentLoaded({allContent, actions}) {
      const history = allContent[HISTORY_PLUGIN_NAME]?.default as HistoryResult | undefined;
      const docs = allContent['docusaurus-plugin-content-docs']?.default as DocsContent | undefined;
      if (!history || !docs) throw new Error('org-history: the docs plugin or the history is missing');
      const hrefOf = unitPageResolver(docs, timelinePath);
      const pages: HistoryPages = history.available
        ? createHistoryPages(history.commits, {
            timelinePath,
            asOfPath: (date) => `${asOfFolder}/${date}`,
            hrefOf,
            ...(repositoryUrl ? {commitUrl: (sha: string) => `${repositoryUrl}/commit/${sha}`} : {}),
          })
        : unavailableHistory(history.reason);

      actions.addRoute({
        path: timelinePath,
        exact: true,
        component: '@site/src/components/OrgHistory/TimelinePage',
        modules: {timeline: await actions.createData('timeline.json', JSON.stringify(pages.timeline))},
      });
      for (const page of pages.asOf) {
        actions.addRoute({
          path: `${asOfFolder}/${page.date}`,
          exact: true,
          component: '@site/src/components/OrgHistory/AsOfPage',
          modules: {page: await actions.createData(`as-of-${page.date}.json`, JSON.stringify(page))},
        });
      }

      // For the unit pages' "since … / moved from … on …" line: read by whoever draws the Place block.
      const file = path.join(context.generatedFilesDir, UNIT_HISTORIES_FILE);
      await mkdir(path.dirname(file), {recursive: true});
      await writeFile(file, JSON.stringify({timelinePath, units: Object.fromEntries(pages.units)}));
    },
  };
}

/**
 * Where a unit of some past structure links: the page of the unit that has
 * its id today (or had it, through `formerIds`: renamed or merged), else the
 * timeline, which tells what became of it. Read from the docs plugin's
 * frontmatter, not from the org model, so past ids resolve even when today's
 * tree does not list them as units.
 */
function unitPageResolver(docs: DocsContent, fallback: string): (id: string) => string {
  const byId = new Map<string, string>();
  const byFormerId = new Map<string, string>();
  for (const doc of docs.loadedVersions.flatMap((version) => version.docs)) {
    const org = (doc.frontMatter as {org?: unknown}).org;
    if (org === null || typeof org !== 'object') continue;
    const {id, formerIds} = org as {id?: unknown; formerIds?: unknown};
    if (typeof id === 'string') byId.set(id, doc.permalink);
    if (Array.isArray(formerIds)) for (const former of formerIds) if (typeof former === 'string') byFormerId.set(former, doc.permalink);
  }
  return (id) => byId.get(id) ?? byFormerId.get(id) ?? fallback;
}
