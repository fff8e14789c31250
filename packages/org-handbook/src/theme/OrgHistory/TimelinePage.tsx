/** Route component of "How the organization changed" (added by the org plugin, plugin/history-routes.ts; props from createData). */
import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import type {TimelinePageProps} from '../../org/history/pages';
import TimelineView from './TimelineView';

export const TIMELINE_TITLE = 'How the organization changed';

export default function TimelinePage({timeline}: {timeline: TimelinePageProps}): ReactNode {
  return (
    <Layout title={TIMELINE_TITLE} description="Every change to the structure of the organization, newest first, from the handbook's history.">
      <main className="container margin-vert--lg">
        {/* Running-text typography of doc pages, links underlined included (src/css/custom.css). */}
        <div className="markdown">
          <h1>{TIMELINE_TITLE}</h1>
          <p>
            Each entry is a change to the structure recorded in the handbook, with the day it was merged and the commit that made it. Follow “chart as of” to see the
            organization as it stood that day.
          </p>
          <TimelineView timeline={timeline} />
        </div>
      </main>
    </Layout>
  );
}
