import { describe, expect, it } from 'vitest';
import type { Translate } from '@/lib/i18n';
import {
  StorageBlockedError,
  describeFailedWrite,
  describeStorageProblem,
  storageProblemOf,
} from '@/lib/storage-errors';

const t = ((key: string, ...subs: unknown[]) => [key, ...subs].join(':')) as Translate;
const domError = (name: string, message = '') => Object.assign(new Error(message), { name });

describe('storage problems', () => {
  it('tells apart a full disk, refused storage, a downgrade and a blocked upgrade', () => {
    expect(storageProblemOf(domError('QuotaExceededError'))).toBe('quota');
    expect(
      storageProblemOf(
        domError('UnknownError', 'The user denied permission to access the database.'),
      ),
    ).toBe('denied');
    expect(storageProblemOf(domError('SecurityError'))).toBe('denied');
    expect(
      storageProblemOf(
        domError(
          'VersionError',
          'The requested version (2) is less than the existing version (3).',
        ),
      ),
    ).toBe('newer-version');
    expect(storageProblemOf(new StorageBlockedError())).toBe('blocked');
    expect(storageProblemOf(domError('AbortError'))).toBe('other');
    expect(storageProblemOf(undefined)).toBe('other');
  });

  it('says what is wrong in words, with the browser’s own words only when nothing fits', () => {
    expect(describeStorageProblem(domError('QuotaExceededError'), t)).toBe('storageQuota');
    expect(describeStorageProblem(domError('AbortError', 'aborted'), t)).toBe(
      'storageOther:aborted',
    );
    expect(describeFailedWrite(domError('QuotaExceededError'), t)).toBe(
      'storageWriteFailed:storageQuota',
    );
  });
});
