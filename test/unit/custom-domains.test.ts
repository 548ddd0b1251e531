import { describe, expect, it } from 'vitest';
import { originPattern, parseCustomDomain, scriptId } from '@/lib/custom-domains';

describe('parseCustomDomain', () => {
  it('turns a host or a page address into an https origin', () => {
    expect(parseCustomDomain('jira.acme.example')).toEqual({
      ok: true,
      origin: 'https://jira.acme.example',
    });
    expect(parseCustomDomain(' https://git.acme.example:8443/org/repo/issues/1 ')).toEqual({
      ok: true,
      origin: 'https://git.acme.example:8443',
    });
  });
  it('refuses what cannot be asked for, with a reason', () => {
    expect(parseCustomDomain('')).toMatchObject({ ok: false });
    expect(parseCustomDomain('http://jira.acme.example')).toEqual({
      ok: false,
      problem: 'Only https:// addresses can be added.',
    });
    expect(parseCustomDomain('localhost')).toMatchObject({ ok: false });
    expect(parseCustomDomain('https://user:pw@jira.acme.example')).toMatchObject({ ok: false });
    expect(parseCustomDomain('acme.atlassian.net')).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/already supported/),
    });
  });
  it('names patterns and script ids after the origin', () => {
    expect(originPattern('https://jira.acme.example')).toBe('https://jira.acme.example/*');
    expect(scriptId('jira', 'https://jira.acme.example')).toBe(
      'custom:jira:https://jira.acme.example',
    );
  });
});
