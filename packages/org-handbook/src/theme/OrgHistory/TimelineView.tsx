/**
 * "How the organization changed": the timeline of structural changes, newest
 * first, drawn from props computed at build time (org/history/pages.ts).
 */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import QuietLink from '../QuietLink';
import type {TimelineEntryProps, TimelinePageProps} from '../../org/history/pages';
import styles from './styles.module.css';

function CommitLink({commit}: {commit: TimelineEntryProps['commit']}): ReactNode {
  const label = <code>{commit.short}</code>;
  return commit.url ? <Link href={commit.url}>{label}</Link> : label;
}

function Entry({entry}: {entry: TimelineEntryProps}): ReactNode {
  // Unit pages and "as of" pages link to these anchors; the build checks them.
  useBrokenLinks().collectAnchor(entry.anchor);
  return (
    <li className={styles.entry} id={entry.anchor}>
      <h2>
        <time dateTime={entry.date}>{entry.date}</time>
      </h2>
      <p className={styles.meta}>
        “{entry.commit.subject}”, commit <CommitLink commit={entry.commit} />
        {entry.asOfPath && (
          <>
            {' · '}
            <QuietLink to={entry.asOfPath}>chart as of {entry.date}</QuietLink>
          </>
        )}
      </p>
      {entry.broken && (
        <p className={styles.broken}>
          This commit left the structure with {entry.broken.count} problem{entry.broken.count === 1 ? '' : 's'}, so it is not drawn; the chart stays as it was
          before. First problem: <code>{entry.broken.first}</code>
        </p>
      )}
      {entry.summary ? (
        <>
          <p>{entry.summary}</p>
          <details>
            <summary>The units it recorded</summary>
            <ul>
              {entry.sentences.map((sentence) => (
                <li key={sentence}>{sentence}</li>
              ))}
            </ul>
          </details>
        </>
      ) : (
        entry.sentences.length > 0 && (
          <ul>
            {entry.sentences.map((sentence) => (
              <li key={sentence}>{sentence}</li>
            ))}
          </ul>
        )
      )}
    </li>
  );
}

export default function TimelineView({timeline}: {timeline: TimelinePageProps}): ReactNode {
  if (!timeline.available) {
    return (
      <p className={styles.notice} role="note">
        History is unavailable in this build. {timeline.reason}
      </p>
    );
  }
  if (timeline.entries.length === 0) return <p className={styles.notice}>No change to the structure has been recorded yet.</p>;
  return (
    <>
      <ol className={styles.entries} aria-label="Changes, newest first">
        {timeline.entries.map((entry) => (
          <Entry key={entry.anchor} entry={entry} />
        ))}
      </ol>
      {timeline.asOf.length > 0 && (
        <nav aria-label="The organization as of each day it changed">
          <h2>The chart as of each change</h2>
          <ul className={styles.days}>
            {timeline.asOf.map((day) => (
              <li key={day.date}>
                <QuietLink to={day.path}>{day.date}</QuietLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
