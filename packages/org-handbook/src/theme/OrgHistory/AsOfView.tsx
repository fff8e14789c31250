/** The organization chart as it stood at the end of one day, with links to the days before and after and to the timeline. */
import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import OrgChart from '../OrgChart';
import QuietLink from '../QuietLink';
import type {AsOfPageProps} from '../../org/history/pages';
import styles from './styles.module.css';

export default function AsOfView({page}: {page: AsOfPageProps}): ReactNode {
  const {commit} = page;
  return (
    <>
      <p>
        The structure as it stood at the end of <time dateTime={page.date}>{page.date}</time>, with {page.unitCount} unit{page.unitCount === 1 ? '' : 's'}, after
        the commit “{commit.subject}” ({commit.url ? <Link href={commit.url}>{commit.short}</Link> : <code>{commit.short}</code>}).{' '}
        <QuietLink to={`${page.timelinePath}#${page.anchor}`}>What changed that day</QuietLink>.
      </p>
      <OrgChart chart={page.chart} caption={`The organization as of ${page.date}`} />
      <nav className={styles.pager} aria-label="Other days">
        {page.previous ? <QuietLink to={page.previous.path}>← As of {page.previous.date}</QuietLink> : <span />}
        <QuietLink to={page.timelinePath}>All changes</QuietLink>
        {page.next ? <QuietLink to={page.next.path}>As of {page.next.date} →</QuietLink> : <span />}
      </nav>
    </>
  );
}
