// A webpack/Rspack loader that runs before the MDX loader on every docs page.
// It changes nothing in the page; it only tells the bundler that the page's
// compilation depends on the page's org record (see page-data-files.ts), which
// the remark step reads. Without it, the persistent cache and the dev server
// would keep serving a page compiled with old facts.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

module.exports = function orgPageDataLoader(source) {
  const {siteDir, pageDataDir} = this.getOptions();
  const relative = path.relative(siteDir, this.resourcePath).split(path.sep).join('/');
  const record = path.join(pageDataDir, `${relative}.json`);
  if (fs.existsSync(record)) {
    this.addDependency(record);
  } else {
    // A page added under `docusaurus start` can compile before the plugin has written its
    // record. Watching a file that does not exist yet proved unreliable, so the page depends
    // on the whole records folder until its own record exists.
    this.addMissingDependency(record);
    this.addContextDependency(pageDataDir);
  }
  return source;
};
