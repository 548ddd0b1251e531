import type { Conversation, Tool } from '../model';
import type { PageRoom } from '../page-room';
import type { SelfShown } from './dom';

/**
 * One tool's adapter: where it runs and how it reads the open conversation.
 * `extract` is pure over the DOM it is given: it never throws (the registry guards it too),
 * never writes to the page, and returns null when nothing is open.
 */
export interface Adapter {
  tool: Tool;
  /** Match patterns, the same ones the manifest uses (from lib/sites.ts). */
  matches: readonly string[];
  extract(document: Document, url: URL): Conversation | null;
  /**
   * The element whose subtree holds the conversation, so the content script observes only it
   * (never the whole document on Gmail-sized pages). Falls back to document.body.
   */
  container?(document: Document): Element | null;
  /**
   * The tool's shell may show the conversation in a same-origin frame (inside open shadow
   * roots): detection then also reads those frames' documents, from the top frame.
   */
  framed?: boolean;
  /** The signed-in user as the top frame shows them, for a conversation read in a frame. */
  self?(document: Document): SelfShown | undefined;
  /** How the tool's page narrows to make room for the in-page sidebar; none: it floats over. */
  room?: PageRoom;
}
