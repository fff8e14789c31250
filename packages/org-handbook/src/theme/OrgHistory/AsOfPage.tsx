/** Route component of one "as of" page (added by the org plugin, plugin/history-routes.ts; props from createData). */
import type {ReactNode} from 'react';
import Layout from '@theme/Layout';
import type {AsOfPageProps} from '../../org/history/pages';
import AsOfView from './AsOfView';

export default function AsOfPage({page}: {page: AsOfPageProps}): ReactNode {
  const title = `The organization as of ${page.date}`;
  return (
    <Layout title={title} description={`The organization chart as it stood on ${page.date}, from the handbook's history.`}>
      <main className="container margin-vert--lg">
        {/* Running-text typography of doc pages, links underlined included (src/css/custom.css). */}
        <div className="markdown">
          <h1>{title}</h1>
          <AsOfView page={page} />
        </div>
      </main>
    </Layout>
  );
}
