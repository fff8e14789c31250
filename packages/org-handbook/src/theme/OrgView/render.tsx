/**
 * Draws one org view of a page from the page's record: the views' code, which a
 * browser loads only for a page it renders itself (see deferred.ts).
 */
import type {ReactNode} from 'react';
import type {ListedUnit, PageOrgData} from '../../org/page-data';
import {PLACE_VIEW} from '../../org/view-names';
import OrgChart from '../OrgChart';
import QuietLink from '../QuietLink';
import UnitPlace from '../UnitPlace';

// Lists can name every unit: their links do not prefetch as they scroll into view.
function UnitList({items}: {items: readonly ListedUnit[]}): ReactNode {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.href}>
          <QuietLink to={item.href}>{item.name}</QuietLink>
          {item.detail && `: ${item.detail}`}
        </li>
      ))}
    </ul>
  );
}

/** The view named `view` (`place`, or a directive's signature); `slot` is where its live part goes. */
export default function renderView(data: PageOrgData, view: string, slot: ReactNode): ReactNode {
  if (view === PLACE_VIEW) return data.place ? <UnitPlace {...data.place} /> : null;
  const result = data.directives[view];
  switch (result?.type) {
    case 'list':
      return <UnitList items={result.items} />;
    case 'stale':
      return (
        <>
          {result.stale.length > 0 ? <UnitList items={result.stale} /> : <p>No unit&apos;s review is older than {result.maxAgeDays} days.</p>}
          <p>Units with no review date yet: {result.unreviewed.length === 0 ? 'none' : result.unreviewed.length}.</p>
          {result.unreviewed.length > 0 && <UnitList items={result.unreviewed} />}
        </>
      );
    case 'retired':
      return result.items.length > 0 ? <UnitList items={result.items} /> : <p>No unit has been retired yet.</p>;
    case 'chart':
      return <OrgChart chart={result.chart}>{slot}</OrgChart>;
    default:
      return null;
  }
}
