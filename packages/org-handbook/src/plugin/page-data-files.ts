// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * One JSON record per page (org/page-data.ts), written where the page's
 * compilation reads it and depends on it (page-data-loader.cjs). A record is
 * rewritten only when its content changes: the bundler's persistent cache
 * then recompiles exactly the pages whose facts changed.
 */
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {PageOrgData} from '../org/page-data';

export const ORG_PLUGIN_NAME = 'org-handbook';

/** Where the plugin leaves one record per page; the remark step reads from here. */
export function pageDataDirOf(siteDir: string): string {
  return path.join(siteDir, '.docusaurus', ORG_PLUGIN_NAME, 'pages');
}

/** Marks a page's import of its record as its org views module (page-views-loader.cjs). */
export const PAGE_VIEWS_QUERY = '?org-views';

export function pageDataFile(pageDataDir: string, source: string): string {
  return path.join(pageDataDir, `${source}.json`);
}

/**
 * What this process last wrote to each record file, so that a long-running dev server
 * compares in memory instead of reading every record back on every save.
 */
const lastWritten = new Map<string, string>();

/** Writes changed records, removes those of pages that are gone; returns how many files changed. */
export async function writePageData(pageDataDir: string, records: ReadonlyMap<string, PageOrgData>): Promise<number> {
  let changed = 0;
  const wanted = new Set<string>();
  await Promise.all(
    [...records].map(async ([source, record]) => {
      const file = pageDataFile(pageDataDir, source);
      wanted.add(path.resolve(file));
      const json = JSON.stringify(record);
      const current = lastWritten.get(file) ?? (await readFile(file, 'utf8').catch(() => undefined));
      if (current === json) {
        lastWritten.set(file, json);
        return;
      }
      await mkdir(path.dirname(file), {recursive: true});
      await writeFile(file, json);
      lastWritten.set(file, json);
      changed += 1;
    }),
  );
  const existing = await readdir(pageDataDir, {recursive: true, withFileTypes: true}).catch(() => []);
  for (const entry of existing) {
    const full = path.resolve(entry.parentPath, entry.name);
    if (entry.isFile() && !wanted.has(full)) {
      await rm(full);
      lastWritten.delete(full);
      changed += 1;
    }
  }
  return changed;
}
