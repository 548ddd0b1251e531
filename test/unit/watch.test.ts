// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gmail } from '../../lib/adapters/gmail';
import type { Conversation } from '../../lib/model';
import { watchConversation } from '../../platform/in-page/watch';
import { loadFixture } from './adapters/load-fixture';

const inbox = loadFixture('gmail', 'inbox');
const thread = loadFixture('gmail', 'thread-long');
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => controller.abort());

/** Shows a fixture's page as a single-page tool does: new content, same document. */
function show(page: { document: Document }): void {
  document.title = page.document.title;
  document.body.replaceChildren(
    ...[...page.document.body.children].map((child) => document.importNode(child, true)),
  );
}

/** The inbox open at its address, watched: what the watcher reports, in order. */
function watchFromInbox(): (Conversation | null)[] {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(
    inbox.url.href,
  );
  show(inbox);
  const seen: (Conversation | null)[] = [];
  watchConversation({
    adapter: gmail,
    window,
    onChange: (conversation) => seen.push(conversation),
    signal: controller.signal,
  });
  return seen;
}

describe('following the open conversation', () => {
  it('reads a navigation in the task that announces it, before the page paints', () => {
    const seen = watchFromInbox();
    expect(seen).toEqual([null]);

    show(thread);
    history.pushState(null, '', thread.url.href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    // No timer has run yet: the sidebar hears of the thread while the page lays it out.
    expect(seen.map((c) => c?.threadKey ?? null)).toEqual([null, 'gmail:18c6a0f3e2b1d4c7']);

    // The same address announced again (popstate after hashchange) tells nothing new.
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(seen).toHaveLength(2);
  });

  it('reads a conversation rendered just after its address changed, even in a new container', async () => {
    const seen = watchFromInbox();
    // The address first, as Gmail does while it fetches the thread…
    history.pushState(null, '', thread.url.href);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const before = seen.length;
    // …then the thread, replacing the page's content (and whatever container was watched).
    show(thread);
    // The observer's own callback reads it (this DOM delivers it in a task, as soon as it can);
    // before, a read waited for a timer after it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen.slice(before).map((c) => c?.threadKey)).toEqual(['gmail:18c6a0f3e2b1d4c7']);
  });
});
