/** Sizes read from a built site on disk. */
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {listFiles} from './sites';
import {median} from './stats';

export interface HtmlStats {
  pages: number;
  medianBytes: number;
  maxBytes: number;
  totalBytes: number;
  /** Site path of the largest page. */
  largest: string;
}

/** Bytes of every HTML page of a build (404.html excluded), as stored (not compressed). */
export async function measureHtml(buildDir: string): Promise<HtmlStats> {
  const files = (await listFiles(buildDir)).filter(
    (file) => file.endsWith('.html') && path.relative(buildDir, file) !== '404.html',
  );
  const sizes = await Promise.all(files.map(async (file) => ({file, bytes: (await stat(file)).size})));
  const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a), {file: '', bytes: 0});
  return {
    pages: sizes.length,
    medianBytes: median(sizes.map((size) => size.bytes)),
    maxBytes: largest.bytes,
    totalBytes: sizes.reduce((sum, size) => sum + size.bytes, 0),
    largest: '/' + path.relative(buildDir, largest.file).split(path.sep).join('/'),
  };
}

/** Total bytes and file count of a folder (0 when it does not exist). */
export async function measureFolder(dir: string): Promise<{bytes: number; files: number}> {
  const files = await listFiles(dir).catch(() => [] as string[]);
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size));
  return {bytes: sizes.reduce((sum, size) => sum + size, 0), files: files.length};
}
