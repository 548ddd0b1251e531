import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId, type Conversation } from '@/lib/model';
import { openStore, type Store } from '@/lib/store';

const settings = { orgDomains: ['acme.example'], timeZone: 'UTC' };
const thread = (threadKey: string, participants: Conversation['participants']): Conversation => ({
  tool: 'gmail',
  kind: 'mail',
  threadKey,
  title: 'Loading dock hours',
  url: `https://mail.google.com/mail/u/0/#inbox/${threadKey}`,
  participants,
});
const dana = { name: 'Dana Park', email: 'dana@acme.example', role: 'sender' as const };
const lee = { name: 'Lee Ortiz', email: 'lee@globex.example', role: 'recipient' as const };
const conversation = thread('gmail:thread-1', [dana, lee]);

let store: Store;
let announced: number;
beforeEach(async () => {
  announced = 0;
  store = await openStore(`view-${newId()}`, () => announced++);
});
afterEach(() => store.close());

describe("the sidebar's view of a conversation", () => {
  it('stores new people once (one announcement), then reads them without writing', async () => {
    const first = await store.conversationView(conversation, settings);
    expect(first.people.map((p) => [p.person.name, p.person.relationship])).toEqual([
      ['Dana Park', 'internal'],
      ['Lee Ortiz', 'external'],
    ]);
    expect(announced).toBe(1);
    expect(await store.listPeople()).toHaveLength(2);

    const again = await store.conversationView(conversation, settings);
    expect(again.people.map((p) => p.person.id)).toEqual(first.people.map((p) => p.person.id));
    expect(announced).toBe(1);
    expect(await store.listPeople()).toHaveLength(2);
  });

  it('writes when a known person shows a new handle, and keeps them one person', async () => {
    await store.conversationView(conversation, settings);
    const withHandle = thread('gmail:thread-1', [{ ...dana, handle: 'slack:dpark' }, lee]);
    const view = await store.conversationView(withHandle, settings);
    expect(announced).toBe(2);
    expect(view.people[0]!.person.handles).toEqual(['slack:dpark']);
    expect(await store.listPeople()).toHaveLength(2);
  });

  it('says who is logged in this thread, not in another thread whose key starts the same', async () => {
    const { people } = await store.conversationView(conversation, settings);
    const [danaPerson, leePerson] = people.map((p) => p.person);
    // Lee is logged only in a thread whose key begins with this one's and a separator.
    await store.logConversation(thread('gmail:thread-1|other', [lee]), [leePerson!], settings);
    await store.logConversation(conversation, [danaPerson!], settings);
    const view = await store.conversationView(conversation, settings);
    expect([...view.loggedIds]).toEqual([danaPerson!.id]);
  });

  it("gives each person's activity and only their own check-ins", async () => {
    const { people } = await store.conversationView(conversation, settings);
    const [danaPerson, leePerson] = people.map((p) => p.person);
    const stranger = await store.createPerson({
      name: 'Sam Reyes',
      emails: [],
      handles: [],
      relationship: 'unknown',
      relationshipSource: 'rule',
    });
    await store.logConversation(conversation, [danaPerson!], settings, 'detected', 1_000);
    await store.addAppreciation(
      { personId: danaPerson!.id, message: 'Thanks!', channel: 'copied' },
      2_000,
    );
    await store.addCheckIn({ personId: leePerson!.id, commitment: 'Send the pallet count' });
    await store.addCheckIn({ personId: stranger.id, commitment: 'Not shown here' });

    const view = await store.conversationView(conversation, settings);
    const facts = await view.facts;
    expect(facts.activity.get(danaPerson!.id)).toEqual({
      interactions: 1,
      thanks: 1,
      lastInteractionAt: 1_000,
      lastThankedAt: 2_000,
    });
    expect(facts.activity.get(leePerson!.id)).toMatchObject({ interactions: 0, thanks: 0 });
    expect(facts.checkIns.map((c) => c.commitment)).toEqual(['Send the pallet count']);
  });
});
