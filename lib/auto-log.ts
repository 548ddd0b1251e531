/**
 * Whether a conversation may be logged without a click. A page is evidence, never an
 * instruction: a conversation nobody could be read in is never logged empty; on a host where
 * anyone can make a site (`acme.zendesk.com`) only a workspace the user has said is theirs logs
 * by itself; a crowd is never logged by itself; and reading a thread anyone can read (GitHub) is
 * not an interaction with its people.
 */
import type { Conversation } from './model';
import { isTenantHost, type Tool } from './sites';

/** More people than this in one conversation is a mailing list, a broadcast or a forgery. */
export const MAX_AUTO_LOG_PEOPLE = 25;

/** The user's answers, per workspace: true "log here", false "not my workplace". */
export type WorkspaceAnswers = Readonly<Record<string, boolean>>;

/** One workspace: a tool at a host. */
export function workspaceKey(tool: Tool, host: string): string {
  return `${tool}:${host.toLowerCase()}`;
}

/** Answers as stored (storage is input): only the boolean ones count. */
export function readWorkspaceAnswers(stored: unknown): WorkspaceAnswers {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored as Record<string, unknown>).filter(
      (entry): entry is [string, boolean] => typeof entry[1] === 'boolean',
    ),
  );
}

export type AutoLogVerdict =
  /** Log it. */
  | 'log'
  /** No conversation, or nobody could be read in it: shown as such, never logged empty. */
  | 'nobody'
  /** A workspace the user has not confirmed yet: ask them. */
  | 'ask'
  /** The user said this workspace is not theirs. */
  | 'declined'
  /** Too many people to be one conversation. */
  | 'crowd'
  /** The user only reads this thread. */
  | 'reading';

/** The workspace question, when the page's tool and host need one; null otherwise. */
export function workspaceOf(
  conversation: Pick<Conversation, 'tool'>,
  host: string,
): { key: string; host: string; tool: Tool } | null {
  const lower = host.toLowerCase();
  return isTenantHost(conversation.tool, lower)
    ? { key: workspaceKey(conversation.tool, lower), host: lower, tool: conversation.tool }
    : null;
}

/** The one rule for logging without a click; anything but 'log' leaves the log as it is. */
export function autoLogVerdict(
  conversation: Pick<Conversation, 'tool' | 'participants' | 'userTakesPart'> | null | undefined,
  host: string,
  answers: WorkspaceAnswers,
): AutoLogVerdict {
  if (!conversation || conversation.participants.length === 0) return 'nobody';
  const workspace = workspaceOf(conversation, host);
  if (workspace) {
    const answer = answers[workspace.key];
    if (answer === undefined) return 'ask';
    if (!answer) return 'declined';
  }
  if (conversation.participants.length > MAX_AUTO_LOG_PEOPLE) return 'crowd';
  if (conversation.userTakesPart === false) return 'reading';
  return 'log';
}
