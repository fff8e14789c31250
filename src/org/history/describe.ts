/**
 * Structure changes in words: one plain sentence per change, the same in the
 * terminal, in a pull request comment and on the history page.
 */
import {article} from '../rules';
import type {RelationLabel, StructureChange, UnitLabel} from './diff';
import {nameInSentence} from './names';

export {nameInSentence};

const kindWords = (label: string) => article(label.toLowerCase());

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "A", "A and B", "A, B and C". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const names = (units: readonly UnitLabel[]) => listInWords(units.map(nameInSentence));

function relationWords(relation: RelationLabel): string {
  return `"${relation.label.toLowerCase()}" ${nameInSentence(relation.to)}${relation.note ? ` (${relation.note})` : ''}`;
}

const quoted = (items: readonly string[]) => listInWords(items.map((item) => `"${item}"`));

/** "now lists the role "Chair", no longer lists "Lead" and changed who holds "Member"". */
function listChanges(what: string, change: {added: string[]; removed: string[]; changed: string[]}, changedWords: string): string {
  const parts: string[] = [];
  if (change.added.length > 0) parts.push(`now lists the ${what}${change.added.length === 1 ? '' : 's'} ${quoted(change.added)}`);
  if (change.removed.length > 0) parts.push(`no longer lists the ${what}${change.removed.length === 1 ? '' : 's'} ${quoted(change.removed)}`);
  if (change.changed.length > 0) parts.push(`${changedWords} ${quoted(change.changed)}`);
  return parts.length > 0 ? listInWords(parts) : `reordered its ${what}s`;
}

/** One sentence, ending with a full stop. */
export function describeChange(change: StructureChange): string {
  const subject = capitalize(nameInSentence(change.unit));
  switch (change.type) {
    case 'added':
      return change.parent
        ? `${subject} was added, reporting to ${nameInSentence(change.parent)}.`
        : `${subject} was added, as ${kindWords(change.unit.kindLabel)}${change.unit.root ? ' at the top' : ' outside the reporting lines'}.`;
    case 'removed':
      return `${subject} was removed${change.parent ? ` (it reported to ${nameInSentence(change.parent)})` : ''}.`;
    case 'retired':
      return `${subject} was retired on ${change.on}${change.note ? ` ("${change.note.replace(/\.$/, '')}")` : ''}.`;
    case 'restored':
      return `${subject} is no longer retired${change.parent ? `; it reports to ${nameInSentence(change.parent)}` : ''}.`;
    case 'merged':
      return `${subject} was merged into ${nameInSentence(change.into)}.`;
    case 'renamed': {
      const parts: string[] = [];
      if (change.name) {
        const before = capitalize(nameInSentence({...change.unit, name: change.name.from}));
        parts.push(`${before} was renamed ${nameInSentence(change.unit)}.`);
      }
      if (change.id) {
        parts.push(`${change.name ? 'Its id' : `The id of ${nameInSentence(change.unit)}`} changed from "${change.id.from}" to "${change.id.to}".`);
      }
      if (change.page) parts.push(`Its page moved from ${change.page.from} to ${change.page.to}.`);
      return parts.join(' ');
    }
    case 'page-moved':
      return `The page of ${nameInSentence(change.unit)} moved from ${change.page.from} to ${change.page.to}.`;
    case 'moved':
      if (change.from && change.to) return `${subject} moved from ${nameInSentence(change.from)} to ${nameInSentence(change.to)}.`;
      if (change.to) return `${subject} now reports to ${nameInSentence(change.to)}.`;
      return `${subject} no longer reports to ${change.from ? nameInSentence(change.from) : 'any unit'}.`;
    case 'kind':
      return `${subject} changed from ${kindWords(change.fromLabel)} to ${kindWords(change.toLabel)}.`;
    case 'members': {
      const parts: string[] = [];
      if (change.added.length > 0) parts.push(`now draws members from ${names(change.added)}`);
      if (change.removed.length > 0) parts.push(`no longer draws members from ${names(change.removed)}`);
      return `${subject} ${parts.join(' and ')}.`;
    }
    case 'relations': {
      const parts: string[] = [];
      if (change.added.length > 0) parts.push(`gained the relation ${listInWords(change.added.map(relationWords))}`);
      if (change.removed.length > 0) parts.push(`lost the relation ${listInWords(change.removed.map(relationWords))}`);
      return `${subject} ${parts.join(' and ')}.`;
    }
    case 'roles':
      return `${subject} ${listChanges('role', change, 'changed who holds')}.`;
    case 'vacancy':
      return change.vacant ? `${subject} became vacant.` : `${subject} is no longer vacant.`;
    case 'contacts':
      return `${subject} ${listChanges('contact', change, 'changed the details of')}.`;
    case 'maintainers': {
      const parts: string[] = [];
      if (change.added.length > 0) parts.push(`${listInWords(change.added)} now maintain${change.added.length === 1 ? 's' : ''}`);
      if (change.removed.length > 0) parts.push(`${listInWords(change.removed)} no longer maintain${change.removed.length === 1 ? 's' : ''}`);
      return `${capitalize(parts.join(' and '))} the page of ${nameInSentence(change.unit)}.`;
    }
  }
}
