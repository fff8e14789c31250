import type {ReactNode} from 'react';
import Link from '@docusaurus/Link';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import QuietLink from '@site/src/components/QuietLink';
import OrgChart from '@site/src/components/OrgChart';
import UnitHistory from '@site/src/components/UnitHistory';
import {LIST_ANCHORS} from '@site/src/org/anchors';
import type {OrgChartData} from '@site/src/org/chart';
import type {PlaceContact, PlaceData, PlaceRole, UnitRef} from '@site/src/org/derive';
import type {UnitPast} from '@site/src/org/page-data';
import {isSafeLinkUrl} from '@site/src/org/safe-url';
import styles from './styles.module.css';

export interface UnitPlaceProps {
  place?: PlaceData;
  chart?: OrgChartData;
  retired?: {on: string; note?: string};
  /** Since when the unit exists and how it moved, when the build could read the git history. */
  past?: UnitPast;
}

function UnitLink({unit}: {unit: UnitRef}): ReactNode {
  return (
    <>
      <QuietLink to={unit.href}>{unit.name}</QuietLink>
      {unit.vacant && <span className={styles.vacant}> (vacant)</span>}
    </>
  );
}

function Units({units, none}: {units: readonly UnitRef[]; none: string}): ReactNode {
  if (units.length === 0) return <span className={styles.none}>{none}</span>;
  if (units.length === 1) return <UnitLink unit={units[0]!} />;
  return (
    <ul className={styles.list}>
      {units.map((unit) => (
        <li key={unit.href}>
          <UnitLink unit={unit} />
        </li>
      ))}
    </ul>
  );
}

/** A link from the unit's `org:` block. The check already refused unsafe addresses; one that slips through shows as text. */
function ExternalLink({link}: {link: {label: string; url?: string}}): ReactNode {
  return link.url && isSafeLinkUrl(link.url) ? <Link href={link.url}>{link.label}</Link> : <>{link.label}</>;
}

/** A person: linked when the page gives an address, with a handle when it gives one. */
function Holder({holder}: {holder: {name: string; url?: string; handle?: string}}): ReactNode {
  return (
    <>
      <ExternalLink link={{label: holder.name, ...(holder.url ? {url: holder.url} : {})}} />
      {holder.handle && <span className={styles.chain}> ({holder.handle})</span>}
    </>
  );
}

/** Who holds a role now, where they are listed, and who held it before. */
function RoleHolders({role}: {role: PlaceRole}): ReactNode {
  return (
    <>
      {role.holders.map((holder, index) => (
        <span key={`${holder.name}${index}`}>
          {index > 0 && ', '}
          <Holder holder={holder} />
        </span>
      ))}
      {role.vacant && <strong className={styles.vacant}>vacant</strong>}
      {role.listedAt && (
        <>
          {role.holders.length > 0 || role.vacant ? '; ' : ''}listed on <ExternalLink link={role.listedAt} />
        </>
      )}
      {role.holders.length === 0 && !role.vacant && !role.listedAt && <span className={styles.none}>Not named here</span>}
      {role.past && (
        <span className={styles.chain}>
          {' '}
          (before:{' '}
          {role.past.map((holder, index) => (
            <span key={`${holder.name}${index}`}>
              {index > 0 && ', '}
              <Holder holder={holder} />
              {holder.until && ` until ${holder.until}`}
            </span>
          ))}
          )
        </span>
      )}
    </>
  );
}

function Contact({contact}: {contact: PlaceContact}): ReactNode {
  return (
    <>
      <ExternalLink link={contact} />
      {contact.schedule && <span className={styles.chain}> ({contact.schedule})</span>}
    </>
  );
}

/** "Top › … 1995 more … › A › B › C": a long line keeps its top and nearest managers (see PlaceData.chain). */
function chainText({chain, chainOmitted}: PlaceData): string {
  const names = chain.map((unit) => unit.name);
  if (chainOmitted) names.splice(1, 0, `… ${chainOmitted} more …`);
  return names.join(' › ');
}

/** A fact; with `id`, a target of links (a chart's "+N" node links to the list of what it leaves out). */
function Fact({term, id, children}: {term: string; id?: string; children: ReactNode}): ReactNode {
  const brokenLinks = useBrokenLinks();
  if (id) brokenLinks.collectAnchor(id);
  return (
    <div className={styles.fact} id={id}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The "Place in the organization" block: draws facts derived at build time, computes none. */
export default function UnitPlace({place, chart, retired, past}: UnitPlaceProps): ReactNode {
  if (retired) {
    return (
      <p className={styles.retired} role="note">
        This unit was retired on {retired.on}
        {retired.note ? `: ${retired.note}` : '.'} It is kept for the record and is no longer part of the structure.
        {past && (
          <>
            {' '}
            <UnitHistory history={past.history} timelinePath={past.timelinePath} />
          </>
        )}
      </p>
    );
  }
  if (!place) return null;
  const manager = place.chain[place.chain.length - 1];
  return (
    <section className={styles.place} aria-label="Place in the organization">
      <dl className={styles.facts}>
        <Fact term="Kind">
          {place.kind}
          {place.vacant && <strong className={styles.vacant}> · vacant</strong>}
        </Fact>
        {manager && (
          <Fact term="Reports to">
            <UnitLink unit={manager} />
            {place.chain.length > 1 && (
              <span className={styles.chain}>
                {' '}
                (chain: {chainText(place)})
              </span>
            )}
          </Fact>
        )}
        {(place.roles ?? []).map((role, index) => (
          <Fact key={`role-${index}`} term={role.role ? `${role.title} (${role.role.toLowerCase()})` : role.title}>
            <RoleHolders role={role} />
          </Fact>
        ))}
        {/* A team draws on units rather than having reports: "None" would only confuse. */}
        {(place.directReports.length > 0 || (manager && place.members.length === 0)) && (
          <Fact term="Direct reports" id={LIST_ANCHORS.reports}>
            <Units units={place.directReports} none="None" />
          </Fact>
        )}
        {place.members.length > 0 && (
          <Fact term="Members come from" id={LIST_ANCHORS.members}>
            <Units units={place.members} none="None" />
          </Fact>
        )}
        {(place.memberOf ?? []).length > 0 && (
          <Fact term="Takes part in">
            <Units units={place.memberOf} none="None" />
          </Fact>
        )}
        {place.relations.map((relation) => (
          <Fact key={`${relation.label}${relation.unit.href}`} term={relation.label}>
            <UnitLink unit={relation.unit} />
            {relation.note && <span className={styles.chain}> ({relation.note})</span>}
          </Fact>
        ))}
        {(place.contacts ?? []).map((contact, index) => (
          <Fact key={`contact-${index}`} term={contact.type}>
            <Contact contact={contact} />
          </Fact>
        ))}
        {(place.maintainers || place.reviewed) && (
          <Fact term="Page upkeep">
            {place.maintainers ? `Maintained by ${place.maintainers.join(', ')}` : 'No maintainer named'}
            {place.reviewed ? `; last reviewed ${place.reviewed}` : '; not reviewed yet'}
            {place.reviewOverdue && <strong className={styles.overdue}> (review overdue)</strong>}
          </Fact>
        )}
        {past && (
          <Fact term="History">
            <UnitHistory history={past.history} timelinePath={past.timelinePath} />
          </Fact>
        )}
      </dl>
      {chart && <OrgChart chart={chart} />}
    </section>
  );
}
