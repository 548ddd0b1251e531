/**
 * Whether a label read off a page can be a person's name. Pages put names and UI labels in the
 * same places (an avatar's `aria-label`, an account chip's title): "User menu", "Profile" or
 * "More options" must never become a person, nor be taken for the signed-in user. Team and
 * mailbox names ("Billing", "IT Service Desk") are kept: they are who the user deals with.
 */

/** Labels of controls and placeholders, compared whole (case-insensitive, punctuation dropped). */
const GENERIC_LABELS = new Set([
  'account',
  'account manager',
  'account menu',
  'account settings',
  'accounts',
  'actions',
  'anonymous',
  'assignee',
  'author',
  'avatar',
  'close',
  'contact',
  'customer',
  'expand',
  'guest',
  'help',
  'me',
  'member',
  'members',
  'menu',
  'more',
  'more actions',
  'more options',
  'myself',
  'n a',
  'no one',
  'nobody',
  'none',
  'not assigned',
  'notifications',
  'open menu',
  'options',
  'owner',
  'participants',
  'people',
  'profile',
  'profile picture',
  'reporter',
  'requester',
  'search',
  'settings',
  'sign in',
  'sign out',
  'someone',
  'status',
  'unassigned',
  'unknown',
  'unknown user',
  'user',
  'user avatar',
  'user menu',
  'user profile',
  'user settings',
  'users',
  'you',
  'your profile',
  'your account',
]);

/** Labels that describe a control whatever name follows or precedes them. */
const CONTROL_WORDS =
  /\b(menu|button|toggle|dropdown|click|open|show|hide|expand|collapse|settings|preferences|notifications?|sign (in|out)|log (in|out)|navigation)\b/i;

/** Prefixes tools put before a name in a label: "Avatar of Dana", "More information about Dana". */
const NAME_PREFIXES =
  /^(more information about|more info about|profile (picture|photo|image) (of|for)|photo of|picture of|avatar (of|for)|profile (of|for)|open profile (of|for)|view profile (of|for)|go to profile of|user|account|contact card for|hover ?card for|assigned to|assignee|reporter|author|from|sent by|by)[:\s]+/i;

/** The name inside a label such as "Avatar of Dana Kim" or "More information about Dana Kim". */
export function nameInLabel(label: string | null | undefined): string | undefined {
  const clean = label?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  const name = clean
    .replace(NAME_PREFIXES, '')
    .replace(/['’]s (avatar|profile( picture)?|photo)$/i, '');
  return looksLikePersonName(name) ? name : undefined;
}

export function looksLikePersonName(value: string | null | undefined): boolean {
  const name = value?.replace(/\s+/g, ' ').trim();
  if (!name || name.length > 120) return false;
  if (!/\p{L}/u.test(name)) return false;
  if (/^(https?:|www\.|\/)/i.test(name)) return false;
  const key = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (GENERIC_LABELS.has(key)) return false;
  // An address is a name of last resort (a mailbox shown only by its address): keep it.
  if (/^\S+@\S+$/.test(name)) return true;
  return !CONTROL_WORDS.test(name);
}
