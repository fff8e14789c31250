/** Outside a Docusaurus app, as during server rendering: not in the browser. */
export default function useIsBrowser(): boolean {
  return false;
}
