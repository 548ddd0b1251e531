/**
 * Which extension frame in a tab is the sidebar our content script opened. sidebar.html is
 * web-accessible, so a page that learns its address can frame it itself (invisible, under its
 * own buttons) and trick the user's clicks. The sidebar therefore shows nothing until it proves
 * it is ours: when the content script's frame loads, the background issues a one-time token for
 * that tab, the content script posts it to the frame's window only (a page cannot read a
 * message sent to a frame of another origin), and the frame hands it back to the background,
 * which then knows that frame (by the tab and frame ids the browser puts on every message).
 * The token's message also carries one end of a MessageChannel: once the token is granted, the
 * content script tells its sidebar the open conversation through it, directly.
 */

/** The message our content script posts to the frame it made (never seen by the page). */
export const FRAME_TOKEN_MESSAGE = 'inside-out-frame-token';

/** A token lives long enough for a slow frame to start, not long enough to be useful later. */
export const GRANT_LIFETIME_MS = 30_000;

export interface FrameGrant {
  /** Waiting to be claimed; absent once claimed. */
  token?: string;
  issuedAt: number;
  /** The frame that claimed the token: the one sidebar allowed in this tab. */
  frameId?: number;
}

export function issueGrant(token: string, now: number): FrameGrant {
  return { token, issuedAt: now };
}

/**
 * The grant after `frameId` presents `token`, or null when the claim is refused (no grant,
 * wrong or used token, too late). A refused claim leaves the grant as it was.
 */
export function claimGrant(
  grant: FrameGrant | undefined,
  token: string,
  frameId: number | undefined,
  now: number,
): FrameGrant | null {
  if (!grant?.token || frameId === undefined) return null;
  if (grant.token !== token || now - grant.issuedAt > GRANT_LIFETIME_MS) return null;
  return { issuedAt: grant.issuedAt, frameId };
}

/** True when the frame is the one that claimed this tab's grant. */
export function isGrantedFrame(grant: FrameGrant | undefined, frameId: number | undefined) {
  return grant?.frameId !== undefined && frameId !== undefined && grant.frameId === frameId;
}

/** A grant as stored (storage is input like any other): undefined unless it has the right shape. */
export function readFrameGrant(stored: unknown): FrameGrant | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const { token, issuedAt, frameId } = stored as Record<string, unknown>;
  if (typeof issuedAt !== 'number') return undefined;
  if (token !== undefined && typeof token !== 'string') return undefined;
  if (frameId !== undefined && typeof frameId !== 'number') return undefined;
  return {
    issuedAt,
    ...(token === undefined ? {} : { token }),
    ...(frameId === undefined ? {} : { frameId }),
  };
}
