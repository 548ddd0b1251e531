/**
 * The product's words live in public/_locales/<language>/messages.json and reach the pages through
 * the browser's i18n, so a translation is one file. lib/ stays free of browser APIs: code here that
 * writes sentences takes a `Translate`, which pages back with browser.i18n.getMessage and tests and
 * scripts with `translatorFor(messages)`, following the same substitution rules.
 */
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type Substitution = string | number;
export type Translate = (key: MessageKey, ...substitutions: Substitution[]) => string;

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/**
 * The browser's rules for one message: a named `$PLACEHOLDER$` (any case) becomes its content,
 * `$1`…`$9` there or in the message become the substitutions, and `$$` is a literal dollar.
 */
export function formatMessage(entry: MessageEntry, substitutions: readonly Substitution[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]),
  );
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : String(substitutions[Number(which) - 1] ?? ''),
    );
  return positional(
    entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name: string) => {
      return placeholders.get(name.toLowerCase()) ?? whole;
    }),
  );
}

/** A Translate over a messages.json object; an unknown key is a programming error. */
export function translatorFor(messages: Readonly<Record<string, MessageEntry>>): Translate {
  return (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) throw new Error(`No message "${key}"`);
    return formatMessage(entry, substitutions);
  };
}

/** "1 thing" or "3 things": the browser's i18n has no plurals, so each form is its own message. */
export function countText(
  t: Translate,
  count: number,
  one: MessageKey,
  other: MessageKey,
  ...substitutions: Substitution[]
): string {
  return t(count === 1 ? one : other, count, ...substitutions);
}
