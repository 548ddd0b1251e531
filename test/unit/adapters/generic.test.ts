// @vitest-environment happy-dom
/**
 * The shared last generation, per tool: on a page whose people only generic markers show (a
 * markup generation no adapter selector knows), the tool's own generations find the conversation
 * and nobody; detectConversation then finds exactly the people in the conversation's container,
 * and none of the noise beside them (navigation lists, a mention picker, quoted text, a control
 * label, the user).
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS, detectConversation } from '../../../lib/adapters/index';
import { readPeople } from '../../../lib/adapters/generic';
import { ConversationSchema, type Tool } from '../../../lib/model';
import { loadFixture } from './load-fixture';

const FIXTURES: Record<Tool, string> = {
  gmail: 'generic-thread',
  outlook: 'generic-thread',
  'google-chat': 'generic-space',
  slack: 'generic-channel',
  teams: 'generic-chat',
  jira: 'generic-issue',
  zendesk: 'generic-ticket',
  github: 'generic-issue',
  linear: 'generic-issue',
  freshdesk: 'generic-ticket',
  servicenow: 'generic-incident',
};

/** Who is in every generic fixture's conversation, in page order. */
const expected = (tool: Tool) => [
  { name: 'Dana Kim', handle: `${tool}:U7DK31`, role: 'member' },
  { name: 'Lee Park', role: 'member' },
  { name: 'Ana Sousa', role: 'member' },
  { name: 'Raj Mehta', email: 'raj.mehta@globex.example', role: 'member' },
];

const NEVER = [
  'Omar Haddad',
  'Greta Lind',
  'Victor Old',
  'Priya Shah',
  'Jordan Blake',
  'Sam Rivera',
  'User menu',
];

describe('the generic reader, as the last generation of every adapter', () => {
  it('has a fixture for every tool', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(ADAPTERS.map((a) => a.tool).sort());
  });

  for (const adapter of ADAPTERS) {
    const name = FIXTURES[adapter.tool];
    it(`${adapter.tool}/${name}: only the generic reader finds the people, and only them`, () => {
      const { document, url } = loadFixture(adapter.tool, name);
      const own = adapter.extract(document, url);
      expect(own?.title).toMatch(/^loading.dock/i);
      expect(own?.participants).toEqual([]);

      const found = detectConversation(document, url);
      expect(found).not.toBeNull();
      expect(ConversationSchema.parse(found)).toEqual(found);
      expect({ ...found, participants: undefined }).toEqual({ ...own, participants: undefined });
      expect(found?.participants).toEqual(expected(adapter.tool));
      const names = found?.participants.map((p) => p.name) ?? [];
      for (const other of NEVER) expect(names).not.toContain(other);
    });
  }

  it('reads the container only, never the rest of the page', () => {
    const { document } = loadFixture('gmail', 'generic-thread');
    const nav = document.querySelector('.x9f-sidebar');
    if (!nav) throw new Error('fixture has no sidebar');
    const names = readPeople(nav.parentElement!, 'gmail').map((p) => p.name);
    expect(names).not.toContain('Priya Shah'); // the page's navigation list
    const main = document.querySelector('[role="main"]')!;
    expect(readPeople(main, 'gmail').map((p) => p.name)).not.toContain('Priya Shah');
  });

  it('finds nobody where nothing marks a person, and leaves found people alone', () => {
    const { document, url } = loadFixture('gmail', 'generic-thread');
    for (const el of document.querySelectorAll('.x9f-item')) el.remove();
    expect(detectConversation(document, url)?.participants).toEqual([]);
    const known = loadFixture('servicenow', 'incident');
    const found = detectConversation(known.document, known.url);
    expect(found).toEqual(
      ADAPTERS.find((a) => a.tool === 'servicenow')?.extract(known.document, known.url),
    );
  });
});
