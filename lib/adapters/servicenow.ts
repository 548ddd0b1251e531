/**
 * ServiceNow: the open record (incident, request, case…) and who is on it.
 *
 * The classic form is at `/<table>.do?sys_id=<32 hex>`; the UI16 shell `nav_to.do?uri=…` and the
 * Next Experience shell `/now/nav/ui/classic/params/target/<table>.do%3Fsys_id%3D…` show that same
 * form in a same-origin iframe `#gsft_main`. Form ids contain literal dots
 * (`sys_readonly.incident.number`), so fields are read with getElementById. Reference fields keep
 * the user's sys_id in a hidden input, which gives handles `servicenow:<sys_id>`. The page shows
 * no emails except raw addresses on a watch list.
 */
import { APP_PAGE_ROOM } from '../page-room';
import type { Conversation } from '../model';
import { TOOL_MATCHES } from '../sites';
import { looksLikePersonName } from '../person-name';
import {
  allOf,
  attr,
  dedupeParticipants,
  findEmail,
  first,
  safeDecode,
  type SelfShown,
  text,
  type RawParticipant,
  withinLimits,
} from './dom';
import { deepQuery } from './frames';
import type { Adapter } from './types';

/** Per table field names, tried in order: who asked for the record. */
const REQUESTER_FIELDS = ['caller_id', 'requested_for', 'opened_for', 'contact', 'requested_by'];
/** Markup generations, newest first (activity stream cards, then the old journal table). */
const ACTIVITY = ['li.h-card', 'tr.journal_entry'];
const ACTIVITY_AUTHOR = ['.sn-card-component-createdby', '.journal_author'];
const MENTIONS = ['.at-mention[class*="at-mention-user-"]'];
const SELF_NAME = ['#user_info_dropdown .user-name', '.navpage-header .user-name'];
/**
 * The Next Experience header's user menu: an avatar component named by its `user-name`, inside
 * the shadow root of `sn-polaris-header` (itself two shadow roots below the page).
 */
const SHELL_HEADER = 'sn-polaris-header';
const SHELL_AVATAR = [
  '.header-avatar-button now-avatar[user-name]',
  '#userMenu now-avatar[user-name]',
  'now-avatar[user-name]',
];

const SYS_ID = /^[0-9a-f]{32}$/;
/** Activity written by the platform, not a person. */
const NOBODY = /^(system|guest|system administrator)$/i;

type Target = { table: string; sysId?: string };

/** The classic form an address names, through the UI16 and Next Experience shells. */
function formTarget(url: URL, depth = 0): Target | undefined {
  if (depth > 2) return undefined;
  const inner =
    url.pathname === '/nav_to.do'
      ? url.searchParams.get('uri')
      : url.pathname.match(/^\/now\/nav\/ui\/classic\/params\/target\/(.+)$/)?.[1];
  if (inner !== undefined) {
    const decoded = inner && safeDecode(inner);
    const innerUrl = decoded ? parseUrl(decoded, url.origin) : undefined;
    return innerUrl ? formTarget(innerUrl, depth + 1) : undefined;
  }
  const table = url.pathname.match(/^\/([a-z][a-z0-9_]*)\.do$/)?.[1];
  if (!table || table.endsWith('_list') || /^(nav_to|home|navpage|welcome)$/.test(table)) {
    return undefined;
  }
  const sysId = url.searchParams.get('sys_id') ?? undefined;
  if (sysId === '-1') return undefined; // a new, unsaved record
  return { table, sysId: sysId && SYS_ID.test(sysId) ? sysId : undefined };
}

function parseUrl(value: string, base: string): URL | undefined {
  try {
    return new URL(value, base);
  } catch {
    return undefined;
  }
}

function value(doc: Document, id: string): string {
  const el = doc.getElementById(id);
  if (!el) return '';
  const raw = /^(INPUT|TEXTAREA)$/.test(el.tagName) ? (el as HTMLInputElement).value : text(el);
  return raw.replace(/\s+/g, ' ').trim();
}

/** A reference field: its display name and the referenced user's sys_id. */
function reference(doc: Document, table: string, field: string): RawParticipant | undefined {
  const name = value(doc, `sys_display.${table}.${field}`);
  if (!name) return undefined;
  const sysId = value(doc, `${table}.${field}`);
  return { name, handle: SYS_ID.test(sysId) ? `servicenow:${sysId}` : undefined };
}

