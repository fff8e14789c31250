/**
 * The timeline, the "as of" pages and the per-unit histories, from a git
 * repository made here with one reorganization per commit.
 */
import {renderToStaticMarkup} from 'react-dom/server';
import {beforeAll, describe, expect, it} from 'vitest';
import AsOfView from '@site/src/components/OrgHistory/AsOfView';
import TimelineView from '@site/src/components/OrgHistory/TimelineView';
import UnitHistory from '@site/src/components/UnitHistory';
import {ParseCache, readHistory, type CommitReading} from '@site/src/org/history/git';
import {createHistoryPages, type HistoryPages} from '@site/src/org/history/pages';
import {buildReorganizationHistory, createRepository, git, type HistoryStep} from '@site/tests/support/git-history';
import {handbookVocabulary} from '../support/vocabulary';

const TIMELINE = '/history/changes';
let steps: HistoryStep[];
let commits: CommitReading[];
let pages: HistoryPages;
let cache: ParseCache;
let dir: string;

const shaOf = (name: string) => steps.find((step) => step.name === name)!.sha;
const anchorOf = (name: string) => `c-${shaOf(name).slice(0, 12)}`;

beforeAll(async () => {
  dir = await createRepository();
  steps = await buildReorganizationHistory(dir);
  cache = new ParseCache(handbookVocabulary);
  const history = await readHistory(dir, {cache});
  if (!history.available) throw new Error(history.reason);
  commits = history.commits;
  pages = createHistoryPages(commits, {
    timelinePath: TIMELINE,
    asOfPath: (date) => `/history/as-of/${date}`,
    hrefOf: (id) => `/units/${id}`,
    commitUrl: (sha) => `https://forge.example/handbook/commit/${sha}`,
  });
}, 60_000);

describe('the timeline', () => {
  it('lists every structural change newest first, in sentences, and leaves out commits that changed nothing', () => {
    if (!pages.timeline.available) throw new Error('history unavailable');
    expect(pages.timeline.entries.map((entry) => [entry.date, entry.sentences])).toEqual([
      ['2026-08-08', []],
      ['2026-07-07', ['Engineering now names its lead: "Engineering lead".', 'The Director became vacant.']],
      ['2026-06-06', ['Delivery team was retired on 2026-06-06 ("Its work moved to Engineering").']],
      ['2026-05-05', ['Research was merged into Engineering.']],
      [
        '2026-04-04',
        ['Product was renamed Product management. Its id changed from "product" to "product-management". Its page moved from docs/areas/product.md to docs/areas/product-management.md.'],
      ],
      ['2026-03-03', ['The Recruiter moved from Product to Engineering.']],
      ['2026-02-02', ['Research was added, reporting to the Director.']],
      [
        '2026-01-05',
        [
          'The Board was added, reporting to Example Org.',
          'Delivery team was added, reporting to the Director.',
          'The Director was added, reporting to the Board.',
          'Engineering was added, reporting to the Director.',
          'Example Org was added, as an organization at the top.',
          'Product was added, reporting to the Director.',
          'The Recruiter was added, reporting to Product.',
          'Sponsor was added, as a fiscal sponsor outside the reporting lines.',
        ],
      ],
    ]);
  });

  it('links each entry to its commit and to the chart of its day; the first one is summed up', () => {
    if (!pages.timeline.available) throw new Error('history unavailable');
    const moved = pages.timeline.entries.find((entry) => entry.date === '2026-03-03')!;
    expect(moved).toMatchObject({
      anchor: anchorOf('Move the Recruiter under Engineering'),
      commit: {
        sha: shaOf('Move the Recruiter under Engineering'),
        short: shaOf('Move the Recruiter under Engineering').slice(0, 7),
        subject: 'Move the Recruiter under Engineering',
        url: `https://forge.example/handbook/commit/${shaOf('Move the Recruiter under Engineering')}`,
      },
      asOfPath: '/history/as-of/2026-03-03',
    });
    expect(pages.timeline.entries.at(-1)!.summary).toBe('The structure was first recorded, with 8 units.');
  });

  it('says which commit left the structure broken, and compares the next good one with the last good one', () => {
    if (!pages.timeline.available) throw new Error('history unavailable');
    const broken = pages.timeline.entries[0]!;
    expect(broken.broken).toEqual({count: 1, first: 'docs/areas/product-management.md:6:14: unknown unit "directr" (did you mean "director"?)'});
    // The fix (2026-08-09) restored the structure of 2026-07-07: no entry, and no "as of" page for a day without a change.
    expect(pages.timeline.entries.some((entry) => entry.date === '2026-08-09')).toBe(false);
    expect(broken.asOfPath).toBeUndefined();
    const html = renderToStaticMarkup(<TimelineView timeline={pages.timeline} />);
    expect(html).toContain('This commit left the structure with 1 problem, so it is not drawn');
  });

  it('draws entries with their anchors, commit links and sentences', () => {
    const html = renderToStaticMarkup(<TimelineView timeline={pages.timeline} />);
    const moved = shaOf('Move the Recruiter under Engineering');
    expect(html).toMatch(new RegExp(`<li class="[^"]*entry[^"]*" id="${anchorOf('Move the Recruiter under Engineering')}"><h2><time dateTime="2026-03-03">2026-03-03</time></h2>`));
    expect(html).toContain(`<a href="https://forge.example/handbook/commit/${moved}"><code>${moved.slice(0, 7)}</code></a>`);
    expect(html).toContain('<a href="/history/as-of/2026-03-03">chart as of 2026-03-03</a>');
    expect(html).toContain('<li>The Recruiter moved from Product to Engineering.</li>');
    // Newest first.
    expect(html.indexOf('2026-07-07')).toBeLessThan(html.indexOf('2026-03-03'));
  });

  it('says plainly when history is unavailable', () => {
    const html = renderToStaticMarkup(<TimelineView timeline={{available: false, reason: 'This copy is shallow.'}} />);
    expect(html).toMatch(/^<p class="[^"]*notice[^"]*" role="note">History is unavailable in this build\. This copy is shallow\.<\/p>$/);
  });

  it('parses each version of each page once, however many commits contain it', async () => {
    // Independently of the history reader: every distinct (blob, path) of a page in any commit.
    const distinct = new Set<string>();
    for (const step of steps) {
      for (const line of (await git(dir, ['ls-tree', '-r', step.sha, '--', 'docs'])).trim().split('\n')) {
        const [meta = '', source = ''] = line.split('\t');
        if (source.endsWith('.md')) distinct.add(`${meta.split(' ')[2]} ${source}`);
      }
    }
    expect(cache.parses).toBe(distinct.size);
    expect(cache.parses).toBeLessThan(steps.length * 8);
    const again = await readHistory(dir, {cache});
    expect(again.available).toBe(true);
    expect(cache.parses).toBe(distinct.size);
  });
});

