/**
 * Drives background code paths no driver can click (context menus, keyboard commands): the
 * background puts its handlers on `globalThis.__insideOut` (e.g. `onContextMenuClick(info, tab)`)
 * and a test calls them inside the service worker, the same functions the click handler calls.
 * Chromium only: Firefox's background page is out of WebDriver BiDi's reach.
 */
import type { LaunchedBrowser } from '../launch.ts';

/** The name of the object the background exposes its test-callable handlers on. */
export const BACKGROUND_TEST_API = '__insideOut';

export async function callBackground<R = unknown>(
  browser: LaunchedBrowser,
  name: string,
  ...args: unknown[]
): Promise<R> {
  if (!browser.chromium) {
    throw new Error(`callBackground(${name}) needs Chromium: Firefox's background is unreachable`);
  }
  const worker = await browser.chromium.serviceWorker();
  return worker.evaluate(
    async ([api, handler, params]) => {
      const exposed = (globalThis as unknown as Record<string, unknown>)[api] as
        Record<string, unknown> | undefined;
      const fn = exposed?.[handler];
      if (typeof fn !== 'function') {
        throw new Error(`globalThis.${api}.${handler} is not a function in the background`);
      }
      return (await (fn as (...a: unknown[]) => unknown).apply(exposed, params)) as never;
    },
    [BACKGROUND_TEST_API, name, args] as const,
  ) as Promise<R>;
}
