/**
 * Rspack's persistent cache keeps every module until one of its build
 * dependencies changes, and it presets none. The org plugin's loaders and
 * remark step shape every page's module, so they must be among them: else a
 * warm build after a change to them ships pages compiled by the old code.
 */
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {addBuildDependencies} from '@site/packages/org-handbook/src/plugin/org-plugin';

describe('the persistent cache\'s build dependencies', () => {
  it('gain the plugin\'s loaders, remark step and engine next to what Docusaurus put there', () => {
    const config = {experiments: {cache: {type: 'persistent', buildDependencies: ['/site/docusaurus.config.ts']}}};
    addBuildDependencies(config);
    const files = config.experiments.cache.buildDependencies.map((file) => file.split(path.sep).join('/'));
    expect(files[0]).toBe('/site/docusaurus.config.ts');
    for (const file of ['plugin/page-views-loader.cjs', 'plugin/page-data-loader.cjs', 'plugin/remark-org.ts', 'org/page-data.ts', 'org/chart.ts']) {
      expect(files.some((added) => added.endsWith(`/packages/org-handbook/src/${file}`)), file).toBe(true);
    }
    expect(files.filter((added) => added.endsWith('.d.ts'))).toEqual([]);
  });

  it('leaves a bundler without a persistent cache as it is', () => {
    const config = {experiments: {}};
    addBuildDependencies(config);
    expect(config).toEqual({experiments: {}});
  });
});
