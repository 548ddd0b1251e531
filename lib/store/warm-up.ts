import { DB_NAME, DB_VERSION } from './schema';

/**
 * Starts opening the log's database while a page's modules load, so that the page's own
 * connection finds it open (the first open in a page pays for it). Only an existing database at
 * the current version is opened, and closed again within seconds; a missing or older one is left
 * to the store, which creates or migrates it.
 */
export function warmUpDatabase(): void {
  try {
    const request = indexedDB.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = (event) => event.preventDefault();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      setTimeout(() => db.close(), 5_000);
    };
  } catch {
    // Only a head start: the store opens the database itself.
  }
}
