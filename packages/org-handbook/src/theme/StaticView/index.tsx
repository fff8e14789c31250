/**
 * Hands a view that is fixed at build time (the "Place in the organization"
 * block, the charts, the lists the org directives write) to the browser as
 * static HTML that React does not hydrate element by element.
 *
 * - On the server, and whenever the browser renders the page itself (a
 *   client-side navigation, `npm start`), the view renders as usual: its
 *   links go through Link/QuietLink, so the build's broken-link check sees
 *   every href and anchor.
 * - While React hydrates a server-rendered page, the view is one element
 *   whose `dangerouslySetInnerHTML` is the markup already in the page, read
 *   back from the DOM. React treats such an element as a leaf: it neither
 *   walks nor compares its inside, and since the markup is the DOM's own,
 *   nothing is rewritten and nothing moves. The markup is read once and kept,
 *   so later renders leave the DOM alone too.
 * - The browser never needs the view's code or data for that page: the
 *   markup is also kept by page and view, and when the reader comes back to
 *   the page by client-side navigation it is put back as it was, without
 *   them (see OrgView: a page only loads them when the server did not render it).
 * - Its links keep what Link gives them, through one listener per view:
 *   a click on a handbook address navigates inside the app (no page reload),
 *   pointing at one or focusing it preloads its code. Like QuietLink, they
 *   do not prefetch when they scroll into view.
 * - `live` is the one interactive part a view may hold (the landing chart's
 *   buttons), a LiveIsland: the view places it with `slot`; beside static
 *   markup it is handed the view's element and brings its part to life there.
 */
import {useHistory} from '@docusaurus/router';
import useIsBrowser from '@docusaurus/useIsBrowser';
import {cloneElement, useRef, useState, type FocusEvent, type MouseEvent, type ReactElement, type ReactNode} from 'react';
import type {LiveIslandProps} from './LiveIsland';
import {PAGE_ATTRIBUTE, VIEW_ATTRIBUTE} from './marks';
import styles from './styles.module.css';

export interface StaticViewProps {
  /** The page the view belongs to (its source file) and the view's name on that page: together they find its markup. */
  page: string;
  view: string;
  /**
   * The view, or a function that places the `slot` holding `live` inside it. Absent when
   * the view's code is not loaded: the view then shows the server's markup, or nothing.
   */
  children?: ReactNode | ((slot: ReactNode) => ReactNode);
  /** An interactive part of the view that React must bring to life: a LiveIsland element. */
  live?: ReactElement<LiveIslandProps>;
}

/** Each view's markup as the server rendered it, by page and view, kept from the page's first hydration. */
const serverMarkupKept = new Map<string, string>();
const keyOf = (page: string, view: string) => `${page}\n${view}`;

/** The server's markup of a view this browser hydrated, if any. */
function keptServerMarkup(page: string, view: string): string | undefined {
  return serverMarkupKept.get(keyOf(page, view));
}

/**
 * The markup to hand over as is: while the page is being hydrated, the server's, read from
 * the DOM (and kept); later, the kept copy when the view's code is not loaded.
 */
function staticMarkup(page: string, view: string, hydrating: boolean, rendersItself: boolean): string | undefined {
  if (typeof document === 'undefined') return undefined;
  if (!hydrating) return rendersItself ? undefined : keptServerMarkup(page, view);
  const markup = document.querySelector(`[${PAGE_ATTRIBUTE}="${CSS.escape(page)}"][${VIEW_ATTRIBUTE}="${CSS.escape(view)}"]`)?.innerHTML;
  // Kept at the first attempt: should React retry the hydration, the DOM may no longer hold it.
  if (markup === undefined) return keptServerMarkup(page, view);
  serverMarkupKept.set(keyOf(page, view), markup);
  return markup;
}

/**
 * The links Link would hand to the router: an address on this site, opened in this tab, not a
 * download. "#x" on the same page, other sites and new tabs stay with the browser.
 */
const ROUTED_LINK = 'a[href^="/"]:not([href^="//"], [download], [target]:not([target="_self"]))';

/** The handbook address a click or hover on `target` leads to, if the app itself should handle it. */
function internalAddress(target: EventTarget, view: Element): string | undefined {
  const link = target instanceof Element ? target.closest(ROUTED_LINK) : null;
  return link && view.contains(link) ? (link.getAttribute('href') ?? undefined) : undefined;
}

export default function StaticView({page, view, children, live}: StaticViewProps): ReactNode {
  const isBrowser = useIsBrowser();
  // Before hydration ends, useIsBrowser() is false on the client too: that is how hydration is told from a client
  // render. Only a build hydrates: under `npm start` the client renders every page, and when a save makes it render
  // the app anew useIsBrowser() starts false again while the page shows the old views.
  const hydrating = !isBrowser && process.env.NODE_ENV === 'production';
  const [serverMarkup] = useState(() => staticMarkup(page, view, hydrating, children !== undefined));
  const marks = {[PAGE_ATTRIBUTE]: page, [VIEW_ATTRIBUTE]: view};
  const history = useHistory();
  const viewRef = useRef<HTMLDivElement>(null);

  if (serverMarkup === undefined) {
    return (
      <div className={styles.view} {...marks}>
        {typeof children === 'function' ? children(live) : children}
      </div>
    );
  }

  const navigate = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const address = internalAddress(event.target, event.currentTarget);
    if (!address) return;
    event.preventDefault();
    history.push(address);
  };
  const preload = (event: MouseEvent<HTMLDivElement> | FocusEvent<HTMLDivElement>) => {
    const address = internalAddress(event.target, event.currentTarget);
    if (address) void window.docusaurus.preload(address);
  };
  return (
    <>
      <div
        ref={viewRef}
        className={styles.view}
        {...marks}
        dangerouslySetInnerHTML={{__html: serverMarkup}}
        onClick={navigate}
        onMouseOver={preload}
        onFocus={preload}
      />
      {live && cloneElement(live, {into: viewRef})}
    </>
  );
}
