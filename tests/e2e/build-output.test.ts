/**
 * What the build publishes names no folder of the machine that built it: the
 * route table, the site config and the pages' records ship to every reader.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildDir} from './support/site';

const checkout = path.resolve(buildDir, '..');

function publishedTextFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, encoding: 'utf8'})
    .filter((file) => /\.(?:js|html|json|mmd|yaml|xml|txt)$/.test(file))
    .map((file) => path.join(dir, file));
}

describe('the built site', () => {
  it(`names no absolute path of the checkout (${checkout})`, () => {
    const files = publishedTextFiles(buildDir);
    expect(files.length).toBeGreaterThan(20);
    const leaking = files.filter((file) => readFileSync(file, 'utf8').includes(checkout)).map((file) => path.relative(buildDir, file));
    expect(leaking).toEqual([]);
  });
});
