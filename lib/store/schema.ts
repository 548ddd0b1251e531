/**
 * The IndexedDB layout and its upgrade path. Each version's migration runs in order from the
 * version a user has to the current one, so data written by any earlier version is carried
 * forward. Add a version by appending to MIGRATIONS; never edit an old one.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Tombstone } from '../merge';
import type { Appreciation, CheckIn, Interaction, Person } from '../model';

export const DB_NAME = 'inside-out';

export interface InsideOutDB extends DBSchema {
  people: {
    key: string;
    value: Person;
    indexes: { email: string; handle: string; updatedAt: number };
  };
  interactions: {
    key: string;
    value: Interaction;
    indexes: {
      at: number;
      dedupeKey: string;
      personId: string;
      /** A person's interactions in time order: their last one without reading the rest. */
      personAt: [string, number];
      /** Counting a week's internal or external interactions without reading them. */
      relationshipAt: [string, number];
    };
  };
  appreciations: {
    key: string;
    value: Appreciation;
    indexes: { at: number; personId: string; personAt: [string, number] };
  };
  checkIns: {
    key: string;
    value: CheckIn;
    indexes: { askedAt: number; personId: string; followUpOn: string };
  };
  /** Deleted interactions' thread, person and day, so auto-log does not bring them back. */
  tombstones: {
    key: string;
    value: Tombstone;
  };
}

export type UpgradeTransaction = IDBPTransaction<
  InsideOutDB,
  StoreNames<InsideOutDB>[],
  'versionchange'
>;
type Migration = (db: IDBPDatabase<InsideOutDB>, tx: UpgradeTransaction) => void;

/** MIGRATIONS[n] takes a database from version n to version n + 1. */
export const MIGRATIONS: readonly Migration[] = [
  // 0 -> 1: the first layout.
  (db) => {
    const people = db.createObjectStore('people', { keyPath: 'id' });
    people.createIndex('email', 'emails', { multiEntry: true });
    people.createIndex('handle', 'handles', { multiEntry: true });
    people.createIndex('updatedAt', 'updatedAt');

    const interactions = db.createObjectStore('interactions', { keyPath: 'id' });
    interactions.createIndex('at', 'at');
    interactions.createIndex('dedupeKey', 'dedupeKey', { unique: true });
    interactions.createIndex('personId', 'personId');
    interactions.createIndex('relationshipAt', ['relationship', 'at']);

    const appreciations = db.createObjectStore('appreciations', { keyPath: 'id' });
    appreciations.createIndex('at', 'at');
    appreciations.createIndex('personId', 'personId');

    const checkIns = db.createObjectStore('checkIns', { keyPath: 'id' });
    checkIns.createIndex('askedAt', 'askedAt');
    checkIns.createIndex('personId', 'personId');
    checkIns.createIndex('followUpOn', 'followUpOn');
  },
  // 1 -> 2: per-person time indexes, so the People view reads each person's last interaction
  // and last thank-you directly. Existing records are indexed by IndexedDB itself.
  (_db, tx) => {
    tx.objectStore('interactions').createIndex('personAt', ['personId', 'at']);
    tx.objectStore('appreciations').createIndex('personAt', ['personId', 'at']);
  },
  // 2 -> 3: tombstones for deleted interactions. (Interactions and check-ins also gained an
  // optional `updatedAt`; records written before it need no rewrite, lib/merge.ts's lastChanged
  // reads the latest date they hold instead, so the upgrade stays instant on a large log.)
  (db) => {
    db.createObjectStore('tombstones', { keyPath: 'key' });
  },
];

export const DB_VERSION = MIGRATIONS.length;

export function upgrade(
  db: IDBPDatabase<InsideOutDB>,
  oldVersion: number,
  newVersion: number | null,
  tx: UpgradeTransaction,
): void {
  const target = newVersion ?? DB_VERSION;
  for (let version = oldVersion; version < target; version++) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new Error(`No migration from database version ${version}`);
    migrate(db, tx);
  }
}
