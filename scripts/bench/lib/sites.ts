/**
 * The two sites the scale benchmark builds side by side, in temporary folders:
 *
 * - ours: copies of the handbook's docusaurus.config.ts, sidebars.ts,
 *   tsconfig.json, package.json, src/ and static/, with generated docs/;
 * - plain: a stock Docusaurus site of the same version with the same
 *   generated pages and no org features (its config is `plainConfigSource`).
 *
 * Neither installs anything: each gets a real `node_modules/` folder whose
 * entries are symlinks to the repository's packages. (Linking the folder
 * itself would put Rspack's persistent cache, `node_modules/.cache`, in the
 * repository, shared by both sites and every run.) Each site is also its own
 * Git repository with one commit, because `showLastUpdateTime` reads Git as
 * it would in CI.
 */
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {cp, mkdir, readdir, readFile, rm, stat, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Pagefind's settings file, read from the site root by the search plugin (both sites get it). */
const PAGEFIND_CONFIGS = ['pagefind.yml', 'pagefind.yaml', 'pagefind.json', 'pagefind.toml'];
/** What ours copies from the repository; docs/ comes from the generator instead. */
const OUR_SITE_FILES = ['docusaurus.config.ts', 'sidebars.ts', 'tsconfig.json', 'package.json', 'src', 'packages', 'static', ...PAGEFIND_CONFIGS];
const REQUIRED_FILES = ['docusaurus.config.ts', 'sidebars.ts', 'package.json', 'src', 'packages'];

/**
 * The handbook's content directives (ARCHITECTURE.md). Our remark plugin
 * replaces them; stock MDX would fail on them, so plain's pages drop them.
 */
const ORG_DIRECTIVES = ['OrgChart', 'UnitList', 'UnitCount', 'StaleUnits', 'RetiredUnits', 'FrontMatterReference'];

/** Settings of the real config that plain mirrors, because they are not org features. */
export interface SiteFeatures {
  mermaid: boolean;
  /** Site-relative path of the search plugin, when the config has one. */
  searchPlugin?: string;
  /** The search bar swizzle plain copies with the plugin (src/theme/SearchBar), when it has no org code. */
  searchTheme?: string;
  /**
   * The handbook's other swizzles without org code (a security fix to the breadcrumbs' JSON-LD, the
   * tables' scroll region), with the site modules they import: the same site without org features has them too.
   */
  siteTheme: string[];
  showLastUpdateTime: boolean;
  sitemapLastmod?: 'date' | 'datetime';
  trailingSlash?: boolean;
  /** `future.v4: true` in the handbook; otherwise plain sets only the v4 flag Faster requires. */
  v4: boolean;
  favicon?: string;
  logo?: string;
  /**
   * The handbook's page chrome, read from its evaluated config: navbar links, footer and code themes
   * are site content every page ships in the site config (`main.js`), not org features.
   */
  chrome?: SiteChrome;
  /** Things noticed while reading the config, printed by the benchmark. */
  notes: string[];
}

export interface SiteChrome {
  navbarItems: unknown[];
  footer: unknown;
  prism: unknown;
  /** The handbook's `trailingSlash`, which decides each page's file and address (`x.html` or `x/index.html`). */
  trailingSlash?: boolean;
  /** The site's name, tagline, address and "Edit this page" base: in the site config and in every page's metadata. */
  identity: {title: string; tagline: string; url: string; navbarTitle: string; editUrl?: string};
  /** The sitemap's `lastmod` as the evaluated config sets it. */
  sitemapLastmod?: 'date' | 'datetime';
  /** The site's own strictness (broken anchors, duplicate routes, Markdown links): settings in the site config, not org features. */
  checks: {onBrokenAnchors?: string; onDuplicateRoutes?: string; markdownHooks?: unknown};
}

/**
 * Evaluates the handbook's config for the chrome plain mirrors. Footer links to pages plain does
 * not have (the org plugin's history pages) keep their text as a plain `pathname://` address, so
 * plain's broken-link check stays on and the config carries the same characters.
 */
async function readSiteChrome(notes: string[]): Promise<SiteChrome | undefined> {
  try {
    const module = (await import(pathToFileURL(path.join(REPO_ROOT, 'docusaurus.config.ts')).href)) as {default: unknown};
    const exported = module.default;
    const config = (typeof exported === 'function' ? await (exported as () => Promise<unknown>)() : exported) as {
      title: string;
      tagline?: string;
      url: string;
      trailingSlash?: boolean;
      onBrokenAnchors?: string;
      onDuplicateRoutes?: string;
      markdown?: {hooks?: unknown};
      presets?: unknown[];
      themeConfig?: {navbar?: {title?: string; items?: unknown[]}; footer?: unknown; prism?: unknown};
    };
    const themeConfig = config.themeConfig ?? {};
    const pluginPages = /^\/history\b/;
    const lastmod = classicOptions(config.presets)?.sitemap?.lastmod;
    const footer = JSON.parse(JSON.stringify(themeConfig.footer ?? null), (key, value: unknown) => {
      if (value && typeof value === 'object' && 'to' in value && typeof value.to === 'string' && pluginPages.test(value.to)) {
        const {to, ...rest} = value as {to: string};
        return {...rest, href: `pathname://${to}`};
      }
      return value;
    }) as unknown;
    return {
      navbarItems: themeConfig.navbar?.items ?? [],
      footer,
      prism: themeConfig.prism ?? null,
      ...(typeof config.trailingSlash === 'boolean' ? {trailingSlash: config.trailingSlash} : {}),
      identity: {
        title: config.title,
        tagline: config.tagline ?? '',
        url: config.url,
        navbarTitle: themeConfig.navbar?.title ?? config.title,
        ...optional('editUrl', stringOrUndefined(classicOptions(config.presets)?.docs?.editUrl)),
      },
      ...(lastmod === 'date' || lastmod === 'datetime' ? {sitemapLastmod: lastmod} : {}),
      checks: {
        ...optional('onBrokenAnchors', config.onBrokenAnchors),
        ...optional('onDuplicateRoutes', config.onDuplicateRoutes),
        ...(config.markdown?.hooks ? {markdownHooks: config.markdown.hooks} : {}),
      },
    };
  } catch (error) {
    notes.push(`could not evaluate docusaurus.config.ts for its navbar, footer and code themes (${(error as Error).message}); plain keeps its own`);
    return undefined;
  }
}

/** Options of the classic preset, when the config has one written as `['classic', {…}]`. */
function classicOptions(presets: unknown[] | undefined): {docs?: {editUrl?: unknown}; sitemap?: {lastmod?: unknown}} | undefined {
  const classic = (presets ?? []).find((preset): preset is unknown[] => Array.isArray(preset) && preset[0] === 'classic');
  return classic?.[1] as {docs?: {editUrl?: unknown}; sitemap?: {lastmod?: unknown}} | undefined;
}

export async function assertRealSiteExists(): Promise<void> {
  const missing: string[] = [];
  for (const name of REQUIRED_FILES) {
    if (!(await exists(path.join(REPO_ROOT, name)))) missing.push(name);
  }
  if (missing.length > 0) {
    throw new Error(`the handbook site is not complete yet (missing ${missing.join(', ')} in ${REPO_ROOT})`);
  }
}

/** Code that belongs to the org features: a swizzle that imports it stays out of plain. */
const ORG_CODE = /packages\/org-handbook|@site\/src\/(org|components)\b|@theme\/(OrgView|OrgChart|UnitPlace|StaticView)/;

/** src/theme/* other than SearchBar whose files import no org code, plus the src/lib modules they import. */
async function readSiteTheme(notes: string[]): Promise<string[]> {
  const themeRoot = path.join(REPO_ROOT, 'src/theme');
  if (!(await exists(themeRoot))) return [];
  const mirrored: string[] = [];
  const libs = new Set<string>();
  for (const entry of await readdir(themeRoot, {withFileTypes: true})) {
    if (entry.name === 'SearchBar') continue;
    const relative = `src/theme/${entry.name}`;
    const files = entry.isDirectory() ? await listFiles(path.join(themeRoot, entry.name)) : [path.join(themeRoot, entry.name)];
    const texts = await Promise.all(files.map((file) => readFile(file, 'utf8')));
    if (texts.some((text) => ORG_CODE.test(text))) {
      notes.push(`${relative} imports org code; plain keeps the theme's own`);
      continue;
    }
    mirrored.push(relative);
    for (const text of texts) for (const match of text.matchAll(/@site\/(src\/lib\/[\w./-]+)/g)) libs.add(match[1]!);
  }
  for (const lib of libs) {
    for (const extension of ['', '.ts', '.tsx', '.js']) {
      if (await exists(path.join(REPO_ROOT, lib + extension))) {
        mirrored.push(lib + extension);
        break;
      }
    }
  }
  return mirrored;
}

/** Reads the settings plain mirrors from the real docusaurus.config.ts, by looking at its text. */
export async function readSiteFeatures(): Promise<SiteFeatures> {
  const config = await readFile(path.join(REPO_ROOT, 'docusaurus.config.ts'), 'utf8');
  const notes: string[] = [];
  const searchPlugin = /['"](\.\/src\/plugins\/[\w./-]*search[\w./-]*)['"]/i.exec(config)?.[1];
  let searchTheme: string | undefined;
  if (searchPlugin) {
    const source = await readFile(path.join(REPO_ROOT, searchPlugin), 'utf8').catch(() => '');
    if (/src\/org\b|org-plugin|remark-org/.test(source)) {
      notes.push(`${searchPlugin} uses org code; plain gets no search`);
    }
    const themeDir = path.join(REPO_ROOT, 'src/theme/SearchBar');
    if (await exists(themeDir)) {
      const texts = await Promise.all((await listFiles(themeDir)).map((file) => readFile(file, 'utf8')));
      if (texts.some((text) => /@site\/src\/(org|components)\b/.test(text))) {
        notes.push('src/theme/SearchBar imports org code or components; plain keeps the default (no search bar)');
      } else {
        searchTheme = 'src/theme/SearchBar';
      }
    }
  }
  const siteTheme = await readSiteTheme(notes);
  const chrome = await readSiteChrome(notes);
  // From the evaluated config: its text may name the setting through a constant.
  const written = /\btrailingSlash:\s*(true|false)/.exec(config)?.[1];
  const trailing = chrome?.trailingSlash ?? (written === undefined ? undefined : written === 'true');
  const lastmod = chrome?.sitemapLastmod ?? (/lastmod:\s*['"](date|datetime)['"]/.exec(config)?.[1] as SiteFeatures['sitemapLastmod']);
  return {
    mermaid: /@docusaurus\/theme-mermaid/.test(config) && /\bmermaid:\s*true/.test(config),
    ...(searchPlugin && !notes.some((note) => note.startsWith(searchPlugin)) ? {searchPlugin} : {}),
    ...(searchTheme ? {searchTheme} : {}),
    siteTheme,
    // On unless written `false`: the handbook turns it on whenever the site is in git, as the benchmark's sites are.
    showLastUpdateTime: /\bshowLastUpdateTime:\s*(?!false\b)\S/.test(config),
    v4: /\bv4:\s*true/.test(config),
    ...(lastmod ? {sitemapLastmod: lastmod} : {}),
    ...(trailing !== undefined ? {trailingSlash: trailing} : {}),
    ...optional('favicon', /\bfavicon:\s*['"]([^'"]+)['"]/.exec(config)?.[1]),
    ...optional('logo', /\blogo:\s*\{[^}]*\bsrc:\s*['"]([^'"]+)['"]/.exec(config)?.[1]),
    ...(chrome ? {chrome} : {}),
    notes,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({[key]: value} as Record<K, string>);
}

/**
 * Plain's docusaurus.config.ts. Kept as one readable string so anyone can see
 * exactly what the baseline is:
 * - same Docusaurus (the repository's node_modules), `future.faster: true`
 *   (with `future.v4: true` if the handbook has it, else the one v4 flag that
 *   Faster's SSG worker threads require in 3.10);
 * - classic preset, docs served at "/" from the same generated docs/, blog off,
 *   the same trailingSlash, last-update and sitemap settings as the handbook;
 * - Mermaid and the Pagefind search plugin when the handbook has them (the
 *   search plugin, its search bar and pagefind.yml are copied: no org code);
 * - the handbook's own name, tagline, address, "Edit this page" base, navbar
 *   links, footer, code themes and strictness settings, read from its
 *   evaluated config (readSiteChrome), so page chrome, page metadata and the
 *   site config every page downloads are the same content;
 * - no org plugin, no remark org plugin, no swizzled theme components except
 *   the search bar, no custom CSS.
 */
export function plainConfigSource(features: SiteFeatures, customCss?: string): string {
  const json = (value: unknown) => JSON.stringify(value);
  return `/**
 * PLAIN baseline of the scale benchmark (generated by scripts/bench/lib/sites.ts):
 * stock Docusaurus with the same pages and no org features. See plainConfigSource().
 */
import type {Config} from '@docusaurus/types';

const config: Config = {
  title: ${json(features.chrome?.identity.title ?? 'Plain Docusaurus')},
  tagline: ${json(features.chrome?.identity.tagline ?? 'The same pages without org features')},
  url: ${json(features.chrome?.identity.url ?? 'https://plain.example.org')},
  baseUrl: '/',
  ${features.favicon ? `favicon: ${json(features.favicon)},` : ''}
  ${features.trailingSlash !== undefined ? `trailingSlash: ${features.trailingSlash},` : ''}
  onBrokenLinks: 'throw',
  ${features.chrome?.checks.onBrokenAnchors ? `onBrokenAnchors: ${json(features.chrome.checks.onBrokenAnchors)},` : ''}
  ${features.chrome?.checks.onDuplicateRoutes ? `onDuplicateRoutes: ${json(features.chrome.checks.onDuplicateRoutes)},` : ''}
  future: {faster: true, v4: ${features.v4 ? 'true' : '{removeLegacyPostBuildHeadAttribute: true}'}},
  i18n: {defaultLocale: 'en', locales: ['en']},
  markdown: {mermaid: ${features.mermaid}${features.chrome?.checks.markdownHooks ? `, hooks: ${json(features.chrome.checks.markdownHooks)}` : ''}},
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          editUrl: ${json(features.chrome?.identity.editUrl ?? 'https://github.com/example-org/plain-docusaurus/edit/main/')},
          showLastUpdateTime: ${features.showLastUpdateTime},
        },
        blog: false,
        ${customCss ? `theme: {customCss: ${json(customCss)}},` : ''}
        ${features.sitemapLastmod ? `sitemap: {lastmod: ${json(features.sitemapLastmod)}},` : ''}
      },
    ],
  ],
  themes: ${json(features.mermaid ? ['@docusaurus/theme-mermaid'] : [])},
  plugins: ${json(features.searchPlugin ? [features.searchPlugin] : [])},
  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    docs: {sidebar: {hideable: true}},
    navbar: {
      title: ${json(features.chrome?.identity.navbarTitle ?? 'Plain Docusaurus')},
      ${features.logo ? `logo: {alt: '', src: ${json(features.logo)}},` : ''}
      items: ${features.chrome ? json(features.chrome.navbarItems) : `[
        {to: '/functional-areas', label: 'Areas', position: 'left'},
        {to: '/teams', label: 'Teams', position: 'left'},
        {to: '/guide', label: 'Editing', position: 'left'},
      ]`},
    },
    footer: ${features.chrome ? json(features.chrome.footer) : `{style: 'dark', copyright: 'Plain Docusaurus baseline.'}`},
    ${features.chrome?.prism ? `prism: ${json(features.chrome.prism)},` : ''}
  },
};

export default config;
`;
}

/**
 * Plain's package.json, as create-docusaurus writes it: no `"type": "module"`
 * (which makes Rspack parse Docusaurus's generated registry as strict ESM and
 * fail on `require.resolveWeak`). The handbook's `browserslist` is kept,
 * because it decides how the JavaScript is compiled.
 */
async function plainPackageJson(): Promise<string> {
  const real = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const data = {
    name: 'plain-docusaurus',
    private: true,
    ...(real.engines ? {engines: real.engines} : {}),
    ...(real.browserslist ? {browserslist: real.browserslist} : {}),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

const PLAIN_SIDEBARS = `import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars = {
  docs: [{type: 'autogenerated', dirName: '.'}],
} satisfies SidebarsConfig;

export default sidebars;
`;

const GITIGNORE = 'node_modules\nbuild\n.docusaurus\n';

/** Builds ours in `siteDir` from the repository and the generated `docsDir`. */
export async function createOurSite(siteDir: string, docsDir: string): Promise<void> {
  await mkdir(siteDir, {recursive: true});
  for (const name of OUR_SITE_FILES) {
    const from = path.join(REPO_ROOT, name);
    if (await exists(from)) await cp(from, path.join(siteDir, name), {recursive: true});
  }
  await cp(docsDir, path.join(siteDir, 'docs'), {recursive: true});
  // The generated organization's own vocabulary when it has one beside its docs, else the handbook's.
  const vocabulary = path.join(path.dirname(docsDir), 'org.vocabulary.yaml');
  await cp((await exists(vocabulary)) ? vocabulary : path.join(REPO_ROOT, 'org.vocabulary.yaml'), path.join(siteDir, 'org.vocabulary.yaml'));
  await finishSite(siteDir);
}

/** What the same-content baseline adds to plain (lib/same-content.ts): pages rewritten with ours' content, and its CSS. */
export interface PlainExtras {
  /** Page text by path under docs/, written over plain's version of the page. */
  pages: Map<string, string>;
  /** A stylesheet given to the classic theme as `customCss`. */
  customCss: string;
}

const EXTRA_CSS = 'src/css/same-content.css';

/** Builds plain in `siteDir` from the generated `docsDir`, mirroring `features`. */
export async function createPlainSite(siteDir: string, docsDir: string, features: SiteFeatures, extras?: PlainExtras): Promise<void> {
  await mkdir(siteDir, {recursive: true});
  await writeFile(path.join(siteDir, 'package.json'), await plainPackageJson());
  if (await exists(path.join(REPO_ROOT, 'tsconfig.json'))) {
    await cp(path.join(REPO_ROOT, 'tsconfig.json'), path.join(siteDir, 'tsconfig.json'));
  }
  await writeFile(path.join(siteDir, 'docusaurus.config.ts'), plainConfigSource(features));
  await writeFile(path.join(siteDir, 'sidebars.ts'), PLAIN_SIDEBARS);
  // Only the images the config names (favicon, logo): the rest of static/ belongs to org features.
  for (const asset of [features.favicon, features.logo]) {
    if (!asset) continue;
    const from = path.join(REPO_ROOT, 'static', asset);
    if (await exists(from)) {
      await mkdir(path.dirname(path.join(siteDir, 'static', asset)), {recursive: true});
      await cp(from, path.join(siteDir, 'static', asset));
    }
  }
  for (const copied of [features.searchPlugin, features.searchTheme, ...features.siteTheme]) {
    if (copied) await cp(path.join(REPO_ROOT, copied), path.join(siteDir, copied), {recursive: true});
  }
  if (features.searchPlugin) {
    for (const name of PAGEFIND_CONFIGS) {
      if (await exists(path.join(REPO_ROOT, name))) await cp(path.join(REPO_ROOT, name), path.join(siteDir, name));
    }
  }
  await copyWithoutDirectives(docsDir, path.join(siteDir, 'docs'));
  if (extras) {
    for (const [page, text] of extras.pages) await writeFile(path.join(siteDir, 'docs', page), text);
    await mkdir(path.dirname(path.join(siteDir, EXTRA_CSS)), {recursive: true});
    await writeFile(path.join(siteDir, EXTRA_CSS), extras.customCss);
    await writeFile(path.join(siteDir, 'docusaurus.config.ts'), plainConfigSource(features, `./${EXTRA_CSS}`));
  }
  await finishSite(siteDir);
}

/** Removes the org content directives from a page (`<UnitCount />` becomes "several"). */
export function stripOrgDirectives(markdown: string): string {
  const names = ORG_DIRECTIVES.join('|');
  return markdown
    .replace(/<UnitCount\b[^>]*\/>/g, 'several')
    .replace(new RegExp(`^[ \\t]*<(?:${names})\\b[^>]*/>[ \\t]*\\r?\\n?`, 'gm'), '')
    .replace(new RegExp(`<(?:${names})\\b[^>]*/>`, 'g'), '');
}

async function copyWithoutDirectives(from: string, to: string): Promise<void> {
  for (const file of await listFiles(from)) {
    const target = path.join(to, path.relative(from, file));
    await mkdir(path.dirname(target), {recursive: true});
    if (/\.mdx?$/.test(file)) await writeFile(target, stripOrgDirectives(await readFile(file, 'utf8')));
    else await cp(file, target);
  }
}

async function finishSite(siteDir: string): Promise<void> {
  await linkNodeModules(siteDir);
  await writeFile(path.join(siteDir, '.gitignore'), GITIGNORE);
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: siteDir,
      stdio: 'ignore',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'bench',
        GIT_AUTHOR_EMAIL: 'bench@example.org',
        GIT_COMMITTER_NAME: 'bench',
        GIT_COMMITTER_EMAIL: 'bench@example.org',
        GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
        GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
      },
    });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '--no-gpg-sign', '-m', 'generated site');
}

/** `node_modules/` with one symlink per installed package (scopes linked whole), minus `.cache`. */
export async function linkNodeModules(siteDir: string): Promise<void> {
  const source = path.join(REPO_ROOT, 'node_modules');
  const target = path.join(siteDir, 'node_modules');
  await mkdir(target, {recursive: true});
  for (const entry of await readdir(source)) {
    if (entry === '.cache') continue;
    await symlink(path.join(source, entry), path.join(target, entry));
  }
}

/** Deletes what a previous build left, so every build starts cold. */
export async function cleanBuildOutputs(siteDir: string): Promise<void> {
  for (const name of ['build', '.docusaurus', 'node_modules/.cache']) {
    await rm(path.join(siteDir, name), {recursive: true, force: true});
  }
}

export async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Every file below `dir`, recursively. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true});
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * A digest of the handbook's own site files that ours copies (everything but
 * docs/): a kept copy of ours whose digest differs was built from older code.
 */
export async function ourSiteSourceDigest(root = REPO_ROOT): Promise<string> {
  const hash = createHash('sha256');
  for (const name of OUR_SITE_FILES) {
    const from = path.join(root, name);
    if (!(await exists(from))) continue;
    const files = (await stat(from)).isDirectory() ? (await listFiles(from)).sort() : [from];
    for (const file of files) hash.update(path.relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  }
  return hash.digest('hex');
}
