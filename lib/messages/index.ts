/**
 * The protocol: every message between the extension's contexts, in one map. Each entry says
 * who sends it to whom, the schema its request is parsed by on arrival, and the type of its
 * reply; platform/ sends and receives only what this map allows. Anything that does not fit,
 * or comes from outside the extension, is dropped unanswered.
 */
import { z } from 'zod';
import { RulePartsSchema } from '../learned-rules/schema';
import type { RuleParts } from '../learned-rules/rule';
import { ConversationSchema, ToolSchema } from '../model';
import {
  closeSidebar,
  hideLauncher,
  InsertText,
  learnedRuleChanged,
  Pick,
  PickPart,
  PickState,
  RelayedToContentScript,
  replyBoxOpen,
  showLauncher,
  sidebarLayout,
  TabId,
  type ConversationReply,
  type FrameGrantReply,
  type PickingTarget,
  type SiteStatus,
  type TryRuleReply,
  type WorkspaceState,
} from './shapes';

export type {
  ConversationReply,
  FrameGrantReply,
  PickingTarget,
  PickPart,
  SiteStatus,
  TryRuleReply,
  WorkspaceState,
} from './shapes';

/** Only a type: the reply a message gets. */
const reply = <T>() => undefined as T;

type Context = 'content-script' | 'background' | 'extension-pages';

