/**
 * A tiny static server for the built site (node:http only), so the browser
 * tests and scripts see exactly what a static host would serve: `/path` is
 * `/path.html` or `/path/index.html`, unknown paths get `404.html` with status
 * 404. It listens on 127.0.0.1 only.
 */
import {createReadStream, existsSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import path from 'node:path';
import type {AddressInfo} from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.mmd': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  // Pagefind's index fragments, metadata and filters.
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a static host would answer `urlPath` with, or undefined.
 * `urlPath` is the decoded path part of the URL (no query, no hash).
 */
export function resolveFile(root: string, urlPath: string): string | undefined {
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, `.${urlPath}`);
  // Nothing outside the root, whatever `..` or encoded slashes the URL holds.
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + path.sep)) return undefined;
  const candidates = urlPath.endsWith('/')
    ? [path.join(target, 'index.html'), `${target.replace(/[\\/]+$/, '')}.html`]
    : [target, `${target}.html`, path.join(target, 'index.html')];
  return candidates.find(isFile);
}

export interface StaticServer {
  /** Origin without a trailing slash, such as `http://127.0.0.1:43210`. */
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, port = 0): Promise<StaticServer> {
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`${root} has no index.html: the site is not built. Run \`npm run build\` first.`);
  }
  const notFoundPage = path.join(root, '404.html');
  const server: Server = createServer((request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      response.writeHead(405, {allow: 'GET, HEAD'}).end();
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      response.writeHead(400, {'content-type': 'text/plain; charset=utf-8'}).end('Bad request');
      return;
    }
    const file = urlPath.includes('\0') ? undefined : resolveFile(root, urlPath);
    const status = file ? 200 : 404;
    const served = file ?? (isFile(notFoundPage) ? notFoundPage : undefined);
    if (!served) {
      response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end('Not found');
      return;
    }
    response.writeHead(status, {
      'content-type': contentTypeOf(served),
      'content-length': statSync(served).size,
      'cache-control': 'no-cache',
    });
    if (method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(served)
      .on('error', () => response.destroy())
      .pipe(response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const {port: actualPort} = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
