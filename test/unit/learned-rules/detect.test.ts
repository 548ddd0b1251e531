// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linear } from '../../../lib/adapters/linear';
import { deriveRule } from '../../../lib/learned-rules/derive';
import { detectConversation } from '../../../lib/adapters';
import { detectWith } from '../../../lib/adapters/detect';
import { ruleOutcome, type RuleRead } from '../../../lib/learned-rules/detect';
import type { PeopleRule } from '../../../lib/learned-rules/rule';

const page = (name: string) => {
  const html = readFileSync(`test/fixtures/learned/${name}.html`, 'utf8');
  const document = new DOMParser().parseFromString(html, 'text/html');
  const url = document
    .querySelector('meta[name="inside-out-fixture-url"]')!
    .getAttribute('content')!;
  return { document, url: new URL(url) };
};

function taught(): PeopleRule {
  const { document } = page('linear-redesign-a');
  const ada = [...document.querySelectorAll('[data-testid="entry-actor"]')].find(
    (el) => el.textContent === 'Ada Lovelace',
  )!;
  const derived = deriveRule([ada]);
  if (!derived.ok) throw new Error(derived.problem);
  return derived.rule;
}

/** The whole detection with the taught rule first, and what the rule's outcome was. */
function detect(document: Document, url: URL) {
  let read: RuleRead | undefined;
  const learned = { rule: { people: taught() }, onRead: (r: RuleRead) => (read = r) };
  const conversation = detectWith(linear, document, url, { learned });
  return { conversation, outcome: read && ruleOutcome(read, conversation) };
}

describe('learned rules come first', () => {
  it('the made-up markup is read by no shipped generation', () => {
    const { document, url } = page('linear-redesign-b');
    expect(detectWith(linear, document, url)?.participants ?? []).toEqual([]);
  });

  it('reads another conversation at the same host with the rule, keeping the thread', () => {
    const { document, url } = page('linear-redesign-b');
    const { conversation, outcome } = detect(document, url);
    expect(conversation?.participants.map((p) => p.name)).toEqual([
      'Katherine Johnson',
      'Margaret Hamilton',
      'Edsger Dijkstra',
    ]);
    expect(conversation?.threadKey).toBe('linear:acme:ACME-42');
    expect(conversation?.tool).toBe('linear');
    expect(outcome).toBe(3);
  });

  it('falls through to the shipped generations when the rule stops matching, and says so', () => {
    const { document, url } = page('linear-redesign-b');
    for (const el of document.querySelectorAll('[data-testid="entry-actor"]'))
      el.removeAttribute('data-testid');
    const { conversation, outcome } = detect(document, url);
    expect(conversation).toEqual(detectWith(linear, document, url));
    expect(outcome).toBe(0);
  });

  it('says nothing of a page that shows no conversation at all', () => {
    const document = new DOMParser().parseFromString('<body><p>Settings</p></body>', 'text/html');
    const { conversation, outcome } = detect(document, new URL('https://linear.app/acme/settings'));
    expect(conversation).toBeNull();
    expect(outcome).toBeUndefined();
  });

  it('is one seam: detectConversation takes the rule and says what it read', () => {
    const { document, url } = page('linear-redesign-b');
    const reads: RuleRead[] = [];
    const rule = taught();
    const found = detectConversation(document, url, {
      learned: { rule: { people: rule }, onRead: (read) => reads.push(read) },
    });
    expect(found?.participants.map((p) => p.name)).toEqual(
      reads[0]?.participants.map((p) => p.name),
    );
    expect(reads).toHaveLength(1);
    expect(reads[0]?.containerFound).toBe(true);
    // Without the rule, the same page reads nobody.
    expect(detectConversation(document, url)?.participants ?? []).toEqual([]);
  });
});
