import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import '@/components/shared/styles.css';
import { showInUiLanguage } from '@/platform/core';
import { App } from './App';
import { awaitFrameToken, type GateState } from './gate';

// Listening starts before the first render: the token can arrive as soon as the frame loads,
// before Preact runs its effects.
let gate: GateState = 'waiting';
let channel: MessagePort | undefined;
let onGate: ((state: GateState) => void) | undefined;
awaitFrameToken((state, fromContentScript) => {
  gate = state;
  channel = fromContentScript;
  onGate?.(state);
});

/** Nothing at all (no person, no button) until this frame is known to be our sidebar. */
function Gate() {
  const [state, setState] = useState<GateState>(gate);
  useEffect(() => {
    onGate = setState;
    setState(gate);
  }, []);
  return state === 'open' ? <App channel={channel} /> : null;
}

showInUiLanguage();
render(<Gate />, document.getElementById('app')!);
