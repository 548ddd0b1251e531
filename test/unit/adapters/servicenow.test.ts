// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { servicenow } from '../../../lib/adapters/servicenow';
import { adapterFor, detectConversation } from '../../../lib/adapters/index';
import { conversationContainer } from '../../../lib/adapters/detect';
import { deepQuery } from '../../../lib/adapters/frames';
import { ConversationSchema } from '../../../lib/model';
import { loadFixture } from './load-fixture';

const FIXTURES = [
  'incident',
  'next-experience',
  'nav-to-shell',
  'incident-list',
  'polaris-shell',
  'polaris-form',
];

const INC0010023 = {
  tool: 'servicenow',
  kind: 'ticket',
  threadKey: 'servicenow:acme.service-now.com:incident:INC0010023',
  title: 'Globex branch office cannot reach the ERP over VPN',
  url: 'https://acme.service-now.com/incident.do?sys_id=9c573169c611228700193229fff72400',
  participants: [
    {
      name: 'Dana Whitfield',
      handle: 'servicenow:62826bf03710200044e0bfc8bcbe5df1',
      role: 'requester',
    },
    // Assigned to, and commented: dedupe keeps the stronger role.
    { name: 'Priya Nair', handle: 'servicenow:46d44a23a9fe19810012d100cca80666', role: 'author' },
    { name: 'Hiroshi Tanaka', handle: 'servicenow:5137153cc611227c000bbd1bd8cd2006', role: 'cc' },
    { name: 'ops-oncall@acme.example', email: 'ops-oncall@acme.example', role: 'cc' },
    { name: 'Lena Okafor', role: 'author' },
    { name: 'Tom Becker', handle: 'servicenow:5137153cc611227c000bbd1bd8cd2005', role: 'mention' },
  ],
  self: { name: 'Sam Rivera' },
};

/** The UI16 shell with its #gsft_main frame showing `inner` (happy-dom loads no frames). */
function shellShowing(inner: () => Document) {
  const { document, url } = loadFixture('servicenow', 'nav-to-shell');
  const frame = document.getElementById('gsft_main');
  if (!frame) throw new Error('fixture has no #gsft_main');
  Object.defineProperty(frame, 'contentDocument', { get: inner });
  return { document, url };
}

/** A fixture's document answering `URL` with its own address, as a loaded frame's does. */
function frameDocument(name: string): Document {
  const { document, url } = loadFixture('servicenow', name);
  Object.defineProperty(document, 'URL', { value: url.href });
  return document;
}

/** INC0010052 as the Next Experience shell shows it: the form in #gsft_main, the user on top. */
const INC0010052 = {
  tool: 'servicenow',
  kind: 'ticket',
  threadKey: 'servicenow:acme.service-now.com:incident:INC0010052',
  title: 'Docking station drops both monitors after sleep',
  url: 'https://acme.service-now.com/incident.do?sys_id=d71f7935c0a8016700802b64c67c11c6',
  participants: [
    {
      name: 'Abel Tuter',
      handle: 'servicenow:a8f98bb0eb32010045e1a5115206fe3a',
      role: 'requester',
    },
    { name: 'Beth Anglin', handle: 'servicenow:46c6f9efa9fe198101ddf5eed9adf6e7', role: 'author' },
    { name: 'David Loo', handle: 'servicenow:5137153cc611227c000bbd1bd8cd2006', role: 'cc' },
    { name: 'it-desk@acme.example', email: 'it-desk@acme.example', role: 'cc' },
    {
      name: 'Don Goodliffe',
      handle: 'servicenow:0a826bf03710200044e0bfc8bcbe5d7a',
      role: 'mention',
    },
  ],
  self: { name: 'Sam Rivera' },
};

/** The Next Experience shell with its #gsft_main frame (in its shadow root) showing `inner`. */
function polarisShowing(inner: () => Document) {
  const { document, url } = loadFixture('servicenow', 'polaris-shell');
  const frame = deepQuery(document, 'iframe#gsft_main');
  if (!frame) throw new Error('fixture has no #gsft_main in its shadow roots');
  Object.defineProperty(frame, 'contentDocument', { get: inner });
  return { document, url };
}

