/**
 * The English messages as the browser would give them, for code that runs outside a browser:
 * unit tests, the demo's sample history, benchmarks. The extension's pages use browser.i18n.
 */
import messages from '../public/_locales/en/messages.json';
import { translatorFor } from './i18n';

export const english = translatorFor(messages);
