import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  claimFrame,
  forgetFrame,
  grantFrame,
  isGrantedSidebar,
} from '@/entrypoints/background/frames';
import type { Sender } from '@/platform';

beforeEach(() => fakeBrowser.reset());

const origin = () => new URL(fakeBrowser.runtime.getURL('/')).origin;
const contentScript = (tabId: number): Sender => ({ tab: { id: tabId } as Sender['tab'] });
const frame = (tabId: number, frameId: number, path = '/sidebar.html'): Sender => ({
  tab: { id: tabId } as Sender['tab'],
  frameId,
  url: `chrome-extension://inside-out${path}`,
});

describe('the background’s frame handshake', () => {
  it('grants the sidebar frame that presents its tab’s token, once, and only that frame', async () => {
    const grant = await grantFrame(contentScript(7));
    expect(grant?.origin).toBe(origin());
    expect(await isGrantedSidebar(frame(7, 3))).toBe(false);

    expect(await claimFrame(grant!.token, frame(7, 3))).toBe(true);
    expect(await isGrantedSidebar(frame(7, 3))).toBe(true);
    // The token is spent: a page's own copy of the sidebar cannot claim it again.
    expect(await claimFrame(grant!.token, frame(7, 4))).toBe(false);
    expect(await isGrantedSidebar(frame(7, 4))).toBe(false);
    // Another tab's frame with the same id is not this tab's sidebar.
    expect(await isGrantedSidebar(frame(8, 3))).toBe(false);

    await forgetFrame(7);
    expect(await isGrantedSidebar(frame(7, 3))).toBe(false);
  });

  it('refuses a wrong token, a frame that is not the sidebar page, and a sender in no tab', async () => {
    const grant = await grantFrame(contentScript(7));
    expect(await grantFrame({})).toBeUndefined();
    expect(await claimFrame('f'.repeat(36), frame(7, 3))).toBe(false);
    expect(await claimFrame(grant!.token, frame(7, 3, '/options.html'))).toBe(false);
    expect(
      await claimFrame(grant!.token, {
        frameId: 3,
        url: 'chrome-extension://inside-out/sidebar.html',
      }),
    ).toBe(false);
    // None of those spent the token.
    expect(await claimFrame(grant!.token, frame(7, 3))).toBe(true);
  });
});
