/**
 * The browser as the background sees it: the events it wakes for, and what it does in reply
 * (alarms, notifications, the toolbar badge, context menus, windows). Browser differences are
 * settled at build time (import.meta.env.FIREFOX), not by probing the API.
 */
import { browser, type Browser } from 'wxt/browser';

export type MenuClick = Pick<
  Browser.contextMenus.OnClickData,
  'menuItemId' | 'selectionText' | 'linkUrl' | 'pageUrl'
>;
export type ClickedTab = Pick<Browser.tabs.Tab, 'id' | 'windowId' | 'url'> | undefined;
export type MenuItem = Browser.contextMenus.CreateProperties & { id: string };

export interface BackgroundEvents {
  /** `reason`: "install" the first time, "update" (or another) after. */
  installed(reason: string): void;
  startup(): void;
  tabClosed(tabId: number): void;
  permissionsRemoved(): void;
  alarm(name: string): void;
  notificationClicked(id: string, button?: number): void;
  notificationClosed(id: string, byUser: boolean): void;
  menuClicked(info: MenuClick, tab: ClickedTab): void;
  command(command: string, tab: ClickedTab): void;
}

/** Listens to every event the background handles; call once, at the top of the background. */
export function listen(on: BackgroundEvents): void {
  browser.runtime.onInstalled.addListener((details) => on.installed(details.reason));
  browser.runtime.onStartup.addListener(() => on.startup());
  browser.tabs.onRemoved.addListener((tabId) => on.tabClosed(tabId));
  browser.permissions.onRemoved.addListener(() => on.permissionsRemoved());
  browser.alarms.onAlarm.addListener((alarm) => on.alarm(alarm.name));
  browser.notifications.onClicked.addListener((id) => on.notificationClicked(id));
  browser.notifications.onButtonClicked?.addListener((id, button) =>
    on.notificationClicked(id, button),
  );
  browser.notifications.onClosed.addListener((id, byUser) => on.notificationClosed(id, byUser));
  browser.contextMenus.onClicked.addListener((info, tab) => on.menuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => on.command(command, tab));
}

// ---- alarms ----

export async function setAlarm(name: string, when: number): Promise<void> {
  await browser.alarms.create(name, { when });
}

export async function clearAlarm(name: string): Promise<void> {
  await browser.alarms.clear(name);
}

/** When an alarm is set to fire next, if it is set. */
export async function alarmTime(name: string): Promise<number | undefined> {
  return (await browser.alarms.get(name))?.scheduledTime;
}

// ---- notifications, badge, menus, windows ----

/** Shows a notification; Firefox shows no buttons, so there a click takes the first action. */
export async function notify(
  id: string,
  title: string,
  message: string,
  buttons: string[],
): Promise<void> {
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    ...(buttons.length && !import.meta.env.FIREFOX
      ? { buttons: buttons.map((title) => ({ title })) }
      : {}),
  });
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications.clear(id);
}

export async function setBadge(text: string, color: string): Promise<void> {
  await browser.action.setBadgeText({ text });
  if (text) await browser.action.setBadgeBackgroundColor({ color });
}

/** Replaces every context menu item with these. */
export async function setMenus(items: MenuItem[]): Promise<void> {
  await browser.contextMenus.removeAll();
  for (const item of items) browser.contextMenus.create(item);
}

/** Opens one of the extension's pages (`/sidepanel.html?…`, the welcome) in a new tab. */
export async function openExtensionTab(
  path: `/sidepanel.html${string}` | '/welcome.html',
): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(path) });
}

/** Opens one of the extension's pages in a small window of its own. */
export async function openExtensionWindow(path: `/sidepanel.html${string}`): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(path),
    type: 'popup',
    width: 420,
    height: 720,
  });
}
