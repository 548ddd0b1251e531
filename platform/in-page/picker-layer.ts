/**
 * What the page shows while the user picks: outlines around the element under the pointer and
 * the ones chosen, drawn in a closed shadow root of our own. Boxes only: no name, no text, no
 * attribute of ours on the page's own elements.
 */
import { frameDocuments } from '@/lib/adapters/frames';

const STYLE = `
:host { all: initial; }
.box {
  position: fixed; z-index: 2147483645; pointer-events: none; box-sizing: border-box;
  border: 2px solid #2563eb; border-radius: 3px; background: rgb(37 99 235 / 0.12);
}
.box.chosen { border-color: #059669; background: rgb(5 150 105 / 0.15); border-width: 3px; }
`;

/** Where an element is in the top frame's viewport, through the same-origin frames it is in. */
function rectInTop(el: Element): { top: number; left: number; width: number; height: number } {
  const rect = el.getBoundingClientRect();
  let { top, left } = rect;
  for (let frame = frameOf(el.ownerDocument); frame; frame = frameOf(frame.ownerDocument)) {
    const outer = frame.getBoundingClientRect();
    top += outer.top + frame.clientTop;
    left += outer.left + frame.clientLeft;
  }
  return { top, left, width: rect.width, height: rect.height };
}

function frameOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null;
  } catch {
    return null; // the frame is another origin's: the top frame is reached
  }
}

export interface PickerLayer {
  /** The element that holds the layer (the picker ignores events on it). */
  readonly host: Element;
  draw(highlighted: Element | null, chosen: readonly Element[]): void;
  destroy(): void;
}

export function mountPickerLayer(doc: Document): PickerLayer {
  const host = doc.createElement('inside-out-picker');
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  shadow.append(style);
  doc.documentElement.append(host);
  let last: { highlighted: Element | null; chosen: readonly Element[] } = {
    highlighted: null,
    chosen: [],
  };
  let frame = 0;

  const box = (el: Element, chosen: boolean): HTMLElement => {
    const rect = rectInTop(el);
    const div = doc.createElement('div');
    div.className = chosen ? 'box chosen' : 'box';
    Object.assign(div.style, {
      top: `${rect.top - 2}px`,
      left: `${rect.left - 2}px`,
      width: `${rect.width + 4}px`,
      height: `${rect.height + 4}px`,
    });
    return div;
  };

  const render = () => {
    frame = 0;
    for (const old of shadow.querySelectorAll('.box')) old.remove();
    for (const el of last.chosen) shadow.append(box(el, true));
    if (last.highlighted && !last.chosen.includes(last.highlighted))
      shadow.append(box(last.highlighted, false));
  };
  const redraw = () => {
    frame ||= requestAnimationFrame(render);
  };
  const view = doc.defaultView;
  // The page's own scrolling, and its same-origin frames' (people picked inside one).
  const views = [view, ...frameDocuments(doc).map((f) => f.document.defaultView)].flatMap(
    (v) => v ?? [],
  );
  for (const v of views) v.addEventListener('scroll', redraw, { capture: true, passive: true });
  view?.addEventListener('resize', redraw, { passive: true });

  return {
    host,
    draw(highlighted, chosen) {
      last = { highlighted, chosen };
      redraw();
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      for (const v of views) v.removeEventListener('scroll', redraw, { capture: true });
      view?.removeEventListener('resize', redraw);
      host.remove();
    },
  };
}
