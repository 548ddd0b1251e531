import { wrap, type IDBPDatabase } from 'idb';
import { StoreReader } from './reader';
import { DB_NAME, DB_VERSION, type InsideOutDB } from './schema';
import { steppedAside } from './stepped-aside';

/**
 * Reads the log only if it exists at the current version; otherwise (no log yet, one that needs
 * a migration, one from a newer version, an open held up by another page, storage refused)
 * undefined, having changed nothing: creating and migrating are the store's (openDatabase). For
 * a head start while a page's modules load; the connection steps aside when a newer version
 * asks for the log.
 */
export function openReaderIfCurrent(name: string = DB_NAME): Promise<StoreReader | undefined> {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(name, DB_VERSION);
      // Aborting leaves the log as it was (a new one is not created at all).
      request.onupgradeneeded = () => request.transaction?.abort();
      request.onblocked = () => resolve(undefined);
      request.onerror = (event) => {
        event.preventDefault();
        resolve(undefined);
      };
      request.onsuccess = () => {
        const raw = request.result;
        const db = wrap(raw) as IDBPDatabase<InsideOutDB>;
        // As the store's own connections do (openDatabase): later reads say why they fail.
        raw.onversionchange = () => (steppedAside.add(db), raw.close());
        resolve(new StoreReader(db));
      };
    } catch {
      resolve(undefined);
    }
  });
}
