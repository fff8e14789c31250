/**
 * Keeps Mermaid out of the chunk every page downloads.
 *
 * Docusaurus puts any module used by at least half as many chunks as there
 * are pages into a shared `common` chunk. Mermaid is loaded lazily, but its
 * dozens of diagram chunks all share its parser, so on a small site that
 * parser (~100 KB gzip) crossed the threshold and every page paid for it. The
 * `common` group now leaves Mermaid and the libraries only it uses alone, so
 * they load only on a page that draws a diagram.
 */
import type {Plugin} from '@docusaurus/types';

// A pattern, not a function: Rspack matches a RegExp natively, while a function
// would be called from Rust once per module.
const NOT_MERMAID_ONLY =
  /^(?!.*node_modules[\\/](mermaid|@mermaid-js|langium|chevrotain|@chevrotain|vscode-[^\\/]+|cytoscape[^\\/]*|katex|khroma|dagre-d3-es|d3|d3-[^\\/]+|roughjs|stylis|dompurify|marked|dayjs|lodash-es|elkjs|@iconify|@braintree|@upsetjs|ts-dedent)[\\/])/;

interface CacheGroup {
  test?: unknown;
}

export default function chunksPlugin(): Plugin {
  return {
    name: 'handbook-chunks',
    configureWebpack(config, isServer) {
      if (isServer) return {};
      const splitChunks = config.optimization?.splitChunks;
      const common = splitChunks && typeof splitChunks === 'object' ? (splitChunks.cacheGroups?.common as CacheGroup | undefined) : undefined;
      if (!common) throw new Error('handbook-chunks: Docusaurus no longer defines the "common" chunk group; revisit this plugin');
      common.test = NOT_MERMAID_ONLY;
      return {};
    },
  };
}
