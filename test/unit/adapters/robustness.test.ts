// @vitest-environment happy-dom
/**
 * Host pages change without notice: whatever is left of a fixture page after random nodes and
 * attributes are deleted (and some values and texts rewritten), no adapter throws, and what it
 * returns still passes the Conversation schema.
 *
 * Each fixture is parsed once. A case mutates that one document and then undoes its mutations
 * from a log: cloning a page in happy-dom costs 10–30 ms, undoing a case well under one. The page
 * is checked to be back to its parsed state after every fixture's run.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ADAPTERS } from '../../../lib/adapters/index';
import { ConversationSchema } from '../../../lib/model';
import { fixtureNames, loadFixture } from './load-fixture';

/** Cases per tool, shared out among its fixtures. */
const CASES_PER_TOOL = 1_000;

/** Stands for a 5,000-character value (kept short in fast-check's reports). */
const OVERSIZED = '<5000 characters>';
const valueOf = (value: string) => (value === OVERSIZED ? 'x'.repeat(5_000) : value);

/** Values a mutated attribute or text may take: empty, odd, look-alike and oversized. */
const VALUE = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '@',
    'none',
    'Unassigned',
    'You',
    'a b  c',
    'Sam Rivera',
    'x@y.example',
    'a..b@x.example',
    'dana.@globex.example',
    '50%@acme.example',
    'lee@-acme.example',
    'Dana <dana@globex.example>, Lee <lee@acme.example>',
    '%E0%A4%A',
    'user/human/ ',
    'user/bot/1',
    '19:a b@thread.v2',
    '/jira/people/a b',
    '/users/octocat/hovercard',
    'mailto:',
    OVERSIZED,
  ),
  fc.string({ maxLength: 30 }),
);

/** An index into a list that is only known later: taken modulo the list's length. */
const AT = fc.nat();

const MUTATION = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('remove-node' as const), at: AT }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('remove-attribute' as const), at: AT, which: AT }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('set-attribute' as const),
      at: AT,
      which: AT,
      value: VALUE,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('set-text' as const), at: AT, value: VALUE }),
  },
);
type Mutation = typeof MUTATION extends fc.Arbitrary<infer M> ? M : never;

/** A fixture page, parsed once, with every node it had and a log to undo mutations with. */
class MutablePage {
  readonly elements: Element[];
  readonly nodes: ChildNode[];
  readonly texts: Text[];
  private readonly undo: Array<() => void> = [];

  constructor(readonly document: Document) {
    this.elements = [...document.querySelectorAll('*')];
    this.nodes = [];
    const walker = document.createTreeWalker(document.documentElement, 0x1 | 0x4);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      this.nodes.push(node as ChildNode);
    }
    this.texts = this.nodes.filter((node): node is Text => node.nodeType === 3);
  }

  apply(mutation: Mutation): void {
    switch (mutation.kind) {
      case 'remove-node': {
        const node = pick(this.nodes, mutation.at);
        const parent = node?.parentNode;
        if (!node || !parent) return;
        const next = node.nextSibling;
        node.remove();
        this.undo.push(() => parent.insertBefore(node, next));
        return;
      }
      case 'remove-attribute':
      case 'set-attribute': {
        const el = pick(this.elements, mutation.at);
        const name = el && pick([...el.attributes], mutation.which)?.name;
        if (!el || !name) return;
        this.keepAttributes(el);
        if (mutation.kind === 'remove-attribute') el.removeAttribute(name);
        else el.setAttribute(name, valueOf(mutation.value));
        return;
      }
      case 'set-text': {
        const node = pick(this.texts, mutation.at);
        if (!node) return;
        const before = node.nodeValue;
        node.nodeValue = valueOf(mutation.value);
        this.undo.push(() => (node.nodeValue = before));
        return;
      }
    }
  }

  /** Undoes every mutation, newest first. */
  restore(): void {
    for (let step = this.undo.pop(); step; step = this.undo.pop()) step();
  }

  /** Logs an element's attributes, in order, so undoing keeps their order too. */
  private keepAttributes(el: Element): void {
    const before = [...el.attributes].map((a) => [a.name, a.value] as const);
    this.undo.push(() => {
      for (const name of el.getAttributeNames()) el.removeAttribute(name);
      for (const [name, value] of before) el.setAttribute(name, value);
    });
  }
}

function pick<T>(list: readonly T[], at: number): T | undefined {
  return list.length ? list[at % list.length] : undefined;
}

// Putting a removed <iframe> back makes happy-dom (which loads no frames) print a refusal each
// time, through the Node console it was set up with; only that message is held back.
beforeAll(() => {
  const write = process.stderr.write.bind(process.stderr) as (...args: unknown[]) => boolean;
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) =>
    String(chunk).includes('Iframe page loading is disabled') ? true : write(chunk, ...rest),
  );
});
afterAll(() => vi.restoreAllMocks());

describe.each(ADAPTERS.map((adapter) => [adapter.tool, adapter] as const))(
  '%s adapter on damaged pages',
  (tool, adapter) => {
    const names = fixtureNames(tool);
    const runs = Math.ceil(CASES_PER_TOOL / names.length);

    it('has fixtures to damage', () => {
      expect(names.length).toBeGreaterThanOrEqual(3);
      expect(runs * names.length).toBeGreaterThanOrEqual(CASES_PER_TOOL);
    });

    it.each(names)(
      `never throws and returns only valid conversations: %s (${runs} cases)`,
      (name) => {
        const { document, url } = loadFixture(tool, name);
        const page = new MutablePage(document);
        const pristine = document.documentElement.outerHTML;
        let cases = 0;
        fc.assert(
          fc.property(fc.array(MUTATION, { minLength: 1, maxLength: 25 }), (mutations) => {
            cases++;
            try {
              for (const mutation of mutations) page.apply(mutation);
              adapter.container?.(document);
              const found = adapter.extract(document, url);
              if (found !== null) ConversationSchema.parse(found);
            } finally {
              page.restore();
            }
          }),
          { numRuns: runs },
        );
        expect(cases).toBeGreaterThanOrEqual(runs);
        expect(document.documentElement.outerHTML).toBe(pristine);
      },
    );
  },
);
