import { describe, expect, it } from 'vitest';
import {
  isSupportedAddress,
  originPattern,
  parseCustomDomain,
  scriptId,
} from '@/lib/custom-domains';
import { english } from '@/lib/english';

describe('parseCustomDomain', () => {
  it('turns a host or a page address into an https origin', () => {
    expect(parseCustomDomain('jira.acme.example', english)).toEqual({
      ok: true,
      origin: 'https://jira.acme.example',
    });
    expect(parseCustomDomain(' https://git.acme.example:8443/org/repo/issues/1 ', english)).toEqual(
      {
        ok: true,
        origin: 'https://git.acme.example:8443',
      },
    );
  });
  it('refuses what cannot be asked for, with a reason', () => {
    expect(parseCustomDomain('', english)).toMatchObject({ ok: false });
    expect(parseCustomDomain('http://jira.acme.example', english)).toEqual({
      ok: false,
      problem: 'Only https:// addresses can be added.',
    });
    expect(parseCustomDomain('localhost', english)).toMatchObject({ ok: false });
    expect(parseCustomDomain('https://user:pw@jira.acme.example', english)).toMatchObject({
      ok: false,
    });
    expect(parseCustomDomain('acme.atlassian.net', english)).toMatchObject({
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

describe('isSupportedAddress', () => {
  it('says where the in-page sidebar may be framed: the tools’ own addresses, not self-hosted ones', () => {
    expect(isSupportedAddress('https://acme.atlassian.net/browse/OPS-1')).toBe(true);
    expect(isSupportedAddress('https://mail.google.com/mail/u/0/#inbox/abc')).toBe(true);
    expect(isSupportedAddress('https://teams.cloud.microsoft/v2/')).toBe(true);
    expect(isSupportedAddress('https://jira.acme-corp.example/browse/OPS-1')).toBe(false);
    expect(isSupportedAddress('https://atlassian.net.evil.example/')).toBe(false);
    expect(isSupportedAddress('')).toBe(false);
  });
});
