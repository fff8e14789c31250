/** Stands in for @docusaurus/useBrokenLinks outside Docusaurus: a drawn file has no site to check links against. */
export default function useBrokenLinks() {
  return {collectLink: (link: string) => void link, collectAnchor: (anchor: string) => void anchor};
}
