import { useState } from 'preact/hooks';
import { openSettings, sendToBackground, t } from '@/platform';

/** How the content script laid the sidebar out when it made this frame (its address says). */
export interface SidebarLayout {
  compact: boolean;
  push: boolean;
  /** The tool's page can make room for the sidebar at all. */
  room: boolean;
}

export function layoutFromAddress(search: string): SidebarLayout {
  const params = new URLSearchParams(search);
  return {
    compact: params.get('compact') === 'true',
    push: params.get('push') !== 'false',
    room: params.get('room') === 'true',
  };
}

const relay = (message: { type: 'sidebar-layout'; compact?: boolean; push?: boolean }) =>
  void sendToBackground({ type: 'relay', message });

/**
 * The sidebar's title bar: its name, the settings, its layout (compact, making room on the page, moving to
 * the browser's side panel, hiding on this site) behind one button, and close.
 */
export function SidebarControls({ onHide, onClose }: { onHide(): void; onClose(): void }) {
  const [layout, setLayout] = useState(() => layoutFromAddress(location.search));
  const [open, setOpen] = useState(false);
  const change = (next: Partial<SidebarLayout>) => {
    setLayout({ ...layout, ...next });
    relay({ type: 'sidebar-layout', ...next });
  };
  return (
    <div class="sidebar-controls">
      <div class="toolbar">
        <h1 class="brand">{t('extName')}</h1>
        <span>
          <button type="button" data-testid="open-settings" onClick={() => void openSettings()}>
            {t('commonSettings')}
          </button>{' '}
          <button
            type="button"
            aria-expanded={open}
            aria-controls="sidebar-layout"
            data-testid="sidebar-layout-toggle"
            onClick={() => setOpen(!open)}
          >
            {t('sidebarLayout')}
          </button>{' '}
          <button
            type="button"
            onClick={onClose}
            aria-label={t('sidebarClose')}
            data-testid="close"
          >
            ✕
          </button>
        </span>
      </div>
      {open && (
        <div
          id="sidebar-layout"
          class="sidebar-layout"
          role="group"
          aria-label={t('sidebarLayout')}
        >
          <label>
            <input
              type="checkbox"
              data-testid="sidebar-compact"
              checked={layout.compact}
              onChange={(event) => change({ compact: event.currentTarget.checked })}
            />
            {t('sidebarCompact')}
          </label>
          {layout.room && (
            <label>
              <input
                type="checkbox"
                data-testid="sidebar-push"
                checked={layout.push}
                onChange={(event) => change({ push: event.currentTarget.checked })}
              />
              {t('sidebarMakeRoom')}
            </label>
          )}
          <p>
            <button
              type="button"
              data-testid="move-to-side-panel"
              onClick={() => void sendToBackground({ type: 'move-to-side-panel' })}
            >
              {t('sidebarMoveToSidePanel')}
            </button>{' '}
            <button
              type="button"
              data-testid="hide-here"
              onClick={onHide}
              title={t('sidebarHideTitle')}
            >
              {t('sidebarHide')}
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
