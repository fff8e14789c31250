/**
 * Node-only: `npm run org:diff`'s work. Finds the two trees (by default the
 * merge base with the main branch and the working tree), reads their
 * structure and compares it. A history too shallow to answer is a report
 * that says so, never an error.
 */
import type {OrgGraph} from '../graph';
import type {Vocabulary} from '../vocabulary';
import {diffSnapshots} from './diff';
import {locateRepository, mergeBase, ParseCache, readTreeAt, readWorkingTree, resolveCommit, SHALLOW_REASON} from './git';
import type {TreeReading} from './read-tree';
import type {StructureReport} from './report';
import {snapshotOf} from './snapshot';

export interface CompareOptions {
  /** A revision; default: the merge base of HEAD with the first of `baseBranches` that exists. */
  base?: string;
  /** A revision; default: the working tree. */
  head?: string;
  baseBranches?: readonly string[];
  contentDir?: string;
  /** Both trees are read with it (the site's, from `<siteDir>/org.vocabulary.yaml`). */
  vocabulary: Vocabulary;
}

export const DEFAULT_BASE_BRANCHES = ['main', 'origin/main'] as const;

/** The report, and the graphs behind it (for drawing before and after). */
export interface Comparison {
  report: StructureReport;
  base?: OrgGraph;
  head?: OrgGraph;
}

export async function compareStructure(siteDir: string, options: CompareOptions): Promise<Comparison> {
  const location = await locateRepository(siteDir);
  if (!location.available) return {report: {available: false, reason: location.reason}};
  const {vocabulary} = options;
  const cache = new ParseCache(vocabulary);
  const contentDir = options.contentDir ?? 'docs';

  let base: {label: string; commit: string} | undefined;
  if (options.base !== undefined) {
    const commit = await resolveCommit(siteDir, options.base);
    if (!commit) {
      const reason = location.shallow
        ? `"${options.base}" is not in this clone, whose history is shallow (made with --depth). Fetch the whole history with \`git fetch --unshallow\`.`
        : `"${options.base}" does not name a commit in this repository.`;
      return {report: {available: false, reason}};
    }
    base = {label: options.base, commit};
  } else {
    if (location.shallow) {
      return {report: {available: false, reason: `${SHALLOW_REASON} Or name the two commits to compare: npm run org:diff -- BASE HEAD.`}};
    }
    const branches = options.baseBranches ?? DEFAULT_BASE_BRANCHES;
    for (const branch of branches) {
      if (!(await resolveCommit(siteDir, branch))) continue;
      const commit = await mergeBase(siteDir, branch, 'HEAD');
      if (commit) {
        base = {label: `merge base with ${branch}`, commit};
        break;
      }
    }
    if (!base) {
      return {
        report: {
          available: false,
          reason: `No merge base with ${branches.join(' or ')} was found. Name the commit to compare with: npm run org:diff -- BASE [HEAD].`,
        },
      };
    }
  }

  let head: {label: string; commit?: string; reading: TreeReading};
  if (options.head !== undefined) {
    const commit = await resolveCommit(siteDir, options.head);
    if (!commit) return {report: {available: false, reason: `"${options.head}" does not name a commit in this repository.`}};
    head = {label: options.head, commit, reading: await readTreeAt(siteDir, commit, {contentDir, cache})};
  } else {
    head = {label: 'working tree', reading: await readWorkingTree(siteDir, {contentDir, vocabulary})};
  }
  const baseReading = await readTreeAt(siteDir, base.commit, {contentDir, cache});

  const changes = baseReading.graph && head.reading.graph ? diffSnapshots(snapshotOf(baseReading.graph), snapshotOf(head.reading.graph)) : [];
  return {
    report: {
      available: true,
      base: {label: base.label, commit: base.commit, problems: baseReading.problems},
      head: {label: head.label, ...(head.commit ? {commit: head.commit} : {}), problems: head.reading.problems},
      changes,
    },
    ...(baseReading.graph ? {base: baseReading.graph} : {}),
    ...(head.reading.graph ? {head: head.reading.graph} : {}),
  };
}
