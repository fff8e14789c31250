/** Stands in for @docusaurus/router in component tests: navigation is not exercised there. */
export function useHistory(): {push: (to: string) => void} {
  return {push: () => undefined};
}
