/**
 * The one static file server for a built site (node:http only), used by the
 * browser tests, the screenshots script and the benchmarks, so they all see
 * exactly what a static host would serve. It listens on 127.0.0.1 only.
 *
 * URLs resolve the way static hosts serve Docusaurus output: `/a/b` is
 * `a/b`, `a/b.html` or `a/b/index.html`; unknown paths get `404.html` with
 * status 404; nothing outside the root is ever served, whatever `..` or
 * encoded slashes the URL holds.
 *
 * Options, both off by default (every body then goes out exactly as stored on
 * disk, and must be revalidated):
 * - `compress`: text responses are gzipped when the client accepts it, as any
 *   production host does (Lighthouse scores the bytes on the wire).
 * - `cacheAssets`: hashed files under `/assets/` are cacheable for a year
 *   (Lighthouse audits cache lifetimes); the rest must still be revalidated.
 */
import {createReadStream, existsSync, statSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  // /org.mmd: the whole organization as Mermaid source, for download.
  '.mmd': 'text/plain; charset=utf-8',
  // /catalog-groups.yaml: the units as Backstage Group entities.
  '.yaml': 'text/yaml; charset=utf-8',
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
  // Pagefind's index fragments, metadata and filters (already gzipped by Pagefind).
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** Content types worth gzipping; images other than SVG, fonts and Pagefind's files are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|wasm)|image\/svg\+xml)/;

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
  if (urlPath.includes('\0')) return undefined;
  const absoluteRoot = path.resolve(root);
  const target = path.resolve(absoluteRoot, `.${urlPath}`);
  // Nothing outside the root, whatever `..` or encoded slashes the URL holds.
  if (target !== absoluteRoot && !target.startsWith(absoluteRoot + path.sep)) return undefined;
  const candidates = urlPath.endsWith('/')
    ? [path.join(target, 'index.html'), `${target.replace(/[\\/]+$/, '')}.html`]
    : [target, `${target}.html`, path.join(target, 'index.html')];
  return candidates.find(isFile);
}

export interface StaticServerOptions {
  /** Gzip text responses for clients that accept it. */
  compress?: boolean;
  /** Let browsers keep the hashed files under `/assets/` for a year. */
  cacheAssets?: boolean;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The site's base URL, as a host serving it from a sub-path would (`/acme/`); default `/`. Addresses outside it answer 404. */
  basePath?: string;
}

export interface StaticServer {
  /** Origin without a trailing slash, such as `http://127.0.0.1:43210`. */
  origin: string;
  close(): Promise<void>;
}

export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  if (!existsSync(path.join(rootDir, 'index.html'))) {
    throw new Error(`${rootDir} has no index.html: the site is not built. Run \`npm run build\` first.`);
  }
  const notFoundPage = path.join(rootDir, '404.html');
  const gzipped = new Map<string, Buffer>();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
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
    const base = options.basePath ?? '/';
    const inside = urlPath.startsWith(base) || `${urlPath}/` === base;
    const file = inside ? resolveFile(rootDir, `/${urlPath.slice(base.length)}`) : undefined;
    const status = file ? 200 : 404;
    const served = file ?? (isFile(notFoundPage) ? notFoundPage : undefined);
    if (!served) {
      response.writeHead(404, {'content-type': 'text/plain; charset=utf-8'}).end('Not found');
      return;
    }
    const type = contentTypeOf(served);
    const headers: Record<string, string | number> = {
      'content-type': type,
      'cache-control': options.cacheAssets && file && urlPath.startsWith(`${base}assets/`) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (options.compress) headers.vary = 'Accept-Encoding';
    if (options.compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let body = gzipped.get(served);
      if (!body) {
        body = gzipSync(await readFile(served));
        gzipped.set(served, body);
      }
      headers['content-encoding'] = 'gzip';
      headers['content-length'] = body.length;
      response.writeHead(status, headers);
      response.end(method === 'HEAD' ? undefined : body);
      return;
    }
    headers['content-length'] = statSync(served).size;
    response.writeHead(status, headers);
    if (method === 'HEAD') {
      response.end();
      return;
    }
    createReadStream(served)
      .on('error', () => response.destroy())
      .pipe(response);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, {'content-type': 'text/plain; charset=utf-8'});
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
