/**
 * The one interactive part a static view may hold (the landing chart's
 * buttons), brought to life on its own. Its module is imported only by the
 * pages that have such a part, so the code every page downloads (StaticView)
 * carries none of this.
 *
 * - Drawn inside its view (on the server, or when the browser renders the
 *   page itself), it is a marked slot holding its content.
 * - Beside a view that StaticView handed over as static HTML, it receives
 *   that view's element as `into`: it finds its slot in the markup and,
 *   before the browser paints, replaces the server's copy of its content
 *   with the same content rendered by React through a portal, so it gets its
 *   context and event handlers.
 */
import {useLayoutEffect, useState, type ReactNode, type RefObject} from 'react';
import {createPortal} from 'react-dom';
import styles from './styles.module.css';

const SLOT_ATTRIBUTE = 'data-live-slot';

export interface LiveIslandProps {
  children: ReactNode;
  /** The static view's element, when the island is drawn beside its server markup (set by StaticView). */
  into?: RefObject<HTMLElement | null>;
}

export default function LiveIsland({children, into}: LiveIslandProps): ReactNode {
  const [slot, setSlot] = useState<Element | null>(null);
  useLayoutEffect(() => {
    const found = into?.current?.querySelector(`[${SLOT_ATTRIBUTE}]`);
    if (!found) return;
    // Once only: clearing the slot again would pull React's own nodes from under it.
    found.replaceChildren();
    setSlot(found);
  }, [into]);
  if (!into) {
    return (
      <div className={styles.slot} {...{[SLOT_ATTRIBUTE]: ''}}>
        {children}
      </div>
    );
  }
  return slot && createPortal(children, slot);
}
