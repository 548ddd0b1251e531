/**
 * "The log changed": said by the store's commands after each commit, heard by every open view.
 * A page's own listeners are called directly (a BroadcastChannel never echoes to its sender);
 * every other page of the extension, and the background, hears it by broadcast. Free of zod and
 * of the commands, so a page that only reads (the popup) can listen without loading them.
 */
const STORE_CHANNEL = 'inside-out-store';
const localListeners = new Set<() => void>();

export function announceStoreChange(): void {
  for (const listener of localListeners) listener();
  const channel = new BroadcastChannel(STORE_CHANNEL);
  channel.postMessage({ type: 'store-changed' });
  channel.close();
}

/** Calls back after each change made by this context's own commands, not by other pages. */
export function onOwnStoreChange(callback: () => void): () => void {
  localListeners.add(callback);
  return () => localListeners.delete(callback);
}

export function onStoreChange(callback: () => void): () => void {
  const channel = new BroadcastChannel(STORE_CHANNEL);
  channel.onmessage = () => callback();
  localListeners.add(callback);
  return () => {
    localListeners.delete(callback);
    channel.close();
  };
}
