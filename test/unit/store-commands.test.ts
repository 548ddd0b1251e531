import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError, newId, type Conversation } from '@/lib/model';
import { NotFoundError, openStore, type Store } from '@/lib/store';

const settings = { orgDomains: ['acme.example'], timeZone: 'UTC' };
const conversation: Conversation = {
  tool: 'gmail',
  kind: 'mail',
  threadKey: 'gmail:thread-1',
  title: 'Loading dock hours',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread-1',
  participants: [
    { name: 'Dana Park', email: 'dana@acme.example', role: 'sender' },
    { name: 'Lee Ortiz', email: 'lee@globex.example', role: 'recipient' },
  ],
};

let store: Store;
let announced: number;
beforeEach(async () => {
  announced = 0;
  store = await openStore(`commands-${newId()}`, () => announced++);
});
afterEach(() => store.close());

async function person(name = 'Sam Reyes') {
  return store.createPerson({
    name,
    emails: [],
    handles: [],
    relationship: 'unknown',
    relationshipSource: 'rule',
  });
}

describe('every command announces its own change, once, after it committed', () => {
  it('tagging a person in a conversation sticks, logs the thread and is one announcement', async () => {
    const [dana] = await store.resolveParticipants(conversation, settings);
    announced = 0;
    const tagged = await store.tagPerson(dana!.person.id, 'external', conversation, settings);
    expect(announced).toBe(1);
    expect(tagged).toMatchObject({ relationship: 'external', relationshipSource: 'manual' });
    const logged = await store.interactionsWith(tagged.id);
    expect(logged.map((i) => [i.threadKey, i.relationship, i.source])).toEqual([
      ['gmail:thread-1', 'external', 'manual'],
    ]);
  });

  it('seeing the same conversation again writes nothing and says nothing', async () => {
    await store.resolveParticipants(conversation, settings);
    expect(announced).toBe(1);
    const again = await store.resolveParticipants(conversation, settings);
    expect(again).toHaveLength(2);
    expect(announced).toBe(1);
  });

  it('logging a conversation twice on one day announces only the first time', async () => {
    const people = (await store.resolveParticipants(conversation, settings)).map((r) => r.person);
    announced = 0;
    await store.logConversation(conversation, people, settings);
    await store.logConversation(conversation, people, settings);
    expect(announced).toBe(1);
  });

  it('a thank-you, a check-in and its follow-up each announce', async () => {
    const sam = await person();
    announced = 0;
    await store.addAppreciation({ personId: sam.id, message: 'Thanks!', channel: 'copied' });
    const checkIn = await store.addCheckIn({ personId: sam.id, answer: 'Earlier notice' });
    const done = await store.updateCheckIn(checkIn.id, { delivered: true });
    expect(done.delivered).toBe(true);
    expect(announced).toBe(3);
  });

  it('delete and undo announce; deleting what is gone does not', async () => {
    const sam = await person();
    const { interaction } = await store.logInteraction(
      { personId: sam.id, kind: 'call', source: 'manual' },
      settings,
    );
    if (!interaction) throw new Error('not logged');
    announced = 0;
    await store.deleteInteraction(interaction.id);
    await store.deleteInteraction(interaction.id);
    await store.restoreInteraction(interaction);
    expect(announced).toBe(2);
    expect(await store.getInteraction(interaction.id)).toEqual(interaction);
  });

  it('import, retention and wipe announce', async () => {
    const sam = await person();
    await store.logInteraction(
      { personId: sam.id, kind: 'call', source: 'manual', at: 1 },
      settings,
    );
    const all = await store.readAll();
    announced = 0;
    expect(await store.removeOlderThan(2)).toBe(1);
    expect(await store.removeOlderThan(2)).toBe(0);
    await store.wipe();
    expect(await store.importRecords(all)).toMatchObject({ added: 2, updated: 0, unchanged: 0 });
    expect(announced).toBe(3);
  });
});

describe('a refused command writes nothing and announces nothing', () => {
  it('an invalid check-in change', async () => {
    const sam = await person();
    const checkIn = await store.addCheckIn({ personId: sam.id });
    announced = 0;
    await expect(
      store.updateCheckIn(checkIn.id, { followUpOn: 'next week' as never }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(store.updateCheckIn(newId(), { delivered: true })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(announced).toBe(0);
    expect(await store.listCheckIns()).toEqual([checkIn]);
  });

  it('tagging someone unknown leaves the conversation unlogged', async () => {
    await expect(
      store.tagPerson(newId(), 'internal', conversation, settings),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(announced).toBe(0);
    expect(await store.interactionsBetween(0, Date.now() + 1)).toEqual([]);
  });

  it('a manual entry with a bad email creates no one', async () => {
    await expect(
      store.logManualEntry(
        {
          name: 'Kim',
          email: 'not an email',
          relationship: 'internal',
          interaction: { kind: 'call', source: 'manual' },
        },
        settings,
      ),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await store.listPeople()).toEqual([]);
    expect(announced).toBe(0);
  });
});

describe('the manual entry command', () => {
  it('finds the person by email; another relationship applies to that entry alone', async () => {
    const first = await store.logManualEntry(
      {
        name: 'Kim Lo',
        email: 'Kim@Acme.example',
        relationship: 'internal',
        interaction: { kind: 'in-person', source: 'manual' },
      },
      settings,
    );
    const again = await store.logManualEntry(
      {
        name: 'Kim',
        email: 'kim@acme.example',
        relationship: 'external',
        interaction: { kind: 'call', source: 'manual' },
      },
      settings,
    );
    expect(again.id).toBe(first.id);
    expect(again.relationship).toBe('internal');
    expect((await store.interactionsWith(first.id)).map((i) => i.relationship)).toEqual([
      'internal',
      'external',
    ]);
  });
});
