// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readWithRule } from '../../../lib/learned-rules/apply';
import { deriveRule } from '../../../lib/learned-rules/derive';
import { selectorOf, type PeopleRule } from '../../../lib/learned-rules/rule';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

/** A made-up ticket page; its generated class names change with `hash`, its order with `people`. */
function ticketPage(hash: string, people: string[], navigation: string[] = ['Zed Outsider']) {
  const row = (name: string, i: number) =>
    `<li class="css-${hash}${i} _${hash}"><div class="sc-${hash}" data-entry-id="e${i}${hash}">
       <img class="css-${hash}a" src="/a.png" alt="">
       <span class="css-${hash}b" data-testid="person-name">${name}</span>
       <p class="css-${hash}c">Thanks, I'll look at it — ${name.split(' ')[0]}</p></div></li>`;
  return parse(`<html><body>
    <nav class="css-${hash}n"><ul>${navigation
      .map((n) => `<li><span data-testid="person-name">${n}</span></li>`)
      .join('')}</ul></nav>
    <main class="css-${hash}m"><section data-testid="conversation-thread" class="x${hash}">
      <h1>Printer on floor 3 is jammed</h1>
      <ul class="css-${hash}l">${people.map(row).join('')}</ul>
    </section></main></body></html>`);
}

const namesOf = (rule: PeopleRule, doc: Document) =>
  readWithRule(rule, doc).participants.map((p) => p.name);

function byText(doc: Document, name: string): Element {
  const found = [...doc.querySelectorAll('body *')].find(
    (el) => el.children.length === 0 && el.textContent?.trim() === name,
  );
  if (!found) throw new Error(`no element shows ${name}`);
  return found;
}

