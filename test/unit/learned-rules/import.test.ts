/**
 * Rules files: what a team passes around. A bad file gets a reason and changes nothing; a rule
 * that would read the whole page is refused; no rule can hold text from a page.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LearnedRuleSchema,
  importRules,
  parseStoredRules,
  rulesFile,
} from '../../../lib/learned-rules/schema';
import type { LearnedRule } from '../../../lib/learned-rules/rule';

const rule = (host: string, overrides: Partial<LearnedRule['people']> = {}): LearnedRule => ({
  version: 1,
  tool: 'linear',
  host,
  learnedAt: 1_700_000_000_000,
  lastMatchedAt: 1_700_000_100_000,
  lastCount: 3,
  people: {
    container: {
      tag: 'section',
      attributes: [{ name: 'data-testid', op: 'equals', value: 'thread' }],
      classes: [],
    },
    item: {
      tag: 'li',
      attributes: [{ name: 'role', op: 'equals', value: 'listitem' }],
      classes: [],
    },
    person: {
      tag: 'a',
      attributes: [{ name: 'href', op: 'prefix', value: '/people/' }],
      classes: ['author-link'],
    },
    nameFrom: 'text',
    ...overrides,
  },
});

const mine = [rule('linear.app')];

describe('importRules', () => {
  it('adds the rules of an exported file, without what they read elsewhere', () => {
    const result = importRules([], rulesFile([rule('linear.app'), rule('acme.example')]));
    if (!result.ok) throw new Error(result.problem);
    expect(result.rules.map((r) => r.host)).toEqual(['linear.app', 'acme.example']);
    expect(result.rules[0]).not.toHaveProperty('lastCount');
    expect(result.rules[0]!.people).toEqual(rule('x').people);
  });

  it('never replaces a rule the user has', () => {
    const theirs = { ...rule('linear.app'), learnedAt: 5 };
    const result = importRules(mine, rulesFile([theirs]));
    if (!result.ok) throw new Error(result.problem);
    expect(result.rules).toEqual(mine);
    expect(result.kept).toHaveLength(1);
  });

  it('refuses a rule anchored to the whole page, with its reason, and imports nothing', () => {
    const wholePage = rule('acme.example', {
      container: { tag: 'body', attributes: [], classes: [] },
    });
    const result = importRules(mine, rulesFile([rule('ok.example'), wholePage]));
    expect(result).toEqual({
      ok: false,
      problem: 'whole-page',
      tool: 'linear',
      host: 'acme.example',
    });
    const bare = rule('acme.example', {
      item: undefined,
      person: { tag: 'span', attributes: [], classes: [] },
    });
    expect(importRules(mine, rulesFile([bare]))).toMatchObject({ problem: 'no-structure' });
  });

  it('refuses files that are not rules files', () => {
    expect(importRules(mine, 'not json')).toEqual({ ok: false, problem: 'not-json' });
    expect(
      importRules(mine, '{"format":"inside-out-learned-rules","version":1,"rules":[{}]}'),
    ).toEqual({
      ok: false,
      problem: 'not-rules',
    });
    expect(importRules(mine, 'x'.repeat(1_000_001))).toEqual({ ok: false, problem: 'too-large' });
  });

  it('cannot hold a name, an address or an id from a page', () => {
    const withValue = (value: string) => ({
      ...rule('linear.app'),
      people: {
        ...rule('linear.app').people,
        person: { attributes: [{ name: 'data-testid', op: 'equals', value }], classes: [] },
      },
    });
    expect(LearnedRuleSchema.safeParse(withValue('author-link')).success).toBe(true);
    for (const shown of ['Ada Lovelace', 'ada@example.org', 'U12345678', 'a"b', 'x\\y'])
      expect(LearnedRuleSchema.safeParse(withValue(shown)).success, shown).toBe(false);
    const linked = (value: string) => ({
      ...rule('linear.app'),
      people: {
        ...rule('linear.app').people,
        person: { attributes: [{ name: 'href', op: 'prefix', value }], classes: [] },
      },
    });
    expect(LearnedRuleSchema.safeParse(linked('/users/')).success).toBe(true);
    for (const shown of ['/users/ada', 'mailto:ada@example.org', 'https://x.example/u/1'])
      expect(LearnedRuleSchema.safeParse(linked(shown)).success, shown).toBe(false);
    const named = { ...rule('linear.app'), people: { ...rule('x').people, nameFrom: 'Ada' } };
    expect(LearnedRuleSchema.safeParse(named).success).toBe(false);
  });

  it('fuzzed files: either every rule added is valid, or nothing changes', () => {
    const valid = JSON.parse(rulesFile([rule('acme.example'), rule('b.example')])) as unknown;
    const mutated = fc
      .tuple(fc.jsonValue(), fc.array(fc.string(), { maxLength: 3 }))
      .map(([junk, path]) => {
        const copy = structuredClone(valid) as Record<string, unknown>;
        let at: Record<string, unknown> = copy;
        for (const key of path.slice(0, -1)) {
          const next = at[key];
          if (next && typeof next === 'object') at = next as Record<string, unknown>;
        }
        at[path.at(-1) ?? 'rules'] = junk;
        return JSON.stringify(copy);
      });
    const anyText = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      mutated,
    );
    fc.assert(
      fc.property(anyText, (text) => {
        const before = structuredClone(mine);
        const result = importRules(mine, text);
        expect(mine).toEqual(before);
        if (!result.ok) return;
        expect(result.rules.slice(0, mine.length)).toEqual(mine);
        for (const added of result.added) {
          expect(LearnedRuleSchema.safeParse(added).success).toBe(true);
          expect(parseStoredRules([added])).toEqual([added]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
