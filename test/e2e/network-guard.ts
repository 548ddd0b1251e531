/**
 * The network guard: the extension makes no request of its own, and nothing in a browser test
 * reaches a host the fixture server does not serve.
 *
 * Two sources feed it:
 * - what the browser reports (Chromium: every page, extension page and the service worker through
 *   CDP; Firefox: every page through WebDriver BiDi), with who started each request;
 * - the fixture server's own log. Both browsers send every hostname to loopback (launch.ts), so
 *   the server sees every https:// and http:// request, including those no driver reports
 *   (Firefox's background script, the browser's own services).
 *
 * A request is a violation when
 * 1. the browser reports it going to a host no fixture lives at;
 * 2. the extension started it (service worker, extension page, in-page sidebar), whatever the host;
 * 3. it reached the server carrying an extension Origin or Referer;
 * 4. a script fetched something from a fixture host (`Sec-Fetch-Dest: empty`: fetch, XHR,
 *    beacon): the fixture pages run no scripts, so only the extension (or a test on purpose) would;
 * 5. it reached the server for a fixture host but no fixture answers that address (the pages are
 *    self-contained, so only the extension would ask);
 * 6. it reached the server for any other host, unless the host is one of the browser's own
 *    services listed in BROWSER_SERVICE_HOSTS and no page or extension asked for it.
 * `/__io/blank` and `/favicon.ico` may be asked of any host by a page (a test may open a blank
 * page anywhere), never by the extension.
 */
import type { RecordedRequest } from './fixture-server.ts';

export type Initiator = 'page' | 'extension';

export interface ObservedRequest {
  url: string;
  initiator: Initiator;
  /** Where it was seen, for the report: a page URL or "service worker". */
  from: string;
}

/**
 * Hosts the browsers themselves call even with background networking off. Only ignored in the
 * server's log when no page or extension context asked for them.
 */
export const BROWSER_SERVICE_HOSTS: Readonly<Record<'chromium' | 'firefox', readonly string[]>> = {
  // Extension update check, the Google-account cookie check, and the spell-check dictionary
  // Chromium fetches the first time someone types into a field of any page.
  chromium: [
    'update.googleapis.com',
    'accounts.google.com',
    'optimizationguide-pa.googleapis.com',
    'redirector.gvt1.com',
  ],
  firefox: [],
};

const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:'];
/** Paths the server answers on every host without a fixture. */
const NEUTRAL_PATHS = new Set(['/favicon.ico', '/__io/blank']);

export interface NetworkGuardOptions {
  /** Hosts the fixture server serves pages at. */
  allowedHosts: ReadonlySet<string>;
  /** The fixture server's request log (shared, appended to by the server). */
  serverLog?: RecordedRequest[];
  browserServiceHosts?: readonly string[];
}

export class NetworkGuard {
  readonly observed: ObservedRequest[] = [];
  private serverLogStart = 0;

  constructor(private readonly options: NetworkGuardOptions) {}

  /** Called by the launcher for every request a browser reports. */
  observe(request: ObservedRequest): void {
    this.observed.push(request);
  }

  /** Forget everything seen so far (between tests). */
  reset(): void {
    this.observed.length = 0;
    this.serverLogStart = this.options.serverLog?.length ?? 0;
  }

  /** Human-readable reasons, one per offending request; empty when all is well. */
  violations(): string[] {
    const found: string[] = [];
    const askedFor = new Set<string>();
    for (const request of this.observed) {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch {
        continue;
      }
      if (!NETWORK_SCHEMES.has(url.protocol)) continue;
      askedFor.add(url.hostname);
      if (request.initiator === 'extension') {
        found.push(`the extension requested ${request.url} (from ${request.from})`);
      } else if (!this.options.allowedHosts.has(url.hostname) && !NEUTRAL_PATHS.has(url.pathname)) {
        found.push(`${request.from} requested ${request.url}, a host no fixture lives at`);
      }
    }
    const serviceHosts = new Set(this.options.browserServiceHosts ?? []);
    for (const hit of this.options.serverLog?.slice(this.serverLogStart) ?? []) {
      const address = `${hit.scheme}://${hit.host}${hit.path}`;
      const extensionHeader = [hit.origin, hit.referer].find((value) =>
        EXTENSION_SCHEMES.some((scheme) => value?.startsWith(scheme)),
      );
      const path = hit.path.split('?')[0] ?? hit.path;
      if (extensionHeader) {
        found.push(`the extension (${extensionHeader}) reached the server: ${address}`);
      } else if (!this.options.allowedHosts.has(hit.host)) {
        const browserOwn = serviceHosts.has(hit.host) && !askedFor.has(hit.host);
        if (!browserOwn && !NEUTRAL_PATHS.has(path)) {
          found.push(`a request reached the server for a host no fixture lives at: ${address}`);
        }
      } else if (hit.fetchDest === 'empty') {
        found.push(`a script fetched ${address}`);
      } else if (hit.status === 404 && !NEUTRAL_PATHS.has(path)) {
        found.push(`something asked a fixture host for a page no fixture has: ${address}`);
      }
    }
    return [...new Set(found)];
  }

  /** Throws, listing every violation, when there is any. */
  assertClean(): void {
    const found = this.violations();
    if (found.length > 0) {
      throw new Error(
        `Network guard: ${found.length} forbidden request(s)\n- ${found.join('\n- ')}`,
      );
    }
  }
}
