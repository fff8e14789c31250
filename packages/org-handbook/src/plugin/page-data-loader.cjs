// A webpack/Rspack loader that runs before the MDX loader on every docs page.
// It changes nothing in the page; it only tells the bundler that the page's
// compilation depends on the page's org record (see page-data-files.ts), which
// the remark step reads. Without it, the persistent cache and the dev server
// would keep serving a page compiled with old facts.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const {setTimeout} = require('node:timers');

const POLL_MS = 50;

/** When the org plugin's last finished run began reading the docs (ms), or 0. */
function lastRunStart(runStampFile) {
  try {
    return Number(fs.readFileSync(runStampFile, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

/**
 * Resolves true once `record` exists; false once a run of the org plugin that began after
 * the page was saved has finished without writing it (none is coming), or after `timeoutMs`.
 */
function waitForRecord(record, page, runStampFile, timeoutMs) {
  const savedAt = fs.statSync(page).mtimeMs;
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const poll = () => {
      if (fs.existsSync(record)) resolve(true);
      else if (lastRunStart(runStampFile) > savedAt || Date.now() >= deadline) resolve(false);
      else setTimeout(poll, POLL_MS);
    };
    poll();
  });
}

module.exports = function orgPageDataLoader(source) {
  const {siteDir, pageDataDir, runStampFile, waitForRecordMs = 0} = this.getOptions();
  const relative = path.relative(siteDir, this.resourcePath).split(path.sep).join('/');
  const record = path.join(pageDataDir, `${relative}.json`);
  if (fs.existsSync(record)) {
    this.addDependency(record);
    return source;
  }
  // A page added under `docusaurus start` reaches the bundler through the docs plugin's
  // reload, which can finish before the org plugin's reload has written the page's record.
  // Compiled without its record, the page would lack its facts, and a record created
  // later is not reliably noticed by the watcher. So the page waits for its record: the
  // org plugin runs in this same process and writes it within a second or two. A build
  // writes every record before bundling and passes no wait.
  if (waitForRecordMs === 0) {
    this.addMissingDependency(record);
    this.addContextDependency(pageDataDir);
    return source;
  }
  const done = this.async();
  waitForRecord(record, this.resourcePath, runStampFile, waitForRecordMs).then((found) => {
    if (found) {
      this.addDependency(record);
    } else {
      // No record (the content has a problem the banner shows, or this is not a handbook
      // page): depend on the folder so a later record still recompiles the page.
      this.addMissingDependency(record);
      this.addContextDependency(pageDataDir);
    }
    done(null, source);
  });
};
