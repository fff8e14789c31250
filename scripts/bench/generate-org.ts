/**
 * A synthetic organization for the benchmarks: N unit pages with valid `org:`
 * frontmatter, laid out in nested folders the way a real handbook grows.
 *
 *   tsx scripts/bench/generate-org.ts --units 200 --out /tmp/site [--seed 1]
 *
 * writes `<out>/docs/**` (the folder is created; existing files with the same
 * names are overwritten). The same units and seed always give the same files.
 *
 * Shape of the organization (every unit is one page):
 * - the organization at the top (`docs/index.md`, with `<OrgChart />`
 *   and `<UnitList kind="area" />`), a council reporting to it, an executive
 *   role reporting to the council and a fiscal sponsor linked by `sponsors`;
 * - 8–12 functional areas reporting to the executive (fewer on tiny sites),
 *   each with nested sub-areas and roles down to depth 6 (the top is depth 0);
 * - cross-functional teams (~6% of units) reporting to the executive (about a
 *   dozen at most) or to an area, each drawing `members` from 2–4 areas;
 * - a few dotted lines between roles and areas, and a few vacant roles.
 *
 * With `chainDepth: D` (`--chain D`), the same pages and folders come out, but
 * D of the areas and roles report in one line below the executive (the first
 * to the executive, each next one to the one before), so the organization is
 * D + 2 levels deep; every other unit keeps its manager. Only `reportsTo`
 * differs, so a benchmark comparing the two measures the cost of depth alone.
 *
 * Besides the units it writes the section pages the handbook's navbar links
 * to (`/functional-areas`, `/teams`, `/guide`), without `org:` blocks, and a
 * `_category_.json` in every folder so the sidebar stays collapsed and small.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {parse as parseYaml, stringify} from 'yaml';
import type {OrgFrontMatterInput} from '@site/src/org/schema';
import {defineVocabulary, type Vocabulary} from '@site/src/org/vocabulary';

export interface GeneratedFile {
  /** Relative to the site root, with forward slashes: `docs/functional-areas/engineering/index.md`. */
  path: string;
  content: string;
}

export interface GenerateOptions {
  /** Number of units (pages with an `org:` block), at least 8. */
  units: number;
  seed?: number;
  /** Put this many areas and roles in one reporting line under the executive (see the top of the file). */
  chainDepth?: number;
}

/** Deepest level of the reporting tree (the organization is level 0, the areas level 3). */
export const MAX_DEPTH = 6;
/** Ids of the fixed units, so benchmarks can find their pages. */
export const FIXED_IDS = {
  organization: 'example-collective',
  council: 'steering-council',
  executive: 'executive-director',
  sponsor: 'open-commons-foundation',
  /** The first area; its page is `/functional-areas/engineering` as in the real handbook. */
  firstArea: 'engineering',
} as const;
export const MIN_UNITS = 8;

// ---------------------------------------------------------------------------
// Seeded randomness (mulberry32): small, fast and identical on every platform.

export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance: (probability) => next() < probability,
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
  };
}

// ---------------------------------------------------------------------------
// Word lists. Names become ids, so they are lowercase words joined by hyphens.

