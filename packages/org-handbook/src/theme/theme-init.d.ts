/** The theme's own MDXComponents, which the plugin's MDXComponents extends (Docusaurus's `@theme-init` alias). */
declare module '@theme-init/MDXComponents' {
  import MDXComponents from '@theme/MDXComponents';

  export default MDXComponents;
}
