/**
 * Thank-you templates: specific (what they did), timely and personal (what it made possible).
 * Each tone is a few whole sentences in _locales, one per shape of the user's phrase (see
 * ./phrasing.ts), so every tone reads as correct English and a translation owns its sentences.
 * The message is capped at 500 characters.
 */
import type { MessageKey, Translate } from './i18n';
import type { Person } from './model';
import { readDeed, readOutcome } from './phrasing';

export const MAX_MESSAGE = 500;

export interface TemplateInput {
  name: string;
  whatTheyDid: string;
  whatItMadePossible: string;
}

export type TemplateId = 'quick' | 'manager' | 'family' | 'supporting-cast';

export interface Template {
  id: TemplateId;
  /** The tone's name in the composer. */
  label: MessageKey;
  /** True when the note is written to someone else (their manager) about the person. */
  aboutThePerson?: boolean;
  render(input: TemplateInput, t: Translate): string;
}

/** The sentences of one tone: what they did (per phrase shape), what it made possible, a close. */
interface ToneSentences {
  didAct: MessageKey;
  didClause: MessageKey;
  didNone: MessageKey;
  madeNone: MessageKey;
  closing?: MessageKey;
  fullName?: boolean;
}

export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function tone(
  id: TemplateId,
  label: MessageKey,
  s: ToneSentences,
  aboutThePerson?: boolean,
): Template {
  return {
    id,
    label,
    aboutThePerson,
    render: (input, t) => {
      const name = s.fullName ? input.name.trim() : firstName(input.name);
      const deed = readDeed(input.whatTheyDid);
      const outcome = readOutcome(input.whatItMadePossible);
      const sentences = [
        deed.form === 'empty'
          ? t(s.didNone, name)
          : t(deed.form === 'act' ? s.didAct : s.didClause, name, deed.text),
        outcome.form === 'empty'
          ? t(s.madeNone)
          : t(outcome.form === 'act' ? 'templateMadeAct' : 'templateMadeClause', outcome.text),
      ];
      if (s.closing) sentences.push(t(s.closing, firstName(input.name)));
      return sentences.join(' ');
    },
  };
}

export const TEMPLATES: readonly Template[] = [
  tone('quick', 'templateQuick', {
    didAct: 'templateQuickDidAct',
    didClause: 'templateQuickDidClause',
    didNone: 'templateQuickDidNone',
    madeNone: 'templateQuickMadeNone',
  }),
  tone(
    'manager',
    'templateManager',
    {
      didAct: 'templateManagerDidAct',
      didClause: 'templateManagerDidClause',
      didNone: 'templateManagerDidNone',
      madeNone: 'templateManagerMadeNone',
      closing: 'templateManagerClosing',
      fullName: true,
    },
    true,
  ),
  tone('family', 'templateFamily', {
    didAct: 'templateFamilyDidAct',
    didClause: 'templateFamilyDidClause',
    didNone: 'templateFamilyDidNone',
    madeNone: 'templateFamilyMadeNone',
    closing: 'templateFamilyClosing',
  }),
  tone('supporting-cast', 'templateCast', {
    didAct: 'templateCastDidAct',
    didClause: 'templateCastDidClause',
    didNone: 'templateCastDidNone',
    madeNone: 'templateCastMadeNone',
  }),
];

export function templateById(id: TemplateId): Template {
  return TEMPLATES.find((tone) => tone.id === id) ?? TEMPLATES[0]!;
}

/** The tone that suits the person: their stated preference first, then who they are to us. */
export function suggestedTone(person: Pick<Person, 'thankPreference' | 'circle'>): TemplateId {
  if (person.thankPreference === 'via-manager') return 'manager';
  if (person.circle === 'support-staff') return 'supporting-cast';
  return 'quick';
}

/** A mailto: draft; the user's own mail client sends it, never the extension. */
export function mailtoUrl(email: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