const AREA_WORDS = [
  'product', 'design', 'operations', 'finance', 'people', 'community', 'research', 'marketing',
  'security', 'legal', 'data', 'support', 'partnerships', 'education', 'communications',
  'infrastructure', 'fundraising', 'policy', 'quality', 'administration',
];
const SUB_AREA_WORDS = [
  'platform', 'frontend', 'backend', 'mobile', 'payments', 'identity', 'analytics', 'reliability',
  'tooling', 'documentation', 'localization', 'accessibility', 'onboarding', 'recruiting', 'outreach',
  'events', 'grants', 'compliance', 'procurement', 'facilities', 'billing', 'insights', 'experiments',
  'growth', 'content', 'translation', 'releases', 'testing', 'packaging', 'integrations', 'apis',
  'search', 'storage', 'networking', 'observability', 'incident-response', 'training', 'mentoring',
  'governance', 'ethics', 'privacy', 'audit', 'budget', 'payroll', 'benefits', 'editorial',
  'social-media', 'design-systems', 'user-research', 'brand', 'web', 'desktop', 'cloud', 'devices',
  'firmware', 'hardware', 'labs', 'standards', 'interoperability', 'ecosystem', 'ambassadors',
  'moderation', 'forums', 'newsletter', 'sponsorships', 'donor-relations', 'treasury', 'accounting',
  'tax', 'contracts', 'licensing', 'trademarks', 'threat-modeling', 'cryptography', 'data-engineering',
  'data-science', 'machine-learning', 'evaluation', 'benchmarks', 'performance', 'caching',
  'scheduling', 'logistics', 'vendor-management', 'helpdesk', 'workplace', 'learning', 'wellbeing',
  'inclusion', 'culture', 'curriculum', 'certification', 'archives', 'open-source', 'hubs', 'kernels',
];
const ROLE_WORDS = [
  'lead', 'coordinator', 'steward', 'liaison', 'architect', 'analyst', 'specialist', 'officer',
  'advisor', 'editor', 'program-manager', 'release-manager', 'community-manager', 'developer-advocate',
  'project-manager', 'trainer', 'reviewer', 'auditor', 'planner', 'researcher',
];
const TEAM_WORDS = [
  'launch', 'migration', 'release', 'incident', 'website', 'summit', 'grant-writing', 'security-review',
  'data-quality', 'design-system', 'docs-sprint', 'hub-operations', 'customer-success', 'pilot',
  'renewals', 'onboarding', 'accessibility', 'cost-reduction', 'partner-enablement', 'reporting',
  'roadmap', 'open-science', 'workshops', 'upgrade', 'capacity',
];
const FIRST_NAMES = [
  'Ada', 'Bea', 'Carlos', 'Dana', 'Emeka', 'Fatima', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kavya',
  'Lena', 'Mateo', 'Noor', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Vera',
  'Wen', 'Yusuf', 'Zoe',
];
const LAST_NAMES = [
  'Adeyemi', 'Berg', 'Chen', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
  'Kowalski', 'Lopez', 'Mensah', 'Novak', 'Okafor', 'Petrov', 'Rossi', 'Sato', 'Silva', 'Tanaka',
  'Varga', 'Wright', 'Yilmaz', 'Zhou',
];
const TEXT_WORDS = [
  'the', 'team', 'work', 'plan', 'goal', 'review', 'budget', 'process', 'service', 'project',
  'people', 'customer', 'partner', 'decision', 'meeting', 'report', 'quarter', 'roadmap', 'support',
  'community', 'quality', 'risk', 'priority', 'feedback', 'release', 'schedule', 'policy', 'system',
  'document', 'request', 'owner', 'change', 'update', 'progress', 'measure', 'outcome', 'practice',
  'standard', 'contract', 'hiring', 'training', 'research', 'design', 'proposal', 'handbook',
  'with', 'for', 'and', 'each', 'every', 'when', 'before', 'after', 'during', 'across', 'within',
  'through', 'our', 'their', 'new', 'shared', 'clear', 'small', 'regular', 'open', 'careful',
  'weekly', 'monthly', 'annual', 'public', 'internal', 'written', 'agreed', 'current', 'future',
  'we', 'they', 'everyone', 'leads', 'keeps', 'tracks', 'reviews', 'writes', 'plans', 'owns',
  'decides', 'answers', 'helps', 'checks', 'prepares', 'shares', 'collects', 'improves', 'supports',
  'is', 'are', 'can', 'should', 'will', 'may', 'often', 'usually', 'first', 'then', 'also', 'only',
  'a', 'of', 'to', 'in', 'on', 'by', 'as', 'from', 'about', 'into', 'between', 'so', 'that',
];
const SECTION_TITLES = [
  'What we do', 'How we work', 'Responsibilities', 'Working with us', 'Decisions', 'Rituals',
  'Planning', 'Tools we use', 'How to ask for help', 'Onboarding', 'Metrics', 'Documents we keep',
  'Current priorities', 'History', 'Escalation',
];

