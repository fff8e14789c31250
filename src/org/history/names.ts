/**
 * How a unit is named inside a sentence. A module of its own, with no
 * dependency on the schema, because the unit pages' history line ships it to
 * the browser.
 */
import type {UnitLabel} from './diff';

/**
 * A unit's name as it reads inside a sentence: names of kinds the vocabulary
 * marks `definite` are offices ("the Executive Director"); the others are
 * proper names ("Operations").
 */
export function nameInSentence(unit: UnitLabel): string {
  return unit.definite && !/^the\s/i.test(unit.name) ? `the ${unit.name}` : unit.name;
}
