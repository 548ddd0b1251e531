// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { dedupeParticipants, findEmail, text, withinLimits } from '../../../lib/adapters/dom';
import { ConversationSchema, type Conversation } from '../../../lib/model';

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
