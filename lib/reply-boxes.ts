/**
 * Where a thank-you can be inserted: the reply box already open on the page, per tool, newest
 * markup first. Only tools with a reply box the user is writing in are listed.
 */
import type { Tool } from './model';

export const REPLY_BOXES: Partial<Record<Tool, readonly string[]>> = {
  gmail: [
    'div[aria-label="Message Body"][contenteditable="true"]',
    'div.Am.Al.editable[contenteditable]',
  ],
  outlook: [
    'div[aria-label="Message body"][contenteditable="true"]',
    'div[role="textbox"][contenteditable="true"]',
  ],
  slack: [
    '[data-qa="message_input"] [contenteditable="true"]',
    'div.ql-editor[contenteditable="true"]',
  ],
  teams: [
    'div[data-tid="ckeditor"][contenteditable="true"]',
    '[data-tid="chat-pane-compose-message-footer"] [contenteditable="true"]',
    'div[role="textbox"][contenteditable="true"]',
  ],
};

export function findReplyBox(tool: Tool, root: ParentNode): HTMLElement | null {
  for (const selector of REPLY_BOXES[tool] ?? []) {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
