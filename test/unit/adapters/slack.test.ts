// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '../../../lib/model';
import { slack } from '../../../lib/adapters/slack';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { loadFixture } from './load-fixture';

const FIXTURES = ['channel-connect', 'dm-classic', 'browse-channels'];

describe('slack adapter', () => {
  it('reads a Slack Connect channel with a thread pane open', () => {
    const { document, url } = loadFixture('slack', 'channel-connect');
    const found = slack.extract(document, url);
    expect(found).toEqual({
      tool: 'slack',
      kind: 'chat',
      threadKey: 'slack:T0ACME1234:C05GLOBEX12',
      title: 'ext-globex-support',
      url: 'https://app.slack.com/client/T0ACME1234/C05GLOBEX12',
      participants: [
        { name: 'Jordan Lee', handle: 'slack:U07GLOBEX01', role: 'author', signal: 'external' },
        { name: 'Dana Kim', handle: 'slack:U02DANA001', role: 'author' },
        { name: 'Ana Torres', handle: 'slack:U07GLOBEX02', role: 'author', signal: 'external' },
        { name: 'Priya Shah', handle: 'slack:U03PRIYA01', role: 'author' },
        { name: 'Lee Wong', handle: 'slack:W0INITECH1', role: 'author', signal: 'external' },
        { name: 'Marco Diaz', handle: 'slack:U04MARCO01', role: 'mention' },
      ],
      self: { name: 'Sam Rivera', handle: 'slack:U01SAMR001' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in user, @here and screen-reader copies; keeps each id once', () => {
    const { document, url } = loadFixture('slack', 'channel-connect');
    const people = slack.extract(document, url)!.participants;
    const handles = people.map((p) => p.handle);
    expect(handles).not.toContain('slack:U01SAMR001');
    expect(handles).not.toContain('slack:BKNOTAUSER');
    expect(new Set(handles).size).toBe(handles.length);
    expect(people.every((p) => !p.name.includes(','))).toBe(true);
    expect(people.length).toBeGreaterThanOrEqual(5);
  });

  it('reads a DM in the older markup (sender links, no data-qa)', () => {
    const { document, url } = loadFixture('slack', 'dm-classic');
    const found = slack.extract(document, url);
    expect(found).toEqual({
      tool: 'slack',
      kind: 'chat',
      threadKey: 'slack:T0ACME1234:D04JORDAN01',
      title: 'Jordan Lee',
      url: 'https://app.slack.com/client/T0ACME1234/D04JORDAN01',
      participants: [
        { name: 'Jordan Lee', handle: 'slack:U07GLOBEX01', role: 'author', signal: 'external' },
        { name: 'Dana Kim', handle: 'slack:U02DANA001', role: 'mention' },
      ],
      self: { name: 'Sam Rivera', handle: 'slack:U01SAMR001' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null in the channel browser and other views without a channel', () => {
    const { document, url } = loadFixture('slack', 'browse-channels');
    expect(slack.extract(document, url)).toBeNull();
    for (const other of [
      'https://app.slack.com/client/T0ACME1234/unreads',
      'https://app.slack.com/client/T0ACME1234/activity-page',
      'https://app.slack.com/ssb/redirect',
    ]) {
      expect(adapterFor(new URL(other))).toBe(slack);
      expect(slack.extract(document, new URL(other))).toBeNull();
    }
  });

  it('never throws on stripped markup', () => {
    const { document, url } = loadFixture('slack', 'channel-connect');
    for (const el of document.querySelectorAll('[data-message-sender], [data-member-id]')) {
      el.removeAttribute('data-message-sender');
      el.removeAttribute('data-member-id');
      el.removeAttribute('data-member-label');
    }
    expect(() => ConversationSchema.parse(slack.extract(document, url))).not.toThrow();
  });

  it('is the adapter for every fixture address and finds the workspace view', () => {
    for (const name of FIXTURES) expect(adapterFor(loadFixture('slack', name).url)).toBe(slack);
    const { document } = loadFixture('slack', 'channel-connect');
    expect(slack.container?.(document)?.className).toContain('p-workspace-layout');
  });
});

describe('slack adapter, the user from structure', () => {
  it('reads a channel whose account button is labelled "User menu": the user comes from boot data', () => {
    const { document, url } = loadFixture('slack', 'channel-ia4');
    const found = detectConversation(document, url);
    expect(found).toEqual({
      tool: 'slack',
      kind: 'chat',
      threadKey: 'slack:T0ACME1234:C07ROLLOUT1',
      title: 'rollout-war-room',
      url: 'https://app.slack.com/client/T0ACME1234/C07ROLLOUT1',
      participants: [
        { name: 'Dana Kim', handle: 'slack:U02DANA001', role: 'author' },
        { name: 'Kenji Watanabe', handle: 'slack:U08KENJI01', role: 'author' },
        { name: 'Priya Shah', handle: 'slack:U03PRIYA01', role: 'mention' },
      ],
      // The name the user's own message shows, not the button's label.
      self: { name: 'Sam Rivera', handle: 'slack:U01SAMR001' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the sidebar or an open profile popover, and never the user', () => {
    const { document, url } = loadFixture('slack', 'channel-ia4');
    const people = detectConversation(document, url)!.participants;
    const names = people.map((p) => p.name);
    for (const other of ['Taylor Nguyen', 'Morgan Yu', 'Sam Rivera', 'User menu']) {
      expect(names).not.toContain(other);
    }
    expect(people.map((p) => p.handle)).not.toContain('slack:U01SAMR001');
  });

  it('never takes the account button label for a name; the avatar address names the user too', () => {
    const { document, url } = loadFixture('slack', 'channel-ia4');
    document.querySelector('script')?.remove();
    const withoutId = detectConversation(document, url)!;
    expect(withoutId.self).toBeUndefined();
    expect(withoutId.participants.map((p) => p.name)).not.toContain('User menu');

    document
      .querySelector('[data-qa="user-button"] img')
      ?.setAttribute('src', 'https://ca.slack-edge.com/T0ACME1234-U01SAMR001-g4f2a1b3c5d6-48');
    const found = detectConversation(document, url)!;
    expect(found.self).toEqual({ name: 'Sam Rivera', handle: 'slack:U01SAMR001' });
    expect(found.participants.map((p) => p.handle)).not.toContain('slack:U01SAMR001');
  });
});
