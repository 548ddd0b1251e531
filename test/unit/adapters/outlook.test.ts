// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { outlook } from '../../../lib/adapters/outlook';
import { ConversationSchema } from '../../../lib/model';
import { loadFixture } from './load-fixture';

const SELF = { name: 'Sam Rivera', email: 'sam.rivera@acme.example' };

describe('outlook adapter', () => {
  it('reads a long conversation on outlook.office.com: From, To and Cc, without the user', () => {
    const { document, url } = loadFixture('outlook', 'office-thread');
    const found = outlook.extract(document, url);
    expect(found).toEqual({
      tool: 'outlook',
      kind: 'mail',
      threadKey:
        'outlook:office:AAQkADAwATM0MDAAMS1hZWQ3LTRlNmItMDACLTAwCgAQAJ/Zq8Y3lkVNq0e1dYx9Jqs=',
      title: 'Re: Globex renewal – order form',
      url: 'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1hZWQ3LTRlNmItMDACLTAwCgAQAJ%2FZq8Y3lkVNq0e1dYx9Jqs%3D',
      participants: [
        { name: 'Dana Kim', email: 'dana.kim@globex.example', role: 'sender' },
        // Recipient of the first message, sender of the last: the stronger role wins.
        { name: 'Priya Shah', email: 'priya.shah@acme.example', role: 'sender' },
        { name: 'Lee Park', email: 'lee.park@acme.example', role: 'cc' },
        { name: 'Jordan Blake', email: 'jordan.blake88@gmail.com', role: 'cc' },
        { name: 'Marco Rossi', email: 'marco.rossi@globex.example', role: 'sender' },
        { name: 'Alex Chen', email: 'alex.chen@initech.example', role: 'cc' },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
    const emails = found!.participants.map((p) => p.email);
    expect(emails).not.toContain(SELF.email);
    expect(new Set(emails).size).toBe(emails.length);
    // The message list and addresses in bodies or quoted headers are not participants.
    for (const stray of [
      'taylor.nguyen@umbrella.example',
      'procurement@globex.example',
      'casey.ortiz@globex.example',
    ]) {
      expect(emails).not.toContain(stray);
    }
  });

  it('reads older outlook.live.com markup: labels beside chips, mailto links, subject by level', () => {
    const { document, url } = loadFixture('outlook', 'live-legacy');
    const found = outlook.extract(document, url);
    expect(found).toEqual({
      tool: 'outlook',
      kind: 'mail',
      threadKey: 'outlook:live:AQQkADAwATYwMAItZjE3Mi1kOTQ3LTAwAi0wMAoAEABmQ8xPJ0r0SJ9cXw8kWr7h',
      title: 'Bake sale volunteers',
      url: 'https://outlook.live.com/mail/0/inbox/id/AQQkADAwATYwMAItZjE3Mi1kOTQ3LTAwAi0wMAoAEABmQ8xPJ0r0SJ9cXw8kWr7h',
      participants: [
        { name: 'Rosa Delgado', email: 'rosa.delgado@gmail.com', role: 'sender' },
        { name: 'Initech Orders', email: 'orders@initech.example', role: 'recipient' },
        { name: 'Kenji Watanabe', email: 'kenji.watanabe@acme.example', role: 'cc' },
        { name: 'noel.fox@acme.example', email: 'noel.fox@acme.example', role: 'cc' },
      ],
      self: { name: 'Sam Rivera', email: 'sam.rivera@outlook.com' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
    expect(found!.participants.map((p) => p.email)).not.toContain('volunteers@pta.example');
  });

  it('keys a conversation opened beside the list by its data-convid on outlook.office365.com', () => {
    const { document, url } = loadFixture('outlook', 'office365-pane');
    const found = outlook.extract(document, url);
    expect(found).toEqual({
      tool: 'outlook',
      kind: 'mail',
      threadKey: 'outlook:office:AAQkADAwATM0MDAAMS0wNzE4LTAwCgAQAPq2cD9fG8ZIr0d3nZt5p1Y=',
      title: 'SSO certificate rotation',
      url: 'https://outlook.office365.com/mail/inbox',
      participants: [
        { name: 'Alex Chen', email: 'alex.chen@initech.example', role: 'sender' },
        { name: 'Priya Shah', email: 'priya.shah@acme.example', role: 'recipient' },
      ],
      self: SELF,
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('gives null when nothing is selected', () => {
    const { document, url } = loadFixture('outlook', 'inbox');
    expect(outlook.extract(document, url)).toBeNull();
    expect(outlook.container!(document)?.id).toBe('ReadingPaneContainerId');
  });

  it('leaves the user out by name when the page shows no address for them', () => {
    const { document, url } = loadFixture('outlook', 'office-thread');
    document.getElementById('mectrl_currentAccount_secondary')!.remove();
    const found = outlook.extract(document, url);
    expect(found?.self).toEqual({ name: 'Sam Rivera' });
    expect(found?.participants.map((p) => p.name)).not.toContain('Sam Rivera');
  });

  it('never throws on an empty page or a malformed id', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>hi', 'text/html');
    const url = new URL('https://outlook.office.com/mail/inbox/id/%E0%A4%A');
    expect(outlook.extract(empty, url)).toBeNull();
    expect(outlook.container!(empty)).toBeNull();
    const { document } = loadFixture('outlook', 'live-legacy');
    expect(outlook.extract(document, url)?.threadKey).toBe('outlook:office:%E0%A4%A');
  });

  it('is the adapter the registry picks for Outlook pages', () => {
    for (const name of ['office-thread', 'live-legacy', 'office365-pane', 'inbox']) {
      expect(adapterFor(loadFixture('outlook', name).url)).toBe(outlook);
    }
    const calendar = new URL('https://outlook.office.com/calendar/view/week');
    expect(adapterFor(calendar)).toBe(outlook);
    expect(outlook.extract(loadFixture('outlook', 'inbox').document, calendar)).toBeNull();
  });
});

describe('outlook adapter, colleagues shown by name only', () => {
  it('keeps everyone the headers name, with their persona ids, when the page shows no address', () => {
    const { document, url } = loadFixture('outlook', 'office-internal');
    const found = detectConversation(document, url);
    expect(found).toEqual({
      tool: 'outlook',
      kind: 'mail',
      threadKey:
        'outlook:office:AAQkAGI2TAwATM0MDAAMS1hZWQ3LTRlNmItMDACLTAwCgAQAKx9Y2Lk5xFNn4x0XrWxPQo=',
      title: 'Q4 headcount plan',
      url: 'https://outlook.office.com/mail/id/AAQkAGI2TAwATM0MDAAMS1hZWQ3LTRlNmItMDACLTAwCgAQAKx9Y2Lk5xFNn4x0XrWxPQo%3D',
      participants: [
        {
          name: 'Dana Kim',
          handle: 'outlook:a1f0c2d3-4b5e-4f60-8a7b-9c0d1e2f3a4b',
          role: 'sender',
        },
        {
          name: 'Priya Shah',
          handle: 'outlook:b2e1d3c4-5a6f-4b70-9c8d-0e1f2a3b4c5d',
          role: 'sender',
        },
        { name: 'Lee Park', role: 'sender' },
        { name: 'Facilities Team', role: 'recipient' },
        // Only in a group's label ("To: Dana Kim; Noel Fox") with no chips inside it.
        { name: 'Noel Fox', role: 'recipient' },
      ],
      self: { name: 'Sam Rivera', email: 'sam.rivera@acme.example' },
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('lists nobody from the message list, quoted headers, bodies, "+2 others" or an open contact card', () => {
    const { document, url } = loadFixture('outlook', 'office-internal');
    const names = detectConversation(document, url)!.participants.map((p) => p.name);
    for (const other of [
      'Morgan Yu',
      'Casey Ortiz',
      'Jordan Blake',
      'Kenji Watanabe',
      'Sam Rivera',
      '+2 others',
    ]) {
      expect(names).not.toContain(other);
    }
    expect(names.some((n) => /^(to|cc|from)\b/i.test(n))).toBe(false);
  });
});
