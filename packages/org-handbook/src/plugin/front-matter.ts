// Loaded by Docusaurus's config loader, which does not know the @site alias: relative imports here.
/**
 * `markdown.parseFrontMatter` for the site: Docusaurus reads every page's
 * frontmatter with the handbook's own reader (org/frontmatter.ts), the
 * one `npm run check` uses, so what the check sees is what gets published.
 */
import path from 'node:path';
import type {ParseFrontMatter} from '@docusaurus/types';
import {readFrontMatter} from '../org/frontmatter';
import {formatProblems} from '../org/problems';
import {HANDBOOK_DOCS_SHAPE} from './content';
import {docsFrontMatterProblems} from './docs-rules';

const isInside = (file: string, dir: string) => !path.relative(dir, file).startsWith('..');

export function createFrontMatterParser(siteDir: string): ParseFrontMatter {
  const docsDir = path.join(siteDir, HANDBOOK_DOCS_SHAPE.contentDir);
  return async ({filePath, fileContent}) => {
    const read = readFrontMatter(fileContent);
    if (read.problems.length > 0) {
      const file = path.relative(siteDir, filePath).split(path.sep).join('/');
      // The org plugin has already reported this, with every other problem, before any page
      // loaded. Under `docusaurus start` the page stays up without frontmatter and the
      // plugin's banner says why; a build stops.
      if (process.env.NODE_ENV === 'production') {
        const error = new Error(formatProblems(read.problems.map((problem) => ({file, ...problem}))));
        error.stack = error.message;
        throw error;
      }
      return {frontMatter: {}, content: read.body.trim()};
    }
    if (process.env.NODE_ENV !== 'production' && isInside(filePath, docsDir)) {
      // A value the docs plugin refuses would make its reload throw and freeze every page
      // under `docusaurus start`. The check reports the value (terminal and banner); the page
      // is published without it until it is fixed. A build stops on it in the check.
      const refused = new Set(docsFrontMatterProblems(read.data).map(({field}) => field.split('.')[0]));
      if (refused.size > 0) return {frontMatter: Object.fromEntries(Object.entries(read.data).filter(([key]) => !refused.has(key))), content: read.body.trim()};
    }
    return {frontMatter: read.data, content: read.body.trim()};
  };
}
