// A real IndexedDB implementation for the store's tests in Node.
import 'fake-indexeddb/auto';
