/**
 * Anchors on a unit's page, in its "Place in the organization" block
 * (theme/UnitPlace), where a chart's "+N" node links to the units it
 * stands for. A module of its own because the block, which ships to the
 * browser, needs them without the chart's layout code.
 */
export const LIST_ANCHORS = {
  /** The "Direct reports" fact. */
  reports: 'direct-reports',
  /** A team's "Members come from" fact. */
  members: 'members',
  /** The block's heading (Docusaurus derives its id from the text). */
  place: 'place-in-the-organization',
} as const;
