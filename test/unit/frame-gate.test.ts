import { describe, expect, it } from 'vitest';
import {
  claimGrant,
  GRANT_LIFETIME_MS,
  isGrantedFrame,
  issueGrant,
  readFrameGrant,
} from '@/lib/frame-gate';

const TOKEN = '6c1f6c55-3a4e-4b8e-9d2c-1f2e3d4c5b6a';

describe('the sidebar frame handshake', () => {
  it('lets the frame holding the token in, once, and only that frame afterwards', () => {
    const grant = issueGrant(TOKEN, 1_000);
    const claimed = claimGrant(grant, TOKEN, 7, 2_000);
    expect(claimed).toEqual({ issuedAt: 1_000, frameId: 7 });
    expect(isGrantedFrame(claimed!, 7)).toBe(true);
    expect(isGrantedFrame(claimed!, 8)).toBe(false);
    // The token is spent: replaying it (from a page's own copy of the sidebar) fails.
    expect(claimGrant(claimed!, TOKEN, 8, 2_001)).toBeNull();
  });

  it('refuses a wrong token, a late one, a missing grant and a frame without an id', () => {
    const grant = issueGrant(TOKEN, 1_000);
    expect(claimGrant(grant, 'forged-forged-forged-0001', 7, 1_001)).toBeNull();
    expect(claimGrant(grant, TOKEN, 7, 1_000 + GRANT_LIFETIME_MS + 1)).toBeNull();
    expect(claimGrant(undefined, TOKEN, 7, 1_001)).toBeNull();
    expect(claimGrant(grant, TOKEN, undefined, 1_001)).toBeNull();
    // Before any claim, no frame is the sidebar.
    expect(isGrantedFrame(grant, 7)).toBe(false);
    expect(isGrantedFrame(undefined, 7)).toBe(false);
  });

  it('reads back only a grant of the right shape from storage', () => {
    expect(readFrameGrant({ token: TOKEN, issuedAt: 1 })).toEqual({ token: TOKEN, issuedAt: 1 });
    expect(readFrameGrant({ issuedAt: 1, frameId: 3 })).toEqual({ issuedAt: 1, frameId: 3 });
    expect(readFrameGrant({ token: TOKEN, issuedAt: '1' })).toBeUndefined();
    expect(readFrameGrant({ issuedAt: 1, frameId: '3' })).toBeUndefined();
    expect(readFrameGrant('frame')).toBeUndefined();
  });
});
