/**
 * The content script's runtime, shared by every tool's entrypoint: mount the launcher and its sidebar, follow
 * the open conversation with the tool's adapter, report it to the background. Each tool gets a
 * bundle with only its own adapter, so a host page loads as little of us as possible.
 */
import { detectWith, type DetectOptions } from '@/lib/adapters/detect';
import type { Adapter } from '@/lib/adapters/types';
import { FRAME_TOKEN_MESSAGE } from '@/lib/frame-gate';
import { ruleOutcome, type RuleRead } from '@/lib/learned-rules/detect';
import type { RuleParts } from '@/lib/learned-rules/rule';
import type { Conversation } from '@/lib/model';
import { findReplyBox } from '@/lib/reply-boxes';
import {
  loadSidebarPrefs,
  onExtensionMessage,
  onLauncherShownAgain,
  sidebarUrl,
  saveSidebarPrefs,
  sendToBackground,
} from '../content';
import { mountSidebar, type InPageSidebar } from './sidebar';
import { watchConversation } from './watch';

export async function runInPage(adapter: Adapter, signal: AbortSignal): Promise<void> {
  try {
    await start(adapter, signal);
  } catch {
    // Never let an error of ours reach the host page.
  }
}

async function start(adapter: Adapter, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return;
  const site = await sendToBackground({ type: 'site-status', tool: adapter.tool });
  if (site && !site.enabled) return;

  const openSidePanel = () => void sendToBackground({ type: 'open-side-panel' });
  const host = location.hostname;
  const prefs = await loadSidebarPrefs(host);
  // Where the user hid the launcher, nothing is put in the page until they ask for the sidebar
  // (the context menu, the shortcut); it goes again when they close it.
  let sidebar: InPageSidebar | undefined;
  let elsewhere = site?.framed === false;
  // The sidebar hears the conversation from here first, through a channel only it and we hold;
  // the background, which tells every other page, is a hop slower.
  let latest: Conversation | null = null;
  let toSidebar: MessagePort | undefined;
  const tellSidebar = () => toSidebar?.postMessage({ type: 'conversation', conversation: latest });
  const mount = (): InPageSidebar =>
    (sidebar ??= mountSidebar({
      document,
      sidebarUrl: sidebarUrl(),
      prefs,
      onPrefsChange: (next) => {
        Object.assign(prefs, next);
        void saveSidebarPrefs(host, next);
      },
      onFrameLoad: (frame) =>
        void introduceFrame(frame).then((port) => {
          toSidebar?.close();
          toSidebar = port;
          tellSidebar();
        }),
      onClose: () => {
        if (!sidebar?.hidden) return;
        sidebar.destroy();
        sidebar = undefined;
      },
      openElsewhere: elsewhere ? openSidePanel : undefined,
      room: adapter.room,
    }));
  if (!prefs.hidden) mount();
  const stopWatchingShown = onLauncherShownAgain(host, () => {
    prefs.hidden = false;
    if (sidebar) sidebar.setHidden(false);
    else mount();
  });
  signal.addEventListener('abort', () => {
    sidebar?.destroy();
    toSidebar?.close();
    stopWatchingShown();
  });

  // A rule the user taught for this tool here is tried before the shipped generations.
  const askRule = () => sendToBackground({ type: 'learned-rule', tool: adapter.tool });
  let ruleRead: RuleRead | undefined;
  let told: number | undefined;
  const detect: DetectOptions = {};
  const useRule = (rule: RuleParts | null | undefined) => {
    detect.learned = rule ? { rule, onRead: (read) => (ruleRead = read) } : undefined;
    ruleRead = undefined;
    told = undefined;
  };
  useRule(await askRule());

  const report = (conversation: Conversation | null) => {
    sidebar?.ensureAttached();
    latest = conversation;
    tellSidebar();
    void sendToBackground({ type: 'conversation', conversation });
    const count = ruleRead ? ruleOutcome(ruleRead, conversation) : undefined;
    if (count === undefined || count === told) return;
    told = count;
    void sendToBackground({ type: 'learned-rule-read', tool: adapter.tool, count });
  };
  const watcher = watchConversation({ adapter, window, onChange: report, signal, detect });

  const stop = onExtensionMessage({
    'close-sidebar': () => sidebar?.close(),
    // The tab goes at once; the sidebar stays open for its "Undo" until the user closes it.
    'hide-launcher': () => sidebar?.setHidden(true),
    'show-launcher': () => sidebar?.setHidden(false),
    'open-sidebar': () => mount().open(),
    'sidebar-layout': (message) =>
      sidebar?.setLayout({
        compact: typeof message.compact === 'boolean' ? message.compact : undefined,
        push: typeof message.push === 'boolean' ? message.push : undefined,
      }),
    'use-side-panel': () => {
      elsewhere = true;
      sidebar?.openElsewhereFromNowOn(openSidePanel);
    },
    'learned-rule-changed': () =>
      void askRule().then((next) => {
        useRule(next);
        watcher.refresh();
      }),
    'try-learned-rule': (message) => Promise.resolve(tryRule(adapter, message.rule)),
    'reply-box-open': () => Promise.resolve(findReplyBox(adapter.tool, document) !== null),
  });
  signal.addEventListener('abort', stop);
}

/**
 * Tells the sidebar frame it is ours: a one-time token from the background, posted to the
 * frame's window at the extension's origin only, so neither the page nor a page-made copy of
 * the sidebar ever sees it (lib/frame-gate.ts). With it goes one end of a channel; the frame
 * keeps it only if the background grants the token, and the page can reach neither end.
 */
async function introduceFrame(frame: HTMLIFrameElement): Promise<MessagePort | undefined> {
  const grant = await sendToBackground({ type: 'frame-grant' });
  if (!grant || !frame.contentWindow) return undefined;
  const channel = new MessageChannel();
  frame.contentWindow.postMessage({ type: FRAME_TOKEN_MESSAGE, token: grant.token }, grant.origin, [
    channel.port2,
  ]);
  return channel.port1;
}

/**
 * What a rule from the options page would read here now (names go back to that page only):
 * the page's own detection with that rule first, as if it were the one taught here.
 */
function tryRule(adapter: Adapter, rule: unknown): { names: string[]; refused?: 'too-many' } {
  const reads: RuleRead[] = [];
  const learned = { rule: rule as RuleParts, onRead: (read: RuleRead) => reads.push(read) };
  const found = detectWith(adapter, document, new URL(location.href), { learned });
  const read = reads[0];
  // A rule of the thread alone reads the people the page shows in the thread it found.
  const people = read?.taughtPeople
    ? read.participants
    : read?.threadFound
      ? found?.participants
      : [];
  return { names: people?.map((p) => p.name) ?? [], refused: read?.refused };
}
