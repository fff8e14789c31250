/** Vocabularies for tests that parse pages in memory: the handbook's own, and a second organization's that shares no word with it. */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {parseVocabulary, type Vocabulary} from '@site/src/org/vocabulary';

const REPO = path.resolve(__dirname, '../..');

function read(file: string): Vocabulary {
  const {vocabulary, problems} = parseVocabulary(readFileSync(path.join(REPO, file), 'utf8'), file);
  if (!vocabulary) throw new Error(`${file}: ${problems.map((problem) => problem.message).join('; ')}`);
  return vocabulary;
}

/** org.vocabulary.yaml at the root of the repository. */
export const handbookVocabulary: Vocabulary = read('org.vocabulary.yaml');

/** tests/fixtures/vocabularies/acme.yaml: company, department, squad, guild, vendor. */
export const acmeVocabulary: Vocabulary = read('tests/fixtures/vocabularies/acme.yaml');