// ---------------------------------------------------------------------------
// The tree.

type Kind = OrgFrontMatterInput['kind'];

interface Unit {
  id: string;
  kind: Kind;
  name: string;
  parent?: Unit;
  children: Unit[];
  depth: number;
  /** For areas: the first-level area this unit belongs to (used to spread team members). */
  topArea?: Unit;
  org: OrgFrontMatterInput;
  /** Relative to `docs/`, without extension; set once the tree is complete. */
  docPath?: string;
  /** When this unit's page is the index of a folder holding its reports. */
  folder?: string;
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((word) => (word === 'apis' ? 'APIs' : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

class IdRegistry {
  private used = new Set<string>();
  take(base: string): string {
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base}-${n}`;
    this.used.add(id);
    return id;
  }
}

/** Branching factor b such that `areas * (b + b² + … + b^levels)` holds `count` units. */
function branching(count: number, areas: number, levels: number): number {
  const perArea = count / Math.max(1, areas);
  let b = 1;
  const total = (x: number) => Array.from({length: levels}, (_, i) => x ** (i + 1)).reduce((a, c) => a + c, 0);
  while (total(b) < perArea) b += 0.1;
  return b;
}

function buildTree(unitCount: number, random: Random): {units: Unit[]; root: Unit} {
  if (!Number.isInteger(unitCount) || unitCount < MIN_UNITS) {
    throw new Error(`units must be an integer of at least ${MIN_UNITS}, not ${unitCount}`);
  }
  const ids = new IdRegistry();
  const units: Unit[] = [];
  const add = (unit: Omit<Unit, 'children' | 'depth' | 'id' | 'org'> & {id: string; org?: Partial<OrgFrontMatterInput>}): Unit => {
    const id = ids.take(unit.id);
    const created: Unit = {
      ...unit,
      id,
      children: [],
      depth: unit.parent ? unit.parent.depth + 1 : 0,
      org: {id, kind: unit.kind, ...(unit.parent ? {reportsTo: unit.parent.id} : {}), ...unit.org},
    };
    unit.parent?.children.push(created);
    units.push(created);
    return created;
  };

  const root = add({id: FIXED_IDS.organization, kind: 'organization', name: 'Example Collective'});
  const council = add({id: FIXED_IDS.council, kind: 'council', name: 'Steering Council', parent: root});
  const executive = add({id: FIXED_IDS.executive, kind: 'role', name: 'Executive Director', parent: council});
  const sponsor = add({
    id: FIXED_IDS.sponsor,
    kind: 'sponsor',
    name: 'Open Commons Foundation',
    org: {relations: [{type: 'sponsors', to: root.id, note: 'fiscal sponsor since 2021'}]},
  });
  executive.org.relations = [{type: 'interface', to: sponsor.id, note: 'administration'}];

  let remaining = unitCount - units.length;
  const teamCount = Math.max(1, Math.round(unitCount * 0.06));
  remaining -= teamCount;
  const areaCount = Math.min(random.int(8, 12), Math.max(2, Math.floor(remaining / 2)), AREA_WORDS.length + 1);
  const areaWords = [FIXED_IDS.firstArea, ...random.shuffle(AREA_WORDS).slice(0, areaCount - 1)];
  const areas = areaWords.map((word) => {
    const area = add({id: word, kind: 'area', name: titleCase(word), parent: executive});
    area.topArea = area;
    return area;
  });
  remaining -= areas.length;

  // A treasurer reporting to the council, on sites big enough to have one.
  if (unitCount >= 30 && remaining > 0) {
    add({id: 'treasurer', kind: 'role', name: 'Treasurer', parent: council});
    remaining -= 1;
  }

  // Sub-areas and roles, breadth first so that every area grows a little at a time.
  const b = branching(remaining, areas.length, MAX_DEPTH - areas[0]!.depth);
  let queue: Unit[] = random.shuffle(areas);
  const usedWordsUnder = new Map<Unit, Set<string>>();
  while (remaining > 0) {
    if (queue.length === 0) {
      queue = random.shuffle(units.filter((unit) => unit.kind === 'area' && unit.depth < MAX_DEPTH));
    }
    const parent = queue.shift()!;
    const wanted = Math.max(1, Math.round(b * (0.5 + random.next())));
    const used = usedWordsUnder.get(parent) ?? new Set<string>();
    usedWordsUnder.set(parent, used);
    for (let i = 0; i < wanted && remaining > 0; i += 1) {
      const isRole = random.chance(parent.depth + 1 === MAX_DEPTH ? 0.5 : 0.3);
      let word: string;
      if (isRole) {
        const base = parent.depth === 3 ? parent.id : parent.id.split('-')[0]!;
        word = `${base}-${random.pick(ROLE_WORDS)}`;
      } else {
        word = random.pick(SUB_AREA_WORDS);
      }
      if (used.has(word)) word = `${word}-${used.size + 1}`;
      used.add(word);
      const child = add({
        id: word,
        kind: isRole ? 'role' : 'area',
        name: titleCase(word),
        parent,
        topArea: parent.topArea,
      });
      if (child.kind === 'area' && child.depth < MAX_DEPTH) queue.push(child);
      remaining -= 1;
    }
  }

  // Teams: up to half (at most about a dozen) report to the executive, the rest to an area near the top.
  const allAreas = units.filter((unit) => unit.kind === 'area');
  const upperAreas = allAreas.filter((unit) => unit.depth <= 4);
  const toExecutive = Math.min(0.5, 12 / teamCount);
  for (let i = 0; i < teamCount; i += 1) {
    const parent = random.chance(toExecutive) ? executive : random.pick(upperAreas);
    const memberCount = Math.min(random.int(2, 4), allAreas.length);
    // Prefer members from different top-level areas, as cross-functional teams do.
    const members = new Set<string>();
    for (const area of random.shuffle(areas)) {
      if (members.size >= memberCount) break;
      const inArea = allAreas.filter((unit) => unit.topArea === area);
      members.add(random.chance(0.5) ? area.id : random.pick(inArea).id);
    }
    for (const area of random.shuffle(allAreas)) {
      if (members.size >= memberCount) break;
      members.add(area.id);
    }
    const word = `${random.pick(TEAM_WORDS)}-team`;
    add({id: word, kind: 'team', name: titleCase(word), parent, org: {members: [...members]}});
  }

  // Vacant roles and dotted lines.
  const roles = units.filter((unit) => unit.kind === 'role' && unit !== executive);
  const vacantCount = Math.min(roles.length, Math.max(1, Math.round(roles.length * 0.08)));
  for (const role of random.shuffle(roles).slice(0, vacantCount)) role.org.vacant = true;

  const internal = units.filter((unit) => (unit.kind === 'role' || unit.kind === 'area') && unit.depth >= 3);
  const dottedCount = Math.min(40, Math.max(1, Math.round(unitCount * 0.01)));
  for (let i = 0; i < dottedCount && internal.length >= 2; i += 1) {
    const from = random.pick(internal);
    const to = random.pick(internal.filter((unit) => unit !== from && unit !== from.parent && unit.topArea !== from.topArea));
    if (!to) continue;
    const relations = (from.org.relations ??= []);
    if (relations.some((relation) => relation.to === to.id)) continue;
    relations.push({type: 'dotted-line', to: to.id, ...(random.chance(0.5) ? {note: 'part time'} : {})});
  }

  return {units, root};
}

// ---------------------------------------------------------------------------
// Where each page goes: the tree, folded into folders.

/** Assigns `docPath` (and `folder` for units that hold reports) to every unit. */
function placeUnits(units: Unit[]): void {
  const placeUnder = (unit: Unit, folder: string) => {
    const hasPagesBelow = unit.children.length > 0;
    if (hasPagesBelow) {
      unit.folder = `${folder}/${unit.id}`;
      unit.docPath = `${unit.folder}/index`;
      for (const child of unit.children) placeUnder(child, unit.folder);
    } else {
      unit.docPath = `${folder}/${unit.id}`;
    }
  };
  for (const unit of units) {
    switch (unit.kind) {
      case 'organization':
        unit.docPath = 'index';
        break;
      case 'council':
      case 'sponsor':
        unit.docPath = `governance/${unit.id}`;
        break;
      default:
        break;
    }
  }
  // Direct reports of the council and the executive sit in fixed sections.
  for (const unit of units) {
    if (unit.docPath || !unit.parent) continue;
    if (unit.parent.kind === 'council') unit.docPath = `governance/${unit.id}`;
    else if (unit.parent.org.id === FIXED_IDS.executive) {
      if (unit.kind === 'area') placeUnder(unit, 'functional-areas');
      else if (unit.kind === 'team') unit.docPath = `teams/${unit.id}`;
    }
  }
  const unplaced = units.filter((unit) => !unit.docPath);
  if (unplaced.length > 0) throw new Error(`generator bug: no page for ${unplaced.map((unit) => unit.id).join(', ')}`);
}

// ---------------------------------------------------------------------------
// Page text.

function sentence(random: Random, min = 8, max = 18): string {
  const words = Array.from({length: random.int(min, max)}, () => random.pick(TEXT_WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(random: Random, sentences = random.int(2, 4)): string {
  return Array.from({length: sentences}, () => sentence(random)).join(' ');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[a-z]/i.test(word)).length;
}

/** About 400 words of Markdown: paragraphs, headings, lists and now and then a table. */
function pageBody(unit: Unit, random: Random, target = 400): string {
  const blocks: string[] = [`${unit.name} ${random.pick(['looks after', 'is responsible for', 'takes care of'])} ${paragraph(random, 1).toLowerCase()}`, paragraph(random)];
  const titles = random.shuffle(SECTION_TITLES);
  let words = countWords(blocks.join('\n'));
  for (let section = 0; words < target; section += 1) {
    const title = titles[section % titles.length]!;
    const parts = [`## ${title}${section >= titles.length ? ` ${section}` : ''}`, paragraph(random)];
    const style = random.int(0, 5);
    if (style <= 1) {
      parts.push(Array.from({length: random.int(3, 6)}, () => `- ${sentence(random, 4, 10)}`).join('\n'));
    } else if (style === 2) {
      parts.push(Array.from({length: random.int(3, 5)}, (_, i) => `${i + 1}. ${sentence(random, 5, 12)}`).join('\n'));
    } else if (style === 3) {
      parts.push(`### ${titleCase(random.pick(TEXT_WORDS.slice(0, 45)))}`, paragraph(random, 2));
    } else if (style === 4) {
      const rows = Array.from({length: random.int(2, 4)}, () => `| ${titleCase(random.pick(TEXT_WORDS.slice(0, 45)))} | ${sentence(random, 3, 7)} |`);
      parts.push(['| Topic | Notes |', '| --- | --- |', ...rows].join('\n'));
    } else {
      parts.push(`> ${sentence(random, 10, 16)}`, paragraph(random, 1));
    }
    blocks.push(...parts);
    words = countWords(blocks.join('\n'));
  }
  return blocks.join('\n\n');
}

function frontMatter(data: Record<string, unknown>): string {
  // YAML 1.1 quoting keeps dates and yes/no as strings for every YAML parser.
  return `---\n${stringify(data, {version: '1.1', lineWidth: 0})}---\n`;
}

function personName(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

function isoDate(random: Random): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${random.int(2024, 2026)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`;
}

function decorate(unit: Unit, random: Random): void {
  const org = unit.org;
  if (unit.kind === 'area' || unit.kind === 'team' || unit.kind === 'council') {
    const vacantLead = random.chance(0.1);
    org.roles = [{role: 'lead', title: `${unit.name} lead`, ...(vacantLead ? {vacant: true} : {holders: [{name: personName(random)}]})}];
  }
  if (random.chance(0.6)) {
    org.contacts = [{type: 'chat', label: `#${unit.id} on the chat server`, url: `https://chat.example.org/channel/${unit.id}`}];
  }
  if (random.chance(0.3)) {
    org.roles = [...(org.roles ?? []), {role: 'member', listedAt: {label: `${unit.name} members`, url: `https://example.org/people/${unit.id}`}}];
  }
  if (random.chance(0.7)) {
    org.maintainers = [`@${random.pick(FIRST_NAMES).toLowerCase()}-${random.pick(LAST_NAMES).toLowerCase()}`];
  }
  if (random.chance(0.8)) org.reviewed = isoDate(random);
}

function unitPage(unit: Unit, random: Random): GeneratedFile {
  decorate(unit, random);
  const kindWords: Record<Kind, string> = {
    organization: 'organization',
    sponsor: 'fiscal sponsor',
    institution: 'institution',
    council: 'council',
    role: 'role',
    area: 'functional area',
    team: 'cross-functional team',
  };
  const data: Record<string, unknown> = {
    title: unit.name,
    description: `The ${unit.name} ${kindWords[unit.kind]}: ${sentence(random, 6, 10).toLowerCase()}`,
  };
  let body = pageBody(unit, random);
  if (unit.kind === 'organization') {
    data.title = `${unit.name} handbook`;
    data.sidebar_position = 1;
    body = [
      paragraph(random),
      '## The reporting lines',
      'The chart shows who reports to whom, from the organization down to each area and team.',
      '<OrgChart />',
      '## Functional areas',
      '<UnitList kind="area" />',
      body,
    ].join('\n\n');
  }
  data.org = unit.org;
  return {path: `docs/${unit.docPath}.md`, content: `${frontMatter(data)}\n${body}\n`};
}

function sectionPage(docPath: string, title: string, position: number, text: string): GeneratedFile {
  return {
    path: `docs/${docPath}.md`,
    content: `${frontMatter({title, description: `${title} of the Example Collective.`, sidebar_position: position})}\n${text}\n`,
  };
}

function categoryFile(folder: string, label: string, position?: number): GeneratedFile {
  const data = {label, ...(position !== undefined ? {position} : {}), collapsed: true};
  return {path: `docs/${folder}/_category_.json`, content: `${JSON.stringify(data, null, 2)}\n`};
}

/** Rewires `reportsTo` only: pages and folders stay where the tree put them. */
function chainUnits(units: readonly Unit[], depth: number): void {
  const executive = units.find((unit) => unit.id === FIXED_IDS.executive)!;
  // Areas and roles may report to either kind; teams may not have reports.
  const candidates = units.filter((unit) => (unit.kind === 'area' || unit.kind === 'role') && unit !== executive && unit.parent !== undefined);
  if (!Number.isInteger(depth) || depth < 1 || depth > candidates.length) {
    throw new Error(`chainDepth must be an integer from 1 to ${candidates.length} for ${units.length} units, not ${depth}`);
  }
  let manager = executive;
  for (const unit of candidates.slice(0, depth)) {
    unit.org.reportsTo = manager.id;
    manager = unit;
  }
}

/** The organization as files: unit pages, section pages and `_category_.json` files, sorted by path. */
/**
 * The generated organization's vocabulary, written beside its docs/. Its own,
 * not the handbook's: here teams report to a manager as well as drawing
 * members from areas, so the benchmarks keep laying out the same trees.
 */
export const GENERATED_VOCABULARY = `kinds:
  organization: {label: Organization, plural: Organizations, root: true}
  sponsor: {label: Fiscal sponsor, plural: Fiscal sponsors, external: true, folder: governance}
  council: {label: Council, plural: Councils, reportsTo: [organization, council], definite: true, chart: {style: governance}, folder: governance}
  role: {label: Role, plural: Roles, reportsTo: [organization, council, role, area], vacancy: true, definite: true, folder: governance}
  area: {label: Functional area, plural: Functional areas, reportsTo: [organization, council, role, area], folder: functional-areas}
  team:
    label: Cross-functional team
    plural: Cross-functional teams
    reportsTo: [organization, council, role, area]
    members: {kinds: [area, role, council], required: true}
    folder: teams
relations:
  dotted-line: {label: Dotted line to, inverseLabel: Dotted line from, legend: Dotted line, line: dotted, from: [council, role, area, team], to: [council, role, area, team]}
  sponsors: {label: Fiscal sponsor of, inverseLabel: Fiscally sponsored by, legend: Sponsorship, line: dashed, from: [sponsor], to: [organization]}
  interface: {label: Primary interface to, inverseLabel: Primary interface, legend: Sponsorship, line: dashed, from: [council, role, area, team], to: [sponsor]}
roles:
  lead: {label: Lead, plural: Leads}
  member: {label: Member, plural: Members}
contacts:
  chat: {label: Chat}
`;

/** GENERATED_VOCABULARY, checked: for reading generated pages in memory. */
export function generatedVocabulary(): Vocabulary {
  return defineVocabulary(parseYaml(GENERATED_VOCABULARY) as Record<string, unknown>);
}

export function generateOrganization({units: unitCount, seed = 1, chainDepth}: GenerateOptions): GeneratedFile[] {
  const random = createRandom(seed);
  const {units} = buildTree(unitCount, random);
  placeUnits(units);
  if (chainDepth !== undefined) chainUnits(units, chainDepth);

  const files: GeneratedFile[] = units.map((unit) => unitPage(unit, random));
  const text = createRandom(seed + 1);
  files.push(
    sectionPage('functional-areas/index', 'Functional areas', 3, [
      paragraph(text),
      'The organization has <UnitCount kind="area" /> functional areas reporting to the Executive Director:',
      '<UnitList kind="area" />',
      paragraph(text),
    ].join('\n\n')),
    sectionPage('teams/index', 'Cross-functional teams', 4, [
      paragraph(text),
      '<UnitList kind="team" />',
      paragraph(text),
    ].join('\n\n')),
    sectionPage('guide/index', 'How to change the handbook', 9, [paragraph(text), '## Adding a unit', paragraph(text)].join('\n\n')),
    categoryFile('governance', 'Governance', 2),
    categoryFile('functional-areas', 'Functional areas', 3),
    categoryFile('teams', 'Cross-functional teams', 4),
    categoryFile('guide', 'Editing', 9),
    {path: 'org.vocabulary.yaml', content: GENERATED_VOCABULARY},
  );
  for (const unit of units) {
    if (unit.folder) files.push(categoryFile(unit.folder, unit.name));
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes generated files below `outDir`. */
export async function writeFiles(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  const folders = new Set(files.map((file) => path.dirname(path.join(outDir, file.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, {recursive: true})));
  await Promise.all(files.map((file) => writeFile(path.join(outDir, file.path), file.content)));
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {units: {type: 'string'}, out: {type: 'string'}, seed: {type: 'string', default: '1'}, chain: {type: 'string'}},
  });
  if (!values.units || !values.out) {
    console.error('usage: tsx scripts/bench/generate-org.ts --units N --out DIR [--seed S] [--chain DEPTH]');
    process.exit(2);
  }
  const files = generateOrganization({
    units: Number(values.units),
    seed: Number(values.seed),
    ...(values.chain !== undefined ? {chainDepth: Number(values.chain)} : {}),
  });
  await writeFiles(path.resolve(values.out), files);
  const pages = files.filter((file) => file.path.endsWith('.md')).length;
  console.log(`wrote ${pages} pages (${values.units} units) and ${files.length - pages} category files to ${path.resolve(values.out)}/docs`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
