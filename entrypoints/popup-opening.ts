/**
 * Loaded by popup.html ahead of its modules: the popup's opening read (settings, the log, this
 * week's numbers) runs while they load, so the first render can already show the numbers.
 */
import { startPopupOpening } from '@/platform/popup-opening';

export default defineUnlistedScript(startPopupOpening);
