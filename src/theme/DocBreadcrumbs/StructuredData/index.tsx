/**
 * Ejected from @docusaurus/theme-classic 3.10.2
 * (src/theme/DocBreadcrumbs/StructuredData/index.tsx).
 *
 * What changes: the breadcrumb list is written with jsonForScript instead of
 * JSON.stringify. The original put page titles and category labels into
 * `<script type="application/ld+json">` with `<` unescaped, so a title such as
 * `</script><img src=x onerror=…>` closed the script early and ran in the
 * reader's browser. The JSON value is unchanged; only `<`, `>`, `&`, U+2028
 * and U+2029 are written as \u escapes. Compare with the original when
 * upgrading Docusaurus, and drop this file once upstream escapes it.
 */
import type {ReactNode} from 'react';
import Head from '@docusaurus/Head';
import {useBreadcrumbsStructuredData} from '@docusaurus/plugin-content-docs/client';
import type {Props} from '@theme/DocBreadcrumbs/StructuredData';
import {jsonForScript} from '@site/src/lib/json-in-script';

export default function DocBreadcrumbsStructuredData(props: Props): ReactNode {
  const structuredData = useBreadcrumbsStructuredData({breadcrumbs: props.breadcrumbs});
  return (
    <Head>
      <script type="application/ld+json">{jsonForScript(structuredData)}</script>
    </Head>
  );
}
