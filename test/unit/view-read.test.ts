import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readView, startReadingView } from '../../components/conversation/view-read';
import { newId, type Conversation } from '../../lib/model';
import { openStore, type Store } from '../../lib/store';

const settings = { orgDomains: ['acme.example'] };
const conversation: Conversation = {
  tool: 'gmail',
  kind: 'mail',
  threadKey: 'gmail:thread-1',
  title: 'Loading dock hours',
  url: 'https://mail.google.com/mail/u/0/#inbox/thread-1',
  participants: [{ name: 'Dana Park', email: 'dana@acme.example', role: 'sender' }],
};

let store: Store;
beforeEach(async () => {
  store = await openStore(`view-read-${newId()}`, () => undefined);
});
afterEach(() => store.close());

describe("the sidebar's read started before its panel renders", () => {
  it('is the read the panel takes for the same conversation, once', async () => {
    const reads = vi.spyOn(store, 'conversationView');
    startReadingView(store, conversation, settings, 3);
    const view = await readView(store, conversation, settings, 3);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(view.people.map((p) => p.person.name)).toEqual(['Dana Park']);
    // Taken once: the panel's next read (the log changed, say) reads anew.
    await readView(store, conversation, settings, 3);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('is left when the log changed or another conversation is shown meanwhile', async () => {
    const reads = vi.spyOn(store, 'conversationView');
    startReadingView(store, conversation, settings, 3);
    await readView(store, conversation, settings, 4);
    expect(reads).toHaveBeenCalledTimes(2);
    startReadingView(store, conversation, settings, 4);
    const other = { ...conversation, threadKey: 'gmail:thread-2' };
    const view = await readView(store, other, settings, 4);
    expect(reads).toHaveBeenCalledTimes(4);
    expect(reads.mock.lastCall?.[0]).toBe(other);
    expect(view.people).toHaveLength(1);
  });
});
