/** Stands in for @docusaurus/useBaseUrl outside Docusaurus: a drawn file links to the site's own addresses, from "/". */
export default function useBaseUrl(url: string): string {
  return url;
}
