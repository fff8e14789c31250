/**
 * The organization over time: from the structure at each commit (oldest
 * first) to the list of changes a reader sees (newest first). Pure: the
 * commits and their snapshots come from git.ts, the words from describe.ts.
 *
 * A commit whose tree does not pass the check gets an entry that says so,
 * and the next commit that passes is compared with the last one that did, so
 * a broken commit neither hides nor invents a change.
 */
import type {OrgProblem} from '../problems';
import {describeChange} from './describe';
import {diffSnapshots, type StructureChange} from './diff';
import type {TreeReading} from './read-tree';
import {snapshotOf, type OrgSnapshot} from './snapshot';

export interface CommitInfo {
  /** Full commit id. */
  sha: string;
  /** The day the commit landed (committer date), YYYY-MM-DD. */
  date: string;
  /** First line of the commit message. */
  subject: string;
}

/** The structure as one commit left it. */
export interface CommitState {
  commit: CommitInfo;
  /** Absent when the tree did not pass the check. */
  snapshot?: OrgSnapshot;
  problems: readonly OrgProblem[];
}

export interface TimelineEntry {
  commit: CommitInfo;
  /** Anchor of the entry on the timeline page (`c-` and the first twelve hex digits of the commit). */
  anchor: string;
  /** The first commit whose structure passed the check: every unit in it is "added". */
  first: boolean;
  changes: StructureChange[];
  /** `describeChange` of each change, in the same order. */
  sentences: string[];
  /** Set when the commit's tree did not pass the check; `changes` is then empty. */
  broken?: {count: number; first: string};
}

export const anchorOf = (sha: string) => `c-${sha.slice(0, 12)}`;

/** Entries newest first; commits that changed nothing in the structure are left out. */
export function buildTimeline(states: readonly CommitState[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let last: OrgSnapshot | undefined;
  for (const state of states) {
    const {commit} = state;
    if (!state.snapshot) {
      // No units and no problems: the folder held no unit page yet.
      if (state.problems.length === 0) continue;
      const problem = state.problems[0];
      entries.push({
        commit,
        anchor: anchorOf(commit.sha),
        first: false,
        changes: [],
        sentences: [],
        broken: {count: state.problems.length, first: problem ? `${problem.file}:${problem.line}:${problem.column}: ${problem.message}` : 'unknown problem'},
      });
      continue;
    }
    // Commits that left the structure as it was share its snapshot: nothing to compare.
    if (state.snapshot === last) continue;
    const changes = diffSnapshots(last, state.snapshot);
    const first = last === undefined;
    last = state.snapshot;
    if (changes.length === 0) continue;
    entries.push({commit, anchor: anchorOf(commit.sha), first, changes, sentences: changes.map(describeChange)});
  }
  return entries.reverse();
}

/** The commits as git.ts read them, as states for `buildTimeline`; a reading shared by two commits gives one snapshot. */
export function commitStates(commits: ReadonlyArray<{commit: CommitInfo; reading: TreeReading}>): CommitState[] {
  const snapshots = new Map<TreeReading, OrgSnapshot>();
  return commits.map(({commit, reading}) => {
    if (!reading.graph) return {commit, problems: reading.problems};
    let snapshot = snapshots.get(reading);
    if (!snapshot) {
      snapshot = snapshotOf(reading.graph);
      snapshots.set(reading, snapshot);
    }
    return {commit, snapshot, problems: reading.problems};
  });
}
