import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {formatProblem} from '@site/src/org/problems';
import {createOrgSchema} from '@site/src/org/schema';
import {isJoinedKind, parseVocabulary} from '@site/src/org/vocabulary';

const REPO = path.resolve(__dirname, '../..');
const handbookText = readFileSync(path.join(REPO, 'org.vocabulary.yaml'), 'utf8');
const acmeText = readFileSync(path.join(REPO, 'tests/fixtures/vocabularies/acme.yaml'), 'utf8');
const problemsOf = (text: string) => parseVocabulary(text).problems.map(formatProblem);

describe('the vocabulary file', () => {
  it('reads the handbook\'s own vocabulary, in the file\'s order', () => {
    const {vocabulary, problems} = parseVocabulary(handbookText);
    expect(problems).toEqual([]);
    expect(vocabulary!.rootKind).toBe('organization');
    expect([...vocabulary!.kinds.keys()]).toEqual(['organization', 'sponsor', 'institution', 'council', 'role', 'area', 'team']);
    expect(isJoinedKind(vocabulary!, 'team')).toBe(true);
    expect(isJoinedKind(vocabulary!, 'area')).toBe(false);
  });

  it('reads a second organization\'s vocabulary with its own words', () => {
    const {vocabulary, problems} = parseVocabulary(acmeText);
    expect(problems).toEqual([]);
    expect(vocabulary!.kinds.get('squad')!.label).toBe('Squad');
    expect(vocabulary!.contacts.get('standup')!.schedule).toBe(true);
  });

  it('locates a reference to an unknown kind, with a did-you-mean, and reports every problem at once', () => {
    const text = acmeText
      .replace('reportsTo: [department]', 'reportsTo: [departmnt]')
      .replace('to: [company, department]', 'to: [company, departement]')
      .replace('line: dashed', 'line: wavy');
    expect(problemsOf(text)).toEqual([
      'org.vocabulary.yaml:11:17: unknown kind "departmnt" (did you mean "department"?); the kinds are company, department, squad, guild, vendor',
      'org.vocabulary.yaml:18:64: "relations.supplies.line" must be one of dotted, dashed, dash-dot, not "wavy"',
      'org.vocabulary.yaml:18:100: unknown kind "departement" (did you mean "department"?); the kinds are company, department, squad, guild, vendor',
    ]);
  });

  it('refuses a kind with no reporting line that is not joined through members', () => {
    const text = acmeText.replace('    members: {kinds: [department, squad], required: true}\n', '');
    expect(problemsOf(text)).toEqual([
      expect.stringMatching(/^org\.vocabulary\.yaml:12:3: "guild" has no reporting line .* give it "members: \{kinds: \[\.\.\.\], required: true\}"/),
    ]);
  });

  it('locates unknown fields with a hint', () => {
    expect(problemsOf(acmeText.replace('  vendor: {label: Vendor,', '  vendor: {lable: Vendor,'))).toEqual([
      'org.vocabulary.yaml:16:3: "kinds.vendor.label" is required',
      'org.vocabulary.yaml:16:12: unknown field "kinds.vendor.lable" (did you mean "label"?)',
    ]);
  });

  it('builds the unit schema from the vocabulary: its kinds, roles and contact types', () => {
    const schema = createOrgSchema(parseVocabulary(acmeText).vocabulary!);
    expect(schema.safeParse({id: 'web', kind: 'squad', reportsTo: 'eng', roles: [{role: 'manager', holders: [{name: 'A'}]}]}).success).toBe(true);
    expect(schema.safeParse({id: 'web', kind: 'area'}).success).toBe(false);
    expect(schema.safeParse({id: 'web', kind: 'squad', contacts: [{type: 'mailing-list', label: 'x'}]}).success).toBe(false);
  });
});
