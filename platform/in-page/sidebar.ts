/**
 * The in-page sidebar and its launcher: a small tab on the page's edge inside an open shadow root, and, when
 * open, an iframe of the extension's sidebar page inside a closed shadow root, so page scripts
 * cannot read the frame's address (in Firefox it holds the per-install id, the same on every
 * site). The host page's DOM only ever holds this chrome; every name, relationship and note
 * renders inside the extension-origin iframe.
 */
import { FULL_WIDTH_BELOW, sidebarWidth, type PageRoom } from '@/lib/page-room';
import { t, type SidebarPrefs } from '@/platform/content';
import { pageRoom } from './room';

/** The launcher tab's width: beside an open sidebar, the page makes room for it too. */
const TAB_WIDTH = 28;

const STYLE = `
:host { all: initial; }
.tab {
  position: fixed; right: 0; z-index: 2147483646; width: ${TAB_WIDTH}px; height: 64px;
  border: 1px solid #4b5563; border-right: none; border-radius: 8px 0 0 8px;
  background: #1f2937; color: #f9fafb; font: 600 11px/1 system-ui, sans-serif;
  writing-mode: vertical-rl; cursor: pointer; padding: 0; touch-action: none;
}
.tab:focus-visible { outline: 3px solid #60a5fa; outline-offset: 2px; }
.tab:not([aria-expanded="true"]) { right: 0 !important; }
@media (max-width: ${FULL_WIDTH_BELOW - 0.02}px) { .tab[aria-expanded="true"] { right: 100vw !important; } }
`;

const PANEL_STYLE = `
iframe {
  position: fixed; top: 0; right: 0; z-index: 2147483647; height: 100vh;
  box-sizing: border-box; border: none; border-left: 1px solid #d1d5db; box-shadow: -4px 0 16px rgb(0 0 0 / 0.15);
  background: Canvas; color-scheme: light dark;
}
@media (max-width: ${FULL_WIDTH_BELOW - 0.02}px) { iframe { width: 100vw !important; } }
`;

export interface InPageSidebar {
  readonly isOpen: boolean;
  open(): void;
  close(): void;
  toggle(): void;
  /** From now on a click opens the sidebar `elsewhere` (the frame, if open, stays until closed). */
  openElsewhereFromNowOn(elsewhere: () => void): void;
  /** The sidebar's width (compact or not) and whether it narrows the page; both remembered. */
  setLayout(layout: { compact?: boolean; push?: boolean }): void;
  /** Puts the host element back if the page's own rendering removed it. */
  ensureAttached(): void;
  destroy(): void;
  /** Whether the launcher tab is hidden on this site (the sidebar still opens when asked). */
  readonly hidden: boolean;
  /** Hides the launcher tab on this site, or brings it back; remembered. */
  setHidden(hidden: boolean): void;
}

export interface SidebarOptions {
  document: Document;
  sidebarUrl: string;
  prefs: SidebarPrefs;
  onPrefsChange(prefs: SidebarPrefs): void;
  /** The sidebar frame loaded a page (again): it must now be told it is ours. */
  onFrameLoad?: (frame: HTMLIFrameElement) => void;
  /**
   * Where the sidebar may not be framed (a self-hosted address: Chrome lets only the supported
   * tools' pages frame it), a click opens the sidebar this way instead. Needs the click itself,
   * so it is never done on load.
   */
  openElsewhere?: () => void;
  /** How the tool's page makes room for the sidebar (its adapter says); none: it floats. */
  room?: PageRoom;
  /** The sidebar closed (by the user, or when asked to). */
  onClose?: () => void;
}

