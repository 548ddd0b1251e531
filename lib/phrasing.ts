/**
 * What grammatical shape a phrase the user typed has, so a thank-you can put it in a sentence
 * that reads right. People answer "What did they do?" in three ways: a past-tense clause
 * ("stayed late to fix the export"), an "-ing" form ("getting your crew to relabel…") or a noun
 * phrase ("the invoice export fix"). The first needs a subject ("You stayed late…"); the other
 * two follow "for …". "What did it make possible?" is mostly a whole clause ("Globex got their
 * numbers on time"), sometimes a thing ("an on-time delivery").
 *
 * English only, and deliberately small: word lists, not a parser. Whatever is not recognised
 * is treated as a noun phrase, which the templates complete with an article.
 */

/** `act` fits after "for …"; `clause` needs a subject ("you …", "Dana …"); `empty` was not given. */
export type PhraseForm = 'act' | 'clause' | 'empty';

export interface Phrase {
  form: PhraseForm;
  /** The words to put in the sentence: trimmed, no closing full stop, first letter as it fits. */
  text: string;
}

// Irregular past tenses people use for work ("made", "got", "found"…); regular ones end in -ed.
const IRREGULAR_PAST = new Set(
  (
    'became began bent bit bought brought built came caught chose cut dealt did drew drove dug ' +
    'fed felt fought found fit flew forgot forgave froze gave got grew had heard held hid hung ' +
    'kept knew laid led left lent let lit lost made meant met paid put quit ran rang read ' +
    'rebuilt redid remade reran resent rewrote rode rose said sang sat saw sent set shook shot ' +
    'showed shut slept sold sought spent spoke spun stood stuck swept swam swung taught ' +
    'thought threw told took tore understood undertook upheld was were woke won wore wrote'
  ).split(' '),
);
// Words ending in -ed or -ing that are not verb forms.
const NOT_PAST = new Set(
  'bed bred breed creed deed feed greed heed hundred need red seed shed sled speed steed weed wed naked sacred wicked kindred'.split(
    ' ',
  ),
);
const NOT_ING = new Set(
  (
    'anything bring ceiling cling darling during everything evening king morning nothing ' +
    'offspring ring sibling sing something spring sting string swing thing wedding wing'
  ).split(' '),
);
const DETERMINERS = new Set(
  (
    'a an the your our my their his her its this that these those all every each some so such ' +
    'much many one two three several both what how'
  ).split(' '),
);
// Words that open a clause as its subject: "we shipped on time", "everyone got home".
const SUBJECTS = new Set(
  'i we you they he she it everyone everybody nobody someone somebody people customers'.split(' '),
);
// A subject the user wrote before a past tense in "What did they do?": the template adds its own.
const DROPPED_SUBJECTS = new Set(['you', 'they', 'he', 'she']);

const words = (text: string) => text.split(/\s+/).filter(Boolean);
const bare = (word: string) => word.toLowerCase().replace(/[^a-z'-]/g, '');

export function isPastTense(word: string): boolean {
  const w = bare(word);
  if (IRREGULAR_PAST.has(w)) return true;
  return w.length >= 4 && w.endsWith('ed') && !NOT_PAST.has(w) && !w.endsWith('eed');
}

export function isIngForm(word: string): boolean {
  const w = bare(word);
  return w.length >= 5 && w.endsWith('ing') && !NOT_ING.has(w);
}

const isAdverb = (word: string) => bare(word).length > 3 && bare(word).endsWith('ly');

/** The user's words without surrounding space or a closing full stop. */
function tidy(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .trim();
}

/** Lower-cases a sentence-initial capital on a word we know ("Stayed" → "stayed"; not "I", "Globex"). */
function lowerFirst(text: string): string {
  const [first = ''] = words(text);
  const known =
    first !== 'I' &&
    first.slice(1) === first.slice(1).toLowerCase() &&
    (DETERMINERS.has(bare(first)) ||
      SUBJECTS.has(bare(first)) ||
      isPastTense(first) ||
      isIngForm(first) ||
      isAdverb(first));
  return known ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Adds "the" to a bare noun phrase: "invoice export fix" → "the invoice export fix". */
function withArticle(text: string): string {
  const [first = ''] = words(text);
  if (DETERMINERS.has(bare(first)) || /^[A-Z]/.test(first)) return lowerFirst(text);
  return `the ${text}`;
}

/** Reads an answer to "What did they do?". */
export function readDeed(input: string): Phrase {
  let text = tidy(input);
  if (!text) return { form: 'empty', text: '' };
  let list = words(text);
  // "You stayed late…" → "stayed late…": the template says who.
  if (list.length > 1 && DROPPED_SUBJECTS.has(bare(list[0]!)) && verbAt(list, 1) === 'past') {
    text = list.slice(1).join(' ');
    list = words(text);
  }
  const verb = verbAt(list, 0);
  if (verb === 'past') return { form: 'clause', text: lowerFirst(text) };
  if (verb === 'ing') return { form: 'act', text: lowerFirst(text) };
  return { form: 'act', text: withArticle(text) };
}

/** Reads an answer to "What did it make possible?". */
export function readOutcome(input: string): Phrase {
  const text = tidy(input);
  if (!text) return { form: 'empty', text: '' };
  const list = words(text);
  if (isIngForm(list[0]!)) return { form: 'act', text: lowerFirst(text) };
  if (SUBJECTS.has(bare(list[0]!)) && list.length > 1)
    return { form: 'clause', text: lowerFirst(text) };
  // "Globex got their numbers", "the truck left on time": a subject, then a verb.
  const before = (i: number) => bare(list[i]!);
  if (
    list
      .slice(1)
      .some((word, i) => isPastTense(word) && !isPastTense(list[i]!) && !DETERMINERS.has(before(i)))
  )
    return { form: 'clause', text: lowerFirst(text) };
  // "got Globex their numbers": a clause without its subject.
  if (isPastTense(list[0]!)) return { form: 'clause', text: `we ${lowerFirst(text)}` };
  return { form: 'act', text: withArticle(text) };
}

/** "past" or "ing" when the word at `index` (after an optional adverb) is that verb form. */
function verbAt(list: string[], index: number): 'past' | 'ing' | undefined {
  let word = list[index];
  if (word && isAdverb(word) && list[index + 1]) word = list[index + 1];
  if (!word) return undefined;
  if (isPastTense(word)) return 'past';
  if (isIngForm(word)) return 'ing';
  return undefined;
}
