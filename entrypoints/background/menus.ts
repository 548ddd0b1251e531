/**
 * "Thank this person", "Log an interaction with this person" and "Mark as internal / external":
 * on selected text and links anywhere, and on the page in the supported tools.
 */
import { adapterFor } from '@/lib/adapters';
import { identifyFromLink, identifyFromSelection } from '@/lib/identify';
import { ALL_TOOL_MATCHES } from '@/lib/sites';
import { resolveTarget, type Target } from '@/lib/targets';
import {
  getStore,
  loadSettings,
  openSidePanel,
  sendToTab,
  setPendingComposer,
  t,
} from '@/platform';
import { setMenus, type ClickedTab, type MenuClick } from '@/platform/background';
import { conversationOf } from './conversations';

export const MENU = {
  thank: 'thank',
  thankHere: 'thank-here',
  log: 'log',
  internal: 'mark-internal',
  external: 'mark-external',
} as const;

export async function createMenus(): Promise<void> {
  const person: ['selection', 'link'] = ['selection', 'link'];
  await setMenus([
    { id: MENU.thank, title: t('menuThank'), contexts: person },
    {
      id: MENU.thankHere,
      title: t('menuThankHere'),
      contexts: ['page'],
      documentUrlPatterns: ALL_TOOL_MATCHES,
    },
    { id: MENU.log, title: t('menuLog'), contexts: person },
    { id: MENU.internal, title: t('menuInternal'), contexts: person },
    { id: MENU.external, title: t('menuExternal'), contexts: person },
  ]);
}

/** The click handler, also called by tests through the service worker. */
export async function onContextMenuClick(
  info: MenuClick,
  tab: ClickedTab,
): Promise<{ ok: boolean; message: string }> {
  const id = String(info.menuItemId);
  const inTool = !!tab?.url && !!adapterFor(new URL(tab.url));
  // Opening the side panel needs the click's user gesture: do it before anything is awaited.
  const panel =
    (id === MENU.thank || id === MENU.thankHere) && !inTool
      ? openSidePanel(tab?.id, tab?.windowId).catch(() => undefined)
      : undefined;
  try {
    const settings = await loadSettings();
    const store = await getStore();
    const identified = identifyFromLink(info.linkUrl) ?? identifyFromSelection(info.selectionText);
    const conversation = tab?.id !== undefined ? (await conversationOf(tab.id)).conversation : null;
    let target: Target | null = identified
      ? await resolveTarget(store, identified, settings)
      : null;
    if (!target && conversation?.participants.length) {
      // Nothing pointed at: everyone in the open conversation, to pick from.
      const people = (await store.resolveParticipants(conversation, settings)).map((r) => r.person);
      target =
        people.length === 1
          ? { person: people[0]! }
          : { candidates: people, name: conversation.title };
    }
    if (!target) return { ok: false, message: 'No person found in what was clicked.' };

    if (id === MENU.thank || id === MENU.thankHere) {
      await setPendingComposer(target);
      if (inTool && tab?.id !== undefined) await sendToTab(tab.id, { type: 'open-sidebar' });
      await panel;
      return { ok: true, message: 'composer opened' };
    }
    if (!('person' in target)) {
      await setPendingComposer(target);
      return { ok: false, message: 'Several people match; choose one in the side panel.' };
    }
    if (id === MENU.internal || id === MENU.external) {
      await store.setRelationship(target.person.id, id === MENU.internal ? 'internal' : 'external');
    } else if (id === MENU.log) {
      if (conversation)
        await store.logConversation(conversation, [target.person], settings, 'manual');
      else
        await store.logInteraction(
          {
            personId: target.person.id,
            kind: 'in-person',
            source: 'manual',
            url: safeHttpUrl(tab?.url),
          },
          settings,
        );
    }
    return { ok: true, message: `${id} ${target.person.name}` };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}

function safeHttpUrl(url: string | undefined): string | undefined {
  return url && /^https?:/.test(url) ? url : undefined;
}
