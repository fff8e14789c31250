/**
 * Offline full-text search: Pagefind indexes the built HTML after the build.
 * Its index is split into fragments, so a search downloads only the parts a
 * query needs, however large the handbook grows. Not available under
 * `docusaurus start` (there is no built HTML to index).
 */
import type {Plugin} from '@docusaurus/types';

export default function searchPlugin(): Plugin {
  return {
    name: 'handbook-search',
    async postBuild({outDir}) {
      const pagefind = await import('pagefind');
      const {index, errors} = await pagefind.createIndex({
        forceLanguage: 'en',
        // Index the article only: sidebars and footers would match every query on every page.
        rootSelector: 'article',
        excludeSelectors: ['.theme-doc-footer', '.theme-doc-breadcrumbs', '.theme-doc-toc-mobile', 'svg', 'details'],
      });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({path: outDir});
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
      const written = await index.writeFiles({outputPath: `${outDir}/pagefind`});
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
      await pagefind.close();
    },
  };
}
