import {execFileSync} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import {createFrontMatterParser, HANDBOOK_DOCS_SHAPE, remarkOrgFor, type OrgPluginUserOptions, type Redirect} from './packages/org-handbook';

/** The one setting that says where the handbook's source lives ("Edit this page" links). */
const repositoryUrl = process.env.HANDBOOK_REPOSITORY_URL ?? 'https://github.com/example-org/org-handbook';
/** Where the built site is published; only absolute URLs (sitemap, /org.json) use it. */
const siteUrl = process.env.HANDBOOK_SITE_URL ?? 'https://handbook.example.org';
const baseUrl = process.env.HANDBOOK_BASE_URL ?? '/';

const siteDir = path.dirname(fileURLToPath(import.meta.url));

/** Last-updated dates come from git; a zip download or a container build context has none. */
function isInsideGitWorktree(dir: string): boolean {
  try {
    return execFileSync('git', ['rev-parse', '--is-inside-work-tree'], {cwd: dir, stdio: ['ignore', 'pipe', 'ignore']}).toString().trim() === 'true';
  } catch {
    return false;
  }
}
const hasGitHistory = isInsideGitWorktree(siteDir);
if (!hasGitHistory) console.warn('[WARNING] This copy of the handbook is not a git checkout: pages are built without "last updated" dates.');

export default async function createConfig(): Promise<Config> {
  // Old addresses of moved or renamed unit pages (org.redirectFrom), by the page's current
  // address. The org plugin fills it from the real permalinks; the redirects plugin reads it
  // after the build.
  let oldAddresses = new Map<string, string[]>();
  const publishRedirects = (redirects: Redirect[]) => {
    oldAddresses = new Map();
    for (const {from, to} of redirects) oldAddresses.set(to, [...(oldAddresses.get(to) ?? []), from]);
  };
  return {
    title: '2i2c Handbook',
    tagline: 'How 2i2c is organized: who decides, who reports to whom, who to ask.',
    favicon: 'img/favicon.svg',
    url: siteUrl,
    baseUrl,
    trailingSlash: HANDBOOK_DOCS_SHAPE.trailingSlash,

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
      // The handbook's own frontmatter reader, the one `npm run check` uses (packages/org-handbook/src/org/frontmatter.ts).
      parseFrontMatter: createFrontMatterParser(siteDir),
      hooks: {onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw'},
    },

    presets: [
      [
        'classic',
        {
          docs: {
            path: HANDBOOK_DOCS_SHAPE.contentDir,
            routeBasePath: HANDBOOK_DOCS_SHAPE.routeBasePath,
            sidebarPath: './sidebars.ts',
            editUrl: `${repositoryUrl}/edit/main/`,
            showLastUpdateTime: hasGitHistory,
            beforeDefaultRemarkPlugins: [remarkOrgFor(siteDir)],
          },
          blog: false,
          theme: {customCss: './src/css/custom.css'},
          sitemap: {lastmod: hasGitHistory ? 'date' : null},
        } satisfies Preset.Options,
      ],
    ],

    themes: ['@docusaurus/theme-mermaid'],

    plugins: [
      [
        './packages/org-handbook',
        {
          // A unit's review is overdue after the plugin's default of 365 days (`reviewMaxAgeDays`).
          // Every option written here ships to each reader in the site config: leave defaults unwritten.
          publishRedirects,
          // The organization over time, read from git: /history/changes and /history/as-of/YYYY-MM-DD.
          history: {repositoryUrl, ...(process.env.HANDBOOK_HISTORY === 'off' ? {enabled: false} : {})},
        } satisfies OrgPluginUserOptions,
      ],
      './src/plugins/search-plugin.ts',
      './src/plugins/chunks-plugin.ts',
      ['@docusaurus/plugin-client-redirects', {createRedirects: (existingPath: string) => oldAddresses.get(existingPath)}],
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
              {label: 'Backstage groups (catalog-groups.yaml)', href: 'pathname:///catalog-groups.yaml'},
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