describe('servicenow adapter', () => {
  it('reads a classic incident form: caller, assignee, watch list, activity, @mentions', () => {
    const { document, url } = loadFixture('servicenow', 'incident');
    const found = servicenow.extract(document, url);
    expect(found).toEqual(INC0010023);
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('leaves out the signed-in user, system entries and repeated people', () => {
    const { document, url } = loadFixture('servicenow', 'incident');
    const names = servicenow.extract(document, url)?.participants.map((p) => p.name) ?? [];
    expect(names).not.toContain('Sam Rivera');
    expect(names).not.toContain('System');
    expect(names.filter((n) => n === 'Dana Whitfield')).toHaveLength(1);
    expect(names).toHaveLength(6);
  });

  it('reads the form under a Next Experience address (form inline), without self', () => {
    const { document, url } = loadFixture('servicenow', 'next-experience');
    const found = servicenow.extract(document, url);
    expect(found).toEqual({
      tool: 'servicenow',
      kind: 'ticket',
      threadKey: 'servicenow:acme.service-now.com:incident:INC0010031',
      title: 'Laptop docking station not detected',
      url: 'https://acme.service-now.com/incident.do?sys_id=1c741bd70b2322007518478d83673af3',
      participants: [
        {
          name: 'Carlos Mendez',
          handle: 'servicenow:77ad8176731313005754660c4cf6a7de',
          role: 'requester',
        },
      ],
    });
    expect(ConversationSchema.parse(found)).toEqual(found);
  });

  it('reads the form inside the #gsft_main frame of the nav_to.do shell, self from the top', () => {
    const form = frameDocument('incident');
    form.querySelector('#user_info_dropdown')?.remove(); // a framed form shows no header
    const { document, url } = shellShowing(() => form);
    expect(servicenow.extract(document, url)).toBeNull();
    expect(detectConversation(document, url)).toEqual(INC0010023);
    expect(conversationContainer(servicenow, document)?.id).toBe('incident.do');
  });

  it('reads the form in #gsft_main inside the Next Experience shadow roots, self from its header', () => {
    const { document, url } = polarisShowing(() => frameDocument('polaris-form'));
    expect(document.querySelector('iframe')).toBeNull(); // only inside shadow roots
    expect(servicenow.extract(document, url)).toBeNull();
    const found = detectConversation(document, url);
    expect(found).toEqual(INC0010052);
    expect(ConversationSchema.parse(found)).toEqual(found);
    expect(conversationContainer(servicenow, document)?.id).toBe('incident.do');
  });

  it("leaves out the shell's menus, notifications, the viewers and related lists", () => {
    const { document, url } = polarisShowing(() => frameDocument('polaris-form'));
    const names = detectConversation(document, url)?.participants.map((p) => p.name) ?? [];
    for (const other of ['Sam Rivera', 'Fred Luddy', 'Bud Richman', 'Luke Wilson', 'Rick Berzle']) {
      expect(names).not.toContain(other);
    }
  });

  it("takes the user from the shell header's avatar name only, never a control's label", () => {
    const { document } = loadFixture('servicenow', 'polaris-shell');
    expect(servicenow.self?.(document)).toEqual({ name: 'Sam Rivera' });
    const avatar = deepQuery(document, 'now-avatar[user-name]');
    avatar?.setAttribute('user-name', 'User menu');
    expect(servicenow.self?.(document)).toBeUndefined();
    avatar?.removeAttribute('user-name');
    expect(servicenow.self?.(document)).toBeUndefined();
  });

  it('gives null, without throwing, when the frame is empty, blank or cannot be read', () => {
    const { document, url } = loadFixture('servicenow', 'nav-to-shell');
    expect(detectConversation(document, url)).toBeNull();
    const blocked = shellShowing(() => {
      throw new DOMException('Blocked a frame', 'SecurityError');
    });
    expect(detectConversation(blocked.document, blocked.url)).toBeNull();
    expect(conversationContainer(servicenow, blocked.document)).toBeNull();
    const blank = shellShowing(() => loadFixture('servicenow', 'incident').document);
    expect(detectConversation(blank.document, blank.url)).toBeNull(); // still at about:blank
  });

  it('gives null while the frame still shows another record than the address names', () => {
    const { document } = loadFixture('servicenow', 'incident');
    const other = new URL(
      'https://acme.service-now.com/incident.do?sys_id=1c741bd70b2322007518478d83673af3',
    );
    expect(servicenow.extract(document, other)).toBeNull();
  });

  it('gives null on a list and on a new, unsaved record', () => {
    const { document, url } = loadFixture('servicenow', 'incident-list');
    expect(servicenow.extract(document, url)).toBeNull();
    const form = loadFixture('servicenow', 'incident').document;
    expect(
      servicenow.extract(form, new URL('https://acme.service-now.com/incident.do?sys_id=-1')),
    ).toBeNull();
  });

  it('never throws on an empty page or a malformed address', () => {
    const empty = new DOMParser().parseFromString('<!doctype html><p>', 'text/html');
    for (const address of [
      'https://acme.service-now.com/incident.do?sys_id=9c573169c611228700193229fff72400',
      'https://acme.service-now.com/nav_to.do?uri=%E0%A4%A',
      'https://acme.service-now.com/now/nav/ui/classic/params/target/%',
    ]) {
      expect(servicenow.extract(empty, new URL(address))).toBeNull();
    }
  });

  it('is picked for every fixture address; other ServiceNow pages give an adapter but no conversation', () => {
    for (const name of FIXTURES) {
      expect(adapterFor(loadFixture('servicenow', name).url)?.tool).toBe('servicenow');
    }
    const other = new URL('https://acme.service-now.com/now/nav/ui/home');
    expect(adapterFor(other)).toBe(servicenow);
    expect(servicenow.extract(loadFixture('servicenow', 'incident').document, other)).toBeNull();
  });
});
