/**
 * Who did the user right-click? From selected text ("Name <email>", an email, a known name),
 * a mailto: link, or a profile link of a supported tool. Pure: the caller looks the result up.
 */
import { parseNameAndEmail } from './adapters/dom';

export interface Identified {
  name?: string;
  email?: string;
  /** `tool:value`, as people store handles. */
  handle?: string;
}

const GITHUB_RESERVED = new Set([
  'about',
  'apps',
  'collections',
  'contact',
  'customer-stories',
  'enterprise',
  'explore',
  'features',
  'issues',
  'join',
  'login',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'pulls',
  'search',
  'settings',
  'sponsors',
  'topics',
  'trending',
  'users',
]);

/** From a link the user right-clicked. */
export function identifyFromLink(href: string | undefined): Identified | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') {
    const address = decodeURIComponent(url.pathname.split(',')[0] ?? '').trim();
    return address.includes('@') ? { email: address.toLowerCase() } : null;
  }
  const path = url.pathname.split('/').filter(Boolean);
  if (url.hostname === 'github.com' && path.length === 1 && /^[A-Za-z0-9-]{1,39}$/.test(path[0]!)) {
    return GITHUB_RESERVED.has(path[0]!.toLowerCase()) ? null : { handle: `github:${path[0]}` };
  }
  if (url.hostname === 'app.slack.com' || url.hostname.endsWith('.slack.com')) {
    const id = path.find((p) => /^[UW][A-Z0-9]{6,}$/.test(p));
    if (id) return { handle: `slack:${id}` };
  }
  if (url.hostname.endsWith('.atlassian.net')) {
    const i = path.indexOf('people');
    if (i >= 0 && path[i + 1]) return { handle: `jira:${decodeURIComponent(path[i + 1]!)}` };
  }
  if (url.hostname === 'linear.app' && path[1] === 'profiles' && path[2]) {
    return { handle: `linear:${path[2]}` };
  }
  return null;
}

/** From selected text: "Name <email>", an email, or a name (at most a few words). */
export function identifyFromSelection(text: string | undefined): Identified | null {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  if (!cleaned || cleaned.length > 200) return null;
  const { name, email } = parseNameAndEmail(cleaned);
  if (email) return { email, name: name && name.split(' ').length <= 6 ? name : undefined };
  if (!name || name.split(' ').length > 6 || /[<>{}[\]|\\/=]/.test(cleaned)) return null;
  return { name };
}