describe('the "as of" pages', () => {
  it('has one page per day the structure changed, each linked to the days before and after', () => {
    expect(pages.asOf.map((page) => page.date)).toEqual(['2026-01-05', '2026-02-02', '2026-03-03', '2026-04-04', '2026-05-05', '2026-06-06', '2026-07-07']);
    const march = pages.asOf.find((page) => page.date === '2026-03-03')!;
    expect(march.previous).toEqual({date: '2026-02-02', path: '/history/as-of/2026-02-02'});
    expect(march.next).toEqual({date: '2026-04-04', path: '/history/as-of/2026-04-04'});
    expect(march.anchor).toBe(anchorOf('Move the Recruiter under Engineering'));
  });

  it('draws the chart as it stood on 2026-03-03: Research still there, Product not yet renamed, the Recruiter under Engineering', () => {
    const march = pages.asOf.find((page) => page.date === '2026-03-03')!;
    expect(march.unitCount).toBe(9);
    const html = renderToStaticMarkup(<AsOfView page={march} />);
    expect(html).toMatch(/<figcaption class="[^"]*caption[^"]*">The organization as of 2026-03-03/);
    expect(html).toContain('The structure as it stood at the end of <time dateTime="2026-03-03">2026-03-03</time>, with 9 units');
    // The text version of the chart nests each unit's reports under it.
    const text = html.slice(html.indexOf('<details'));
    expect(text).toContain('<li><a href="/units/engineering">Engineering</a> (functional area)<ul><li><a href="/units/recruiter">Recruiter</a> (role, vacant)</li></ul></li>');
    expect(text).toContain('<li><a href="/units/product">Product</a> (functional area)</li>');
    expect(text).toContain('<a href="/units/research">Research</a>');
    expect(text).not.toContain('Product management');
    const july = renderToStaticMarkup(<AsOfView page={pages.asOf.find((page) => page.date === '2026-07-07')!} />);
    expect(july).toContain('<a href="/units/product-management">Product management</a>');
    expect(july).not.toContain('>Research<');
  });
});

describe('unit histories', () => {
  it('follow a unit through its moves and renames, and forget units merged away', () => {
    expect(pages.units.get('recruiter')).toEqual({
      since: {date: '2026-01-05', anchor: anchorOf('Start the handbook'), fromStart: true},
      moves: [
        {
          date: '2026-03-03',
          anchor: anchorOf('Move the Recruiter under Engineering'),
          from: {id: 'product', name: 'Product', kind: 'area'},
          to: {id: 'engineering', name: 'Engineering', kind: 'area'},
        },
      ],
      renames: [],
    });
    expect(pages.units.get('product-management')?.renames).toEqual([
      {date: '2026-04-04', anchor: anchorOf('Rename Product to Product management'), from: 'Product', fromId: 'product'},
    ]);
    expect(pages.units.has('product')).toBe(false);
    expect(pages.units.has('research')).toBe(false);
    expect(pages.units.get('delivery')?.since.date).toBe('2026-01-05');
  });

  it('say when a unit added later began', () => {
    const {units} = createHistoryPages(commits.slice(0, 2), {timelinePath: TIMELINE, asOfPath: (date) => date, hrefOf: (id) => id});
    expect(units.get('research')?.since).toEqual({date: '2026-02-02', anchor: anchorOf('Add Research'), fromStart: false});
  });

  it('are drawn as one line with every date linked to the timeline', () => {
    const recruiter = renderToStaticMarkup(<UnitHistory history={pages.units.get('recruiter')!} timelinePath={TIMELINE} />);
    expect(recruiter.replace(/<[^>]+>/g, '')).toBe('Recorded since the handbook began, 2026-01-05; moved from Product to Engineering on 2026-03-03.');
    expect(recruiter).toContain(`<a href="${TIMELINE}#${anchorOf('Move the Recruiter under Engineering')}">2026-03-03</a>`);
    const product = renderToStaticMarkup(<UnitHistory history={pages.units.get('product-management')!} timelinePath={TIMELINE} />);
    expect(product.replace(/<[^>]+>/g, '')).toBe('Recorded since the handbook began, 2026-01-05; renamed from Product on 2026-04-04.');
  });
});