export function mountSidebar(options: SidebarOptions): InPageSidebar {
  const { document: doc, sidebarUrl } = options;
  let openElsewhere = options.openElsewhere;
  const prefs = { ...options.prefs };
  const host = doc.createElement('inside-out-root');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  const tab = doc.createElement('button');
  tab.type = 'button';
  tab.className = 'tab';
  tab.dataset.testid = 'launcher';
  tab.textContent = t('extName');
  tab.setAttribute('aria-label', t('launcherLabel'));
  tab.title = t('launcherHint');
  // The frame's own closed shadow root, inside the open one: the page can see that a sidebar
  // is open (the host's data-state) but not where it comes from.
  const panelHost = doc.createElement('div');
  const panelRoot = panelHost.attachShadow({ mode: 'closed' });
  const panelStyle = doc.createElement('style');
  panelStyle.textContent = PANEL_STYLE;
  panelRoot.append(panelStyle);
  shadow.append(style, tab, panelHost);
  let frame: HTMLIFrameElement | undefined;
  const room = pageRoom(doc, options.room);

  function place(): void {
    const width = sidebarWidth(prefs.compact);
    tab.style.top = `${prefs.top}vh`;
    tab.style.display = prefs.hidden ? 'none' : '';
    tab.style.right = `${width}px`;
    tab.setAttribute('aria-expanded', String(!!frame));
    host.dataset.state = frame ? 'open' : 'closed';
    if (frame) frame.style.width = `${width}px`;
    if (frame && prefs.push) room.make(width + (prefs.hidden ? 0 : TAB_WIDTH));
    else room.restore();
  }

  /** The frame's address says how it is laid out, so its controls start in the right state. */
  function frameUrl(): string {
    const url = new URL(sidebarUrl);
    url.searchParams.set('compact', String(prefs.compact));
    url.searchParams.set('push', String(prefs.push));
    url.searchParams.set('room', String(!!options.room));
    return url.href;
  }

  function save(): void {
    options.onPrefsChange({ ...prefs });
  }

  const sidebar: InPageSidebar = {
    get isOpen() {
      return !!frame;
    },
    open() {
      if (frame) return;
      if (openElsewhere) {
        openElsewhere();
        return;
      }
      const made = doc.createElement('iframe');
      made.dataset.testid = 'panel';
      made.title = t('extName');
      // "*", not the frame's own origin: Chrome serves the frame at a per-session address
      // (use_dynamic_url) that the policy's default origin does not match, and Copy was refused.
      // The page itself holds clipboard-write already, so this lends nothing it lacks.
      made.allow = 'clipboard-write *';
      made.addEventListener('load', () => options.onFrameLoad?.(made));
      made.src = frameUrl();
      frame = made;
      panelRoot.append(made);
      prefs.open = true;
      place();
      save();
    },
    close() {
      if (!frame) return;
      frame.remove();
      frame = undefined;
      prefs.open = false;
      place();
      save();
      if (!prefs.hidden) tab.focus();
      options.onClose?.();
    },
    toggle() {
      if (frame) sidebar.close();
      else sidebar.open();
    },
    openElsewhereFromNowOn(elsewhere) {
      openElsewhere = elsewhere;
    },
    setLayout(layout) {
      if (typeof layout.compact === 'boolean') prefs.compact = layout.compact;
      if (typeof layout.push === 'boolean') prefs.push = layout.push;
      place();
      save();
    },
    ensureAttached() {
      // Beside the body, not in it: a body that holds the page's fixed elements (lib/page-room)
      // would hold the sidebar too.
      if (!host.isConnected) doc.documentElement.append(host);
      // The page may have re-rendered its root's styles.
      if (frame && prefs.push) place();
    },
    destroy() {
      room.restore();
      host.remove();
    },
    get hidden() {
      return prefs.hidden;
    },
    setHidden(hidden) {
      prefs.hidden = hidden;
      place();
      save();
    },
  };

  // Dragging moves the tab up and down the edge; a click without movement toggles it.
  let dragFrom: { y: number; top: number } | undefined;
  let dragged = false;
  tab.addEventListener('pointerdown', (event) => {
    dragFrom = { y: event.clientY, top: prefs.top };
    dragged = false;
    tab.setPointerCapture?.(event.pointerId);
  });
  tab.addEventListener('pointermove', (event) => {
    if (!dragFrom) return;
    const deltaVh =
      ((event.clientY - dragFrom.y) / Math.max(1, doc.defaultView?.innerHeight ?? 800)) * 100;
    if (Math.abs(deltaVh) < 1 && !dragged) return;
    dragged = true;
    prefs.top = clampTop(dragFrom.top + deltaVh);
    place();
  });
  tab.addEventListener('pointerup', () => {
    if (dragged) save();
    dragFrom = undefined;
  });
  tab.addEventListener('click', (event) => {
    if (dragged) {
      dragged = false;
      event.preventDefault();
      return;
    }
    sidebar.toggle();
  });
  tab.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    event.stopPropagation();
    prefs.top = clampTop(prefs.top + (event.key === 'ArrowUp' ? -5 : 5));
    place();
    save();
  });

  place();
  sidebar.ensureAttached();
  if (prefs.open && !openElsewhere) sidebar.open();
  return sidebar;
}

function clampTop(top: number): number {
  return Math.min(90, Math.max(0, Math.round(top)));
}
