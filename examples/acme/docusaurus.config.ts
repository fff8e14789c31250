/**
 * The Acme example handbook: Backstage's example organization, imported with
 * `npm run import:backstage`, built by the same org handbook plugin as the
 * 2i2c handbook. Everything that makes it Acme's is in this folder: this config
 * (title, navbar, footer), org.vocabulary.yaml and docs/. The plugin is
 * installed by path and brings its own views through its theme path; the site
 * has no src/ of its own.
 *
 *   npm run build:acme      # from the repository root
 */
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {createFrontMatterParser, HANDBOOK_DOCS_SHAPE, remarkOrgFor, type OrgPluginUserOptions} from '../../packages/org-handbook';

const siteDir = path.dirname(fileURLToPath(import.meta.url));

const config: Config = {
  title: 'Acme Corp Handbook',
  tagline: 'How Acme Corp is organized, imported from its Backstage catalog.',
  favicon: 'img/favicon.svg',
  url: process.env.ACME_SITE_URL ?? 'https://acme.example.org',
  // Served from a sub-path, as a handbook beside other sites on one host would be (and as CI checks it).
  baseUrl: process.env.ACME_BASE_URL ?? '/acme/',
  trailingSlash: HANDBOOK_DOCS_SHAPE.trailingSlash,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  future: {v4: true, faster: true},
  markdown: {
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
          beforeDefaultRemarkPlugins: [remarkOrgFor(siteDir)],
        },
        blog: false,
      } satisfies Preset.Options,
    ],
  ],
  plugins: [
    // A small example: no history pages (they read this folder's git history, which is the import's alone).
    ['../../packages/org-handbook', {history: {enabled: false}} satisfies OrgPluginUserOptions],
  ],
  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'Acme Corp Handbook',
      items: [{to: '/', label: 'Structure', position: 'left'}],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Data',
          items: [
            {label: 'Structure as JSON (org.json)', href: 'pathname:///org.json'},
            {label: 'Backstage groups (catalog-groups.yaml)', href: 'pathname:///catalog-groups.yaml'},
          ],
        },
      ],
      copyright: 'Example data from Backstage (Apache-2.0, see tests/fixtures/backstage-acme/NOTICE). Built with Docusaurus.',
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
