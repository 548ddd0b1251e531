/**
 * Thank-you templates: specific (what they did), timely and personal (what it made possible).
 * Each fills in from the composer's fields; the message is capped at 500 characters.
 */
export const MAX_MESSAGE = 500;

export interface TemplateInput {
  name: string;
  whatTheyDid: string;
  whatItMadePossible: string;
}

export interface Template {
  id: 'quick' | 'manager' | 'family' | 'supporting-cast';
  label: string;
  render(input: TemplateInput): string;
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function clause(text: string, fallback: string): string {
  const t = text.trim().replace(/[.!]+$/, '');
  return t || fallback;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'quick',
    label: 'Quick thanks',
    render: (i) =>
      `Thank you, ${firstName(i.name)}, for ${clause(i.whatTheyDid, 'your help')}. ` +
      `It meant ${clause(i.whatItMadePossible, 'a lot to me')}.`,
  },
  {
    id: 'manager',
    label: 'A note to their manager',
    render: (i) =>
      `I want you to know what ${i.name.trim()} did: ${clause(i.whatTheyDid, 'they went out of their way to help')}. ` +
      `Because of it, ${clause(i.whatItMadePossible, 'we served our customer well')}. Please pass on my thanks.`,
  },
  {
    id: 'family',
    label: 'Thanks for a family’s patience',
    render: (i) =>
      `${firstName(i.name)}, thank you, and please thank your family, for ${clause(i.whatTheyDid, 'their patience during the late nights')}. ` +
      `It made ${clause(i.whatItMadePossible, 'a big deadline possible')}, and I know it cost you time together.`,
  },
  {
    id: 'supporting-cast',
    label: 'The supporting cast',
    render: (i) =>
      `${firstName(i.name)}, I noticed ${clause(i.whatTheyDid, 'everything you do behind the scenes')}, and I am grateful. ` +
      `${capitalise(clause(i.whatItMadePossible, 'the rest of us can serve our customers because of it'))}.`,
  },
];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A mailto: draft; the user's own mail client sends it, never the extension. */
export function mailtoUrl(email: string, subject: string, body: string): string {
  return `mailto:${encodeURIComponent(email)}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
