import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '@/lib/model';
import { TOOL_LABELS, TOOL_MATCHES, TOOLS, type Tool } from '@/lib/sites';
import { hasOrigins, requestOrigins, t } from '@/platform';

export interface ToolSwitchesProps {
  sites: Settings['sites'];
  onChange(sites: Settings['sites']): void;
  /** The browser's prompt was refused: the tool stays off. */
  onRefused(tool: Tool): void;
}

/**
 * One switch per supported tool, with the access the browser really holds; switching on a tool
 * without it asks the browser from that click. Used by the settings and the welcome.
 */
export function ToolSwitches({ sites, onChange, onRefused }: ToolSwitchesProps) {
  const [granted, setGranted] = useState<Partial<Record<Tool, boolean>>>({});
  useEffect(() => void refreshPermissions(), []);

  async function refreshPermissions() {
    const entries = await Promise.all(
      TOOLS.map(async (tool) => [tool, await hasOrigins([...TOOL_MATCHES[tool]])] as const),
    );
    setGranted(Object.fromEntries(entries));
  }

  async function toggle(tool: Tool, on: boolean) {
    if (on && !granted[tool]) {
      // Asked from this click: the browser shows its own prompt.
      const ok = await requestOrigins([...TOOL_MATCHES[tool]]);
      await refreshPermissions();
      if (!ok) return onRefused(tool);
    }
    onChange({ ...sites, [tool]: on });
  }

  return (
    <ul class="people">
      {TOOLS.map((tool) => (
        <li key={tool}>
          <label class="inline">
            <input
              type="checkbox"
              data-testid={`site-${tool}`}
              checked={sites[tool] !== false && granted[tool] !== false}
              onChange={(e) => void toggle(tool, e.currentTarget.checked)}
            />
            {TOOL_LABELS[tool]}
          </label>
          <span class="meta">
            {granted[tool] === undefined
              ? t('optionsAccessChecking')
              : granted[tool]
                ? t('optionsAccessGranted')
                : t('optionsAccessMissing')}{' '}
            · {/* The hosts only: the paths it runs on are the tool's business, not the user's. */}
            {[
              ...new Set(TOOL_MATCHES[tool].map((m) => m.replace('https://', '').split('/')[0])),
            ].join(', ')}
          </span>
        </li>
      ))}
    </ul>
  );
}
