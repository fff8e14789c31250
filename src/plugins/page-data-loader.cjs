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
  if (fs.existsSync(record)) this.addDependency(record);
  else this.addMissingDependency(record);
  return source;
};
