import { describe, expect, it } from 'vitest';
import { parseMessage } from '@/lib/messages';
import { DEFAULT_SETTINGS, ValidationError } from '@/lib/model';
import { domainsFromText, readSettings, updateSettings } from '@/lib/settings';

describe('readSettings', () => {
  it('gives the defaults for nothing stored or junk', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('junk')).toEqual(DEFAULT_SETTINGS);
    expect(readSettings([1, 2])).toEqual(DEFAULT_SETTINGS);
  });
  it('keeps every valid field when one stored field is invalid', () => {
    const read = readSettings({
      orgDomains: ['acme.example'],
      weeklyThankGoal: -4,
      weekStartsOn: 0,
    });
    expect(read.orgDomains).toEqual(['acme.example']);
    expect(read.weekStartsOn).toBe(0);
    expect(read.weeklyThankGoal).toBe(DEFAULT_SETTINGS.weeklyThankGoal);
  });
  it('refuses an invalid change', () => {
    expect(() => updateSettings(DEFAULT_SETTINGS, { reminderTime: '7pm' })).toThrow();
    expect(updateSettings(DEFAULT_SETTINGS, { weeklyThankGoal: 5 }).weeklyThankGoal).toBe(5);
  });
});

describe('parseMessage', () => {
  const conversation = {
    tool: 'slack',
    kind: 'chat',
    threadKey: 'slack:T1:C1',
    title: '#globex',
    url: 'https://app.slack.com/client/T1/C1',
    participants: [{ name: 'Dana Kim', handle: 'slack:U1', role: 'author' }],
  };
  it('accepts our messages', () => {
    expect(parseMessage({ type: 'conversation', conversation })?.type).toBe('conversation');
    expect(parseMessage({ type: 'relay', message: { type: 'close-sidebar' } })?.type).toBe('relay');
  });
  it('drops anything else: unknown types, extra keys, bad payloads, relays of other requests', () => {
    expect(parseMessage({ type: 'eval', code: '1' })).toBeNull();
    expect(parseMessage({ type: 'conversation', conversation, extra: 1 })).toBeNull();
    expect(
      parseMessage({ type: 'conversation', conversation: { ...conversation, tool: 'myspace' } }),
    ).toBeNull();
    expect(
      parseMessage({ type: 'relay', message: { type: 'conversation', conversation } }),
    ).toBeNull();
    expect(parseMessage({ type: 'insert-text', text: 'x'.repeat(5_000) })).toBeNull();
    expect(parseMessage(null)).toBeNull();
    expect(parseMessage('conversation')).toBeNull();
  });
});

describe('settings typed into the pages', () => {
  it('reads domains one per line, or separated by spaces or commas, in lower case', () => {
    expect(domainsFromText(' Acme.example\n\nlabs.acme.example, globex.example  ')).toEqual([
      'acme.example',
      'labs.acme.example',
      'globex.example',
    ]);
    expect(domainsFromText('   ')).toEqual([]);
  });

  it('refuses a change that would make the settings invalid, naming the field', () => {
    expect(() => updateSettings(DEFAULT_SETTINGS, { orgDomains: ['not a domain'] })).toThrow(
      ValidationError,
    );
    expect(() => updateSettings(DEFAULT_SETTINGS, { weeklyThankGoal: 500 })).toThrow(
      /weeklyThankGoal/,
    );
  });
});
