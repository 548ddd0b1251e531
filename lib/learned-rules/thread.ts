/**
 * The thread itself, taught where the shipped generations no longer find it: the element that
 * holds the conversation (observed for changes, and read for people by the generic reader) and
 * the element that shows its title. Derived from one chosen element each, as structure only
 * (the title's own words never reach the rule), and found again in the page or its same-origin
 * frames. Zod-free: the content script reads with these.
 */
import { text } from '../adapters/dom';
import { frameDocuments } from '../adapters/frames';
import { containerStepAt, signatureOf, wordsOf, type DeriveProblem } from './derive';
import { hasStructure, selectorOf, threadProblem, titleSelector, type ThreadRule } from './rule';

/** A title longer than this is a paragraph, not a title. */
const MAX_TITLE = 300;

/** What a thread rule finds on a page: in the page itself, else in one of its frames. */
export interface ThreadFound {
  container?: Element;
  title?: string;
}

export function findThread(thread: ThreadRule, document: Document): ThreadFound | undefined {
  if (threadProblem(thread)) return undefined;
  for (const doc of [document, ...frameDocuments(document).map((f) => f.document)]) {
    const container = thread.container ? firstIn(doc, selectorOf(thread.container)) : undefined;
    const titleEl = thread.title ? firstIn(doc, titleSelector(thread.title)) : undefined;
    const title = titleEl ? text(titleEl).slice(0, MAX_TITLE) : undefined;
    if (container || title)
      return { ...(container ? { container } : {}), ...(title ? { title } : {}) };
  }
  return undefined;
}

export type DerivedThread =
  { ok: true; thread: ThreadRule; preview: Element } | { ok: false; problem: DeriveProblem };

/**
 * The conversation's container from one element the user chose in it: the nearest element at or
 * above it marked as a stable part of the page, and the first the rule finds there.
 */
export function deriveContainer(chosen: Element): DerivedThread {
  for (let at: Element | null = chosen; at; at = at.parentElement) {
    const step = containerStepAt(at, []);
    if (step === null) return { ok: false, problem: 'no-container' };
    if (!step) continue;
    if (firstIn(at.ownerDocument, selectorOf(step)) === at)
      return { ok: true, thread: { container: step }, preview: at };
  }
  return { ok: false, problem: 'no-container' };
}

/**
 * The title from the element that shows it: its own structure when that finds it first,
 * else its tag and structure inside the nearest marked ancestor. None of its words are kept.
 */
export function deriveTitle(chosen: Element): DerivedThread {
  const shown = text(chosen);
  if (!shown || shown.length > MAX_TITLE) return { ok: false, problem: 'no-name' };
  const avoid = wordsOf(shown);
  const element = signatureOf(chosen, avoid);
  const doc = chosen.ownerDocument;
  if (hasStructure(element) && firstIn(doc, selectorOf(element)) === chosen)
    return { ok: true, thread: { title: { element } }, preview: chosen };
  for (let at = chosen.parentElement; at; at = at.parentElement) {
    const within = containerStepAt(at, avoid);
    if (within === null) break;
    if (!within) continue;
    const title = { within, element };
    if (firstIn(doc, titleSelector(title)) === chosen)
      return { ok: true, thread: { title }, preview: chosen };
  }
  return { ok: false, problem: 'no-structure' };
}

function firstIn(doc: Document, selector: string): Element | undefined {
  try {
    const found = doc.querySelector(selector);
    return found && found !== doc.body && found !== doc.documentElement ? found : undefined;
  } catch {
    return undefined;
  }
}
