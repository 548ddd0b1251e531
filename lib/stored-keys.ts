/**
 * The keys extension pages keep in browser storage with the browser's own calls, each with the
 * parser every read goes through (a stored value is input like any other) and so its default.
 * Not WXT typed items (platform/storage.ts): that module, and top-level `session:` items, leave
 * Firefox's in-page sidebar frame empty. Read and watched through platform/core.ts's `storedKey`.
 */

export interface StoredKey<T> {
  readonly key: string;
  parse(stored: unknown): T;
}

/** A list of strings, or an empty one. */
export const readStringList = (stored: unknown): string[] =>
  Array.isArray(stored) ? stored.filter((s): s is string => typeof s === 'string') : [];

/** Domains the user said no to ("are people at @x your colleagues?"): never asked again. */
export const DECLINED_DOMAIN_OFFERS: StoredKey<string[]> = {
  key: 'declined-domain-offers',
  parse: readStringList,
};

/** The organisation domains the tools showed the user signed in with (offered in the options). */
export const SEEN_ORG_DOMAINS: StoredKey<string[]> = {
  key: 'seen-org-domains',
  parse: readStringList,
};

/** Whom the next composer opens for: one person, or several to choose from. */
export type PendingComposer = { personId: string } | { candidateIds: string[] };

/**
 * Whom the next composer opens for, and when that was asked (the menu, a notification, the
 * popup); kept in storage.local, not session: Firefox's in-page frames have no session area.
 */
export const PENDING_COMPOSER: StoredKey<(PendingComposer & { at: number }) | undefined> = {
  key: 'pending-composer',
  parse: (stored) => {
    if (!stored || typeof stored !== 'object') return undefined;
    const { at, personId, candidateIds } = stored as Record<string, unknown>;
    if (typeof at !== 'number') return undefined;
    if (typeof personId === 'string') return { personId, at };
    if (Array.isArray(candidateIds)) return { candidateIds: readStringList(candidateIds), at };
    return undefined;
  },
};

/** A thank-you being written while the sidebar is closed (lib/drafts.ts reads it). */
export const COMPOSER_DRAFT: StoredKey<unknown> = {
  key: 'composer-draft',
  parse: (stored) => stored,
};
