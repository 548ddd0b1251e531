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

/**
 * The text to type at the cursor so the thank-you stands on its own line, never glued to what
 * is there: a line break before it unless the cursor starts a line (or the box is empty before
 * it), and one after it unless what follows already starts on a new line (or nothing follows).
 */
export function placeInReply(text: string, before: string, after: string): string {
  const body = text.trim();
  const lead = before.trim() === '' || before.endsWith('\n') ? '' : '\n';
  const tail = after.trim() === '' || after.startsWith('\n') ? '' : '\n';
  return `${lead}${body}${tail}`;
}

/** Elements whose edges are line breaks in an editor (a paragraph, a line of a list…). */
const BLOCKS = new Set([
  'ADDRESS',
  'BLOCKQUOTE',
  'DIV',
  'LI',
  'OL',
  'P',
  'PRE',
  'TABLE',
  'TR',
  'UL',
]);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The text of an editable box before and after a caret, with its lines as the user sees them:
 * `<br>` and the edges of paragraphs count as line breaks (Range.toString() drops them). Pure
 * over the DOM it is given (node types by number: the box may belong to another frame).
 */
export function textAroundCaret(
  box: Element,
  caret: { node: Node; offset: number },
): { before: string; after: string } {
  const parts = { before: '', after: '' };
  const doc = box.ownerDocument;
  const caretRange = doc.createRange();
  caretRange.setStart(caret.node, caret.offset);
  /** Which side of the caret a boundary point (a node and an offset in it) is on. */
  const side = (node: Node, offset: number): 'before' | 'after' => {
    const probe = doc.createRange();
    probe.setStart(node, offset);
    return probe.compareBoundaryPoints(probe.START_TO_START, caretRange) < 0 ? 'before' : 'after';
  };
  const edge = (node: Node, end: boolean) => side(node.parentNode!, indexIn(node) + (end ? 1 : 0));
  const breakLine = (where: 'before' | 'after') => {
    // A break at the very start of the box is no line of text.
    if (where === 'before' && parts.before === '') return;
    if (!parts[where].endsWith('\n')) parts[where] += '\n';
  };
  const walk = (node: Node) => {
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (node === caret.node) {
        parts.before += data.slice(0, caret.offset);
        parts.after += data.slice(caret.offset);
      } else parts[side(node, 0)] += data;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const name = (node as Element).tagName.toUpperCase();
    if (name === 'BR') {
      parts[edge(node, false)] += '\n';
      return;
    }
    const block = node !== box && BLOCKS.has(name);
    if (block) breakLine(edge(node, false));
    node.childNodes.forEach(walk);
    if (block) breakLine(edge(node, true));
  };
  walk(box);
  return parts;
}

function indexIn(node: Node): number {
  return Array.prototype.indexOf.call(node.parentNode?.childNodes ?? [], node);
}
