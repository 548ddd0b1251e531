/**
 * The protocol's shared parts (lib/messages/index.ts holds the map): request shapes more than
 * one message uses, what the sidebar relays to its content script, and the types of replies.
 */
import { z } from 'zod';
import { PeopleRuleSchema, ThreadRuleSchema } from '../learned-rules/schema';
import { ToolSchema, type Conversation, type Tool } from '../model';

export const TabId = z.number().int().nonnegative();
export const InsertText = z.strictObject({
  type: z.literal('insert-text'),
  /** Whose reply box: the tool of the conversation the sidebar shows. */
  tool: ToolSchema,
  text: z.string().min(1).max(2_000),
});
export const closeSidebar = z.strictObject({ type: z.literal('close-sidebar') });
export const replyBoxOpen = z.strictObject({ type: z.literal('reply-box-open') });
export const hideLauncher = z.strictObject({ type: z.literal('hide-launcher') });
export const showLauncher = z.strictObject({ type: z.literal('show-launcher') });
export const sidebarLayout = z.strictObject({
  type: z.literal('sidebar-layout'),
  compact: z.boolean().optional(),
  push: z.boolean().optional(),
});

/** What picking teaches: the people, the conversation's title, or the part holding it. */
export const PickPart = z.enum(['people', 'title', 'container']);
export type PickPart = z.infer<typeof PickPart>;

/** The in-page sidebar steering the picker in its page (the keyboard's way to pick). */
export const Pick = z.strictObject({
  type: z.literal('pick'),
  action: z.enum(['next', 'previous', 'choose', 'remove', 'stop', 'part']),
  index: z.number().int().min(0).max(10).optional(),
  /** With `part`: what to pick from now on, for which tool (the generic reader's preview). */
  part: PickPart.optional(),
  tool: ToolSchema.optional(),
});
export const learnedRuleChanged = z.strictObject({ type: z.literal('learned-rule-changed') });

/** What the picker shows the sidebar: names travel here, never through the page's DOM. */
export const PickState = {
  phase: z.enum(['picking', 'cancelled']),
  part: PickPart,
  highlighted: z.string().max(200).optional(),
  chosen: z.array(z.string().max(200)).max(10),
  preview: z.array(z.string().max(200)).max(50),
  rule: PeopleRuleSchema.optional(),
  thread: ThreadRuleSchema.optional(),
  problem: z.enum(['no-name', 'no-structure', 'no-container', 'too-many', 'misses']).optional(),
};

/** What the in-page sidebar may ask of the content script in its own tab, through `relay`. */
export const RelayedToContentScript = z.discriminatedUnion('type', [
  closeSidebar,
  hideLauncher,
  showLauncher,
  sidebarLayout,
  replyBoxOpen,
  InsertText,
  Pick,
  learnedRuleChanged,
]);

/** What picking teaches: the tool and host of the sidebar's tab (null: nothing to pick here). */
export type PickingTarget = { tool: Tool; host: string } | null;

/** What a learned rule reads on a tab's page now. */
export interface TryRuleReply {
  names: string[];
  refused?: 'too-many';
}

/** Whether a tool is switched on, and whether its page may frame the in-page sidebar. */
export interface SiteStatus {
  enabled: boolean;
  framed: boolean;
}

/**
 * A tab's conversation: the in-page sidebar always gets its own tab's; the side panel and the
 * popup, which are in no tab, name the tab they follow.
 */
export interface ConversationReply {
  tabId: number | null;
  conversation: Conversation | null;
  /**
   * The tab's workspace, on a host anyone can create a site on: whether the user said it is
   * theirs (null: not asked yet). Absent elsewhere.
   */
  workspace?: WorkspaceState;
}

export interface WorkspaceState {
  host: string;
  tool: z.infer<typeof ToolSchema>;
  log: boolean | null;
}

/** The token for the sidebar frame, and the origin to post it to (the frame's own). */
export interface FrameGrantReply {
  token: string;
  origin: string;
}
