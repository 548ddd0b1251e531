/**
 * Typing a thank-you into the page's reply box. Injected into the tab by the background only
 * when the user asks to insert (as the picker is), so host pages do not load it otherwise. It
 * runs beside the content script, in the same isolated world, and listens once per page.
 */
import { findReplyBox, placeInReply, textAroundCaret } from '@/lib/reply-boxes';
import type { Tool } from '@/lib/model';
import { TOOLS } from '@/lib/sites';
import { onExtensionMessage } from '../content';

const LISTENING = Symbol.for('inside-out-insert');

export function startInserting(): void {
  const world = globalThis as { [LISTENING]?: true };
  if (world[LISTENING]) return;
  world[LISTENING] = true;
  onExtensionMessage({
    // Checked field by field, as every content-script handler does (no zod in host pages).
    'insert-text': (message) =>
      typeof message.text === 'string' && TOOLS.includes(message.tool as Tool)
        ? Promise.resolve(insertIntoReply(message.tool as Tool, message.text.slice(0, 2_000)))
        : undefined,
  });
}

/**
 * Types the user's own thank-you into the reply box they have open, as if they had typed it:
 * at their cursor if it is in the box, else at the end, on its own line (lib/reply-boxes.ts).
 * The host's editor sees a normal edit and nothing is sent until the user sends it.
 */
function insertIntoReply(tool: Tool, text: string): boolean {
  const box = findReplyBox(tool, document);
  if (!box) return false;
  if (box instanceof HTMLTextAreaElement || box instanceof HTMLInputElement) {
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? start;
    const typed = placeInReply(text, box.value.slice(0, start), box.value.slice(end));
    box.focus();
    box.setRangeText(typed, start, end, 'end');
    box.dispatchEvent(
      new InputEvent('input', { bubbles: true, inputType: 'insertText', data: typed }),
    );
    return true;
  }
  // The page keeps its selection while the user clicks in the sidebar: use it if it is in the
  // box; otherwise the end of the box (focusing an editor puts the caret at its start).
  const selection = document.getSelection();
  const held = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
  const range = held && box.contains(held.startContainer) ? held.cloneRange() : endOf(box);
  const { before, after } = textAroundCaret(box, {
    node: range.startContainer,
    offset: range.startOffset,
  });
  box.focus();
  selection?.removeAllRanges();
  selection?.addRange(range);
  // contenteditable editors (Gmail, Slack, Teams) handle insertText as a real edit.
  return document.execCommand('insertText', false, placeInReply(text, before, after));
}

function endOf(box: HTMLElement): Range {
  const range = document.createRange();
  range.selectNodeContents(box);
  range.collapse(false);
  return range;
}
