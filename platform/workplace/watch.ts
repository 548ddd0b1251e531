/**
 * Follows the open conversation on single-page tools: navigation events (hash, history, the
 * Navigation API, GitHub's soft navigation) and changes inside the conversation's container,
 * debounced. Everything is bound to an AbortSignal and every error is swallowed: the host page
 * never sees an exception from us.
 */
import type { Adapter } from '@/lib/adapters/types';
import type { Conversation } from '@/lib/model';

export interface WatchOptions {
  adapter: Adapter;
  window: Window;
  onChange: (conversation: Conversation | null) => void;
  signal: AbortSignal;
  /** Quiet time after the last change before reading the page again. */
  debounceMs?: number;
}

const NAVIGATION_EVENTS = ['hashchange', 'popstate'];
const DOCUMENT_NAVIGATION_EVENTS = ['turbo:render', 'soft-nav:end', 'pjax:end'];

export function watchConversation(options: WatchOptions): { refresh(): void } {
  const { adapter, window: win, onChange, signal } = options;
  const debounceMs = options.debounceMs ?? 250;
  const doc = win.document;
  let lastKey: string | undefined;
  let lastHref = win.location.href;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observed: Element | null = null;

  const observer = new MutationObserver(() => schedule());

  function observe(): void {
    const container = safe(() => adapter.container?.(doc)) ?? doc.body;
    if (container === observed || !container) return;
    observer.disconnect();
    observed = container;
    // childList + subtree only: attribute and text churn (typing) never wakes us.
    observer.observe(container, { childList: true, subtree: true });
  }

  function read(): void {
    timer = undefined;
    if (signal.aborted) return;
    lastHref = win.location.href;
    observe();
    const conversation = safe(() => adapter.extract(doc, new URL(win.location.href))) ?? null;
    const key = conversation ? JSON.stringify(conversation) : 'none';
    if (key === lastKey) return;
    lastKey = key;
    safe(() => onChange(conversation));
  }

  function schedule(): void {
    if (timer !== undefined || signal.aborted) return;
    timer = setTimeout(read, debounceMs);
  }

  function navigated(): void {
    // A new page in the same tab: observe its container afresh.
    observed = null;
    schedule();
  }

  for (const type of NAVIGATION_EVENTS) win.addEventListener(type, navigated, { signal });
  for (const type of DOCUMENT_NAVIGATION_EVENTS) doc.addEventListener(type, navigated, { signal });
  const navigation = (win as Window & { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', navigated, { signal });
  // History changes made by the page's own scripts are invisible to an isolated world:
  // a cheap URL check once a second catches them.
  const poll = setInterval(() => {
    if (win.location.href !== lastHref) navigated();
  }, 1000);

  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(poll);
    if (timer !== undefined) clearTimeout(timer);
  });

  observe();
  read();
  return { refresh: schedule };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
