/**
 * The "same content" baseline: plain Docusaurus whose pages carry the org
 * content ours shows (the Place block, the charts, the lists), written into
 * the Markdown as an author without the org plugin would: raw HTML in a
 * CommonMark page (`mdx: {format: md}`), which Docusaurus compiles to React
 * elements that the browser hydrates one by one, like any Markdown. The
 * content and its CSS are taken from ours' build, so both sites lay out and
 * paint the same elements; what differs is how they reach the browser. The
 * handbook's site stylesheet (src/css/custom.css) comes along, so the text is
 * set in the same font.
 *
 * Issue #14 asks that the org views cost no more main-thread time than the
 * same content written as plain Markdown: this is that site.
 */
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {Browser} from 'playwright-core';
import {startStaticServer} from '@site/scripts/lib/static-server';
import {exists, listFiles, REPO_ROOT, stripOrgDirectives, type PlainExtras} from './sites';

/** A view as the server rendered it: its page's source file, its name there, its inner HTML. */
interface ServedView {
  source: string;
  view: string;
  html: string;
}

/** The directives that render a static view, in the order the page writes them. */
const VIEW_DIRECTIVE = /^[ \t]*<(?:OrgChart|UnitList|StaleUnits|RetiredUnits)\b[^>]*\/>[ \t]*$/gm;
/** Docusaurus's CSS module class names (`name_hash`): the org views' own styles, not Infima's. */
const MODULE_CLASS = /^[A-Za-z][\w-]*_[A-Za-z0-9_-]{4}$/;

/** Reads every static view of ours' build, with JavaScript off, and the CSS rules of their classes. */
async function readServedViews(browser: Browser, buildDir: string): Promise<{views: ServedView[]; css: string}> {
  const server = await startStaticServer(buildDir, {});
  const context = await browser.newContext({javaScriptEnabled: false});
  try {
    const page = await context.newPage();
    const views: ServedView[] = [];
    let css = '';
    const htmlFiles = (await listFiles(buildDir)).filter((file) => file.endsWith('.html') && !path.relative(buildDir, file).startsWith('assets'));
    for (const file of htmlFiles) {
      const relative = path.relative(buildDir, file).split(path.sep).join('/');
      const address = `/${relative.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`;
      const text = await readFile(file, 'utf8');
      if (!text.includes('data-static-view')) continue;
      await page.goto(server.origin + address);
      views.push(
        ...((await page.evaluate(
          `Array.from(document.querySelectorAll('[data-static-view]')).map((element) => ({source: element.dataset.staticPage, view: element.dataset.staticView, html: element.innerHTML}))`,
        )) as ServedView[]),
      );
    }
    const classes = new Set<string>();
    for (const {html} of views) for (const match of html.matchAll(/\bclass="?([^">]+)/g)) for (const name of match[1]!.split(/\s+/)) if (MODULE_CLASS.test(name)) classes.add(name);
    // The rules of those classes, with the @media and @container rules around them, read from the stylesheet as parsed.
    // String code: the bundler that runs this script would wrap named functions in helpers the page lacks.
    css = (await page.evaluate(`(() => {
      const names = ${JSON.stringify([...classes])};
      const wanted = (selector) => names.some((name) => new RegExp('\\\\.' + name + '(?![\\\\w-])').test(selector));
      const keep = (rule) => {
        if (rule instanceof CSSStyleRule) return wanted(rule.selectorText) ? rule.cssText : '';
        if (rule instanceof CSSGroupingRule) {
          const inner = Array.from(rule.cssRules).map(keep).join('');
          return inner ? rule.cssText.slice(0, rule.cssText.indexOf('{')) + '{' + inner + '}' : '';
        }
        return '';
      };
      return Array.from(document.styleSheets).flatMap((sheet) => Array.from(sheet.cssRules).map(keep)).filter(Boolean).join('\\n');
    })()`)) as string;
    return {views, css};
  } finally {
    await context.close();
    await server.close();
  }
}

/**
 * Links to what only the org plugin publishes (its history pages, /org.json, /org.mmd, the catalog) keep
 * their text as `pathname://` addresses, which Docusaurus leaves out of its broken-link check.
 */
function withoutPluginLinks(html: string): string {
  return html.replace(/\bhref=(["']?)\/(?=history\b|org\.|catalog-groups\.)/g, 'href=$1pathname:///');
}

/** After the page's opening paragraph, where the org plugin puts the Place block (remark-org.ts). */
function insertAfterIntro(body: string, block: string): string {
  const lines = body.split('\n');
  let index = 0;
  const skipBlank = () => {
    while (index < lines.length && lines[index]!.trim() === '') index += 1;
  };
  skipBlank();
  if (lines[index]?.startsWith('# ')) {
    index += 1;
    skipBlank();
  }
  if (index < lines.length && !/^(#|<|[-*] |\|)/.test(lines[index]!)) {
    while (index < lines.length && lines[index]!.trim() !== '') index += 1;
  }
  lines.splice(index, 0, '', block, '');
  return lines.join('\n');
}

/**
 * One page as CommonMark with ours' content: each view directive replaced by that view's HTML,
 * the Place block under its heading after the opening paragraph. Undefined when the page's
 * directives and views do not match one to one (it then keeps plain's version).
 */
export function pageWithContent(markdown: string, views: readonly ServedView[]): string | undefined {
  const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(markdown);
  if (!frontmatter) return undefined;
  let body = markdown.slice(frontmatter[0].length);
  const place = views.find((view) => view.view === 'place');
  const drawn = views.filter((view) => view !== place);
  const directives = body.match(VIEW_DIRECTIVE) ?? [];
  if (directives.length !== drawn.length) return undefined;
  let next = 0;
  body = body.replace(VIEW_DIRECTIVE, () => `<div>${withoutPluginLinks(drawn[next++]!.html)}</div>`);
  if (place) body = insertAfterIntro(body, `## Place in the organization\n\n<div>${withoutPluginLinks(place.html)}</div>`);
  return `---\nmdx:\n  format: md\n${frontmatter[0].slice(4)}${stripOrgDirectives(body)}`;
}

/** Pages and CSS that turn plain into the same-content site, from ours' build. */
export async function sameContentExtras(browser: Browser, oursDir: string): Promise<PlainExtras & {skipped: string[]}> {
  const {views, css} = await readServedViews(browser, path.join(oursDir, 'build'));
  const bySource = new Map<string, ServedView[]>();
  for (const view of views) bySource.set(view.source, [...(bySource.get(view.source) ?? []), view]);
  const pages = new Map<string, string>();
  const skipped: string[] = [];
  for (const [source, pageViews] of bySource) {
    const page = source.replace(/^docs\//, '');
    const text = pageWithContent(await readFile(path.join(oursDir, 'docs', page), 'utf8'), pageViews);
    if (text === undefined) skipped.push(source);
    else pages.set(page, text);
  }
  // The handbook's own site styles (colours, the system font stack) too: the same content in the same type.
  const siteCss = path.join(REPO_ROOT, 'src/css/custom.css');
  const customCss = `${(await exists(siteCss)) ? await readFile(siteCss, 'utf8') : ''}\n${css}`;
  return {pages, customCss, skipped};
}
