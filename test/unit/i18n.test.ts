import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countText, formatMessage, translatorFor, type MessageEntry } from '@/lib/i18n';
import messages from '@/public/_locales/en/messages.json';

const root = join(__dirname, '../..');
const all = messages as Record<string, MessageEntry>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|html)$/.test(name) ? [path] : [];
  });
}

describe('formatMessage follows the browser’s substitution rules', () => {
  it('fills named placeholders (any case) and $1…$9, and keeps $$ as a dollar', () => {
    const entry = {
      message: 'Paid $Amount$ to $WHO$: $$ $3',
      placeholders: { amount: { content: '$2' }, who: { content: '$1' } },
    };
    expect(formatMessage(entry, ['Rosa', 12, 'ok'])).toBe('Paid 12 to Rosa: $ ok');
  });
  it('never re-reads a substitution as a placeholder, and leaves a missing one empty', () => {
    const entry = { message: '$1 / $2', placeholders: {} };
    expect(formatMessage(entry, ['$2 $$'])).toBe('$2 $$ / ');
  });
  it('refuses an unknown key rather than showing nothing', () => {
    const t = translatorFor({ hello: { message: 'Hello' } });
    expect(() => t('nope' as never)).toThrow(/No message "nope"/);
  });
  it('picks the singular or plural message by count', () => {
    const t = translatorFor({
      one: { message: '$1 thing', placeholders: {} },
      other: { message: '$1 things', placeholders: {} },
    });
    expect(countText(t, 1, 'one' as never, 'other' as never)).toBe('1 thing');
    expect(countText(t, 3, 'one' as never, 'other' as never)).toBe('3 things');
  });
});

describe('public/_locales/en/messages.json', () => {
  const sources = [
    ...['lib', 'components', 'entrypoints', 'platform'].flatMap((d) => sourceFiles(join(root, d))),
    join(root, 'wxt.config.ts'),
  ]
    .map((path) => readFileSync(path, 'utf8'))
    .join('\n');

  it('has keys the browser accepts and a non-empty message for each', () => {
    for (const [key, entry] of Object.entries(all)) {
      expect(key).toMatch(/^[A-Za-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
    }
  });
  it('defines every $PLACEHOLDER$ a message uses, uses every one it defines, numbered from $1', () => {
    for (const [key, entry] of Object.entries(all)) {
      const used = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) =>
        m[1]!.toLowerCase(),
      );
      const defined = Object.keys(entry.placeholders ?? {}).map((n) => n.toLowerCase());
      expect(new Set(used), key).toEqual(new Set(defined));
      const positions = Object.values(entry.placeholders ?? {})
        .map((p) => Number(/^\$([1-9])$/.exec(p.content)?.[1]))
        .sort();
      expect(positions, key).toEqual(positions.map((_, i) => i + 1));
    }
  });
  it('holds no message the code never asks for', () => {
    const unused = Object.keys(all).filter(
      (key) => !new RegExp(`['"\`]${key}['"\`]|__MSG_${key}__`).test(sources),
    );
    expect(unused).toEqual([]);
  });
});
