/**
 * A local HTTPS server that serves every saved tool page in `test/fixtures/**\/*.html` at the
 * tool's real address (read from the page's `<meta name="inside-out-fixture-url">`), so the
 * manifest's match patterns apply unchanged. The browsers send every hostname to loopback
 * (see launch.ts), so this server also sees — and records — anything the browser asks of any
 * host; the network guard reads that log.
 *
 * Matching: Host header (without port) + pathname + search. The query parameter
 * `io-fixture=<tool>/<name>` is stripped before matching and picks one fixture when several share
 * an address (Gmail variants differ only in the hash, which is never sent).
 * `/__io/blank` answers on every host, `/favicon.ico` gets a 1×1 PNG. Everything else is a 404.
 *
 * Reusable outside the tests (a demo start script): `startFixtureServer({ port, fixturesDir })`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** The query parameter a test adds to pick one of several fixtures at the same address. */
export const FIXTURE_PARAM = 'io-fixture';
/** A neutral page served on every host. */
export const BLANK_PATH = '/__io/blank';

export interface Fixture {
  /** `<tool>/<name>`, the file's path under the fixtures folder without `.html`. */
  id: string;
  file: string;
  /** The real address from the meta tag, hash included. */
  url: URL;
}

export interface RecordedRequest {
  scheme: 'http' | 'https';
  method: string;
  /** Host header, lower-case, without port. */
  host: string;
  /** Pathname + search as received (the `io-fixture` parameter included). */
  path: string;
  status: number;
  /** The fixture served, if any. */
  fixture?: string;
  origin?: string;
  referer?: string;
  /** `Sec-Fetch-Dest`: `document`/`iframe` for navigations, `empty` for fetch() and XHR. */
  fetchDest?: string;
  at: number;
}

export interface FixtureServer {
  /** The HTTPS port. */
  port: number;
  /** The plain-HTTP port when one was asked for (it answers 404 to everything and records it). */
  httpPort?: number;
  fixtures: readonly Fixture[];
  /** Every host a fixture lives at. */
  hosts: ReadonlySet<string>;
  /** Every request received so far, in order. Clear it with `requests.length = 0`. */
  requests: RecordedRequest[];
  /** The address of one fixture, with `io-fixture` added when its address is shared. */
  urlFor(id: string): string;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** HTTPS port; 443 lets every browser use real addresses unchanged. 0 picks a free port. */
  port: number;
  fixturesDir: string;
  /** Optional plain-HTTP port (80) that records stray http:// requests. */
  httpPort?: number;
  /** Bind address; loopback by default. */
  host?: string;
}

const META =
  /<meta\s+(?=[^>]*\bname=["']inside-out-fixture-url["'])[^>]*\bcontent=["']([^"']+)["'][^>]*>/i;

/** Every `*.html` under `dir` that carries the address meta tag. */
export function scanFixtures(dir: string): Fixture[] {
  const fixtures: Fixture[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const file = join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && entry.name.endsWith('.html')) {
        const match = META.exec(readFileSync(file, 'utf8'));
        if (!match?.[1]) continue;
        const id = relative(dir, file)
          .split(sep)
          .join('/')
          .replace(/\.html$/, '');
        fixtures.push({ id, file, url: new URL(match[1].replace(/&amp;/g, '&')) });
      }
    }
  };
  walk(dir);
  return fixtures.sort((a, b) => a.id.localeCompare(b.id));
}

const addressKey = (host: string, pathAndSearch: string): string =>
  `${host.toLowerCase()}${pathAndSearch}`;

/** A throw-away self-signed certificate, made with the openssl CLI in a temp folder. */
function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'inside-out-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=inside-out-fixtures',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A 1×1 transparent PNG. */
const FAVICON = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const BLANK_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head>' +
  '<body><p>Inside Out test page</p></body></html>';

const header = (req: IncomingMessage, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new Error(
            `The fixture server cannot listen on ${host}:${port} (${error.code}). ` +
              (port < 1024
                ? 'Ports below 1024 need root, and nothing else may use the port: '
                : 'Free the port: ') +
              `check with \`ss -ltnp | grep :${port}\`.`,
          ),
        );
      } else reject(error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function closeServer(server: Server & { closeAllConnections?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections?.();
  });
}

export async function startFixtureServer(options: FixtureServerOptions): Promise<FixtureServer> {
  const bind = options.host ?? '127.0.0.1';
  const fixtures = scanFixtures(options.fixturesDir);
  const byAddress = new Map<string, Fixture[]>();
  for (const fixture of fixtures) {
    const key = addressKey(fixture.url.host, fixture.url.pathname + fixture.url.search);
    byAddress.set(key, [...(byAddress.get(key) ?? []), fixture]);
  }
  const hosts = new Set(fixtures.map((fixture) => fixture.url.hostname.toLowerCase()));
  const requests: RecordedRequest[] = [];

  const handle = (scheme: 'http' | 'https') => (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').toLowerCase().replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `${scheme}://${host || 'unknown.invalid'}`);
    const wanted = url.searchParams.get(FIXTURE_PARAM);
    if (wanted !== null) url.searchParams.delete(FIXTURE_PARAM);

    let status = 404;
    let fixture: Fixture | undefined;
    let body: string | Buffer = 'Not a fixture';
    if (scheme === 'https' && url.pathname === '/favicon.ico') {
      // Browsers ask every host for one; a real icon keeps 404s and decoder errors out of logs.
      status = 200;
      body = FAVICON;
    } else if (scheme === 'https' && url.pathname === BLANK_PATH) {
      status = 200;
      body = BLANK_HTML;
    } else if (scheme === 'https') {
      const candidates = byAddress.get(addressKey(host, url.pathname + url.search)) ?? [];
      fixture = wanted ? candidates.find((c) => c.id === wanted) : candidates[0];
      if (fixture) {
        status = 200;
        body = readFileSync(fixture.file, 'utf8');
      }
    }
    requests.push({
      scheme,
      method: req.method ?? 'GET',
      host,
      path: req.url ?? '/',
      status,
      fixture: fixture?.id,
      origin: req.headers.origin,
      referer: req.headers.referer,
      fetchDest: header(req, 'sec-fetch-dest'),
      at: Date.now(),
    });
    res.writeHead(status, {
      'content-type':
        body === FAVICON
          ? 'image/png'
          : status === 200
            ? 'text/html; charset=utf-8'
            : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const https = createHttpsServer(makeCertificate(), handle('https'));
  const port = await listen(https, options.port, bind);
  let http: Server | undefined;
  let httpPort: number | undefined;
  if (options.httpPort !== undefined) {
    http = createHttpServer(handle('http'));
    try {
      httpPort = await listen(http, options.httpPort, bind);
    } catch (error) {
      await closeServer(https);
      throw error;
    }
  }

  return {
    port,
    httpPort,
    fixtures,
    hosts,
    requests,
    urlFor(id) {
      const fixture = fixtures.find((f) => f.id === id);
      if (!fixture) throw new Error(`No fixture ${id} under ${options.fixturesDir}`);
      const url = new URL(fixture.url);
      const shared = byAddress.get(addressKey(url.host, url.pathname + url.search)) ?? [];
      if (shared.length > 1) url.searchParams.set(FIXTURE_PARAM, id);
      return url.href;
    },
    async close() {
      await Promise.all([closeServer(https), http ? closeServer(http) : Promise.resolve()]);
    },
  };
}
