/** Stands in for @docusaurus/useBrokenLinks in component tests: records nothing. */
export default function useBrokenLinks(): {collectLink: (link?: string) => void; collectAnchor: (anchor?: string) => void} {
  return {collectLink: () => undefined, collectAnchor: () => undefined};
}
