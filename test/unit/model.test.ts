import { describe, expect, it } from 'vitest';
import {
  ConversationSchema,
  DEFAULT_SETTINGS,
  SettingsSchema,
  ValidationError,
  newId,
  parseOrThrow,
} from '@/lib/model';

describe('ids', () => {
  it('sort in the order they were made', () => {
    const ids = [newId(1_000), newId(1_000), newId(2_000), newId(50_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
  });
});

describe('settings', () => {
  it('defaults the same in the schema and in the plain object the popup reads', () => {
    expect(SettingsSchema.parse({})).toEqual(DEFAULT_SETTINGS);
  });
  it('have sensible defaults', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      orgDomains: [],
      weekStartsOn: 1,
      band: { min: 0.3, max: 0.7 },
      weeklyThankGoal: 3,
      autoLog: 'after-open',
    });
  });
  it('normalise domains and refuse nonsense with a message per problem', () => {
    expect(SettingsSchema.parse({ orgDomains: [' ACME.example '] }).orgDomains).toEqual([
      'acme.example',
    ]);
    const error = (() => {
      try {
        parseOrThrow(
          SettingsSchema,
          { weekStartsOn: 9, band: { min: 0.8, max: 0.2 }, reminderTime: '25:00' },
          'settings',
        );
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      'weekStartsOn: Too big: expected number to be <=6',
      'band: the band minimum must not exceed its maximum',
      'reminderTime: must be HH:MM',
    ]);
  });
  it('reject unknown keys (a typo never silently does nothing)', () => {
    expect(SettingsSchema.safeParse({ orgDomain: ['acme.example'] }).success).toBe(false);
  });
});

describe('conversation', () => {
  const valid = {
    tool: 'gmail',
    kind: 'mail',
    threadKey: 'gmail:abc',
    title: 'Hello',
    url: 'https://mail.google.com/mail/u/0/#inbox/abc',
    participants: [{ name: 'Amy', email: 'AMY@acme.example', role: 'sender' }],
  };
  it('accepts what an adapter gives and lower-cases emails', () => {
    expect(ConversationSchema.parse(valid).participants[0]?.email).toBe('amy@acme.example');
  });
  it('refuses handles without a tool, unknown tools and script URLs', () => {
    expect(
      ConversationSchema.safeParse({
        ...valid,
        participants: [{ name: 'A', handle: 'U01', role: 'member' }],
      }).success,
    ).toBe(false);
    expect(ConversationSchema.safeParse({ ...valid, tool: 'myspace' }).success).toBe(false);
    expect(ConversationSchema.safeParse({ ...valid, url: 'javascript:alert(1)' }).success).toBe(
      false,
    );
  });
});
