/** Stands in for @docusaurus/useBrokenLinks in component tests: records what the build's broken-link check would be given. */
export const collectedLinks: string[] = [];
export const collectedAnchors: string[] = [];

export default function useBrokenLinks(): {collectLink: (link?: string) => void; collectAnchor: (anchor?: string) => void} {
  return {
    collectLink: (link) => void (link !== undefined && collectedLinks.push(link)),
    collectAnchor: (anchor) => void (anchor !== undefined && collectedAnchors.push(anchor)),
  };
}
