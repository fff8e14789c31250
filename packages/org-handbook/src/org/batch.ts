/**
 * The batch file of `npm run new:unit -- --from FILE`: a YAML or JSON list of
 * units, each written with the same names as the command's flags. Pure: text
 * in, answers and located problems out. Read with the handbook's own YAML
 * reader, so a batch file gets the same safety limits and positions as a page.
 *
 *   units:                 # or the list alone, at the top of the file
 *     - kind: team
 *       name: Data and Research
 *       reportsTo: engineering
 *       roles: [{role: lead, holders: [{name: Jane Doe}]}]
 *       contacts: [{type: chat, label: "#data", url: https://chat.example.org/data}]
 */
import * as z from 'zod';
import {readYamlBlock} from './frontmatter';
import type {OrgProblem, SourcePosition} from './problems';
import type {UnitAnswers} from './scaffold';
import {didYouMean} from './suggest';

const text = z.string({error: 'must be text'});
const texts = z.array(text, {error: 'must be a list of texts'});
const objects = z.array(z.record(z.string(), z.unknown(), {error: 'must be a mapping of fields'}), {error: 'must be a list of mappings'});

/** Only the shape each answer must have to become a page; what the values may be is the page check's business. */
const batchEntrySchema = z.strictObject(
  {
    kind: text,
    name: text,
    id: text.optional(),
    shortName: text.optional(),
    reportsTo: text.optional(),
    members: texts.optional(),
    vacant: z.boolean({error: 'must be true or false'}).optional(),
    roles: objects.optional(),
    contacts: objects.optional(),
    description: text.optional(),
    relations: z
      .array(z.strictObject({type: text, to: text, note: text.optional()}), {error: 'must be a list of relations ({type, to, note})'})
      .optional(),
    maintainers: texts.optional(),
    reviewed: text.optional(),
    formerIds: texts.optional(),
    redirectFrom: texts.optional(),
  },
  {error: 'must be a mapping of fields such as "kind: team" and "name: Data"'},
);

export const BATCH_FIELDS = Object.keys(batchEntrySchema.shape);

export interface BatchFile {
  entries: UnitAnswers[];
  problems: OrgProblem[];
  /** Position of a value in the file: `locate(2, ['roles', 0])` for the first role of the third unit. */
  locate(entry: number, answerPath: readonly PropertyKey[], asKey?: boolean): SourcePosition;
}

/** Whether the first thing in the file is a list rather than a mapping. */
function startsWithList(source: string): boolean {
  for (const line of source.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    return trimmed.startsWith('-') || trimmed.startsWith('[');
  }
  return false;
}

export function readBatchFile(file: string, source: string): BatchFile {
  // The reader takes a mapping: a bare list is
  // indented one space under a `units:` key, and positions are shifted back.
  const bare = startsWithList(source);
  const body = source.replace(/\r\n/g, '\n');
  const wrapped = bare ? `units:\n${body.split('\n').map((line) => ` ${line}`).join('\n')}` : body;
  // With the list wrapped, the file's first line is the second of the text read.
  const read = readYamlBlock(wrapped, bare ? 0 : 1, 'a batch file');
  const shift = ({line, column}: SourcePosition): SourcePosition => (bare ? {line: Math.max(1, line), column: Math.max(1, column - 1)} : {line, column});
  const at = (keys: readonly PropertyKey[], asKey = false) => shift(read.locate(keys, asKey));
  const problems: OrgProblem[] = read.problems.map((problem) => ({file, ...shift(problem), message: problem.message}));
  const entries: UnitAnswers[] = [];
  const locate = (entry: number, answerPath: readonly PropertyKey[], asKey = false) => at(['units', entry, ...answerPath], asKey);
  if (problems.length > 0) return {entries, problems, locate};

  const extra = Object.keys(read.data).filter((key) => key !== 'units');
  for (const key of extra) problems.push({file, ...at([key], true), message: `unknown key "${key}"; a batch file holds one key, "units", with the list of units`});
  const units = read.data.units;
  if (!Array.isArray(units)) {
    problems.push({file, ...at(['units']), message: 'must be a list of units ("units:" followed by "- kind: ..." entries, or the list alone)'});
    return {entries, problems, locate};
  }
  units.forEach((unit, entry) => {
    const parsed = batchEntrySchema.safeParse(unit);
    if (parsed.success) {
      entries.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({file, ...locate(entry, [...issue.path, key], true), message: `unknown field "${key}"${didYouMean(key, BATCH_FIELDS)}`});
        }
        continue;
      }
      const missing = issue.path.length > 0 && (unit as Record<string, unknown> | null)?.[String(issue.path[0])] === undefined;
      const where = issue.path.map(String).join('.');
      problems.push({
        file,
        ...locate(entry, missing ? [] : issue.path),
        message: missing ? `unit ${entry + 1} needs "${where}"` : `"${where || `unit ${entry + 1}`}" ${issue.message}`,
      });
    }
  });
  return {entries, problems, locate};
}