export const PROTOCOL = {
  /** What is open in this tab now (null: nothing): the one route of a conversation starts here. */
  conversation: {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({
      type: z.literal('conversation'),
      conversation: ConversationSchema.nullable(),
    }),
    reply: reply<void>(),
  },
  'site-status': {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({ type: z.literal('site-status'), tool: ToolSchema }),
    reply: reply<SiteStatus>(),
  },
  /** The launcher was clicked where the sidebar cannot be framed: open the side panel. */
  'open-side-panel': {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({ type: z.literal('open-side-panel') }),
    reply: reply<void>(),
  },
  /** The rule the user taught for this tool at the sender's host, if any. */
  'learned-rule': {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({ type: z.literal('learned-rule'), tool: ToolSchema }),
    reply: reply<RuleParts | null>(),
  },
  /** How many people the learned rule read on the sender's page (0: it no longer matches). */
  'learned-rule-read': {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({
      type: z.literal('learned-rule-read'),
      tool: ToolSchema,
      count: z.number().int().min(0).max(10_000),
    }),
    reply: reply<void>(),
  },
  /** The picker in a tab, to that tab's in-page sidebar (through the background). */
  'pick-state': {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({ type: z.literal('pick-state'), ...PickState }),
    reply: reply<void>(),
  },
  picked: {
    from: 'background',
    to: 'extension-pages',
    request: z.strictObject({ type: z.literal('picked'), tabId: TabId, ...PickState }),
    reply: reply<void>(),
  },
  /** Load the picker into the sender's tab; the reply names the tool and host it teaches. */
  'start-picking': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('start-picking'), part: PickPart.optional() }),
    reply: reply<PickingTarget>(),
  },
  pick: { from: 'extension-pages', to: 'content-script', request: Pick, reply: reply<void>() },
  'learned-rule-changed': {
    from: 'extension-pages',
    to: 'content-script',
    request: learnedRuleChanged,
    reply: reply<void>(),
  },
  /** The options page: what would this rule read on the page open in that tab? */
  'try-learned-rule': {
    from: 'extension-pages',
    to: 'content-script',
    request: z.strictObject({ type: z.literal('try-learned-rule'), rule: RulePartsSchema }),
    reply: reply<TryRuleReply>(),
  },
  /** The sidebar frame the content script made has loaded: a one-time token to post to it. */
  'frame-grant': {
    from: 'content-script',
    to: 'background',
    request: z.strictObject({ type: z.literal('frame-grant') }),
    reply: reply<FrameGrantReply>(),
  },
  /** The in-page sidebar hands back the token its content script posted to it. */
  'claim-frame': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('claim-frame'), token: z.string().min(16).max(64) }),
    reply: reply<boolean>(),
  },
  /** The in-page sidebar's answer to "is this workspace yours?" for its tab's workspace. */
  'answer-workspace': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('answer-workspace'), log: z.boolean() }),
    reply: reply<WorkspaceState>(),
  },
  'get-conversation': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('get-conversation'), tabId: TabId.optional() }),
    reply: reply<ConversationReply>(),
  },
  /**
   * The in-page sidebar -> its own tab's content script, relayed by the background: in Firefox
   * an extension frame inside a web page has no tabs API of its own. Replies as the message does.
   */
  relay: {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('relay'), message: RelayedToContentScript }),
    reply: reply<boolean | undefined>(),
  },
  /**
   * The in-page sidebar's frame may not use storage on this page (third-party storage blocked):
   * from now on the launcher opens the side panel instead; `open`: the user's click asks for it
   * now, and the frame closes.
   */
  'frame-storage-denied': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('frame-storage-denied'), open: z.boolean() }),
    reply: reply<void>(),
  },
  /** The launcher in this tab opens the side panel from now on (its frame may not use storage). */
  'use-side-panel': {
    from: 'background',
    to: 'content-script',
    request: z.strictObject({ type: z.literal('use-side-panel') }),
    reply: reply<void>(),
  },
  /** A tab's conversation changed: to extension pages, and to the tab for Firefox's frames. */
  'conversation-changed': {
    from: 'background',
    to: 'extension-pages',
    request: z.strictObject({
      type: z.literal('conversation-changed'),
      tabId: TabId,
      conversation: ConversationSchema.nullable(),
    }),
    reply: reply<void>(),
  },
  'close-sidebar': {
    from: 'extension-pages',
    to: 'content-script',
    request: closeSidebar,
    reply: reply<void>(),
  },
  /** From the context menu or the shortcut: open the in-page sidebar (the composer waits there). */
  'open-sidebar': {
    from: 'background',
    to: 'content-script',
    request: z.strictObject({ type: z.literal('open-sidebar') }),
    reply: reply<void>(),
  },
  'hide-launcher': {
    from: 'extension-pages',
    to: 'content-script',
    request: hideLauncher,
    reply: reply<void>(),
  },
  /** "Undo" right after hiding the launcher on this site: the tab comes back. */
  'show-launcher': {
    from: 'extension-pages',
    to: 'content-script',
    request: showLauncher,
    reply: reply<void>(),
  },
  /** The in-page sidebar's own controls: compact or not, narrowing the page or floating. */
  'sidebar-layout': {
    from: 'extension-pages',
    to: 'content-script',
    request: sidebarLayout,
    reply: reply<void>(),
  },
  /**
   * A page's command changed the log: wakes the background (a broadcast does not), which keeps
   * the badge and the popup's first numbers (lib/week-numbers.ts) in step.
   */
  'log-changed': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('log-changed') }),
    reply: reply<void>(),
  },
  /**
   * The in-page sidebar moves to the browser's side panel: opened for the sender's tab, and the
   * in-page one closes.
   */
  'move-to-side-panel': {
    from: 'extension-pages',
    to: 'background',
    request: z.strictObject({ type: z.literal('move-to-side-panel') }),
    reply: reply<void>(),
  },
  /** Whether the page has a reply box open now (Insert is offered only then). */
  'reply-box-open': {
    from: 'extension-pages',
    to: 'content-script',
    request: replyBoxOpen,
    reply: reply<boolean>(),
  },
  /** Types the user's thank-you into the open reply box: true when it could. */
  'insert-text': {
    from: 'extension-pages',
    to: 'content-script',
    request: InsertText,
    reply: reply<boolean>(),
  },
} as const satisfies Record<
  string,
  { from: Context; to: Context; request: z.ZodType<{ type: string }>; reply: unknown }
>;

type Protocol = typeof PROTOCOL;
export type MessageType = keyof Protocol;
export type MessageOf<T extends MessageType> = z.infer<Protocol[T]['request']>;
export type Message = { [T in MessageType]: MessageOf<T> }[MessageType];
export type ReplyOf<T extends MessageType> = Protocol[T]['reply'];
/** The messages a context receives. */
export type MessageTo<C extends Context> = {
  [T in MessageType]: Protocol[T]['to'] extends C ? T : never;
}[MessageType];

/** What a receiver answers each message it takes with (undefined: not answered). */
export type Handlers<T extends MessageType, S> = {
  [K in T]?: (
    message: MessageOf<K>,
    sender: S,
  ) => Promise<ReplyOf<K> | undefined> | ReplyOf<K> | undefined;
};

/** Parses a message by its entry in the map, or returns null for anything that is not ours. */
export function parseMessage(input: unknown): Message | null {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(PROTOCOL, type)) return null;
  const result = PROTOCOL[type as MessageType].request.safeParse(input);
  return result.success ? (result.data as Message) : null;
}
