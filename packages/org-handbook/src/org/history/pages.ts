/**
 * The props of the history pages, computed at build time from the structure
 * at each commit: the timeline ("How the organization changed", newest
 * first) and one "as of" page per day on which the structure changed, with
 * the chart as it stood at the end of that day. Pure; the plugin supplies
 * the commits and the links.
 */
import {createChartData, type OrgChartData} from '../chart';
import type {OrgGraph} from '../graph';
import type {TreeReading} from './read-tree';
import {buildTimeline, commitStates, type CommitInfo, type TimelineEntry} from './timeline';
import {unitHistories, type UnitHistoryData} from './unit-history';

export interface CommitRef {
  sha: string;
  /** The first seven hex digits, as git shows them. */
  short: string;
  subject: string;
  /** The commit on the forge, when the repository's address is known. */
  url?: string;
}

export interface TimelineEntryProps {
  date: string;
  anchor: string;
  commit: CommitRef;
  sentences: string[];
  /** For the first recorded structure: one sentence instead of a list of every unit "added". */
  summary?: string;
  /** The commit's tree did not pass the check. */
  broken?: {count: number; first: string};
  /** The "as of" page of the entry's day. */
  asOfPath?: string;
}

export interface DatedPage {
  date: string;
  path: string;
}

export type TimelinePageProps =
  | {available: true; entries: TimelineEntryProps[]; asOf: DatedPage[]}
  | {available: false; reason: string};

export interface AsOfPageProps {
  date: string;
  chart: OrgChartData;
  /** Units in the reporting tree and outside it (retired ones excluded). */
  unitCount: number;
  /** The last commit of the day whose structure passed the check. */
  commit: CommitRef;
  timelinePath: string;
  /** The timeline entry of that commit. */
  anchor: string;
  previous?: DatedPage;
  next?: DatedPage;
}

export interface HistoryPagesOptions {
  timelinePath: string;
  asOfPath: (date: string) => string;
  /** Where a chart node links: the unit's page today, or somewhere that explains what became of it. */
  hrefOf: (id: string) => string;
  /** The forge's page of a commit; absent when the repository's address is unknown. */
  commitUrl?: (sha: string) => string;
}

export interface HistoryPages {
  timeline: TimelinePageProps;
  asOf: AsOfPageProps[];
  /** Per unit id today: since when it exists, its moves and renames (for its own page). */
  units: Map<string, UnitHistoryData>;
}

export function unavailableHistory(reason: string): HistoryPages {
  return {timeline: {available: false, reason}, asOf: [], units: new Map()};
}

export function createHistoryPages(commits: ReadonlyArray<{commit: CommitInfo; reading: TreeReading}>, options: HistoryPagesOptions): HistoryPages {
  const timeline = buildTimeline(commitStates(commits));
  const ref = (commit: CommitInfo): CommitRef => ({
    sha: commit.sha,
    short: commit.sha.slice(0, 7),
    subject: commit.subject,
    ...(options.commitUrl ? {url: options.commitUrl(commit.sha)} : {}),
  });

  // The structure at the end of each day that has a change: the day's last commit that passed the check.
  const changedDays = new Set(timeline.filter((entry) => entry.changes.length > 0).map((entry) => entry.commit.date));
  const endOfDay = new Map<string, {commit: CommitInfo; graph: OrgGraph}>();
  for (const {commit, reading} of commits) {
    if (reading.graph && changedDays.has(commit.date)) endOfDay.set(commit.date, {commit, graph: reading.graph});
  }
  const days = [...endOfDay.keys()].sort();
  const dayPage = (date: string): DatedPage => ({date, path: options.asOfPath(date)});

  const asOf = days.map((date, index): AsOfPageProps => {
    const {commit, graph} = endOfDay.get(date)!;
    return {
      date,
      chart: createChartData(graph, {variant: 'full', hrefOf: options.hrefOf}),
      unitCount: graph.units.size,
      commit: ref(commit),
      timelinePath: options.timelinePath,
      anchor: timelineAnchor(timeline, commit),
      ...(index > 0 ? {previous: dayPage(days[index - 1]!)} : {}),
      ...(index < days.length - 1 ? {next: dayPage(days[index + 1]!)} : {}),
    };
  });

  const entries = timeline.map(
    (entry): TimelineEntryProps => ({
      date: entry.commit.date,
      anchor: entry.anchor,
      commit: ref(entry.commit),
      sentences: entry.sentences,
      ...(entry.first ? {summary: firstSummary(entry)} : {}),
      ...(entry.broken ? {broken: entry.broken} : {}),
      ...(endOfDay.has(entry.commit.date) ? {asOfPath: options.asOfPath(entry.commit.date)} : {}),
    }),
  );

  return {
    timeline: {available: true, entries, asOf: [...days].reverse().map(dayPage)},
    asOf,
    units: unitHistories(timeline),
  };
}

/** The entry of the commit itself, or the latest entry before it (a commit that only fixed a broken tree has none). */
function timelineAnchor(timeline: readonly TimelineEntry[], commit: CommitInfo): string {
  const own = timeline.find((entry) => entry.commit.sha === commit.sha && entry.changes.length > 0);
  const latestChange = timeline.find((entry) => entry.changes.length > 0 && entry.commit.date <= commit.date);
  return (own ?? latestChange ?? timeline[timeline.length - 1])?.anchor ?? '';
}

function firstSummary(entry: TimelineEntry): string {
  const count = entry.changes.filter((change) => change.type === 'added').length;
  return `The structure was first recorded, with ${count} unit${count === 1 ? '' : 's'}.`;
}
