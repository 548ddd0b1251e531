import { isSupportedAddress } from '@/lib/custom-domains';
import type { Handlers, MessageTo } from '@/lib/messages';
import { onStoreChange } from '@/lib/store/changes';
import {
  browser,
  isFromContentScript,
  isFromExtensionPage,
  loadSettings,
  onMessage,
  onSettingsChanged,
  syncCustomDomains,
  openSidePanel,
  sendToTab,
  type Sender,
} from '@/platform';
import { conversationOf, conversationReported, tabClosed } from './conversations';
import { refreshBadge } from './badge';
import { createMenus, MENU, onContextMenuClick } from './menus';
import {
  ALARM,
  notificationClicked,
  notificationClosed,
  reminderDue,
  reviewDue,
  scheduleReminders,
} from './reminders';

// Wiring only: each handler lives in its own module and keeps its state in storage, never in
// memory a restart of the background would lose.
export default defineBackground(() => {
  onMessage(isFromContentScript, fromContentScript);
  onMessage(isFromExtensionPage, fromExtensionPage);
  browser.tabs.onRemoved.addListener((tabId) => void tabClosed(tabId));
  // A permission removed in the browser's own UI takes its custom domain with it.
  browser.permissions.onRemoved.addListener(() => void syncCustomDomains());
  browser.runtime.onInstalled.addListener(() => {
    void syncCustomDomains();
    void createMenus();
    void scheduleReminders();
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM.reminder) void reminderDue();
    if (alarm.name === ALARM.review) void reviewDue();
  });
  browser.notifications.onClicked.addListener((id) => void notificationClicked(id));
  browser.notifications.onButtonClicked?.addListener(
    (id, button) => void notificationClicked(id, button),
  );
  browser.notifications.onClosed.addListener((id, byUser) => void notificationClosed(id, byUser));
  onSettingsChanged((settings) => void scheduleReminders(Date.now(), settings));
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  // The keyboard shortcut: the composer for the conversation in this tab, where the user is.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'thank-here') void onContextMenuClick({ menuItemId: MENU.thankHere }, tab);
  });
  // The badge follows the log: any page that changes it announces the change.
  onStoreChange(() => void refreshBadge());
  browser.runtime.onStartup.addListener(() => {
    void refreshBadge();
    void scheduleReminders();
  });
  void refreshBadge();
  // Tests drive the paths no driver can click (context menus) through the same handlers.
  (globalThis as Record<string, unknown>).__insideOut = {
    onContextMenuClick,
    conversationOf,
    refreshBadge,
    reminderDue,
    reviewDue,
    notificationClicked,
    scheduleReminders,
  };
});

/**
 * The side panel for a tab whose page cannot frame the sidebar. Called straight from the
 * launcher's click message, so Chrome still counts the click; Firefox does not count a content
 * script's click, so there (or if Chrome refuses) the same page opens in a small window,
 * following that tab.
 */
async function openSidePanelFor(tabId: number, windowId?: number): Promise<void> {
  await openSidePanel(tabId, windowId).catch(() =>
    browser.windows.create({
      url: browser.runtime.getURL(`/sidepanel.html?tab=now&for=${tabId}`),
      type: 'popup',
      width: 420,
      height: 720,
    }),
  );
}

/** Content scripts may report and ask about their own tab; extension pages ask the rest. */
const fromContentScript: Handlers<MessageTo<'background'>, Sender> = {
  conversation: (message, sender) => conversationReported(message, sender),
  'site-status': async (message, sender) => ({
    enabled: (await loadSettings()).sites[message.tool] !== false,
    framed: isSupportedAddress(sender.url ?? sender.tab?.url ?? ''),
  }),
  'open-side-panel': async (_message, sender) => {
    if (sender.tab?.id !== undefined) await openSidePanelFor(sender.tab.id, sender.tab.windowId);
  },
};

const fromExtensionPage: Handlers<MessageTo<'background'>, Sender> = {
  'get-conversation': (message, sender) => conversationOf(message.tabId ?? sender.tab?.id),
  relay: async (message, sender) => {
    if (sender.tab?.id === undefined) return undefined;
    const reply = await sendToTab(sender.tab.id, message.message);
    return typeof reply === 'boolean' ? reply : undefined;
  },
};
