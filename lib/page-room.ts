/**
 * Making room for the in-page sidebar: instead of lying over the tool's page, the sidebar can
 * narrow the page by its own width. Each tool's adapter says which element gives up the room
 * (`PageRoom`); this module says what layout styles that element gets, and when there is too
 * little width to share. Only layout styles ever reach the host page: no data, no classes.
 */

/** How a tool's page makes room for the sidebar, declared in the tool's adapter. */
export interface PageRoom {
  /**
   * The element that narrows: `html` for pages that scroll the document (their fixed headers
   * keep the whole width), `body` for app pages that lay out in the window and scroll inside.
   */
  target: 'html' | 'body';
  /**
   * The app places its panels and dialogs with `position: fixed` against the window (a mail
   * being written, an issue opened from a board): the target then holds them as well, so they
   * too end where the sidebar begins. Only for pages that do not scroll the document.
   */
  holdsFixed: boolean;
}

/** The sidebar's width in CSS pixels, and its compact width. */
export const SIDEBAR_WIDTH = 360;
export const COMPACT_SIDEBAR_WIDTH = 280;
/** Below this the sidebar takes the whole window (it is a sheet, not a column). */
export const FULL_WIDTH_BELOW = 600;
/** The page keeps at least this much width, or it is not narrowed at all (the sidebar floats). */
export const MIN_PAGE_WIDTH = 480;

export function sidebarWidth(compact: boolean): number {
  return compact ? COMPACT_SIDEBAR_WIDTH : SIDEBAR_WIDTH;
}

/** One inline style the target gets while the sidebar is open: property, value, `!important`. */
export type RoomStyles = Readonly<Record<string, string>>;

/**
 * The styles that narrow the page by the sidebar's width, or null when the page stays as it is:
 * the tool declares no room, the user chose a floating sidebar, or the window is too narrow to
 * share (the page would fall below MIN_PAGE_WIDTH).
 */
export function roomStyles(
  room: PageRoom | undefined,
  windowWidth: number,
  width: number,
): RoomStyles | null {
  if (!room || windowWidth < FULL_WIDTH_BELOW || windowWidth - width < MIN_PAGE_WIDTH) return null;
  const styles: Record<string, string> = {
    // The target's width is a share of its own containing block (the window for both html and
    // a margin-less body), whatever width or margins the page's stylesheet gave it.
    'box-sizing': 'border-box',
    width: `calc(100% - ${width}px)`,
    'max-width': `calc(100% - ${width}px)`,
  };
  if (room.holdsFixed) {
    // Layout containment makes the target the containing block of its fixed descendants, so
    // a dialog anchored to the window's right edge or bottom ends at the sidebar and the
    // window's bottom; as tall as the window, since app pages fill it.
    styles.contain = 'layout';
    styles['min-height'] = '100vh';
  }
  return styles;
}

/** An app that fills the window and scrolls inside it (mail, tickets, chat): its body narrows. */
export const APP_PAGE_ROOM: PageRoom = { target: 'body', holdsFixed: true };
/** A page that scrolls as a document (GitHub): the root narrows, fixed bars keep the window. */
export const DOCUMENT_PAGE_ROOM: PageRoom = { target: 'html', holdsFixed: false };
