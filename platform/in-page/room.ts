/**
 * Applies lib/page-room.ts to the host page: inline layout styles on the tool's root element
 * while the sidebar is open, and the element's own inline styles put back exactly when it
 * closes. Nothing but those layout properties is ever written to the page.
 */
import { roomStyles, type PageRoom } from '@/lib/page-room';

export interface PageRoomControl {
  /** Narrows the page by `width` (or stops narrowing it, when there is no room to share). */
  make(width: number): void;
  /** Gives the page its whole width back, as it was. */
  restore(): void;
  /** Whether the page is narrowed now. */
  readonly made: boolean;
}

export function pageRoom(doc: Document, room: PageRoom | undefined): PageRoomControl {
  /** What the page had inline before we set a property: its value and priority. */
  let saved: Map<string, [string, string]> | undefined;
  let target: HTMLElement | null = null;
  let width = 0;
  const view = doc.defaultView;

  const onResize = () => apply();

  function apply(): void {
    const styles = roomStyles(room, view?.innerWidth ?? 0, width);
    if (!styles) {
      putBack();
      return;
    }
    const element = room?.target === 'body' ? doc.body : doc.documentElement;
    if (!element) return;
    if (target && target !== element) putBack();
    target = element;
    saved ??= new Map();
    for (const [property, value] of Object.entries(styles)) {
      if (!saved.has(property))
        saved.set(property, [
          element.style.getPropertyValue(property),
          element.style.getPropertyPriority(property),
        ]);
      element.style.setProperty(property, value, 'important');
    }
  }

  function putBack(): void {
    if (target && saved) {
      for (const [property, [value, priority]] of saved) {
        if (value) target.style.setProperty(property, value, priority);
        else target.style.removeProperty(property);
      }
      if (target.getAttribute('style') === '') target.removeAttribute('style');
    }
    saved = undefined;
    target = null;
  }

  return {
    make(next) {
      if (!room) return;
      if (!width) view?.addEventListener('resize', onResize);
      width = next;
      apply();
    },
    restore() {
      view?.removeEventListener('resize', onResize);
      width = 0;
      putBack();
    },
    get made() {
      return target !== null;
    },
  };
}
