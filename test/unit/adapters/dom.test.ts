// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dedupeParticipants, findEmail, text, withinLimits } from '../../../lib/adapters/dom';
import { ConversationSchema, type Conversation } from '../../../lib/model';
import { looksLikePersonName, nameInLabel } from '../../../lib/person-name';

describe('looksLikePersonName', () => {
  it('refuses the labels of controls and placeholders', () => {
    for (const label of [
      'User menu',
      'Profile',
      'Open menu',
      'More options',
      'You',
      'Unassigned',
      'Account settings',
      'Show profile card',
      'Open navigation',
      '',
      '  ',
      '123',
      'https://example.com/u/1',
      'x'.repeat(130),
    ]) {
      expect(looksLikePersonName(label), label).toBe(false);
    }
  });

  it('keeps names, team mailboxes and addresses', () => {
    for (const name of [
      'Dana Kim',
      'Zoë Ōtake',
      '李雷',
      'Billing',
      'IT Service Desk',
      'a@b.example',
    ]) {
      expect(looksLikePersonName(name), name).toBe(true);
    }
  });

  it('reads the name out of person labels, and nothing out of control labels', () => {
    expect(nameInLabel('More information about Dana Kim')).toBe('Dana Kim');
    expect(nameInLabel('Avatar of Lee Park')).toBe('Lee Park');
    expect(nameInLabel('Profile picture of Ana Sousa')).toBe('Ana Sousa');
    expect(nameInLabel("Priya Nair's avatar")).toBe('Priya Nair');
    expect(nameInLabel('Avatar of User menu')).toBeUndefined();
    expect(nameInLabel('Profile')).toBeUndefined();
  });
});

describe('dedupeParticipants', () => {
  it('lends a same-named entry the handle another shows, then keeps one entry per person', () => {
    const people = dedupeParticipants([
      { name: 'Dana Kim', role: 'assignee' },
      { name: 'dana  kim', handle: 'jira:abc', role: 'author' },
      { name: 'Lee Park', role: 'mention' },
    ]);
    expect(people).toEqual([
      { name: 'Dana Kim', handle: 'jira:abc', role: 'author' },
      { name: 'Lee Park', role: 'mention' },
    ]);
  });

  it('lends nothing when one name shows two identities', () => {
    const people = dedupeParticipants([
      { name: 'Alex', handle: 'slack:U1', role: 'author' },
      { name: 'Alex', handle: 'slack:U2', role: 'author' },
      { name: 'Alex', role: 'mention' },
    ]);
    expect(people.map((p) => p.handle)).toEqual(['slack:U1', 'slack:U2', undefined]);
  });

  it('leaves the user out by email or handle, and by name only where nothing else compares', () => {
    const self = { name: 'Sam Rivera', email: 'sam@acme.example' };
    const kept = (p: Parameters<typeof dedupeParticipants>[0][number]) =>
      dedupeParticipants([p], self).length === 1;
    expect(kept({ name: 'Sam', email: 'SAM@acme.example', role: 'sender' })).toBe(false);
    expect(kept({ name: 'sam  rivera', role: 'author' })).toBe(false);
    // A handle cannot be compared with the user's email: the name decides.
    expect(kept({ name: 'Sam Rivera', handle: 'zendesk:1', role: 'cc' })).toBe(false);
    // Another address under the user's name is someone (or something) else.
    expect(kept({ name: 'Sam Rivera', email: 'sam.rivera@gmail.com', role: 'cc' })).toBe(true);
    expect(kept({ name: 'Sam Rivera', handle: 'slack:U2', role: 'author' })).toBe(false);
    expect(
      dedupeParticipants([{ name: 'Sam Rivera', handle: 'slack:U2', role: 'author' }], {
        name: 'Sam Rivera',
        handle: 'slack:U1',
      }),
    ).toHaveLength(1);
  });

  it('drops handles and emails the schema would refuse', () => {
    const [p] = dedupeParticipants([
      { name: 'Odd', handle: 'jira:a b', email: 'dana.@globex.example', role: 'author' },
    ]);
    expect(p).toEqual({ name: 'Odd', role: 'author' });
  });
});

describe('names that are not names', () => {
  it('never takes a control label for a person or for the user', () => {
    const people = dedupeParticipants(
      [
        { name: 'User menu', role: 'member' },
        { name: 'Profile', email: 'dana@globex.example', role: 'member' },
        { name: 'Lee Park', role: 'member' },
      ],
      { name: 'User menu' },
    );
    expect(people).toEqual([
      { name: 'dana@globex.example', email: 'dana@globex.example', role: 'member' },
      { name: 'Lee Park', role: 'member' },
    ]);
    const found = withinLimits({
      tool: 'slack',
      kind: 'chat',
      threadKey: 'slack:T1:C1',
      title: 'general',
      url: 'https://app.slack.com/client/T1/C1',
      participants: [],
      self: { name: 'User menu' },
    });
    expect(found?.self).toBeUndefined();
  });
});

describe('readers', () => {
  it('skips screen-reader-only copies, AUI `.assistive` included', () => {
    const doc = new DOMParser().parseFromString(
      '<p id="p">Dana <span class="assistive">Dana Kim (Assignee)</span><span class="sr-only">x</span>Kim</p>',
      'text/html',
    );
    expect(text(doc.getElementById('p'))).toBe('Dana Kim');
  });

  it('finds only well-formed addresses', () => {
    expect(findEmail('Dana <Dana.Kim@Globex.example>')).toBe('dana.kim@globex.example');
    expect(findEmail('a..b@x.example')).toBeUndefined();
    expect(findEmail('50%@acme.example')).toBeUndefined();
  });

  it('clips what an adapter returns to what the schema allows', () => {
    const base: Conversation = {
      tool: 'gmail',
      kind: 'mail',
      threadKey: 'gmail:1',
      title: '',
      url: 'https://x.example/',
      participants: [],
    };
    const found = withinLimits({
      ...base,
      title: 't'.repeat(5_000),
      self: { name: 'n'.repeat(500) },
    });
    expect(() => ConversationSchema.parse(found)).not.toThrow();
    expect(withinLimits({ ...base, threadKey: 'k'.repeat(2_000) })).toBeNull();
  });
});
