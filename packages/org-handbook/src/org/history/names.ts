/**
 * How a unit is named inside a sentence. A module of its own, with no
 * dependency on the schema, because the unit pages' history line ships it to
 * the browser.
 */
import type {UnitLabel} from './diff';

/**
 * A unit's name as it reads inside a sentence: roles and councils are offices
 * ("the Executive Director", "the Steering Council"); areas, teams and
 * organizations are proper names ("Operations", "2i2c").
 */
export function nameInSentence(unit: UnitLabel): string {
  const office = unit.kind === 'role' || unit.kind === 'council';
  return office && !/^the\s/i.test(unit.name) ? `the ${unit.name}` : unit.name;
}
