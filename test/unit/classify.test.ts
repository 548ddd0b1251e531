import { describe, expect, it } from 'vitest';
import { classify, isOrgDomain } from '@/lib/classify';

const org = ['acme.example'];

describe('isOrgDomain', () => {
  it('counts the org domain and its subdomains', () => {
    expect(isOrgDomain('acme.example', org)).toBe(true);
    expect(isOrgDomain('eu.sales.acme.example', org)).toBe(true);
    expect(isOrgDomain('ACME.example', org)).toBe(true);
  });
  it('does not count look-alikes or other domains', () => {
    expect(isOrgDomain('notacme.example', org)).toBe(false);
    expect(isOrgDomain('acme.example.evil.test', org)).toBe(false);
    expect(isOrgDomain('globex.example', org)).toBe(false);
  });
  it('never counts a public mail domain, even if listed', () => {
    expect(isOrgDomain('gmail.com', ['gmail.com'])).toBe(false);
  });
});

describe('classify', () => {
  it('makes org addresses internal and company addresses outside the org external', () => {
    expect(classify({ email: 'amy@acme.example' }, org)).toEqual({
      relationship: 'internal',
      source: 'rule',
    });
    expect(classify({ email: 'li@eu.acme.example' }, org).relationship).toBe('internal');
    expect(classify({ email: 'bo@globex.example' }, org)).toEqual({
      relationship: 'external',
      source: 'rule',
    });
  });
  it('leaves public mail addresses unknown rather than guessing', () => {
    expect(classify({ email: 'pat@gmail.com' }, org)).toEqual({
      relationship: 'unknown',
      source: 'rule',
    });
    expect(classify({ email: 'pat@gmail.com' }, ['gmail.com']).relationship).toBe('unknown');
  });
  it('says unknown for company addresses when no org domain is set', () => {
    expect(classify({ email: 'bo@globex.example' }, []).relationship).toBe('unknown');
  });
  it('uses the tool signal when the address says nothing', () => {
    expect(classify({ signal: 'external' }, org)).toEqual({
      relationship: 'external',
      source: 'tool',
    });
    expect(classify({ email: 'pat@gmail.com', signal: 'external' }, org).relationship).toBe(
      'external',
    );
    expect(classify({ signal: 'internal' }, org).relationship).toBe('internal');
  });
  it('trusts an org address over a tool signal (a colleague filing a ticket)', () => {
    expect(classify({ email: 'amy@acme.example', signal: 'external' }, org).relationship).toBe(
      'internal',
    );
  });
  it('always keeps the user’s manual choice', () => {
    const manual = { relationship: 'external', source: 'manual' } as const;
    expect(classify({ email: 'amy@acme.example' }, org, manual)).toEqual(manual);
    expect(classify({ signal: 'internal' }, org, manual)).toEqual(manual);
  });
  it('keeps what a person already had when the new evidence says nothing', () => {
    const known = { relationship: 'internal', source: 'tool' } as const;
    expect(classify({}, org, known)).toEqual(known);
    expect(classify({}, org)).toEqual({ relationship: 'unknown', source: 'rule' });
  });
});
