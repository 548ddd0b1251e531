import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepLogFromEviction } from '@/platform';

afterEach(() => vi.unstubAllGlobals());

describe('keeping the log from eviction', () => {
  it('asks the browser to persist storage once it is not yet persistent', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    expect(await keepLogFromEviction()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('changes nothing and reports false when the browser refuses or lacks the API', async () => {
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => false,
        persist: async () => {
          throw new Error('refused');
        },
      },
    });
    expect(await keepLogFromEviction()).toBe(false);
    vi.stubGlobal('navigator', {});
    expect(await keepLogFromEviction()).toBe(false);
  });
});
