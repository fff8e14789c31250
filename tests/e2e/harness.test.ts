/**
 * The test harness itself: the static server answers like a static host,
 * and the page watcher does catch what the other tests rely on it to catch
 * (otherwise "no problems" would prove nothing).
 */
import {describe, expect, it} from 'vitest';
import {watchPage} from './support/browser';
import {baseURL, sharedBrowser, withContext} from './support/fixtures';
import {normalizePath} from './support/site';

const browser = sharedBrowser();

describe('static server', () => {
  const get = (path: string) => fetch(`${baseURL}${path}`);

  it('serves /path from path.html or path/index.html, with HTML content type', async () => {
    for (const path of ['/', '/functional-areas', '/functional-areas/engineering']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(await response.text(), path).toMatch(/^<!doctype html>/i);
    }
  });

  it('gives scripts, styles, JSON and SVG their content types', async () => {
    const html = await (await get('/')).text();
    const script = /<script[^>]+src="?([^"\s>]+\.js)/.exec(html)?.[1];
    const style = /<link[^>]+href="?([^"\s>]+\.css)/.exec(html)?.[1];
    expect(script, 'a script on /').toBeDefined();
    expect(style, 'a stylesheet on /').toBeDefined();
    expect((await get(script!)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get(style!)).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('/org.json')).headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect((await get('/img/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers unknown paths with the 404 page and status 404, and never leaves build/', async () => {
    const missing = await get('/no/such/page');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe('page watcher', () => {
  it('catches a console error, an uncaught exception, a failed request and a request to another host', async () => {
    await withContext(browser(), {width: 1280}, async (context) => {
      const page = await context.newPage();
      // Answered here, so nothing leaves the machine.
      await page.route('http://elsewhere.invalid/**', (route) => route.fulfill({status: 200, body: ''}));
      const watch = watchPage(page);
      await page.goto('/', {waitUntil: 'load'});
      await page.evaluate(async () => {
        console.error('deliberate error');
        setTimeout(() => {
          throw new Error('deliberate exception');
        });
        await fetch('/no-such-file.js').catch(() => undefined);
        await fetch('http://elsewhere.invalid/x.js', {mode: 'no-cors'}).catch(() => undefined);
      });
      await page.waitForTimeout(200);
      const problems = watch.problems().join('\n');
      expect(problems).toContain('deliberate error');
      expect(problems).toContain('deliberate exception');
      expect(problems).toMatch(/HTTP 404: .*\/no-such-file\.js/);
      expect(problems).toContain('request to another host: GET http://elsewhere.invalid/x.js');
    });
  });
});

describe('normalizePath', () => {
  it('compares site paths whatever their origin, trailing slash or .html', () => {
    expect(normalizePath('http://127.0.0.1:1234/teams/')).toBe('/teams');
    expect(normalizePath('/teams.html')).toBe('/teams');
    expect(normalizePath('/teams/index.html#x')).toBe('/teams');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('/functional-areas/engineering?q=1')).toBe('/functional-areas/engineering');
  });
});
