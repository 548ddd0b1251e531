import { useEffect, useState } from 'preact/hooks';
import { ConversationPanel } from '@/components/ConversationPanel';
import { useSettings, useStore } from '@/components/hooks';
import { useStoreVersion } from '@/components/read-hooks';
import { ThankFlow, useThankFlow } from '@/components/ThankFlow';
import type { Conversation } from '@/lib/model';
import { isFromExtensionPage, onMessage, sendToBackground, t } from '@/platform';

const INSERTABLE = new Set(['gmail', 'outlook', 'slack', 'teams']);

/** The in-page sidebar: runs in an extension-origin iframe inside the host page. */
export function App() {
  const store = useStore();
  const version = useStoreVersion();
  const settings = useSettings();
  const [tabId, setTabId] = useState<number | null>(null);
  const [conversation, setConversation] = useState<Conversation | null>(null);
  const [loaded, setLoaded] = useState(false);
  const flow = useThankFlow(store);

  useEffect(() => {
    void sendToBackground({ type: 'get-conversation' }).then((reply) => {
      setTabId(reply?.tabId ?? null);
      setConversation(reply?.conversation ?? null);
      setLoaded(true);
    });
  }, []);

  // The conversation in this tab changed: the background tells every page what each tab shows.
  useEffect(
    () =>
      onMessage(isFromExtensionPage, {
        'conversation-changed': (message) => {
          const changed = message.tabId === tabId;
          if (changed && message.conversation?.threadKey !== conversation?.threadKey) {
            setConversation(message.conversation);
            flow.thank(null);
          }
          return undefined;
        },
      }),
    [tabId, conversation],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      // The composer handles its own Escape (closing only itself) and marks it handled.
      if (event.key === 'Escape' && !event.defaultPrevented && tabId !== null)
        void sendToBackground({ type: 'relay', message: { type: 'close-panel' } });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [tabId]);

  const close = () => void sendToBackground({ type: 'relay', message: { type: 'close-panel' } });
  const hide = () => void sendToBackground({ type: 'relay', message: { type: 'hide-launcher' } });

  return (
    <main>
      <div class="toolbar">
        <strong>{t('extName')}</strong>
        <span>
          <button type="button" onClick={hide} title={t('overlayHideTitle')}>
            {t('overlayHide')}
          </button>{' '}
          <button type="button" onClick={close} aria-label={t('overlayClose')} data-testid="close">
            ✕
          </button>
        </span>
      </div>
      {!store || !loaded ? (
        <p aria-busy="true">{t('commonLoading')}</p>
      ) : flow.thanking || flow.choices ? (
        <ThankFlow
          store={store}
          flow={flow}
          prefill={conversation?.title ? t('composerPrefillThread', conversation.title) : undefined}
          canInsert={!!conversation && INSERTABLE.has(conversation.tool)}
          onInsert={async (text) =>
            (await sendToBackground({
              type: 'relay',
              message: { type: 'insert-text', text },
            })) === true
          }
        />
      ) : (
        <ConversationPanel
          store={store}
          conversation={conversation}
          version={version + settings.orgDomains.length}
          onThank={flow.thank}
        />
      )}
    </main>
  );
}
