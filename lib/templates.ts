/**
 * Thank-you templates: specific (what they did), timely and personal (what it made possible).
 * Each fills in from the composer's fields; the message is capped at 500 characters.
 */
import type { MessageKey, Translate } from './i18n';

export const MAX_MESSAGE = 500;

export interface TemplateInput {
  name: string;
  whatTheyDid: string;
  whatItMadePossible: string;
}

export interface Template {
  id: 'quick' | 'manager' | 'family' | 'supporting-cast';
  /** The tone's name in the composer. */
  label: MessageKey;
  render(input: TemplateInput, t: Translate): string;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/** The user's words without a closing full stop (the template adds its own), or a fallback. */
function clause(text: string, fallback: string): string {
  const trimmed = text.trim().replace(/[.!]+$/, '');
  return trimmed || fallback;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Each tone is one message with $NAME$, $DID$ and $MADE_POSSIBLE$, and its own words for a field
 * left empty, so a translation can reorder the sentence freely.
 */
function tone(
  id: Template['id'],
  label: MessageKey,
  body: MessageKey,
  fallbackDid: MessageKey,
  fallbackMadePossible: MessageKey,
  options: { fullName?: boolean; sentenceStartsWithMadePossible?: boolean } = {},
): Template {
  return {
    id,
    label,
    render: (input, t) => {
      const madePossible = clause(input.whatItMadePossible, t(fallbackMadePossible));
      return t(
        body,
        options.fullName ? input.name.trim() : firstName(input.name),
        clause(input.whatTheyDid, t(fallbackDid)),
        options.sentenceStartsWithMadePossible ? capitalise(madePossible) : madePossible,
      );
    },
  };
}

export const TEMPLATES: readonly Template[] = [
  tone('quick', 'templateQuick', 'templateQuickBody', 'templateQuickDid', 'templateQuickMade'),
  tone(
    'manager',
    'templateManager',
    'templateManagerBody',
    'templateManagerDid',
    'templateManagerMade',
    { fullName: true },
  ),
  tone('family', 'templateFamily', 'templateFamilyBody', 'templateFamilyDid', 'templateFamilyMade'),
  tone(
    'supporting-cast',
    'templateCast',
    'templateCastBody',
    'templateCastDid',
    'templateCastMade',
    { sentenceStartsWithMadePossible: true },
  ),
];

/** A mailto: draft; the user's own mail client sends it, never the extension. */
export function mailtoUrl(email: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
