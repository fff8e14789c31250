/**
 * One line of a unit's past for its "Place in the organization" block: since
 * when it exists, and each move and rename, every date linked to its entry
 * on the timeline. Draws `unitHistories()` data (org/history/unit-history.ts);
 * computes nothing.
 */
import type {ReactNode} from 'react';
import QuietLink from '../QuietLink';
import {nameInSentence} from '../../org/history/names';
import type {TimelinePoint, UnitHistoryData} from '../../org/history/unit-history';

export interface UnitHistoryProps {
  history: UnitHistoryData;
  /** Path of the timeline page ("How the organization changed"). */
  timelinePath: string;
}

export default function UnitHistory({history, timelinePath}: UnitHistoryProps): ReactNode {
  const on = (point: TimelinePoint) => <QuietLink to={`${timelinePath}#${point.anchor}`}>{point.date}</QuietLink>;
  const events: Array<{key: string; date: string; text: ReactNode}> = [
    ...history.renames.map((rename) => ({
      key: `rename-${rename.anchor}`,
      date: rename.date,
      text: (
        <>
          renamed from {rename.from} on {on(rename)}
        </>
      ),
    })),
    ...history.moves.map((move) => ({
      key: `move-${move.anchor}`,
      date: move.date,
      text: (
        <>
          moved {move.from ? `from ${nameInSentence(move.from)} ` : ''}
          {move.to ? `to ${nameInSentence(move.to)} ` : 'out of the reporting lines '}on {on(move)}
        </>
      ),
    })),
  ];
  // Oldest first, renames and moves together (sort is stable, so one day keeps renames before moves, as the timeline does).
  events.sort((a, b) => a.date.localeCompare(b.date));
  return (
    <span>
      {history.since.fromStart ? 'Recorded since the handbook began, ' : 'Since '}
      {on(history.since)}
      {events.map((event) => (
        <span key={event.key}>; {event.text}</span>
      ))}
      .
    </span>
  );
}
