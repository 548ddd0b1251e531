/**
 * Messages between the extension's contexts. Every message is parsed on arrival; anything that
 * does not fit, or comes from outside the extension, is dropped unanswered.
 */
import { z } from 'zod';
import { ConversationSchema, ToolSchema } from './model';

const TabId = z.number().int().nonnegative();

/** What extension pages may ask of the content script in their own tab. */
const ToContentScript = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('close-panel') }),
  z.strictObject({ type: z.literal('hide-launcher') }),
  z.strictObject({ type: z.literal('insert-text'), text: z.string().min(1).max(2_000) }),
]);

export const MessageSchema = z.discriminatedUnion('type', [
  // Content script -> background.
  /** What is open in this tab now (null: nothing). */
  z.strictObject({ type: z.literal('conversation'), conversation: ConversationSchema.nullable() }),
  /** Is this tool switched on, and may the in-page sidebar be framed on this page? */
  z.strictObject({ type: z.literal('site-status'), tool: ToolSchema }),
  /** The launcher was clicked where the sidebar cannot be framed: open the side panel. */
  z.strictObject({ type: z.literal('open-side-panel') }),

  // Extension pages -> background.
  /** The conversation of a tab: the sender's own tab when `tabId` is absent (the overlay). */
  z.strictObject({ type: z.literal('get-conversation'), tabId: TabId.optional() }),

  /**
   * The in-page sidebar -> its own tab's content script, relayed by the background: in Firefox
   * an extension frame inside a web page has no tabs API of its own.
   */
  z.strictObject({ type: z.literal('relay'), message: ToContentScript }),

  // Background -> extension pages (and, for Firefox's in-page frames, the tab).
  z.strictObject({
    type: z.literal('conversation-changed'),
    tabId: TabId,
    conversation: ConversationSchema.nullable(),
  }),

  // Extension pages -> content script.
  z.strictObject({ type: z.literal('close-panel') }),
  z.strictObject({ type: z.literal('toggle-panel') }),
  z.strictObject({ type: z.literal('open-panel') }),
  z.strictObject({ type: z.literal('hide-launcher') }),
  z.strictObject({ type: z.literal('insert-text'), text: z.string().min(1).max(2_000) }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type MessageOf<T extends Message['type']> = Extract<Message, { type: T }>;

/** Parses a message, or returns null for anything that is not one of ours. */
export function parseMessage(input: unknown): Message | null {
  const result = MessageSchema.safeParse(input);
  return result.success ? result.data : null;
}

/** The reply to `get-conversation`. */
export interface ConversationReply {
  tabId: number | null;
  conversation: z.infer<typeof ConversationSchema> | null;
}
