/**
 * A link to another handbook page that does what Docusaurus's Link does
 * (client-side navigation, the build's broken-link check, preloading when the
 * reader points at it or focuses it) except prefetching as soon as it scrolls
 * into view. A chart or a "Place in the organization" block shows dozens of
 * units at once; prefetching each one's code tripled the JavaScript a unit
 * page downloaded at 1000 units, for pages the reader will mostly not open.
 */
import {useHistory} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import type {AnchorHTMLAttributes, MouseEvent, ReactNode} from 'react';

type QuietLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & {to: string; children?: ReactNode};

export default function QuietLink({to: address, onClick, ...rest}: QuietLinkProps): ReactNode {
  // The org model's addresses are the site's own; under a base URL (a site served from /handbook/) they gain it, as Link's do.
  const to = useBaseUrl(address);
  useBrokenLinks().collectLink(to);
  const history = useHistory();
  const preload = () => void window.docusaurus.preload(to);
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    // Let the browser handle new tabs, downloads and modified clicks.
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.push(to);
  };
  return <a href={to} onMouseEnter={preload} onFocus={preload} onClick={navigate} {...rest} />;
}
