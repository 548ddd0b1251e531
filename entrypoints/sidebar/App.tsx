import { useEffect, useRef, useState } from 'preact/hooks';
import { ConversationPanel } from '@/components/conversation/ConversationPanel';
import {
  settingsWereRead,
  useLearnedRules,
  useOpenStore,
  useSettings,
} from '@/components/shared/hooks';
import { startReadingView } from '@/components/conversation/view-read';
import { PickPeople, stopPicking } from '@/components/conversation/PickPeople';
import { useStoreVersion } from '@/components/shared/read-hooks';
import { ThankFlow, useThankFlow } from '@/components/thank/ThankFlow';
import { WorkspaceQuestion } from '@/components/conversation/WorkspaceQuestion';
import { needsTeaching } from '@/lib/learned-rules/rule';
import {
  parseMessage,
  type PickingTarget,
  type PickPart,
  type WorkspaceState,
} from '@/lib/messages';
import type { Conversation } from '@/lib/model';
import { useReplyBoxOpen } from './reply-box';
import { HiddenNotice } from './HiddenNotice';
import { SidebarControls } from './SidebarControls';
import { StorageHandOver } from './StorageHandOver';
import { isFromExtensionPage, onMessage, sendToBackground, t } from '@/platform';

/**
 * The in-page sidebar: runs in an extension-origin iframe inside the host page. `channel` is the
 * private channel from the content script that opened this frame (entrypoints/sidebar/gate.ts).
 */
