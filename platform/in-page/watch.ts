/**
 * Follows the open conversation on single-page tools: navigation events (hash, history, the
 * Navigation API, GitHub's soft navigation) and changes inside the conversation's container.
 * A navigation is read at once (and the page's rendering just after it, quickly); other DOM
 * churn at most once per `debounceMs` (half a second), and typing in an editor not at all, so a
 * busy page costs little. Everything is bound to an AbortSignal and every error is swallowed:
 * the host page never sees an exception from us.
 */
import { conversationContainer, detectWith, type DetectOptions } from '@/lib/adapters/detect';
import type { Adapter } from '@/lib/adapters/types';
import type { Conversation } from '@/lib/model';

export interface WatchOptions {
  adapter: Adapter;
  window: Window;
  onChange: (conversation: Conversation | null) => void;
  signal: AbortSignal;
  /** Passed to detectWith (learned rules). */
  detect?: DetectOptions;
  /** DOM churn outside a navigation is read this long after its first change. */
  debounceMs?: number;
  /** Just after a navigation, while the tool renders the new conversation: read this often. */
  settleMs?: number;
}

/** How long after a navigation DOM changes count as the tool rendering the new page. */
const NAVIGATION_WINDOW_MS = 1_000;
/** How many changes just after a navigation are read at once, before reads wait `settleMs`. */
const PROMPT_READS = 8;

const NAVIGATION_EVENTS = ['hashchange', 'popstate'];
const DOCUMENT_NAVIGATION_EVENTS = ['turbo:render', 'soft-nav:end', 'pjax:end'];

export function watchConversation(options: WatchOptions): { refresh(): void } {
  const { adapter, window: win, onChange, signal } = options;
  const debounceMs = options.debounceMs ?? 500;
  const settleMs = options.settleMs ?? 16;
  const doc = win.document;
  let lastKey: string | undefined;
  let lastHref = win.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending read is due (performance.now() time). */
  let due = Infinity;
  let navigatedAt = -Infinity;
  let readsSinceNavigation = 0;
  let observed: Element | null = null;

  const observer = new MutationObserver((mutations) => {
    const now = performance.now();
    const navigating = now - navigatedAt < NAVIGATION_WINDOW_MS;
    const delay = navigating ? settleMs : debounceMs;
    // A read is already due by then: nothing to look at (the common case on a busy page).
    if (timer !== undefined && due <= now + delay) return;
    // Typing in a reply box never changes who is in the conversation.
    if (mutations.every(insideEditor)) return;
    // Just after a navigation the tool is rendering the new conversation (most tools change
    // the address first): read what it rendered now, before the page lays it out; a tool that
    // keeps rendering is read every `settleMs` after its first few changes.
    if (navigating && readsSinceNavigation < PROMPT_READS) read();
    else schedule(delay);
  });

  /** Observes the conversation's container; true when that is a new element. */
  function observe(): boolean {
    // Just after a navigation the tool may replace the conversation's container itself, and an
    // observer on the old one would hear nothing: the whole body is watched until it settles.
    const settling = performance.now() - navigatedAt < NAVIGATION_WINDOW_MS;
    const container =
      (settling ? null : conversationContainer(adapter, doc, options.detect)) ?? doc.body;
    if (container === observed || !container) return false;
    observer.disconnect();
    observed = container;
    // childList + subtree only: attribute and text churn (typing) never wakes us.
    observer.observe(container, { childList: true, subtree: true });
    return true;
  }

  /**
   * Whether the observed element can no longer change: it left the page, or the frame it lived
   * in loaded another document. Changes inside shadow roots and frames never reach an observer
   * on the top document, so a shell that frames the conversation is followed this way.
   */
  function observedIsStale(): boolean {
    if (!observed) return true;
    if (!observed.isConnected || !observed.ownerDocument.defaultView) return true;
    return Boolean(adapter.framed) && observed === doc.body;
  }

  function read(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    due = Infinity;
    if (signal.aborted) return;
    readsSinceNavigation++;
    lastHref = win.location.href;
    observe();
    const conversation =
      safe(() => detectWith(adapter, doc, new URL(win.location.href), options.detect)) ?? null;
    const key = conversation ? JSON.stringify(conversation) : 'none';
    if (key === lastKey) return;
    lastKey = key;
    safe(() => onChange(conversation));
  }

  /** Reads in `delay` ms, unless a read is already due by then. */
  function schedule(delay: number = debounceMs): void {
    if (signal.aborted) return;
    const at = performance.now() + delay;
    if (timer !== undefined) {
      if (due <= at) return;
      clearTimeout(timer);
    }
    due = at;
    timer = setTimeout(read, delay);
  }

  /**
   * A new page in the same tab: observe its container afresh and read it now, in this task. A
   * timer would first wait for the page to lay out and paint what it just rendered (tens of
   * milliseconds on a long thread) before the sidebar could start on it.
   */
  function navigated(event?: Event): void {
    // One change of address fires several events (popstate, hashchange, navigatesuccess): the
    // first reads. A tool's own "rendered" event (a document event) always does.
    const rendered = event?.target === doc;
    if (!rendered && win.location.href === lastHref && timer === undefined) return;
    observed = null;
    navigatedAt = performance.now();
    readsSinceNavigation = 0;
    read();
  }

  for (const type of NAVIGATION_EVENTS) win.addEventListener(type, navigated, { signal });
  for (const type of DOCUMENT_NAVIGATION_EVENTS) doc.addEventListener(type, navigated, { signal });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', navigated, { signal });
  // History changes made by the page's own scripts are invisible to an isolated world:
  // a cheap URL check once a second catches them.
  const poll = setInterval(() => {
    if (win.location.href !== lastHref) navigated();
    else if (observedIsStale() && safe(observe)) schedule(settleMs);
  }, 1000);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(poll);
    if (timer !== undefined) clearTimeout(timer);
  });

  observe();
  read();
  return { refresh: () => schedule() };
}

/** A change inside something the user edits (a contenteditable reply box, a text field). */
function insideEditor(mutation: MutationRecord): boolean {
  const target = mutation.target;
  const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
  // By attribute, not `isContentEditable`, which makes the browser recompute styles first.
  return !!element?.closest(EDITOR);
}

const EDITOR = '[contenteditable]:not([contenteditable="false"]), textarea, input';

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
