// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/index';
import { SELF_HOSTED_TOOLS, TOOLS } from '../../../lib/sites';
import { fixtureNames, loadFixture } from './load-fixture';

/** The same saved page at a company's own host. */
function atOwnHost(tool: string, name: string) {
  const { document, url } = loadFixture(tool, name);
  const moved = new URL(url.href);
  moved.host = 'tools.acme-corp.example';
  const adapter = ADAPTERS.find((a) => a.tool === tool)!;
  return { atHome: adapter.extract(document, url), moved: adapter.extract(document, moved) };
}

describe('self-hosted tools: the options offer only what reads pages at another host', () => {
  it.each(SELF_HOSTED_TOOLS)('%s reads its conversations at a company host', (tool) => {
    const read = fixtureNames(tool)
      .map((name) => atOwnHost(tool, name))
      .filter((r) => r.atHome);
    expect(read.length).toBeGreaterThan(0);
    for (const { atHome, moved } of read) {
      expect(moved?.participants.map((p) => p.name)).toEqual(
        atHome!.participants.map((p) => p.name),
      );
    }
  });

  it('leaves out the cloud-only tools (Slack, Linear and Teams read nothing elsewhere)', () => {
    for (const tool of ['slack', 'linear', 'teams'] as const) {
      expect(SELF_HOSTED_TOOLS).not.toContain(tool);
      const moved = fixtureNames(tool)
        .filter((name) => name !== 'home')
        .map((name) => atOwnHost(tool, name))
        .filter((r) => r.atHome);
      expect(
        moved.every((r) => r.moved === null),
        tool,
      ).toBe(true);
    }
    // Gmail and Google Chat have no self-hosted form at all.
    expect(TOOLS.filter((t) => !SELF_HOSTED_TOOLS.includes(t)).sort()).toEqual(
      ['gmail', 'google-chat', 'linear', 'slack', 'teams'].sort(),
    );
  });
});
