/**
 * Per unit, from the timeline: since when it exists and where it moved, for
 * the line on its page ("In the organization since …; moved from X on …").
 * Keyed by the unit's id today, following renames; a unit merged into another
 * or removed has no history of its own any more.
 */
import type {UnitLabel} from './diff';
import type {TimelineEntry} from './timeline';

/** A point on the timeline: the day, and the anchor of its entry on the timeline page. */
export interface TimelinePoint {
  date: string;
  anchor: string;
}

export interface UnitHistoryData {
  since: TimelinePoint & {
    /** The unit was already there in the first recorded structure: "since" means "at least since". */
    fromStart: boolean;
  };
  /** Oldest first. `from`/`to` are named as they were then; absent for "outside the reporting lines". */
  moves: Array<TimelinePoint & {from?: UnitLabel; to?: UnitLabel}>;
  /** Oldest first: the name (and id) the unit had before each rename. */
  renames: Array<TimelinePoint & {from: string; fromId?: string}>;
}

export function unitHistories(timeline: readonly TimelineEntry[]): Map<string, UnitHistoryData> {
  const histories = new Map<string, UnitHistoryData>();
  // The timeline is newest first; a unit's story is told from its start.
  for (const entry of [...timeline].reverse()) {
    const point: TimelinePoint = {date: entry.commit.date, anchor: entry.anchor};
    for (const change of entry.changes) {
      switch (change.type) {
        case 'added':
          histories.set(change.unit.id, {since: {...point, fromStart: entry.first}, moves: [], renames: []});
          break;
        case 'removed':
        case 'merged':
          histories.delete(change.unit.id);
          break;
        case 'renamed': {
          const fromId = change.id?.from ?? change.unit.id;
          const history = histories.get(fromId);
          if (!history) break;
          histories.delete(fromId);
          history.renames.push({...point, from: change.name?.from ?? change.unit.name, ...(change.id ? {fromId: change.id.from} : {})});
          histories.set(change.unit.id, history);
          break;
        }
        case 'moved':
          histories.get(change.unit.id)?.moves.push({...point, ...(change.from ? {from: change.from} : {}), ...(change.to ? {to: change.to} : {})});
          break;
        default:
          break;
      }
    }
  }
  return histories;
}
