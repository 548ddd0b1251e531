/**
 * Opening the extension's own pages. Chromium opens them as tabs at
 * `chrome-extension://<id>/<page>.html`; Firefox's BiDi refuses to navigate to moz-extension://
 * pages, so those are covered in Chromium and in component tests.
 */
import type { LaunchedBrowser, TestPage } from '../launch.ts';

export type ExtensionPage = 'popup' | 'sidepanel' | 'options' | 'sidebar' | 'welcome';
export const EXTENSION_PAGES: readonly ExtensionPage[] = [
  'popup',
  'sidepanel',
  'options',
  'sidebar',
  'welcome',
];

/** Opens `<page>.html` in a new tab and waits until its app has rendered something. */
export async function openExtensionPage(
  browser: LaunchedBrowser,
  page: ExtensionPage,
): Promise<TestPage> {
  if (browser.name !== 'chromium') {
    throw new Error(
      `Extension pages open only in Chromium (Firefox's BiDi refuses moz-extension://)`,
    );
  }
  const tab = await browser.newPage(`${browser.extensionOrigin}/${page}.html`);
  await tab.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const started = Date.now();
        const check = (): void => {
          const app = document.getElementById('app') ?? document.body;
          if (app.childElementCount > 0) resolve();
          else if (Date.now() - started > 5_000) reject(new Error('the page rendered nothing'));
          else setTimeout(check, 50);
        };
        check();
      }),
  );
  return tab;
}

export const openPopup = (browser: LaunchedBrowser): Promise<TestPage> =>
  openExtensionPage(browser, 'popup');

export interface Balance {
  internal: number;
  external: number;
  thanks: number;
}

/** The popup's balance for the current week, from `[data-testid="balance"]`; null if absent. */
export function getBalance(popup: TestPage): Promise<Balance | null> {
  return popup.evaluate(() => {
    const balance = document.querySelector<HTMLElement>('[data-testid="balance"]');
    if (!balance) return null;
    const count = (value: string | undefined): number => Number(value ?? 'NaN');
    return {
      internal: count(balance.dataset.internal),
      external: count(balance.dataset.external),
      thanks: count(balance.dataset.thanks),
    };
  });
}
