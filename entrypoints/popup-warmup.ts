/** Loaded by popup.html ahead of its modules: the database opens while they load. */
import { warmUpDatabase } from '@/lib/store/warm-up';

export default defineUnlistedScript(warmUpDatabase);