describe('deriveRule', () => {
  it('reads a third person of the same kind from two chosen ones', () => {
    const page = ticketPage('1x2y3z', ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    const derived = deriveRule([byText(page, 'Ada Lovelace'), byText(page, 'Grace Hopper')]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(derived.reading.participants.map((p) => p.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
    ]);
  });

  it('keeps reading when generated class names change and people move in the list', () => {
    const learnedOn = ticketPage('1x2y3z', ['Ada Lovelace', 'Grace Hopper']);
    const derived = deriveRule([byText(learnedOn, 'Ada Lovelace')]);
    if (!derived.ok) throw new Error(derived.problem);
    const nextRelease = ticketPage(
      'q9w8e7',
      ['Margaret Hamilton', 'Katherine Johnson', 'Ada Lovelace', 'Edsger Dijkstra'],
      ['Nav Person', 'Other Person'],
    );
    expect(namesOf(derived.rule, nextRelease)).toEqual([
      'Margaret Hamilton',
      'Katherine Johnson',
      'Ada Lovelace',
      'Edsger Dijkstra',
    ]);
    const written = JSON.stringify(derived.rule);
    expect(written).not.toMatch(/css-|sc-|_1x2y3z|x1x2y3z|nth-/);
  });

  it('drops class names that look like words but change with each release', () => {
    // A minifier's lowercase names pass for words; the test id is what stays.
    const release = (cls: string, people: string[]) =>
      parse(
        `<body><main data-testid="thread">${people
          .map(
            (n) =>
              `<div class="${cls}w"><span class="${cls}" data-testid="author">${n}</span></div>`,
          )
          .join('')}</main></body>`,
      );
    const learnedOn = release('qxjzv', ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    const derived = deriveRule([
      byText(learnedOn, 'Ada Lovelace'),
      byText(learnedOn, 'Alan Turing'),
    ]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(JSON.stringify(derived.rule)).not.toContain('qxjzv');
    expect(namesOf(derived.rule, release('mwpkr', ['Katherine Johnson', 'Ada Lovelace']))).toEqual([
      'Katherine Johnson',
      'Ada Lovelace',
    ]);
  });

  it('reads people whose place in the list and in their entry changes', () => {
    const entry = (name: string, first: boolean) =>
      first
        ? `<li data-kind="comment"><a data-testid="author" href="/u/x">${name}</a><p>Hi</p></li>`
        : `<li data-kind="comment"><p>Hi</p><em>edited</em><a data-testid="author" href="/u/y">${name}</a></li>`;
    const learnedOn = parse(
      `<body><ol data-testid="comments">${entry('Ada Lovelace', true)}${entry(
        'Grace Hopper',
        true,
      )}</ol></body>`,
    );
    const derived = deriveRule([byText(learnedOn, 'Grace Hopper')]);
    if (!derived.ok) throw new Error(derived.problem);
    const later = parse(
      `<body><ol data-testid="comments"><li data-kind="event">moved</li>${entry(
        'Alan Turing',
        false,
      )}${entry('Grace Hopper', false)}${entry('Ada Lovelace', true)}</ol></body>`,
    );
    expect(namesOf(derived.rule, later)).toEqual(['Alan Turing', 'Grace Hopper', 'Ada Lovelace']);
    expect(JSON.stringify(derived.rule)).not.toMatch(/nth|first|last/);
  });

  it('is anchored to the conversation: people in the navigation list are not read', () => {
    const page = ticketPage('aa11bb', ['Ada Lovelace', 'Grace Hopper'], ['Zed Outsider']);
    const derived = deriveRule([byText(page, 'Grace Hopper')]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(selectorOf(derived.rule.container)).toBe('section[data-testid="conversation-thread"]');
    expect(namesOf(derived.rule, page)).not.toContain('Zed Outsider');
  });

  it('learns a link shape (profile URLs) and reads addresses from mailto links', () => {
    const page = parse(`<body><div role="main" class="Zx9_k"><div class="q1">
      <a class="a8f_3" href="/people/ada-lovelace">Ada Lovelace</a> wrote
      <a class="b7u" href="mailto:ada@example.org">mail</a></div>
      <div class="q1"><a class="a8f_3" href="/people/grace">Grace Hopper</a></div>
      <div class="q1"><a class="a8f_3" href="/people/alan">Alan Turing</a></div>
      <a href="/settings/profile">Settings</a></div></body>`);
    const derived = deriveRule([byText(page, 'Grace Hopper'), byText(page, 'Alan Turing')]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(selectorOf(derived.rule.person)).toBe('a[href^="/people/"]');
    expect(derived.reading.participants.map((p) => p.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
    ]);
  });

  it('reads names from a labelled avatar when the element shows no text', () => {
    const page = parse(`<body><article data-testid="thread">
      <button data-user-id="U1" aria-label="Ada Lovelace"><img alt=""></button>
      <button data-user-id="U2" aria-label="Grace Hopper"><img alt=""></button>
      <button data-user-id="U3" aria-label="Alan Turing"><img alt=""></button></article></body>`);
    const derived = deriveRule([page.querySelector('[data-user-id="U2"]')!]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(derived.rule.nameFrom).toBe('aria-label');
    expect(derived.reading.participants).toHaveLength(3);
  });

  it('learns people in a frame of the page and finds them there again', () => {
    const frameDoc = ticketPage('f00baa', ['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
    const top = parse(`<body><header>App</header><iframe id="form"></iframe></body>`);
    Object.defineProperty(top.querySelector('iframe')!, 'contentDocument', { value: frameDoc });
    Object.defineProperty(frameDoc, 'URL', { value: 'https://acme.service-now.com/form' });
    const derived = deriveRule([byText(frameDoc, 'Ada Lovelace'), byText(frameDoc, 'Alan Turing')]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(namesOf(derived.rule, top)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing']);
  });

  it('refuses an element with no structure to learn, and a rule that reads the whole page', () => {
    const bare = parse(`<body><div><div><span>Ada Lovelace</span></div></div></body>`);
    const none = deriveRule([byText(bare, 'Ada Lovelace')]);
    expect(none.ok).toBe(false);

    const crowd = Array.from({ length: 60 }, (_, i) => `<span data-testid="who">P${i} Q</span>`);
    const busy = parse(`<body><main data-testid="list">${crowd.join('')}</main></body>`);
    const many = deriveRule([byText(busy, 'P1 Q'), byText(busy, 'P2 Q')]);
    expect(many).toEqual({ ok: false, problem: 'too-many' });
  });
});

describe('a learned rule holds structure only', () => {
  it('keeps none of the names, addresses or ids the page shows', () => {
    const person = (name: string, email: string, id: string, slug: string) => `
      <div class="css-${id}" data-testid="comment-${slug}" data-author-id="${id}">
        <a href="/users/${slug}" data-hovercard-url="/users/${slug}/hovercard" title="${email}"
           aria-label="${name}" data-testid="author-${slug}" data-name="${name}"
           class="author-${slug} author-link">${name}</a>
        <span itemprop="${slug}">${email}</span></div>`;
    const page = parse(`<body><main data-testid="issue-${'ada'}" aria-label="Issue by Ada">
      ${person('Ada Lovelace', 'ada@example.org', 'U12345', 'ada-lovelace')}
      ${person('Grace Hopper', 'grace@navy.example', 'U67890', 'ghopper')}
      ${person('Alan Turing', 'alan@bletchley.example', 'U24680', 'aturing')}</main></body>`);
    const derived = deriveRule([byText(page, 'Ada Lovelace'), byText(page, 'Grace Hopper')]);
    if (!derived.ok) throw new Error(derived.problem);
    expect(derived.reading.participants.map((p) => p.email)).toEqual([
      'ada@example.org',
      'grace@navy.example',
      'alan@bletchley.example',
    ]);
    const written = JSON.stringify(derived.rule).toLowerCase();
    for (const shown of [
      'ada',
      'lovelace',
      'grace',
      'hopper',
      'alan',
      'turing',
      'ghopper',
      'example',
      '@',
      'u12345',
      'u67890',
    ])
      expect(written, shown).not.toContain(shown);
  });
});
