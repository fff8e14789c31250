/**
 * The one door between the history code and the org model's loading stage:
 * page texts in, a checked graph (or the problems that stop one) out.
 *
 * Everything else under src/org/history/ sees only `ParsedFile` (opaque),
 * `TreeReading` and `OrgGraph`, so when the loading pipeline changes only
 * this file follows it. It is pure (texts, not files): git.ts feeds it blobs
 * of past commits, tests feed it strings.
 */
import {buildOrgGraph, type OrgGraph} from '../graph';
import {parsePage} from '../load';
import type {OrgProblem} from '../problems';
import type {Vocabulary} from '../vocabulary';

/** One content file of a tree, as text. */
export interface TreeFile {
  /** Site-relative path, such as `docs/teams/delivery.md`. */
  source: string;
  text: string;
}

/** A page parsed on its own, before the cross-file checks: cache it by content id and path. */
export type ParsedFile = ReturnType<typeof parsePage>;

/** What one tree of pages says about the organization. */
export interface TreeReading {
  /** Present only when the tree checks without a single problem. */
  graph?: OrgGraph;
  problems: OrgProblem[];
}

/**
 * Whether a path under the content folder is a page the docs plugin publishes
 * (and the org check reads): Markdown, with no `_` or `.` prefixed segment.
 * The same rule as the loading stage's folder walk.
 */
export function isContentPath(source: string): boolean {
  return /\.mdx?$/.test(source) && !source.split('/').some((segment) => segment.startsWith('_') || segment.startsWith('.'));
}

/**
 * Parses one page as history reads it (past versions included: see `past`
 * in load.ts); the result depends only on `source`, `text` and the
 * vocabulary, so it may be reused wherever they are the same. Every commit is
 * read with the site's vocabulary of today.
 */
export function parseTreeFile(file: TreeFile, vocabulary: Vocabulary): ParsedFile {
  return parsePage(file.source, file.text, vocabulary, undefined, {past: true});
}

/**
 * What of a parsed page can change the graph (its org block, title, sidebar
 * position and problems), as a string: two versions of a page with the same
 * key give the same structure, so a commit that only edits prose needs no new
 * graph.
 */
export function structureKeyOf(parsed: ParsedFile): string {
  const {unit, problems, unreadableId, page} = parsed;
  return JSON.stringify([page.hasOrg, unit?.title, unit?.sidebarPosition, unit?.org, problems, unreadableId]);
}

/** Checks a whole tree from its parsed pages: the graph when nothing is wrong, every problem otherwise. */
export function graphFromParsed(parsed: readonly ParsedFile[], vocabulary: Vocabulary): TreeReading {
  const ordered = [...parsed].sort((a, b) => (a.page.source < b.page.source ? -1 : a.page.source > b.page.source ? 1 : 0));
  const loadProblems = ordered.flatMap((file) => file.problems);
  const units = ordered.flatMap((file) => (file.unit ? [file.unit] : []));
  const unreadable = ordered.flatMap((file) => (file.unreadableId ? [file.unreadableId] : []));
  const {graph, problems} = buildOrgGraph(units, vocabulary, unreadable, {past: true});
  const all = [...loadProblems, ...problems];
  // A graph built around unreadable pages would silently lack their units.
  return all.length === 0 && graph ? {graph, problems: all} : {problems: all};
}

/** `graphFromParsed` of freshly parsed texts. */
export function graphFromTexts(files: readonly TreeFile[], vocabulary: Vocabulary): TreeReading {
  return graphFromParsed(
    files.map((file) => parseTreeFile(file, vocabulary)),
    vocabulary,
  );
}
