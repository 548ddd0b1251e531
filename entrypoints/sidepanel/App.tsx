import { useEffect, useState } from 'preact/hooks';
import { CheckInsView } from '@/components/check-ins/CheckInsView';
import { ConversationPanel } from '@/components/conversation/ConversationPanel';
import { useOpenStore } from '@/components/shared/hooks';
import { StorageProblem } from '@/components/shared/StorageProblem';
import { useStoreVersion } from '@/components/shared/read-hooks';
import { ThankFlow, useThankFlow } from '@/components/thank/ThankFlow';
import { LogView } from '@/components/log/LogView';
import { PeopleView } from '@/components/people/PeopleView';
import { WeeklyReview } from '@/components/review/WeeklyReview';
import type { Conversation } from '@/lib/model';
import {
  activeTab,
  isFromExtensionPage,
  onMessage,
  onTabActivated,
  sendToBackground,
  t,
  openSettings,
} from '@/platform';

const TABS = [
  { id: 'now', label: 'sideTabNow' },
  { id: 'log', label: 'sharedLog' },
  { id: 'people', label: 'sideTabPeople' },
  { id: 'check-ins', label: 'sharedCheckIns' },
  { id: 'review', label: 'sideTabReview' },
] as const;
type TabId = (typeof TABS)[number]['id'];

/** `?for=<tab id>`: follow that tab rather than the active one (a window of its own). */
const FOLLOWED_TAB = Number(new URLSearchParams(location.search).get('for')) || undefined;

/** The Chrome side panel and the Firefox sidebar: the whole log, people, check-ins, review. */
export function App() {
  const { store, problem } = useOpenStore();
  const version = useStoreVersion();
  const [tab, setTab] = useState<TabId>(initialTab());
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [tabId, setTabId] = useState<number | null>(null);
  const flow = useThankFlow(store);

  // "Now": the conversation in the active tab, kept current as tabs and pages change; or, in
  // the window a self-hosted tool's launcher opens (Firefox), the tab it was opened `for`.
  useEffect(() => {
    const followed = async () => FOLLOWED_TAB ?? (await activeTab())?.id;
    const refresh = async () => {
      const id = await followed();
      const reply = await sendToBackground({ type: 'get-conversation', tabId: id });
      setTabId(id ?? null);
      setConversation(reply?.conversation ?? null);
    };
    void refresh();
    const stopFollowingTabs = onTabActivated(() => void refresh());
    // The background tells every page what each tab shows: the one route of a conversation.
    const stop = onMessage(isFromExtensionPage, {
      'conversation-changed': (message) => {
        void followed().then((id) => {
          if (id === undefined || id !== message.tabId) return;
          setTabId(id);
          setConversation(message.conversation);
        });
        return undefined;
      },
    });
    return () => {
      stopFollowingTabs();
      stop();
    };
  }, []);

  function onTabKey(event: KeyboardEvent) {
    const index = TABS.findIndex((item) => item.id === tab);
    const next =
      event.key === 'ArrowRight' ? index + 1 : event.key === 'ArrowLeft' ? index - 1 : null;
    if (next === null) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target.id);
    document.getElementById(`tab-${target.id}`)?.focus();
  }

  if (problem)
    return (
      <main class="sidepanel">
        <StorageProblem problem={problem} where="page" />
      </main>
    );
  if (!store) return <main aria-busy="true">{t('sideLoading')}</main>;
  return (
    <main class="sidepanel">
      {/* The panel's name for screen readers; the browser's own header already shows it. */}
      <h1 class="visually-hidden">{t('extName')}</h1>
      <div role="tablist" aria-label={t('extName')} class="tablist" onKeyDown={onTabKey}>
        {TABS.map((item) => (
          <button
            key={item.id}
            id={`tab-${item.id}`}
            role="tab"
            type="button"
            aria-selected={tab === item.id}
            aria-controls={`panel-${item.id}`}
            tabIndex={tab === item.id ? 0 : -1}
            onClick={() => setTab(item.id)}
            data-testid={`tab-${item.id}`}
          >
            {t(item.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {flow.thanking || flow.choices ? (
          <ThankFlow store={store} flow={flow} />
        ) : tab === 'now' ? (
          <ConversationPanel
            store={store}
            conversation={conversation}
            version={version + (tabId ?? 0)}
            onThank={flow.thank}
          />
        ) : tab === 'log' ? (
          <LogView store={store} version={version} />
        ) : tab === 'people' ? (
          <PeopleView store={store} version={version} onThank={flow.thank} />
        ) : tab === 'check-ins' ? (
          <CheckInsView store={store} version={version} />
        ) : (
          <WeeklyReview store={store} version={version} />
        )}
      </div>
      <footer class="sidepanel-footer">
        <button type="button" data-testid="open-settings" onClick={() => void openSettings()}>
          {t('commonSettings')}
        </button>
      </footer>
    </main>
  );
}

function initialTab(): TabId {
  const wanted = new URLSearchParams(location.search).get('tab');
  return TABS.some((item) => item.id === wanted) ? (wanted as TabId) : 'now';
}
