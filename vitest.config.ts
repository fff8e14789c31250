import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // React 17+ JSX transform, as Docusaurus compiles it: no global React needed.
  esbuild: {jsx: 'automatic'},
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // Some tests run the real CLIs (tsx start-up alone is about a second) or lay out
    // 1000-unit charts; on a busy two-core machine the default 5 s is not a bug's signal.
    testTimeout: 30_000,
  },
  resolve: {
    alias: {
      '@site': root,
      // Components import Docusaurus's Link; outside a Docusaurus app a plain anchor stands in.
      '@docusaurus/Link': path.join(root, 'tests/stubs/Link.tsx'),
      '@docusaurus/useBaseUrl': path.join(root, 'tests/stubs/useBaseUrl.ts'),
      '@docusaurus/useBrokenLinks': path.join(root, 'tests/stubs/useBrokenLinks.ts'),
      '@docusaurus/router': path.join(root, 'tests/stubs/router.ts'),
      '@docusaurus/useIsBrowser': path.join(root, 'tests/stubs/useIsBrowser.ts'),
    },
  },
});
