import { startInserting } from '@/platform/in-page/insert';

/**
 * Typing a thank-you into the page's reply box, injected into a tab by the background only when
 * the user asks to insert: it runs beside the content script, in the same isolated world.
 */
export default defineUnlistedScript(() => startInserting());
