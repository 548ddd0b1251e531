// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { placeInReply, textAroundCaret } from '../../lib/reply-boxes';

describe('placing a thank-you in a reply', () => {
  it.each([
    // [text before the cursor, text after it, what is typed]
    ['', '', 'Thank you!'],
    ['Hi Tom,', '', '\nThank you!'],
    ['Hi Tom,\n', '', 'Thank you!'],
    ['', 'Best, Sam', 'Thank you!\n'],
    ['', '\nBest, Sam', 'Thank you!'],
    ['Hi Tom,', 'Best, Sam', '\nThank you!\n'],
    ['Hi Tom,\n', '\nBest, Sam', 'Thank you!'],
    ['   ', '  \n ', 'Thank you!'],
  ])('before %j, after %j: types %j', (before, after, typed) => {
    expect(placeInReply('  Thank you! ', before, after)).toBe(typed);
  });
});

describe('the text around the cursor in an editor', () => {
  function editor(html: string): HTMLElement {
    const box = document.createElement('div');
    box.contentEditable = 'true';
    box.innerHTML = html;
    return box;
  }
  const textIn = (box: Element, text: string): Text => {
    const walker = box.ownerDocument.createTreeWalker(box, 4);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node as Text).data === text) return node as Text;
    throw new Error(`no text ${text}`);
  };

  it('reads the lines of paragraphs and <br> as the user sees them', () => {
    const box = editor('<div>Hi Tom,</div><div><br></div><div>Best, Sam</div>');
    const hi = textIn(box, 'Hi Tom,');
    expect(textAroundCaret(box, { node: hi, offset: 7 })).toEqual({
      before: 'Hi Tom,',
      after: '\n\nBest, Sam\n',
    });
    expect(textAroundCaret(box, { node: hi, offset: 2 })).toEqual({
      before: 'Hi',
      after: ' Tom,\n\nBest, Sam\n',
    });
  });

  it('a caret on an empty line between paragraphs starts a line', () => {
    const box = editor('<div>Hi Tom,</div><div><br></div><div>Best, Sam</div>');
    const empty = box.children[1]!;
    const around = textAroundCaret(box, { node: empty, offset: 0 });
    expect(around.before).toBe('Hi Tom,\n');
    expect(placeInReply('Thanks!', around.before, around.after)).toBe('Thanks!');
  });

  it('at the end of a plain-text box, after a <br>', () => {
    const box = editor('Hi Tom,<br>see you');
    const around = textAroundCaret(box, { node: box, offset: box.childNodes.length });
    expect(around).toEqual({ before: 'Hi Tom,\nsee you', after: '' });
    expect(placeInReply('Thanks!', around.before, around.after)).toBe('\nThanks!');
  });

  it('at the start of a box with text: the text moves to the next line', () => {
    const box = editor('<p>Looks good</p>');
    const around = textAroundCaret(box, { node: textIn(box, 'Looks good'), offset: 0 });
    expect(around).toEqual({ before: '', after: 'Looks good\n' });
    expect(placeInReply('Thanks!', around.before, around.after)).toBe('Thanks!\n');
    // Before the paragraph itself, the paragraph already starts a new line.
    const outside = textAroundCaret(box, { node: box, offset: 0 });
    expect(placeInReply('Thanks!', outside.before, outside.after)).toBe('Thanks!');
  });
});
