/**
 * The module a page imports for its org views: in the server bundle and under
 * `npm start` it imports the record and the views' code; in a build's browser
 * bundle it imports neither, publishes the record as a file named by its
 * content and starts loadPageViews with that name.
 */
import {createHash} from 'node:crypto';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';

const require = createRequire(import.meta.url);
const loader = require('../../packages/org-handbook/src/plugin/page-views-loader.cjs') as (this: unknown, source: string) => string;

const pageDataDir = path.join('/site', '.docusaurus', 'org-handbook', 'pages');
const runtime = '/plugin/theme/OrgView';
const record = JSON.stringify({place: {place: {kind: 'Functional area'}}, directives: {}});
const resourcePath = path.join(pageDataDir, 'docs', 'functional-areas', 'engineering.md.json');

function run(deferred: boolean, content = record): {code: string; emitted: Map<string, string>} {
  const emitted = new Map<string, string>();
  const context = {
    resourcePath,
    getOptions: () => ({deferred, pageDataDir, runtime, recordsFolder: 'assets/org'}),
    emitFile: (name: string, content: string) => emitted.set(name, content),
  };
  return {code: loader.call(context, content), emitted};
}

describe('page-views-loader', () => {
  it('carries the record and imports the views\' code where the page renders in full', () => {
    const {code, emitted} = run(false);
    expect(code).toContain(`import render from "${runtime}/render";`);
    expect(code).toContain(`export default {source: "docs/functional-areas/engineering.md", data: JSON.parse(${JSON.stringify(record)}), render};`);
    expect(emitted.size).toBe(0);
  });

  it('in the browser bundle, publishes the record as a file named by its content and imports neither', () => {
    const {code, emitted} = run(true);
    const hash = createHash('sha256').update(record).digest('hex').slice(0, 16);
    expect([...emitted]).toEqual([[`assets/org/${hash}.json`, record]]);
    expect(code).not.toContain(resourcePath);
    expect(code).not.toContain('/render');
    expect(code).toContain(`import {loadPageViews} from "${runtime}/client";`);
    expect(code).toContain(`export default loadPageViews("docs/functional-areas/engineering.md", "${hash}");`);
  });

  it('names a changed record differently, so a browser never keeps an old one', () => {
    const first = [...run(true).emitted.keys()];
    const changed = [...run(true, record.replace('Functional area', 'Council')).emitted.keys()];
    expect(first).toHaveLength(1);
    expect(changed).toHaveLength(1);
    expect(changed[0]).not.toBe(first[0]);
  });
});
