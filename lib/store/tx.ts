/** Transactions as the commands use them: opened over the stores they name, given up as one. */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { InsideOutDB } from './schema';

export type Db = IDBPDatabase<InsideOutDB>;
export type StoreName = StoreNames<InsideOutDB>;
export type WriteTx = IDBPTransaction<InsideOutDB, StoreName[], 'readwrite'>;
/** A transaction of either mode, for what only reads. */
export type AnyTx = IDBPTransaction<InsideOutDB, StoreName[], IDBTransactionMode>;

export function writeTx(db: Db, names: StoreName[]): WriteTx {
  return db.transaction(names, 'readwrite');
}

/** Gives the transaction up, so nothing it wrote stays, and throws why. */
export async function abandon(tx: WriteTx, error: Error): Promise<never> {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
  await tx.done.catch(() => undefined);
  throw error;
}

export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`No ${what} with id ${id}`);
    this.name = 'NotFoundError';
  }
}
