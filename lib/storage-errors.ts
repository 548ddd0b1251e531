/**
 * What went wrong with the browser's storage, in words a person can act on. IndexedDB reports
 * its failures as DOMExceptions whose `name` says what happened; this sorts them into the few
 * cases a user can do something about. Pure: it reads only an error's name and message.
 */
import type { MessageKey, Translate } from './i18n';

export type StorageProblem =
  /** The disk or the browser's quota for the extension is full. */
  | 'quota'
  /** The browser refuses this page storage (third-party storage blocked, private mode policy). */
  | 'denied'
  /** The log was written by a newer version of the extension (a downgrade). */
  | 'newer-version'
  /** Another open page of an older version holds the log open, so it cannot be upgraded. */
  | 'blocked'
  /** A newer version took the log over while this page was open (the extension updated). */
  | 'updated'
  /** Anything else: the message is shown as the browser gave it. */
  | 'other';

/** Thrown when opening the log waited on an older page that would not close. */
export class StorageBlockedError extends Error {
  constructor() {
    super('The log is held open by another page of an older version');
    this.name = 'StorageBlockedError';
  }
}

/** Thrown by a page whose log connection stepped aside for a newer version (an update). */
export class LogUpdatedError extends Error {
  constructor() {
    super('Inside Out was updated while this page was open');
    this.name = 'LogUpdatedError';
  }
}

export function storageProblemOf(error: unknown): StorageProblem {
  const name = (error as { name?: unknown } | null)?.name;
  const message = String((error as { message?: unknown } | null)?.message ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (name === 'VersionError') return 'newer-version';
  if (name === 'StorageBlockedError') return 'blocked';
  if (name === 'LogUpdatedError') return 'updated';
  if (
    name === 'SecurityError' ||
    /denied permission|access to storage|not allowed|storage is disabled/i.test(message)
  ) {
    return 'denied';
  }
  return 'other';
}

const WHAT: Record<StorageProblem, MessageKey> = {
  quota: 'storageQuota',
  denied: 'storageDenied',
  'newer-version': 'storageNewerVersion',
  blocked: 'storageBlocked',
  updated: 'storageUpdated',
  other: 'storageOther',
};

/** One sentence saying what is wrong and what to do about it. */
export function describeStorageProblem(error: unknown, t: Translate): string {
  const problem = storageProblemOf(error);
  if (problem !== 'other') return t(WHAT[problem]);
  const detail = String((error as { message?: unknown } | null)?.message ?? error).slice(0, 300);
  return t('storageOther', detail);
}

/**
 * Why the log could not be opened, for the page that needed it. A page refused storage is told
 * what fits where it runs: the in-page sidebar (a frame inside a web page, which the browser
 * may treat as third-party) can hand over to the side panel; a page of its own cannot, and
 * the profile's settings are what to change.
 */
export function describeOpenProblem(error: unknown, t: Translate, where: 'frame' | 'page'): string {
  if (where === 'page' && storageProblemOf(error) === 'denied') return t('storageDeniedPage');
  return describeStorageProblem(error, t);
}

/** A failed read, for the place that would have shown what was read. */
export function describeFailedRead(error: unknown, t: Translate): string {
  const problem = storageProblemOf(error);
  if (problem !== 'other') return t(WHAT[problem]);
  return t('storageReadFailed', String((error as { message?: unknown } | null)?.message ?? error));
}

/** A failed write, for the line under what the user just did. */
export function describeFailedWrite(error: unknown, t: Translate): string {
  return t('storageWriteFailed', describeStorageProblem(error, t));
}
