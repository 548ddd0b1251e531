/**
 * The sidebar page waits, showing nothing, until it has proved to the background that it is the
 * frame our content script opened in this tab (lib/frame-gate.ts): a page that frames
 * sidebar.html itself gets an empty frame that answers no click.
 */
import { FRAME_TOKEN_MESSAGE } from '@/lib/frame-gate';
import { sendToBackground } from '@/platform';

/**
 * A page can post its own tokens to the frame (it can reach any frame through window.frames):
 * after this many refusals the frame stops asking, so a page cannot make it flood the background.
 */
const MAX_CLAIMS = 100;

export type GateState = 'waiting' | 'open' | 'refused';

/**
 * Listens for the token from the parent window and claims it; `onState` hears each change, and
 * with 'open' the channel that came with the granted token (from our content script, then: no
 * refused message's channel is kept). The state is also put on the document element
 * (`data-gate`) for tests; it carries no data.
 */
export function awaitFrameToken(
  onState: (state: GateState, channel?: MessagePort) => void,
): () => void {
  let claims = 0;
  let settled = false;
  const show = (state: GateState, channel?: MessagePort) => {
    document.documentElement.dataset.gate = state;
    onState(state, channel);
  };
  const listener = (event: MessageEvent) => {
    if (settled || event.source !== window.parent) return;
    const data = event.data as { type?: unknown; token?: unknown } | null;
    if (data?.type !== FRAME_TOKEN_MESSAGE || typeof data.token !== 'string') return;
    if (claims >= MAX_CLAIMS) return;
    claims++;
    const channel = event.ports[0];
    void sendToBackground({ type: 'claim-frame', token: data.token.slice(0, 64) }).then(
      (granted) => {
        if (settled) return;
        if (granted === true) {
          settled = true;
          window.removeEventListener('message', listener);
          show('open', channel);
        } else show('refused');
      },
    );
  };
  window.addEventListener('message', listener);
  show('waiting');
  return () => window.removeEventListener('message', listener);
}
