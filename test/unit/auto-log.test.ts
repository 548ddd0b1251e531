import { MatchPattern } from '@webext-core/match-patterns';
import { describe, expect, it } from 'vitest';
import {
  autoLogVerdict,
  MAX_AUTO_LOG_PEOPLE,
  readWorkspaceAnswers,
  workspaceOf,
} from '@/lib/auto-log';
import type { Conversation } from '@/lib/model';
import { ALL_TOOL_MATCHES, isTenantHost, TOOL_MATCHES } from '@/lib/sites';

const people = (n: number): Conversation['participants'] =>
  Array.from({ length: n }, (_, i) => ({ name: `Person ${i}`, role: 'author' as const }));

const ticket = (n = 3): Pick<Conversation, 'tool' | 'participants' | 'userTakesPart'> => ({
  tool: 'zendesk',
  participants: people(n),
});

describe('logging without a click', () => {
  it('on a host anyone can create, waits for the user to say the workspace is theirs', () => {
    expect(autoLogVerdict(ticket(), 'acme.zendesk.com', {})).toBe('ask');
    expect(autoLogVerdict(ticket(), 'acme.zendesk.com', { 'zendesk:acme.zendesk.com': true })).toBe(
      'log',
    );
    expect(
      autoLogVerdict(ticket(), 'acme.zendesk.com', { 'zendesk:acme.zendesk.com': false }),
    ).toBe('declined');
    // Another tenant is another workspace: one answer does not open them all.
    expect(autoLogVerdict(ticket(), 'evil.zendesk.com', { 'zendesk:acme.zendesk.com': true })).toBe(
      'ask',
    );
    expect(workspaceOf({ tool: 'jira' }, 'Acme.Atlassian.net')).toEqual({
      key: 'jira:acme.atlassian.net',
      host: 'acme.atlassian.net',
      tool: 'jira',
    });
  });

  it("the vendors' own hosts and self-hosted addresses need no question", () => {
    expect(autoLogVerdict({ tool: 'gmail', participants: people(2) }, 'mail.google.com', {})).toBe(
      'log',
    );
    expect(
      autoLogVerdict({ tool: 'jira', participants: people(2) }, 'jira.acme-corp.example', {}),
    ).toBe('log');
    expect(workspaceOf({ tool: 'github' }, 'github.com')).toBeNull();
    for (const [tool, host] of [
      ['jira', 'acme.atlassian.net'],
      ['zendesk', 'acme.zendesk.com'],
      ['freshdesk', 'acme.freshdesk.com'],
      ['servicenow', 'dev1234.service-now.com'],
    ] as const)
      expect(isTenantHost(tool, host)).toBe(true);
    expect(isTenantHost('zendesk', 'zendesk.com')).toBe(false);
    expect(isTenantHost('zendesk', 'evilzendesk.com')).toBe(false);
    expect(isTenantHost('slack', 'app.slack.com')).toBe(false);
  });

  it('never logs a crowd by itself, even where the user said yes', () => {
    const yes = { 'zendesk:acme.zendesk.com': true };
    expect(autoLogVerdict(ticket(MAX_AUTO_LOG_PEOPLE), 'acme.zendesk.com', yes)).toBe('log');
    expect(autoLogVerdict(ticket(MAX_AUTO_LOG_PEOPLE + 1), 'acme.zendesk.com', yes)).toBe('crowd');
    expect(autoLogVerdict({ tool: 'slack', participants: people(300) }, 'app.slack.com', {})).toBe(
      'crowd',
    );
  });

  it('reading a thread the user takes no part in is not an interaction', () => {
    const thread = { tool: 'github' as const, participants: people(4) };
    expect(autoLogVerdict({ ...thread, userTakesPart: false }, 'github.com', {})).toBe('reading');
    expect(autoLogVerdict({ ...thread, userTakesPart: true }, 'github.com', {})).toBe('log');
  });
});

describe('where the content script runs on hosts anyone can create', () => {
  const runsAt = (tool: keyof typeof TOOL_MATCHES, href: string) =>
    TOOL_MATCHES[tool].some((pattern) => new MatchPattern(pattern).includes(href));

  it('runs where the tools show conversations, not on a help centre, portal or wiki', () => {
    expect(runsAt('zendesk', 'https://acme.zendesk.com/agent/tickets/12')).toBe(true);
    expect(runsAt('zendesk', 'https://acme.zendesk.com/hc/en-us/articles/1')).toBe(false);
    expect(runsAt('freshdesk', 'https://acme.freshdesk.com/a/tickets/7')).toBe(true);
    expect(runsAt('freshdesk', 'https://acme.freshdesk.com/helpdesk/tickets/7')).toBe(true);
    expect(runsAt('freshdesk', 'https://acme.freshdesk.com/support/home')).toBe(false);
    expect(runsAt('servicenow', 'https://acme.service-now.com/incident.do?sys_id=1')).toBe(true);
    expect(runsAt('servicenow', 'https://acme.service-now.com/now/nav/ui/home')).toBe(true);
    expect(runsAt('servicenow', 'https://acme.service-now.com/sp?id=index')).toBe(false);
    expect(runsAt('jira', 'https://acme.atlassian.net/browse/ACME-1')).toBe(true);
    expect(runsAt('jira', 'https://acme.atlassian.net/jira/software/c/projects/A/boards/1')).toBe(
      true,
    );
    expect(runsAt('jira', 'https://acme.atlassian.net/wiki/spaces/X')).toBe(false);
    expect(runsAt('jira', 'https://acme.atlassian.net/servicedesk/customer/portal/1')).toBe(false);
  });

  it('still reaches, frames and shows menus on the whole of each origin', () => {
    expect(ALL_TOOL_MATCHES).toContain('https://*.zendesk.com/*');
    expect(ALL_TOOL_MATCHES.every((pattern) => /^https:\/\/[^/]+\/\*$/.test(pattern))).toBe(true);
  });

  it('reads stored answers as input: only yes and no count', () => {
    expect(
      readWorkspaceAnswers({ 'zendesk:a.zendesk.com': true, 'jira:b.atlassian.net': 'yes' }),
    ).toEqual({ 'zendesk:a.zendesk.com': true });
    expect(readWorkspaceAnswers(['zendesk:a.zendesk.com'])).toEqual({});
    expect(readWorkspaceAnswers(undefined)).toEqual({});
  });
});
