/**
 * Loaded by popup.html ahead of its modules: starts opening the log's database while they load,
 * so that the popup's own connection finds it open (the first open in a page pays for it).
 * Only an existing database at the current version is opened; a missing or older one is left
 * to the app, which creates or migrates it.
 */
import { DB_NAME, DB_VERSION } from '@/lib/store/schema';

export default defineUnlistedScript(() => {
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
    // Only a head start: the app opens the database itself.
  }
});
