import type { IDBPDatabase } from 'idb';
import type { InsideOutDB } from './schema';

/** Connections closed for a newer version of the extension, which now has the log. */
export const steppedAside = new WeakSet<IDBPDatabase<InsideOutDB>>();
