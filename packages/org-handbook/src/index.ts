// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * The plugin's entry: `plugins: [['<path or package>', options]]` in a site's
 * docusaurus.config, plus the two hooks a site hands to Docusaurus itself (the
 * docs plugin's remark step and the Markdown frontmatter reader). See README.md.
 */
export {default, pageDataDirOf, ORG_PLUGIN_NAME, type OrgPluginOptions, type OrgPluginUserOptions} from './plugin/org-plugin';
export {default as remarkOrg, remarkOrgFor} from './plugin/remark-org';
export {createFrontMatterParser} from './plugin/front-matter';
export {HANDBOOK_DOCS_SHAPE} from './plugin/content';
export type {Redirect} from './org/pipeline';
