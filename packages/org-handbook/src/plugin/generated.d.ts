/** Data files the org plugin writes with `createData` (see plugin/org-plugin.ts). */
declare module '@generated/org-handbook/default/dev-problems.json' {
  const problems: unknown[];
  export default problems;
}
