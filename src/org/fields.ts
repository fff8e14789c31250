/**
 * The small typed values every schema of the handbook is made of (ids,
 * dates, names, links), with the messages editors read. The unit schema
 * (schema.ts) and the vocabulary schema (vocabulary.ts) share them, so an id
 * or a label is checked the same way wherever it is written.
 */
import * as z from 'zod';
import {SAFE_URL_PATTERN} from './safe-url';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Upper bounds on free text. Names are drawn in chart boxes, lists and
 * breadcrumbs, and every page repeats its neighbours' names, so an unbounded
 * name makes every page that mentions the unit heavy; the full story belongs
 * in the page body. The JSON Schema carries the same limits (maxLength).
 */
export const TEXT_LIMITS = {
  /** Unit ids become URLs and appear in every reference. */
  id: 64,
  /** Names, titles of roles, link labels, people and handles. */
  name: 120,
  /** Short qualifiers: a relation's or a retirement's note. */
  note: 300,
  /** Addresses of links. */
  url: 2000,
} as const;

const SAFE_URL_MESSAGE =
  'must be a web address starting with "https://" or "http://", a "mailto:" address, or a handbook path starting with "/" (such as "/about/people"); other kinds of address, such as "javascript:" or "data:", are refused because following them can run code';

export const tooLong = (max: number) => (issue: {input?: unknown}) =>
  `must be at most ${max} characters long${typeof issue.input === 'string' ? `, not ${issue.input.length}` : ''}`;

/** An id: of a unit, or of a kind, relation type, role or contact type in the vocabulary. */
export const idText = (what: string, example: string) =>
  z
    .string({error: `must be ${what} (a string such as "${example}")`})
    .max(TEXT_LIMITS.id, {error: tooLong(TEXT_LIMITS.id)})
    .regex(ID_PATTERN, {error: `must be lowercase letters, digits and single hyphens, such as "${example}"`});

export const unitId = idText('a unit id', 'engineering');

export const isoDate = z
  .string({error: 'must be a date written as YYYY-MM-DD (quote it if your editor changes it)'})
  .regex(DATE_PATTERN, {error: 'must be a date written as YYYY-MM-DD'})
  .refine((value) => {
    // Date.parse rolls 2026-02-30 over into March; a real date survives the round trip.
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
  }, {error: 'is not a real calendar date'})
  // Tells JSON Schema validators to check the calendar too, as the refine above does.
  .meta({format: 'date'});

const nonEmptyText = z.string({error: 'must be text'}).trim().min(1, {error: 'must not be empty'});
/** A name, a role's title, a link's label, a person. */
export const nameText = nonEmptyText.max(TEXT_LIMITS.name, {error: tooLong(TEXT_LIMITS.name)});
/** A short note beside a relation or a retirement. */
export const noteText = nonEmptyText.max(TEXT_LIMITS.note, {error: tooLong(TEXT_LIMITS.note)});

export const safeUrl = nonEmptyText
  .max(TEXT_LIMITS.url, {error: tooLong(TEXT_LIMITS.url)})
  .regex(SAFE_URL_PATTERN, {error: SAFE_URL_MESSAGE});

export const flag = z.boolean({error: 'must be true or false'});
