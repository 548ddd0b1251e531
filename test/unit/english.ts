/** The English messages as the browser would give them, for lib code that takes a Translate. */
import messages from '@/public/_locales/en/messages.json';
import { translatorFor } from '@/lib/i18n';

export const english = translatorFor(messages);