export function App({ channel }: { channel?: MessagePort }) {
  const { store, problem } = useOpenStore();
  const version = useStoreVersion();
  const settings = useSettings();
  // The conversation is read again when the log changes or the organisation's domains do.
  const panelVersion = version + settings.orgDomains.length;
  const [tabId, setTabId] = useState<number | null>(null);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [workspace, setWorkspace] = useState<WorkspaceState | undefined>();
  const flow = useThankFlow(store, true);
  const composing = !!(flow.thanking || flow.choices);
  const replyBoxOpen = useReplyBoxOpen(composing ? conversation?.tool : undefined);
  const [picking, setPicking] = useState<PickingTarget>(null);
  const [part, setPart] = useState<PickPart>('people');
  const [pickError, setPickError] = useState(false);
  const rules = useLearnedRules();
  const host = conversation ? new URL(conversation.url).hostname : undefined;
  const stale = rules.some(
    (r) => r.host === host && r.tool === conversation?.tool && needsTeaching(r),
  );

  async function startPicking(what: PickPart) {
    setPart(what);
    const target = await sendToBackground({ type: 'start-picking', part: what });
    setPickError(!target);
    setPicking(target ?? null);
  }

  function show(next: Conversation | null) {
    // The same thread may be read anew (a rule taught): show its people, keep the flow.
    if (next?.threadKey !== conversation?.threadKey) flow.thank(null);
    if (JSON.stringify(next) === JSON.stringify(conversation)) return;
    // The panel's read starts now, while the panel renders (same arguments as its own).
    if (store && next && settingsWereRead()) startReadingView(store, next, settings, panelVersion);
    setConversation(next);
  }
  const showLatest = useRef(show);
  showLatest.current = show;
  /**
   * Once the content script's channel has told a conversation, only it is listened to: the
   * background's copies of the same reports come a hop later, so one could be older.
   */
  const heardFromChannel = useRef(false);

  useEffect(() => {
    void sendToBackground({ type: 'get-conversation' }).then((reply) => {
      setTabId(reply?.tabId ?? null);
      if (!heardFromChannel.current) setConversation(reply?.conversation ?? null);
      setWorkspace(reply?.workspace);
      setLoaded(true);
    });
  }, []);

  useEffect(() => {
    if (!channel) return;
    const listener = (event: MessageEvent) => {
      // What the page shows, read by our content script: checked like any other message.
      const message = parseMessage(event.data);
      if (message?.type !== 'conversation') return;
      heardFromChannel.current = true;
      // For tests, like `data-gate`: which way conversations come (no data).
      document.documentElement.dataset.conversationFrom = 'content-script';
      showLatest.current(message.conversation);
    };
    channel.addEventListener('message', listener);
    channel.start();
    return () => channel.removeEventListener('message', listener);
  }, [channel]);

  // The conversation in this tab changed: the background tells every page what each tab shows.
  useEffect(
    () =>
      onMessage(isFromExtensionPage, {
        'conversation-changed': (message) => {
          if (message.tabId !== tabId) return undefined;
          if (!heardFromChannel.current) show(message.conversation);
          // Whether this workspace logs by itself (the first conversation may come later).
          void sendToBackground({ type: 'get-conversation' }).then((reply) =>
            setWorkspace(reply?.workspace),
          );
          return undefined;
        },
      }),
    [tabId, conversation, store, settings, panelVersion],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The composer handles its own Escape (closing only itself) and marks it handled.
      if (event.key !== 'Escape' || event.defaultPrevented || tabId === null) return;
      if (picking) {
        stopPicking();
        setPicking(null);
      } else void sendToBackground({ type: 'relay', message: { type: 'close-sidebar' } });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tabId, picking]);

  const answerWorkspace = (log: boolean) =>
    void sendToBackground({ type: 'answer-workspace', log }).then(
      (state) => state && setWorkspace(state),
    );
  const close = () => void sendToBackground({ type: 'relay', message: { type: 'close-sidebar' } });
  const relay = (type: 'hide-launcher' | 'show-launcher') =>
    void sendToBackground({ type: 'relay', message: { type } });
  const [justHidden, setJustHidden] = useState(false);
  const hide = () => {
    relay('hide-launcher');
    setJustHidden(true);
  };
  const undoHide = () => {
    relay('show-launcher');
    setJustHidden(false);
  };

  return (
    <main>
      <SidebarControls onHide={hide} onClose={close} />
      {justHidden && <HiddenNotice onUndo={undoHide} onDone={close} />}
      {problem ? (
        <StorageHandOver problem={problem} />
      ) : !store || !loaded ? (
        <p aria-busy="true">{t('commonLoading')}</p>
      ) : picking ? (
        <PickPeople tabId={tabId} target={picking} part={part} onDone={() => setPicking(null)} />
      ) : flow.thanking || flow.choices ? (
        <ThankFlow
          store={store}
          flow={flow}
          prefill={conversation?.title ? t('composerPrefillThread', conversation.title) : undefined}
          canInsert={replyBoxOpen}
          onInsert={async (text) =>
            !!conversation &&
            (await sendToBackground({
              type: 'relay',
              message: { type: 'insert-text', tool: conversation.tool, text },
            })) === true
          }
        />
      ) : (
        <>
          {workspace && workspace.log === null && settings.autoLog === 'after-open' && (
            <WorkspaceQuestion workspace={workspace} onAnswer={answerWorkspace} />
          )}
          {stale && (
            <p role="status" class="error" data-testid="rule-needs-teaching">
              {t('pickNeedsTeaching')}
            </p>
          )}
          <ConversationPanel
            store={store}
            conversation={conversation}
            version={panelVersion}
            onThank={flow.thank}
          />
          <p class="log-status" role="group" aria-label={t('pickTeachMoreLabel')}>
            <button
              type="button"
              data-testid="pick-people"
              onClick={() => void startPicking('people')}
            >
              {t('pickPeople')}
            </button>{' '}
            <button
              type="button"
              data-testid="pick-title"
              onClick={() => void startPicking('title')}
            >
              {t('pickTitle')}
            </button>{' '}
            <button
              type="button"
              data-testid="pick-container"
              onClick={() => void startPicking('container')}
            >
              {t('pickContainer')}
            </button>
          </p>
          {pickError && (
            <p role="alert" class="error">
              {t('pickStartError')}
            </p>
          )}
        </>
      )}
    </main>
  );
}
