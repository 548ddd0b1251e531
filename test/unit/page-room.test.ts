import { describe, expect, it } from 'vitest';
import {
  APP_PAGE_ROOM,
  COMPACT_SIDEBAR_WIDTH,
  DOCUMENT_PAGE_ROOM,
  MIN_PAGE_WIDTH,
  roomStyles,
  SIDEBAR_WIDTH,
  sidebarWidth,
} from '../../lib/page-room';

describe('making room for the sidebar', () => {
  it('narrows the page by the sidebar’s width', () => {
    expect(roomStyles(DOCUMENT_PAGE_ROOM, 1024, 360)).toEqual({
      'box-sizing': 'border-box',
      width: 'calc(100% - 360px)',
      'max-width': 'calc(100% - 360px)',
    });
  });

  it('an app page also holds its fixed dialogs, as tall as the window', () => {
    expect(roomStyles(APP_PAGE_ROOM, 1280, 388)).toMatchObject({
      width: 'calc(100% - 388px)',
      contain: 'layout',
      'min-height': '100vh',
    });
    expect(roomStyles(DOCUMENT_PAGE_ROOM, 1280, 388)).not.toHaveProperty('contain');
  });

  it('leaves the page alone where there is no room to share, or none declared', () => {
    expect(roomStyles(undefined, 1440, 360)).toBeNull();
    // A phone-sized window: the sidebar is a sheet over the whole page.
    expect(roomStyles(APP_PAGE_ROOM, 599, 280)).toBeNull();
    expect(roomStyles(APP_PAGE_ROOM, 360 + MIN_PAGE_WIDTH - 1, 360)).toBeNull();
    expect(roomStyles(APP_PAGE_ROOM, 360 + MIN_PAGE_WIDTH, 360)).not.toBeNull();
    // At 800 px the compact sidebar still leaves room where the full one does not.
    expect(roomStyles(APP_PAGE_ROOM, 800, sidebarWidth(false))).toBeNull();
    expect(roomStyles(APP_PAGE_ROOM, 800, sidebarWidth(true))).not.toBeNull();
  });

  it('compact is narrower', () => {
    expect(sidebarWidth(true)).toBe(COMPACT_SIDEBAR_WIDTH);
    expect(sidebarWidth(false)).toBe(SIDEBAR_WIDTH);
    expect(COMPACT_SIDEBAR_WIDTH).toBeLessThan(SIDEBAR_WIDTH);
  });
});
