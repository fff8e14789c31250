/** Stands in for @docusaurus/router when a chart is drawn outside Docusaurus: nothing navigates in a file. */
export const useHistory = () => ({push: (to: string) => void to});
