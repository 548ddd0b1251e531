// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { conversationContainer, detectWith } from '../../../lib/adapters/detect';
import type { Adapter } from '../../../lib/adapters/types';
import { ruleOutcome, type RuleRead } from '../../../lib/learned-rules/detect';
import { selectorOf, withTaught, type ThreadRule } from '../../../lib/learned-rules/rule';
import { importRules, parseStoredRules, rulesFile } from '../../../lib/learned-rules/schema';
import { deriveContainer, deriveTitle, findThread } from '../../../lib/learned-rules/thread';
import type { Conversation } from '../../../lib/model';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const URL_ = new URL('https://acme.atlassian.net/browse/OPS-7');

/** A ticket whose generated class names change with `hash`: title, thread, people as links. */
function ticket(hash: string, title: string, people: string[]) {
  return parse(`<html><head><title>Acme Jira</title></head><body>
    <nav class="css-${hash}n"><a href="/users/zed" class="css-${hash}z">Zed Outsider</a></nav>
    <div class="css-${hash}w"><header data-testid="ticket-header" class="css-${hash}h">
      <h1 class="css-${hash}t">${title}</h1></header>
      <section data-testid="activity" class="css-${hash}s">${people
        .map(
          (name, i) => `<div class="css-${hash}${i}"><p class="css-${hash}p">Comment ${i}</p>
            <a class="css-${hash}a" href="/users/u${i}${hash}">${name}</a></div>`,
        )
        .join('')}</section></div></body></html>`);
}

/** A shipped generation that finds the ticket but neither its title nor where its people are. */
const broken = (found: 'thread' | 'nothing'): Adapter => ({
  tool: 'jira',
  matches: [],
  extract: (): Conversation | null =>
    found === 'nothing'
      ? null
      : {
          tool: 'jira',
          kind: 'ticket',
          threadKey: 'jira:acme:OPS-7',
          title: '',
          url: URL_.href,
          participants: [],
        },
  container: () => null,
});

function byText(doc: Document, shown: string): Element {
  // The deepest element showing it: the last in page order of those that do.
  const found = [...doc.querySelectorAll('body *')]
    .filter((el) => el.textContent?.trim() === shown)
    .pop();
  if (!found) throw new Error(`nothing shows ${shown}`);
  return found;
}

function taughtThread(): ThreadRule {
  const page = ticket('1x2y3z', 'Printer on floor three is jammed', ['Ada Lovelace']);
  const title = deriveTitle(byText(page, 'Printer on floor three is jammed'));
  const container = deriveContainer(byText(page, 'Comment 0'));
  if (!title.ok) throw new Error(title.problem);
  if (!container.ok) throw new Error(container.problem);
  return { ...title.thread, ...container.thread };
}

describe('teaching the thread itself', () => {
  it('learns the title by structure, never its words, and reads it on the next ticket', () => {
    const thread = taughtThread();
    const written = JSON.stringify(thread).toLowerCase();
    for (const word of ['printer', 'floor', 'three', 'jammed', 'css-', '1x2y3z'])
      expect(written, word).not.toContain(word);
    const next = ticket('q9w8e7', 'Badge reader at the dock door', ['Grace Hopper']);
    expect(findThread(thread, next)?.title).toBe('Badge reader at the dock door');
  });

  it('anchors a title without structure of its own to the nearest marked element', () => {
    const derived = deriveTitle(byText(ticket('aa11', 'Broken chair', []), 'Broken chair'));
    if (!derived.ok) throw new Error(derived.problem);
    expect(selectorOf(derived.thread.title!.within!)).toBe('header[data-testid="ticket-header"]');
    expect(selectorOf(derived.thread.title!.element)).toBe('h1');
  });

  it('learns the container from anything chosen inside it', () => {
    const page = ticket('aa11', 'Broken chair', ['Ada Lovelace']);
    const derived = deriveContainer(byText(page, 'Comment 0'));
    if (!derived.ok) throw new Error(derived.problem);
    expect(selectorOf(derived.thread.container!)).toBe('section[data-testid="activity"]');
    expect(derived.preview).toBe(page.querySelector('[data-testid="activity"]'));
  });

  it('reads the people in the taught container and the taught title, and only there', () => {
    const page = ticket('k3k3', 'Lift out of order', ['Ada Lovelace', 'Grace Hopper']);
    expect(detectWith(broken('thread'), page, URL_)?.participants).toEqual([]);
    const reads: RuleRead[] = [];
    const learned = { rule: { thread: taughtThread() }, onRead: (r: RuleRead) => reads.push(r) };
    const found = detectWith(broken('thread'), page, URL_, { learned });
    expect(found?.title).toBe('Lift out of order');
    expect(found?.threadKey).toBe('jira:acme:OPS-7');
    expect(found?.participants.map((p) => p.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    expect(ruleOutcome(reads[0]!, found)).toBe(2);
    // The watcher observes the taught container, not the whole page.
    expect(conversationContainer(broken('thread'), page, { learned })).toBe(
      page.querySelector('[data-testid="activity"]'),
    );
  });

  it('makes a conversation of a thread no shipped generation sees', () => {
    const page = ticket('m4m4', 'Heating in room 2', ['Alan Turing']);
    expect(detectWith(broken('nothing'), page, URL_)).toBeNull();
    const found = detectWith(broken('nothing'), page, URL_, {
      learned: { rule: { thread: taughtThread() } },
    });
    expect(found).toMatchObject({
      tool: 'jira',
      kind: 'ticket',
      title: 'Heating in room 2',
      participants: [{ name: 'Alan Turing' }],
    });
  });

  it('finds the thread in a same-origin frame', () => {
    const inner = ticket('f7f7', 'Projector', ['Ada Lovelace']);
    const top = parse('<body><header>Shell</header><iframe></iframe></body>');
    Object.defineProperty(top.querySelector('iframe')!, 'contentDocument', { value: inner });
    Object.defineProperty(inner, 'URL', { value: 'https://acme.atlassian.net/frame' });
    expect(findThread(taughtThread(), top)?.title).toBe('Projector');
  });

  it('keeps and imports a rule of the thread alone; refuses one that would read the page', () => {
    const rule = { version: 1, tool: 'jira', host: 'acme.atlassian.net', learnedAt: 1 } as const;
    const thread = taughtThread();
    expect(parseStoredRules([{ ...rule, thread }])).toHaveLength(1);
    expect(parseStoredRules([{ ...rule }])).toEqual([]);
    const whole = { ...rule, thread: { container: { tag: 'body', attributes: [], classes: [] } } };
    expect(parseStoredRules([whole])).toEqual([]);
    expect(importRules([], rulesFile([whole as never]))).toMatchObject({
      ok: false,
      problem: 'whole-page',
    });
    expect(importRules([], rulesFile([{ ...rule, thread }]))).toMatchObject({ ok: true });
  });

  it('keeps the parts taught before when one more is taught', () => {
    const at = { tool: 'jira', host: 'acme.atlassian.net', now: 5, count: 2 } as const;
    const { title, container } = taughtThread();
    const people = { container: container!, person: title!.element, nameFrom: 'text' } as const;
    const first = withTaught(undefined, { people }, at);
    const second = withTaught(first, { thread: { title } }, { ...at, now: 9 });
    const third = withTaught(second, { thread: { container } }, { ...at, now: 12 });
    expect(third).toMatchObject({ people, thread: { title, container }, learnedAt: 12 });
    expect(withTaught(third, { people: { ...people, nameFrom: 'title' } }, at).thread).toEqual({
      title,
      container,
    });
  });
});
