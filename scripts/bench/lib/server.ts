/**
 * A tiny static file server for a built site, on 127.0.0.1 only.
 *
 * URLs resolve the way static hosts serve Docusaurus output: `/a/b` tries
 * `a/b`, `a/b.html`, then `a/b/index.html`; unknown paths get `404.html` with
 * status 404. Hashed files under `/assets/` are cacheable for a year, the rest
 * must be revalidated. With `compress`, text responses are gzipped when the
 * client accepts it, as any production host does (Lighthouse scores the bytes
 * on the wire); without it every body goes out exactly as stored on disk.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import {readFile, stat} from 'node:fs/promises';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {gzipSync} from 'node:zlib';

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  compress?: boolean;
  /** 0 (the default) picks a free port. */
  port?: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.mmd': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json|wasm)|image\/svg\+xml)/;

export async function serveDirectory(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const gzipped = new Map<string, Buffer>();

  async function findFile(urlPath: string): Promise<string | undefined> {
    const relative = path.normalize(urlPath).replace(/^(\.\.(\/|\\|$))+/, '');
    const base = path.join(rootDir, relative);
    if (base !== rootDir && !base.startsWith(rootDir + path.sep)) return undefined;
    const candidates = urlPath.endsWith('/') ? [path.join(base, 'index.html')] : [base, `${base}.html`, path.join(base, 'index.html')];
    for (const candidate of candidates) {
      const info = await stat(candidate).catch(() => undefined);
      if (info?.isFile()) return candidate;
    }
    return undefined;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, {Allow: 'GET, HEAD'}).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    let file = await findFile(urlPath);
    let status = 200;
    if (!file) {
      status = 404;
      file = await findFile('/404.html');
      if (!file) {
        response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'}).end('Not found');
        return;
      }
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = await readFile(file);
    const headers: Record<string, string> = {
      'Content-Type': type,
      'Cache-Control': urlPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
    };
    if (options.compress && COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      let compressed = gzipped.get(file);
      if (!compressed) {
        compressed = gzipSync(body);
        gzipped.set(file, compressed);
      }
      body = compressed;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    response.writeHead(status, headers);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, {'Content-Type': 'text/plain; charset=utf-8'});
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
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
