/**
 * Test set-up: records written straight into the extension's own IndexedDB from one of its
 * pages, for states a user reaches only over days (someone who helped three days ago).
 */
import type { Page } from 'playwright-core';

export interface Seed {
  people?: object[];
  interactions?: object[];
}

export async function seed(page: Page, records: Seed): Promise<void> {
  await page.evaluate(async ({ people = [], interactions = [] }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('inside-out');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['people', 'interactions'], 'readwrite');
    for (const person of people) tx.objectStore('people').put(person);
    for (const interaction of interactions) tx.objectStore('interactions').put(interaction);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, records);
}

/** A colleague who worked with the user `daysAgo` days ago on a Jira ticket, not yet thanked. */
export function helper(id: string, name: string, email: string, daysAgo: number): Seed {
  const at = Date.now() - daysAgo * 86_400_000;
  const personId = `01JD00000000000000000${id.padEnd(5, '0').slice(0, 5)}`;
  return {
    people: [
      {
        id: personId,
        name,
        emails: [email],
        handles: [],
        relationship: 'internal',
        relationshipSource: 'manual',
        createdAt: at,
        updatedAt: at,
      },
    ],
    interactions: [
      {
        id: `01JD00000000000000001${id.padEnd(5, '0').slice(0, 5)}`,
        at,
        day: new Date(at).toLocaleDateString('en-CA'),
        personId,
        relationship: 'internal',
        relationshipPinned: false,
        kind: 'ticket',
        tool: 'jira',
        threadKey: `jira:acme.atlassian.net:${id}`,
        source: 'detected',
        dedupeKey: `seeded-${id}`,
      },
    ],
  };
}
