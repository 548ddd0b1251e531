import type { Conversation } from './model';

/**
 * Whether a detected conversation may be logged without the user: only with someone in it. A
 * title with nobody means the page could not be read; it is shown as such, never logged empty.
 */
export function canAutoLog(
  conversation: Conversation | null | undefined,
): conversation is Conversation {
  return Boolean(conversation && conversation.participants.length > 0);
}
