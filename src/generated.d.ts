/** Data files the org plugin writes with `createData` (see src/plugins/org-plugin.ts). */
declare module '@generated/org-handbook/default/dev-problems.json' {
  const problems: unknown[];
  export default problems;
}
