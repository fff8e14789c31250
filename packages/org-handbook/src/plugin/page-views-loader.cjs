// Builds the module a page imports for its org views (`<record>.json?org-views`, written
// into the page by remark-org.ts). The same import means two things:
//
// - In the server bundle and under `docusaurus start` ("inline"): the record and the
//   views' code, imported as usual, so the page renders in full and the build's
//   broken-link check sees every link.
// - In the browser bundle of a build ("deferred"): neither. A server-rendered page
//   hands its views over as static HTML (theme/StaticView), so on a first visit the
//   browser needs neither the record nor the views' code, and a prefetch of the page
//   (a `<link rel=prefetch>` of its chunks) downloads neither. Only when the page's
//   module runs for a page the server did not render (a client-side navigation, or a
//   hover that preloads one) does it fetch the record (published as a file of its own)
//   and load the views' code; the route's preload waits for them as for its chunks
//   (theme/OrgView/client.ts), so the router never shows the page without them.
'use strict';
const {createHash} = require('node:crypto');
const path = require('node:path');

module.exports = function orgPageViewsLoader(record) {
  const {deferred, runtime, pageDataDir, recordsFolder} = this.getOptions();
  // The page's source file (`docs/…/x.md`): it marks the page's server-rendered views in the DOM.
  const source = JSON.stringify(path.relative(pageDataDir, this.resourcePath).slice(0, -'.json'.length).split(path.sep).join('/'));
  if (!deferred) {
    // The record is this module's own source: inlined, rather than imported as a JSON module of its own
    // (one more module per page for the bundler to hold).
    return [
      `import render from ${JSON.stringify(`${runtime}/render`)};`,
      `export default {source: ${source}, data: JSON.parse(${JSON.stringify(record)}), render};`,
    ].join('\n');
  }
  // The record becomes a file of the build, named by its content, that the browser fetches: not a
  // chunk, since every chunk costs an entry in the chunk table that every page downloads. The page
  // names it by its hash alone (theme/OrgView/client.ts knows where records are published).
  const hash = createHash('sha256').update(record).digest('hex').slice(0, 16);
  this.emitFile(`${recordsFolder}/${hash}.json`, record);
  return [
    `import {loadPageViews} from ${JSON.stringify(`${runtime}/client`)};`,
    `export default loadPageViews(${source}, ${JSON.stringify(hash)});`,
  ].join('\n');
};
