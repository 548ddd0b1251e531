/**
 * Test set-up: records written straight into the extension's own IndexedDB from one of its
 * pages, for states a user reaches only over days (someone who helped three days ago).
 */
import type { Page } from 'playwright-core';

export interface Seed {
  people?: object[];
  interactions?: object[];
  appreciations?: object[];
  checkIns?: object[];
}

export async function seed(page: Page, records: Seed): Promise<void> {
  await page.evaluate(
    async ({ people = [], interactions = [], appreciations = [], checkIns = [] }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('inside-out');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(
        ['people', 'interactions', 'appreciations', 'checkIns'],
        'readwrite',
      );
      for (const person of people) tx.objectStore('people').put(person);
      for (const interaction of interactions) tx.objectStore('interactions').put(interaction);
      for (const appreciation of appreciations) tx.objectStore('appreciations').put(appreciation);
      for (const checkIn of checkIns) tx.objectStore('checkIns').put(checkIn);
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    records,
  );
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

/**
 * A busy week: people on both sides and some not sorted yet, many conversations this week and in
 * the eleven before, thank-yous, and a promise whose follow-up is due today.
 */
export function busyWeek(now = Date.now()): Seed & { unsorted: number; thanksThisWeek: number } {
  const id = (prefix: string, n: number) =>
    `01JD${prefix}${String(n).padStart(22 - prefix.length, '0')}`;
  const relationships = [
    ...Array<'internal'>(8).fill('internal'),
    ...Array<'external'>(4).fill('external'),
    ...Array<'unknown'>(3).fill('unknown'),
  ];
  const people = relationships.map((relationship, n) => ({
    id: id('P', n),
    name: `Person ${String.fromCharCode(65 + n)} Example`,
    emails: [`person${n}@${relationship === 'internal' ? 'acme' : 'globex'}.example`],
    handles: [],
    relationship,
    relationshipSource: relationship === 'unknown' ? 'rule' : 'manual',
    createdAt: now - 90 * 86_400_000,
    updatedAt: now - 90 * 86_400_000,
  }));
  const interactions: object[] = [];
  // Within the last hours, so they fall in this week whatever day it starts on.
  people.forEach((person, n) => {
    for (let k = 0; k < 3; k++)
      interactions.push(interactionOf(person, now - (n * 3 + k) * 60_000));
  });
  // Two a week for the eleven weeks before.
  for (let week = 1; week <= 11; week++) {
    for (let k = 0; k < 2 + (week % 4); k++) {
      const person = people[(week + k) % 12]!;
      interactions.push(interactionOf(person, now - week * 7 * 86_400_000 - k * 3_600_000));
    }
  }
  const appreciations = [0, 1].map((n) => ({
    id: id('A', n),
    at: now - (n + 1) * 30_000,
    personId: people[n]!.id,
    message: 'Thank you for your help.',
    channel: 'copied',
    channels: ['copied'],
  }));
  const today = new Date(now).toLocaleDateString('en-CA');
  const checkIns = [
    {
      id: id('C', 0),
      personId: people[1]!.id,
      askedAt: now - 2 * 86_400_000,
      answer: 'The carrier windows keep moving.',
      commitment: 'Confirm carrier windows with Ravi by 2 pm the day before',
      followUpOn: today,
      delivered: false,
    },
  ];
  return { people, interactions, appreciations, checkIns, unsorted: 3, thanksThisWeek: 2 };

  function interactionOf(person: (typeof people)[number], at: number) {
    const n = interactions.length;
    return {
      id: id('N', n),
      at,
      day: new Date(at).toLocaleDateString('en-CA'),
      personId: person.id,
      relationship: person.relationship,
      relationshipPinned: false,
      kind: 'ticket',
      tool: 'jira',
      threadKey: `jira:acme.atlassian.net:BUSY-${n}`,
      source: 'detected',
      dedupeKey: `busy-${n}`,
    };
  }
}

/** A Jira ticket with four people, logged together a minute ago. */
export function fourPersonTicket(): Seed {
  const now = Date.now() - 60_000;
  const day = new Date(now).toLocaleDateString('en-CA');
  const people = [
    ['Rosa Delgado', 'internal'],
    ['Pat Kim', 'external'],
    ['Ivan Petrov', 'internal'],
    ['Dana Kim', 'external'],
  ].map(([name, relationship], n) => ({
    id: `01JD0000000000000000TCKET${n}`,
    name,
    emails: [`${name!.split(' ')[0]!.toLowerCase()}@example.com`],
    handles: [],
    relationship,
    relationshipSource: 'manual',
    createdAt: now,
    updatedAt: now,
  }));
  return {
    people,
    interactions: people.map((person, n) => ({
      id: `01JD0000000000000001TCKET${n}`,
      // A millisecond apart: the log lists them in this order.
      at: now - n,
      day,
      personId: person.id,
      relationship: person.relationship,
      relationshipPinned: false,
      kind: 'ticket',
      tool: 'jira',
      threadKey: 'jira:brightwater:OPS-7',
      title: 'OPS-7 Loading dock hours',
      source: 'detected',
      dedupeKey: `jira:brightwater:OPS-7|${person.id}|${day}`,
    })),
  };
}

/**
 * `count` interactions with one person, one a minute back from now over 50 threads, written
 * straight into the extension's database from one of its pages (a log years deep).
 */
export async function seedBulkLog(page: Page, count: number): Promise<void> {
  await page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('inside-out');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const personId = '01JD00000000000000000BULK0';
    const now = Date.now();
    const tx = db.transaction(['people', 'interactions'], 'readwrite');
    tx.objectStore('people').put({
      id: personId,
      name: 'Bulk Person',
      emails: [],
      handles: [],
      relationship: 'external',
      relationshipSource: 'manual',
      createdAt: now,
      updatedAt: now,
    });
    const store = tx.objectStore('interactions');
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (let i = 0; i < count; i++) {
      let suffix = '';
      for (let n = i, k = 0; k < 10; k++, n = Math.floor(n / 32))
        suffix = alphabet[n % 32] + suffix;
      const id = `01JD000000000000${suffix}`;
      const at = now - i * 60_000;
      store.put({
        id,
        at,
        day: new Date(at).toLocaleDateString('en-CA'),
        personId,
        relationship: i % 3 ? 'external' : 'internal',
        relationshipPinned: false,
        kind: 'chat',
        tool: 'slack',
        threadKey: `slack:T1:C${i % 50}`,
        title: `Thread ${i}`,
        source: 'detected',
        dedupeKey: `k${i}`,
      });
    }
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}