function extract(document: Document, url: URL): Conversation | null {
  const target = formTarget(url);
  if (!target) return null;
  const doc = document;
  const { table } = target;
  const number = value(doc, `sys_readonly.${table}.number`) || value(doc, `${table}.number`);
  const shownId = value(doc, 'sys_uniqueValue');
  if (target.sysId && SYS_ID.test(shownId) && shownId !== target.sysId) return null; // stale form
  const sysId = target.sysId ?? (SYS_ID.test(shownId) ? shownId : undefined);
  const title = value(doc, `${table}.short_description`) || number;
  if (!title || !(number || sysId)) return null;

  const raw: RawParticipant[] = [];
  for (const field of REQUESTER_FIELDS) {
    const found = reference(doc, table, field);
    if (found) {
      raw.push({ ...found, role: 'requester' });
      break;
    }
  }
  const assignee = reference(doc, table, 'assigned_to');
  if (assignee) raw.push({ ...assignee, role: 'assignee' });
  for (const option of doc
    .getElementById(`select_0${table}.watch_list`)
    ?.querySelectorAll('option') ?? []) {
    const id = option.getAttribute('value') ?? '';
    const name = text(option);
    raw.push({
      name,
      email: findEmail(id) ?? findEmail(name),
      handle: SYS_ID.test(id) ? `servicenow:${id}` : undefined,
      role: 'cc',
    });
  }
  for (const card of allOf(doc, ACTIVITY)) {
    const author = text(first(card, ACTIVITY_AUTHOR));
    if (author && !NOBODY.test(author)) raw.push({ name: author, role: 'author' });
    for (const mention of allOf(card, MENTIONS)) {
      const id = mention.getAttribute('class')?.match(/at-mention-user-([0-9a-f]{32})/)?.[1];
      const name = text(mention).replace(/^@/, '');
      raw.push({ name, handle: id ? `servicenow:${id}` : undefined, role: 'mention' });
    }
  }

  const selfName = self(document)?.name;
  const canonical = sysId
    ? `${url.origin}/${table}.do?sys_id=${sysId}`
    : `${url.origin}/${table}.do?sysparm_query=${encodeURIComponent(`number=${number}`)}`;
  return withinLimits({
    tool: 'servicenow',
    kind: 'ticket',
    threadKey: `servicenow:${url.host}:${table}:${number || sysId}`,
    title,
    url: canonical,
    participants: dedupeParticipants(raw, { name: selfName }),
    ...(selfName ? { self: { name: selfName } } : {}),
  });
}

/** The signed-in user's name in the header: UI16's, or the Next Experience shell's. */
function self(document: Document): SelfShown | undefined {
  const name = text(first(document, SELF_NAME)) || shellUserName(document);
  return name ? { name } : undefined;
}

function shellUserName(document: Document): string | undefined {
  const header = deepQuery(document, SHELL_HEADER)?.shadowRoot;
  const name = header ? attr(first(header, SHELL_AVATAR), 'user-name') : undefined;
  // The avatar's name, never a control's label ("User menu").
  return looksLikePersonName(name) ? name : undefined;
}

export const servicenow: Adapter = {
  tool: 'servicenow',
  matches: TOOL_MATCHES.servicenow,
  room: APP_PAGE_ROOM,
  extract,
  // The UI16 and Next Experience shells show the form in a same-origin frame.
  framed: true,
  self,
  container: (document) => document.querySelector('form[id$=".do"]'),
};

/**
 * Fixture pages (test/fixtures/servicenow/):
 *   incident.html        /incident.do?sys_id=…, UI16 classic form, watch list, activity, @mentions
 *   next-experience.html /now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D… (form inline,
 *                        as happy-dom loads no iframes; the test also feeds it through #gsft_main)
 *   nav-to-shell.html    /nav_to.do?uri=… shell with an empty #gsft_main: the test stubs the frame
 *   incident-list.html   /incident_list.do: null
 *   polaris-shell.html   the Next Experience shell as the browser builds it (declarative shadow
 *                        roots): header, menus, notifications, the user's avatar, #gsft_main
 *   polaris-form.html    the classic form that #gsft_main loads in polaris-shell.html: no header,
 *                        "also viewing" avatars, activity, a related list of other incidents
 *   generic-incident.html a form whose people only the generic reader finds
 *
 * Sources (facts only, newest first):
 * - 2025-07 skyflowapi/skyflow-js PRs #592 (2025-07-01), #595 (2025-07-04), #598 (2025-07-08),
 *   #600 (2025-07-11): "platforms like ServiceNow use Shadow DOM to render components (including
 *   iframes)"; an SDK had to look for iframes inside shadow roots to work there.
 * - 2025-05 arnoudkooi/ServiceNow-Utils (SN Utils), content_script_parent.js (2024-11-09) and
 *   inject.js: the form frame is `[component-id]` → shadowRoot → `#gsft_main` (the shell's
 *   macroponent carries `component-id`), with `#gsft_main` in the top document as the UI16
 *   fallback; inject_next.js (2025-03-31) finds `sn-polaris-header` and
 *   `div.header-avatar-button` with a deep (shadow-piercing) query.
 * - 2025-01 public Selenium scripts (found by exact-string search in public repositories): the
 *   path `macroponent-f51912f4c700201072b211d4d8c26010` → shadow → `div > sn-canvas-appshell-root >
 *   sn-canvas-appshell-layout > sn-polaris-layout` → shadow → `div.sn-polaris-layout.polaris-enabled
 *   > div.layout-main > div.header-bar > sn-polaris-header` → shadow → `#userMenu`, and inside it
 *   `now-avatar` (itself with a shadow root); one notes "as of 1/22/2025, this is permanent".
 *   Another takes the list frame as an `iframe` under `sn-canvas-appshell-layout` in the first
 *   shadow root, at `/now/nav/ui/classic/params/target/<table>_list.do%3F…` addresses.
 * - Now Design (Seismic) component docs: `<now-avatar user-name="…">` names the person shown.
 * Still a guess: that the header's avatar carries `user-name` as an attribute (not only a
 * property); the elements between `sn-polaris-layout` and `#gsft_main`; the "also viewing"
 * markup; whether activity cards in the framed form still use `li.h-card` on recent releases.
 */
