import { describe, expect, it } from 'vitest';
import { domainToExtend, ownDomainToAsk } from '@/lib/domain-offers';

describe('ownDomainToAsk', () => {
  it("asks about the signed-in user's domain while no organisation is set", () => {
    expect(ownDomainToAsk({ email: 'Alex.Morgan@Brightwater.example' }, [], [])).toBe(
      'brightwater.example',
    );
  });

  it('asks nothing once an organisation is set, for a public mail address, or once declined', () => {
    expect(ownDomainToAsk({ email: 'alex@brightwater.example' }, ['acme.example'], [])).toBe(
      undefined,
    );
    expect(ownDomainToAsk({ email: 'alex.morgan@gmail.com' }, [], [])).toBe(undefined);
    expect(ownDomainToAsk({ email: 'alex@brightwater.example' }, [], ['brightwater.example'])).toBe(
      undefined,
    );
    expect(ownDomainToAsk({ name: 'Alex Morgan' }, [], [])).toBe(undefined);
    expect(ownDomainToAsk(undefined, [], [])).toBe(undefined);
  });
});

describe('domainToExtend', () => {
  const marcus = { emails: ['marcus.lee@dock.brightwater.example', 'marcus@gmail.com'] };

  it("offers an internal person's company domain when the rule does not cover it yet", () => {
    expect(domainToExtend(marcus, 'internal', ['acme.example'], [])).toBe(
      'dock.brightwater.example',
    );
  });

  it('offers nothing for external tags, covered or public domains, or a declined one', () => {
    expect(domainToExtend(marcus, 'external', [], [])).toBe(undefined);
    expect(domainToExtend(marcus, 'internal', ['brightwater.example'], [])).toBe(undefined);
    expect(domainToExtend({ emails: ['rosa@gmail.com'] }, 'internal', [], [])).toBe(undefined);
    expect(domainToExtend(marcus, 'internal', [], ['dock.brightwater.example'])).toBe(undefined);
    expect(domainToExtend({ emails: [] }, 'internal', [], [])).toBe(undefined);
  });
});
