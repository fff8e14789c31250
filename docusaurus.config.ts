import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import remarkOrg from './src/plugins/remark-org';
import type {OrgPluginOptions} from './src/plugins/org-plugin';
import type {HistoryPluginOptions} from './src/plugins/history-plugin';
import {redirectsFromContent} from './src/org/redirects';

/** The one setting that says where the handbook's source lives ("Edit this page" links). */
const repositoryUrl = process.env.HANDBOOK_REPOSITORY_URL ?? 'https://github.com/example-org/org-handbook';
/** Where the built site is published; only absolute URLs (sitemap, /org.json) use it. */
const siteUrl = process.env.HANDBOOK_SITE_URL ?? 'https://handbook.example.org';
const baseUrl = process.env.HANDBOOK_BASE_URL ?? '/';

const siteDir = path.dirname(fileURLToPath(import.meta.url));
const siteModelFile = path.join(siteDir, '.docusaurus', 'org-handbook', 'site-model.json');
/**
 * Docusaurus refuses to build "last updated" dates (and the sitemap's lastmod) outside a git worktree (a
 * source archive, a Docker context without .git); such a copy builds without
 * them, and the history pages say the history is unavailable.
 */
const insideGit = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], {cwd: siteDir, encoding: 'utf8'}).stdout?.trim() === 'true';

export default async function createConfig(): Promise<Config> {
  // Old addresses of moved or renamed unit pages (org.redirectFrom); see src/org/redirects.ts.
  const redirects = await redirectsFromContent(siteDir);
  return {
    title: '2i2c Handbook',
    tagline: 'How 2i2c is organized: who decides, who reports to whom, who to ask.',
    favicon: 'img/favicon.svg',
    url: siteUrl,
    baseUrl,
    trailingSlash: false,

    onBrokenLinks: 'throw',
    onBrokenAnchors: 'throw',
    onDuplicateRoutes: 'throw',

    future: {
      v4: true,
      faster: true,
    },

    i18n: {defaultLocale: 'en', locales: ['en']},

    markdown: {
      mermaid: true,
      hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
    },

    presets: [
      [
        'classic',
        {
          docs: {
            routeBasePath: '/',
            sidebarPath: './sidebars.ts',
            editUrl: `${repositoryUrl}/edit/main/`,
            showLastUpdateTime: insideGit,
            beforeDefaultRemarkPlugins: [[remarkOrg, {siteDir, siteModelFile}]],
          },
          blog: false,
          theme: {customCss: './src/css/custom.css'},
          sitemap: {lastmod: insideGit ? 'date' : null},
        } satisfies Preset.Options,
      ],
    ],

    themes: ['@docusaurus/theme-mermaid'],

    plugins: [
      ['./src/plugins/org-plugin.ts', {reviewMaxAgeDays: 365, siteModelFile} satisfies OrgPluginOptions],
      // The organization over time, read from git: /history/changes and /history/as-of/YYYY-MM-DD.
      ['./src/plugins/history-plugin.ts', {repositoryUrl, enabled: process.env.HANDBOOK_HISTORY !== 'off'} satisfies HistoryPluginOptions],
      './src/plugins/search-plugin.ts',
      './src/plugins/chunks-plugin.ts',
      ['@docusaurus/plugin-client-redirects', {redirects}],
    ],

    themeConfig: {
      colorMode: {respectPrefersColorScheme: true},
      docs: {sidebar: {hideable: true}},
      navbar: {
        title: '2i2c Handbook',
        logo: {alt: '', src: 'img/logo.svg'},
        items: [
          {to: '/functional-areas', label: 'Areas', position: 'left'},
          {to: '/teams', label: 'Teams', position: 'left'},
          {to: '/guide', label: 'Editing', position: 'left'},
          {href: repositoryUrl, label: 'Source', position: 'right'},
        ],
      },
      footer: {
        style: 'dark',
        links: [
          {
            title: 'Handbook',
            items: [
              {label: 'Organizational structure', to: '/'},
              {label: 'How the organization changed', to: '/history/changes'},
              {label: 'How to change the handbook', to: '/guide'},
            ],
          },
          {
            title: 'Data',
            items: [
              {label: 'Structure as JSON (org.json)', href: 'pathname:///org.json'},
              {label: 'Structure as Mermaid (org.mmd)', href: 'pathname:///org.mmd'},
            ],
          },
        ],
        copyright: 'Content of the 2i2c handbook. Built with Docusaurus.',
      },
      prism: {theme: prismThemes.github, darkTheme: prismThemes.dracula},
      mermaid: {theme: {light: 'neutral', dark: 'dark'}},
    } satisfies Preset.ThemeConfig,
  };
}
