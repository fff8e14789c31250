/**
 * "Download SVG" and "Copy as Mermaid" for the chart they sit under. Kept out
 * of OrgChart so that unit pages, whose small charts have no such buttons, do
 * not download this code. The Mermaid source is the whole structure, written
 * at build time to /org.mmd, so no Mermaid generator ships to the browser.
 */
import useBaseUrl from '@docusaurus/useBaseUrl';
import {useEffect, useState, type MouseEvent, type ReactNode} from 'react';
import LiveIsland, {type LiveIslandProps} from '../StaticView/LiveIsland';

/** The buttons as the live part of the chart's static view (see StaticView). */
export default function OrgChartActionsIsland({into}: Omit<LiveIslandProps, 'children'>): ReactNode {
  return (
    <LiveIsland into={into}>
      <OrgChartActions />
    </LiveIsland>
  );
}

export function OrgChartActions(): ReactNode {
  const [status, setStatus] = useState('');
  const [ready, setReady] = useState(false);
  const mermaidUrl = useBaseUrl('/org.mmd');
  useEffect(() => setReady(true), []);

  const download = (event: MouseEvent<HTMLButtonElement>) => {
    const svg = event.currentTarget.closest('figure')?.querySelector('svg');
    if (!svg) return;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    // Links must still lead somewhere once the file is opened outside the site.
    copy.querySelectorAll('a').forEach((a) => a.setAttribute('href', new URL(a.getAttribute('href') ?? '', location.href).href));
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], {type: 'image/svg+xml'}));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'org-chart.svg';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1e4);
    setStatus('SVG file downloaded.');
  };

  const copyMermaid = () => {
    const source = fetch(mermaidUrl).then(async (response) => {
      if (!response.ok) throw new Error(String(response.status));
      // As text whatever type the host sends a .mmd file with (`docusaurus serve` names it a karaoke format): the clipboard refuses a blob whose type is not the one it is given as.
      return new Blob([await response.text()], {type: 'text/plain'});
    });
    // A promise inside ClipboardItem keeps the click's permission while the file loads (Safari needs this).
    const written =
      typeof ClipboardItem === 'function'
        ? navigator.clipboard.write([new ClipboardItem({'text/plain': source})])
        : source.then((blob) => blob.text()).then((text) => navigator.clipboard.writeText(text));
    written.then(
      () => setStatus('Mermaid source copied to the clipboard.'),
      () => setStatus('Could not copy: the Mermaid file is only in the built site, or the clipboard is not available.'),
    );
  };

  return (
    <>
      {(
        [
          ['Download SVG', download],
          ['Copy as Mermaid', copyMermaid],
        ] as const
      ).map(([label, action]) => (
        // Disabled until hydrated: without JavaScript they could not work.
        <button key={label} type="button" className="button button--sm button--outline button--primary" disabled={!ready} onClick={action}>
          {label}
        </button>
      ))}
      <a href={mermaidUrl} download="org.mmd">
        Mermaid file
      </a>
      <span role="status">{status}</span>
    </>
  );
}
