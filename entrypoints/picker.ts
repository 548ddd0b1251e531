import { startPicker } from '@/platform/in-page/picker';

/**
 * Picking people on the page, injected into a tab by the background only when the user starts
 * it from the sidebar: it runs beside the content script, in the same isolated world.
 */
export default defineUnlistedScript(() => startPicker());
