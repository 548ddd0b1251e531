import type { Handlers, MessageTo } from '@/lib/messages';
import { onOwnStoreChange } from '@/lib/store/changes';
import {
  isFromContentScript,
  getStore,
  isFromExtensionPage,
  loadSettings,
  onMessage,
  onOrgDomainsChanged,
  onSettingsChanged,
  syncCustomDomains,
  sendToTab,
  type Sender,
} from '@/platform';
import { listen, openExtensionTab } from '@/platform/background';
import { injectOnDemand } from '@/platform/learned-rules';
import {
  conversationOf,
  conversationReported,
  tabClosed,
  workspaceAnswered,
} from './conversations';
import { claimFrame, forgetFrame, grantFrame, isGrantedSidebar, isSidebarFrame } from './frames';
import { refreshBadge } from './badge';
import { refreshWeekNumbers } from './week-numbers';
import {
  frameStorageDenied,
  mayFrameSidebar,
  moveToSidePanel,
  openSidePanelFor,
} from './side-panel';
import { learnedRuleFor, learnedRuleRead, pickStateReported, startPicking } from './learned-rules';
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
  listen({
    installed: (reason) => {
      // The welcome opens once, on install; an update never interrupts the user with it.
      if (reason === 'install') void openExtensionTab('/welcome.html');
      quietly(adoptOrgDomains());
      void syncCustomDomains();
      void createMenus();
      quietly(scheduleReminders());
    },
    startup: () => {
      quietly(refreshBadge());
      quietly(scheduleReminders());
    },
    tabClosed: (tabId) => {
      void tabClosed(tabId);
      void forgetFrame(tabId);
    },
    // A permission removed in the browser's own UI takes this device's script with it (the
    // domain stays in the synced settings, offered to allow again).
    permissionsRemoved: () => void syncCustomDomains(),
    alarm: (name) => {
      if (name === ALARM.reminder) quietly(reminderDue());
      if (name === ALARM.review) quietly(reviewDue());
    },
    notificationClicked: (id, button) => void notificationClicked(id, button),
    notificationClosed: (id, byUser) => void notificationClosed(id, byUser),
    menuClicked: (info, tab) => void onContextMenuClick(info, tab),
    // The keyboard shortcut: the composer for the conversation in this tab, where the user is.
    command: (command, tab) => {
      if (command === 'thank-here') void onContextMenuClick({ menuItemId: MENU.thankHere }, tab);
    },
  });
  onSettingsChanged((settings) => {
    quietly(scheduleReminders(Date.now(), settings));
    // The week's bounds, goal and band come from the settings.
    quietly(refreshWeekNumbers());
    // Self-hosted tools added or removed, here or on another device.
    void syncCustomDomains();
  });
  // Domains set or extended anywhere (the welcome, the sidebar, the settings, another device):
  // the people already known at them are sorted, with their past.
  onOrgDomainsChanged((orgDomains) => quietly(adoptOrgDomains(orgDomains)));
  // The badge and the popup's first numbers follow the log: its own commands announce their
  // changes here, and the pages' commands tell it (`log-changed`, which wakes it).
  onOwnStoreChange(followTheLog);
  followTheLog();
  // Tests drive the paths no driver can click (context menus) through the same handlers; only
  // the test build has them (a compile-time constant: the shipped build leaves this out).
  if (__TEST_HOOKS__) {
    (globalThis as Record<string, unknown>).__insideOut = {
      onContextMenuClick,
      conversationOf,
      refreshBadge,
      reminderDue,
      reviewDue,
      notificationClicked,
      scheduleReminders,
    };
  }
});

function followTheLog(): void {
  quietly(refreshBadge());
  quietly(refreshWeekNumbers());
}

async function adoptOrgDomains(orgDomains?: string[]): Promise<void> {
  const store = await getStore();
  await store.adoptOrgDomains(orgDomains ?? (await loadSettings()).orgDomains);
}

/** Content scripts may report and ask about their own tab; extension pages ask the rest. */
const fromContentScript: Handlers<MessageTo<'background'>, Sender> = {
  conversation: (message, sender) => conversationReported(message, sender),
  'site-status': async (message, sender) => ({
    enabled: (await loadSettings()).sites[message.tool] !== false,
    framed: await mayFrameSidebar(sender.url ?? sender.tab?.url ?? ''),
  }),
  'open-side-panel': async (_message, sender) => {
    if (sender.tab?.id !== undefined) await openSidePanelFor(sender.tab.id, sender.tab.windowId);
  },
  'learned-rule': learnedRuleFor,
  'learned-rule-read': learnedRuleRead,
  'pick-state': pickStateReported,
  'frame-grant': (_message, sender) => grantFrame(sender),
};

/**
 * sidebar.html is web-accessible, so a page may frame a copy of it: the in-page sidebar is
 * answered only once it has shown it is the frame our content script opened in its tab, and
 * only about that tab. The side panel and the popup (in no tab, never framed) name their tab.
 */
const fromExtensionPage: Handlers<MessageTo<'background'>, Sender> = {
  'claim-frame': (message, sender) => claimFrame(message.token, sender),
  'frame-storage-denied': frameStorageDenied,
  'move-to-side-panel': moveToSidePanel,
  'log-changed': followTheLog,
  'answer-workspace': async (message, sender) =>
    sender.tab?.id !== undefined && (await isGrantedSidebar(sender))
      ? workspaceAnswered(sender.tab.id, message.log)
      : undefined,
  'get-conversation': async (message, sender) => {
    if (!isSidebarFrame(sender)) return conversationOf(message.tabId ?? sender.tab?.id);
    return (await isGrantedSidebar(sender)) ? conversationOf(sender.tab?.id) : undefined;
  },
  'start-picking': async (message, sender) =>
    (await isGrantedSidebar(sender)) ? startPicking(message, sender) : null,
  relay: async (message, sender) => {
    if (sender.tab?.id === undefined || !(await isGrantedSidebar(sender))) return undefined;
    // Host pages load the insertion only when the user inserts.
    if (
      message.message.type === 'insert-text' &&
      !(await injectOnDemand(sender.tab.id, '/insert.js'))
    )
      return false;
    const reply = await sendToTab(sender.tab.id, message.message);
    return typeof reply === 'boolean' ? reply : undefined;
  },
};

/**
 * Work nobody clicked for (the badge, reminders, sorting people): a log that cannot be read at
 * the moment (a newer version took it over, storage refused) is said by the pages the user
 * opens, never thrown into the background.
 */
function quietly(work: Promise<unknown>): void {
  work.catch(() => undefined);
}
