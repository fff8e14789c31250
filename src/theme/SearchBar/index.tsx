/**
 * Navbar search box for the Pagefind index that src/plugins/search-plugin.ts
 * writes to build/pagefind/ after each production build.
 *
 * Written for this site; not a swizzle. The classic theme's `@theme/SearchBar`
 * is an empty placeholder, and its navbar renders this file in its place.
 *
 * Nothing loads with the page: Pagefind's script is imported from
 * `${baseUrl}pagefind/pagefind.js` at run time, on the first focus or
 * keystroke (`webpackIgnore` leaves the import to the browser; the file does
 * not exist when the bundle is built, nor at all under `docusaurus start`).
 *
 * Accessibility pattern: a labelled search input, a polite live region that
 * states the outcome, and a plain list of links. Tab reaches the links; the
 * arrow keys move between them; Enter opens the first; Escape closes the list.
 */
import React, {useEffect, useId, useRef, useState, type KeyboardEvent} from 'react';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import styles from './styles.module.css';

type PagefindData = {url: string; excerpt: string; meta: {title?: string}};
type Pagefind = {
  init(): Promise<void>;
  debouncedSearch(term: string, options?: object, ms?: number): Promise<{results: {data(): Promise<PagefindData>}[]} | null>;
};
type Hit = {url: string; title: string; excerpt: string};

const SHOWN = 8;
const UNAVAILABLE = 'Search works in the built site (npm run build && npm run serve).';

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(url: string): Promise<Pagefind> {
  pagefind ??= import(/* webpackIgnore: true */ url).then(async (module: Pagefind) => {
    await module.init();
    return module;
  });
  return pagefind;
}

// Pagefind 1.6 escapes only < and > in excerpts ("&" stays as it is).
const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Pagefind's excerpt is text with <mark> around matches: rebuild it as React nodes, never as HTML. */
function Excerpt({html}: {html: string}) {
  return <>{html.split(/<mark>(.*?)<\/mark>/g).map((part, i) => (i % 2 ? <mark key={i}>{decode(part)}</mark> : decode(part)))}</>;
}

export default function SearchBar(): React.JSX.Element {
  const bundleUrl = useBaseUrl('/pagefind/pagefind.js');
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<Hit[]>([]);
  const [status, setStatus] = useState('');
  const [open, setOpen] = useState(false);

  const prepare = () => {
    setOpen(true);
    loadPagefind(bundleUrl).catch(() => setStatus(UNAVAILABLE));
  };

  useEffect(() => {
    const term = query.trim();
    let current = true;
    if (!term) {
      setHits([]);
      setStatus((s) => (s === UNAVAILABLE ? s : ''));
      return;
    }
    loadPagefind(bundleUrl)
      .then(async (pf) => {
        const found = await pf.debouncedSearch(term, {}, 150);
        if (!found || !current) return;
        const data = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
        if (!current) return;
        // trailingSlash: false writes page.html; the route is /page.
        setHits(data.map((d) => ({url: d.url.replace(/\.html(?=$|[?#])/, ''), title: d.meta.title ?? d.url, excerpt: d.excerpt})));
        const n = found.results.length;
        setStatus(n === 0 ? `No results for “${term}”.` : n <= SHOWN ? `${n} result${n === 1 ? '' : 's'}.` : `${n} results; the first ${SHOWN} are listed.`);
      })
      .catch(() => current && setStatus(UNAVAILABLE));
    return () => {
      current = false;
    };
  }, [query, bundleUrl]);

  // Close on a press outside (not on blur: Safari does not focus a link on click).
  useEffect(() => {
    if (!open) return undefined;
    const onDown = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    const links = Array.from(root.current?.querySelectorAll<HTMLAnchorElement>('li a') ?? []);
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (e.key === 'Escape' && open) {
      e.preventDefault();
      input.current?.focus(); // before closing: focusing the input opens the list
      setOpen(false);
    } else if (e.key === 'ArrowDown' && !open) {
      setOpen(true);
    } else if (e.key === 'Enter' && at < 0 && links[0]) {
      links[0].click();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && links.length > 0) {
      e.preventDefault();
      const next = at + (e.key === 'ArrowDown' ? 1 : -1);
      (next < 0 ? input.current : links[Math.min(next, links.length - 1)])?.focus();
    }
  };

  const shown = open && (status !== '' || hits.length > 0);
  return (
    <div
      ref={root}
      className={styles.search}
      onKeyDown={onKeyDown}
      onBlur={(e) => e.relatedTarget && !root.current?.contains(e.relatedTarget) && setOpen(false)}>
      <label htmlFor={id} className={styles.visuallyHidden}>
        Search the handbook
      </label>
      <svg className={styles.icon} viewBox="0 0 24 24" aria-hidden="true">
        <circle cx="10.5" cy="10.5" r="6.5" />
        <path d="m15.5 15.5 5 5" />
      </svg>
      <input
        ref={input}
        id={id}
        className={styles.input}
        type="search"
        placeholder="Search"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        value={query}
        onFocus={prepare}
        onChange={(e) => {
          setQuery(e.target.value);
          prepare();
        }}
      />
      {/* Always rendered (only visually hidden when closed) so that screen readers announce changes. */}
      <div className={shown ? styles.panel : styles.visuallyHidden}>
        <p role="status" className={styles.status}>
          {status}
        </p>
        {shown && hits.length > 0 && (
          <ul className={styles.results}>
            {hits.map((hit) => (
              <li key={hit.url}>
                <Link to={hit.url} onClick={() => setOpen(false)}>
                  <span className={styles.title}>{hit.title}</span>
                  <span className={styles.excerpt}>
                    <Excerpt html={hit.excerpt} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
