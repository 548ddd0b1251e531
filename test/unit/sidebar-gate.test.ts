// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { FRAME_TOKEN_MESSAGE } from '../../lib/frame-gate';

// The background grants one token only: the one our content script was given.
vi.mock('@/platform', () => ({
  sendToBackground: vi.fn(async (message: { token?: string }) => message.token === 'ours'),
}));
const { awaitFrameToken } = await import('../../entrypoints/sidebar/gate');

function post(token: string, port: MessagePort): void {
  window.dispatchEvent(
    new MessageEvent('message', {
      source: window.parent,
      data: { type: FRAME_TOKEN_MESSAGE, token },
      ports: [port],
    }),
  );
}

describe("the sidebar's gate", () => {
  it('keeps the channel that came with the granted token, never a refused one', async () => {
    const heard: [string, MessagePort | undefined][] = [];
    const stop = awaitFrameToken((state, channel) => heard.push([state, channel]));
    const forged = new MessageChannel();
    const ours = new MessageChannel();
    post('forged', forged.port2);
    post('ours', ours.port2);
    await vi.waitFor(() => expect(heard.at(-1)?.[0]).toBe('open'));
    expect(heard.at(-1)?.[1]).toBe(ours.port2);
    expect(heard.some(([, channel]) => channel === forged.port2)).toBe(false);
    expect(document.documentElement.dataset.gate).toBe('open');
    stop();
  });
});
